/**
 * Staff with a declared conflict of interest who handle that candidate's work: given who handles which
 * candidate's scripts or marks (or which qualification's), the assignments that meet a declaration are
 * flagged, so the exams officer can move them or show the mitigation covers them (JCQ General Regulations
 * 5.3: the centre keeps the declarations and how each conflict is managed).
 */
import type { ConflictDeclaration } from './conflictDeclaration.js';

/**
 * Who handles what: a member of staff assigned to a candidate's (or a qualification's) scripts or marks.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const assignment: HandlingAssignment = { staffId: 't-7', task: 'marks', candidateId: 'c-0042', awardingBodyId: 'AQA', entryCode: '8461H' };
 * conflictFlags(await register.declarations(), [assignment]).length; // 1 when t-7 declared a conflict for c-0042
 * ```
 */
export interface HandlingAssignment {
  readonly staffId: string;
  /** What they handle, e.g. `scripts`, `marks`, `nea_marking`, `invigilation`. */
  readonly task: string;
  readonly candidateId?: string;
  readonly awardingBodyId?: string;
  readonly entryCode?: string;
}

/**
 * An assignment that meets a declared conflict.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const flags: ConflictFlag[] = conflictFlags(await register.declarations(), [{ staffId: 't-7', task: 'invigilation', candidateId: 'c-0042' }]);
 * flags.map((f) => f.message);
 * ```
 */
export interface ConflictFlag {
  readonly staffId: string;
  readonly declarationId: string;
  readonly task: string;
  readonly candidateId?: string;
  readonly entryCode?: string;
  readonly message: string;
  /** The recorded mitigation, when there is one (a flag without one needs action). */
  readonly mitigation?: string;
}

/**
 * The assignments of staff to work of candidates (or qualifications) they have declared a conflict with.
 *
 * @param declarations - the series' declarations ({@link ConflictsRegister.declarations})
 * @param assignments - who handles which scripts or marks
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * conflictFlags(await register.declarations(), [{ staffId: 't-7', task: 'marks', candidateId: 'c-0042' }])[0]?.message;
 * ```
 */
export function conflictFlags(declarations: readonly ConflictDeclaration[], assignments: readonly HandlingAssignment[]): ConflictFlag[] {
  const byStaff = new Map<string, ConflictDeclaration[]>();
  for (const d of declarations) byStaff.set(d.staffId, [...(byStaff.get(d.staffId) ?? []), d]);
  const out: ConflictFlag[] = [];
  for (const a of assignments) {
    for (const d of byStaff.get(a.staffId) ?? []) {
      const sameCandidate = d.candidateId !== undefined && a.candidateId === d.candidateId;
      const q = d.qualification;
      const sameQualification = q !== undefined && q.entryCode !== undefined && a.entryCode === q.entryCode && (a.awardingBodyId === undefined || a.awardingBodyId === q.awardingBodyId);
      if (!sameCandidate && !sameQualification) continue;
      const whom = sameCandidate ? `candidate ${d.candidateNumber ?? d.candidateId}` : `${q!.awardingBodyId} ${q!.entryCode!}`;
      out.push({
        staffId: a.staffId,
        declarationId: d.id,
        task: a.task,
        ...(a.candidateId !== undefined ? { candidateId: a.candidateId } : {}),
        ...(a.entryCode !== undefined ? { entryCode: a.entryCode } : {}),
        message: `${d.staffName ?? a.staffId} handles ${a.task} of ${whom}, with whom they declared a conflict of interest (${d.kind.replace(/_/g, ' ')}: ${d.relationship})${d.mitigation ? '' : '; no mitigation is recorded'}`,
        ...(d.mitigation ? { mitigation: d.mitigation.text } : {}),
      });
    }
  }
  return out;
}
