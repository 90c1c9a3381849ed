/**
 * Who may close each exam-cycle task (`cycle.task.<id>`) under the JCQ pack, with its source: the rows come
 * from the task catalogue itself ({@link jcqCycleTaskCatalogue}), for every series of the edition, so every
 * catalogue task has its roles. The head of centre declares and signs; the exams officer submits entries and
 * results services; the SENCo applies for access arrangements; heads of department check entries; senior
 * leaders sign off policies.
 */
import type { Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';
import { jcqCycleTaskCatalogue } from '../tasks/jcqCycleTaskCatalogue.js';

/**
 * The cycleTask rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param edition - the edition in force
 */
export function cycleTaskAuthorities(edition: Edition): readonly Authority[] {
  const rows = new Map<string, Authority>();
  for (const s of edition.series) {
    for (const { task, authority } of jcqCycleTaskCatalogue(edition.academicYear, `${s.month}-${String(s.year)}`, s)) {
      const action = `cycle.task.${task.id}`;
      if (!rows.has(action)) rows.set(action, { action, roles: authority.roles, title: authority.title, source: authority.source, confidence: authority.confidence, ...(authority.note ? { note: authority.note } : {}) });
    }
  }
  return [...rows.values()];
}
