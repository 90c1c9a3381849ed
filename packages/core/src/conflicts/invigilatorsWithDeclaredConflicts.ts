/**
 * Feeds the conflicts-of-interest register into invigilator deployment: each invigilator who is a member
 * of staff with a declared conflict gets the candidates concerned added to `relativeOfCandidateIds`, the
 * field {@link deployInvigilators} already reads, so a candidate's relative (or close friend, or tutee, or
 * the staff member sitting the exam themselves) is kept out of the candidate's room and is never its sole
 * invigilator.
 */
import type { Invigilator } from '../domain/invigilator.js';
import type { ConflictDeclaration } from './conflictDeclaration.js';

/**
 * The invigilators with the register's declared conflicts added to their relatives. An invigilator is
 * matched to declarations by `staffId` (or by `id` when it has none).
 *
 * @param invigilators - the pool
 * @param declarations - the series' declarations
 * @example
 * ```ts
 * declare const invigilators: Invigilator[];
 * declare const register: ConflictsRegister;
 * declare const plan: SeatingPlan;
 * declare const rules: ExamRoomRules;
 * const pool = invigilatorsWithDeclaredConflicts(invigilators, await register.declarations());
 * deployInvigilators({ plan, invigilators: pool }, { rules });
 * ```
 */
export function invigilatorsWithDeclaredConflicts(invigilators: readonly Invigilator[], declarations: readonly ConflictDeclaration[]): Invigilator[] {
  const byStaff = new Map<string, Set<string>>();
  for (const d of declarations) {
    if (d.candidateId === undefined) continue;
    const set = byStaff.get(d.staffId) ?? new Set<string>();
    set.add(d.candidateId);
    byStaff.set(d.staffId, set);
  }
  return invigilators.map((inv) => {
    const declared = byStaff.get(inv.staffId ?? inv.id);
    if (!declared) return inv;
    const ids = [...inv.relativeOfCandidateIds];
    for (const c of declared) if (!ids.includes(c)) ids.push(c);
    return { ...inv, relativeOfCandidateIds: ids };
  });
}
