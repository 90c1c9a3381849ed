/** Shared set-up for the exam-cycle tests: a synthetic centre, the June 2026 series, people. */
import { examSeries, type Actor } from '@examcycle/core';

export const centre = { centreNumber: '68199', name: 'Synthetic Academy' };
export const june2026 = examSeries('june', 2026);
export const officer: Actor = { id: 'eo-1', role: 'exams_officer' };
export const head: Actor = { id: 'hoc-1', role: 'head_of_centre' };
export const START = '2025-09-01T09:00:00.000+01:00';
