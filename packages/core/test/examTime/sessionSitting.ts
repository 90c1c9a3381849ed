import type { AccessArrangementKind, CandidateSitting, PaperKind } from '@examcycle/core';

/** A sitting of a morning session as a timetable makes it (only what planSeating reads varies). */
export function sessionSitting(candidateId: string, candidateNumber: string, paperId: string, startTime: string, kinds: readonly AccessArrangementKind[] = [], kind: PaperKind = 'written'): CandidateSitting {
  return {
    candidateId,
    candidateNumber,
    entryId: `e-${candidateId}`,
    paperId,
    paper: { id: paperId, seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: paperId, title: `Paper ${paperId}`, level: 'GCSE', kind, date: '2026-06-01', session: 'AM', startTime, durationMinutes: 60 },
    date: '2026-06-01',
    session: 'AM',
    startTime,
    startsAt: `2026-06-01T${startTime}:00.000+01:00`,
    allowedMinutes: 60,
    arrangementKinds: kinds,
  };
}
