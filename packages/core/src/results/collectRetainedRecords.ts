/**
 * Gathering every record examcycle knows into the rules pack's `RetainedRecord` form, for the retention
 * planner: seating plans, attendance registers, incident logs, consent forms, candidates' work (NEA and
 * scripts held at the centre), access arrangements evidence, certificates (from the certificate machines)
 * and consents (from the enquiry machines). A record of a candidate with an enquiry still open in the same
 * series is marked `openEnquiry`, so it is kept until the enquiry ends.
 */
import type { RetainedRecord, RetainedRecordKind } from '../rules/RulesPack.js';
import type { Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { certificateRetainedRecords, type CertificateContext } from './certificateMachine.js';
import type { EnquiryContext } from './enquiryMachine.js';

/**
 * A document the centre keeps (a seating plan, a register, a form, a folder of work).
 *
 * @example
 * ```ts
 * const plan: KeptDocument = { id: 'sp-2026-06-08-am', createdAt: '2026-06-08T08:30:00+01:00', seriesId: 'june-2026', subject: 'Sports hall, morning session' };
 * collectRetainedRecords({ seatingPlans: [plan] }).length; // 1
 * ```
 */
export interface KeptDocument {
  readonly id: string;
  /** When it was made. */
  readonly createdAt: Instant;
  /** What it is about: a candidate id (or `candidateId/awardCode`), a sitting id, … */
  readonly subject?: string;
  readonly seriesId?: string;
  /** An enquiry, review or appeal open on it. */
  readonly openEnquiry?: boolean;
  /** For access arrangement approvals: the approval date. */
  readonly approvedAt?: Instant;
}

/**
 * Everything to collect, by what it is.
 *
 * @example
 * ```ts
 * const sources: RetentionSources = {
 *   seatingPlans: [{ id: 'sp-2026-06-08-am', createdAt: '2026-06-08T08:30:00+01:00', seriesId: 'june-2026' }],
 *   scriptDespatchProofs: [{ id: 'despatch-2026-06-08-am', createdAt: '2026-06-08T13:00:00+01:00', seriesId: 'june-2026' }],
 * };
 * planRetention({ rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources }).mayDestroy.map((l) => l.record.id); // ['despatch-2026-06-08-am']
 * ```
 */
export interface RetentionSources {
  readonly seatingPlans?: readonly KeptDocument[];
  readonly attendanceRegisters?: readonly KeptDocument[];
  readonly incidentLogs?: readonly KeptDocument[];
  /** Paper consent forms kept apart from the enquiry machines (for access to scripts, or other services). */
  readonly consentForms?: readonly (KeptDocument & { readonly forAccessToScripts: boolean })[];
  /** Candidates' non-examination assessment work held at the centre. */
  readonly neaWork?: readonly KeptDocument[];
  /** Scripts held at the centre (returned originals, internally assessed work): kept as candidates' work. */
  readonly scripts?: readonly KeptDocument[];
  readonly scriptDespatchProofs?: readonly KeptDocument[];
  readonly accessArrangementsEvidence?: readonly KeptDocument[];
  readonly accessArrangementsApprovals?: readonly KeptDocument[];
  /** Certificate machines' contexts. */
  readonly certificates?: readonly CertificateContext[];
  /** Enquiry machines' contexts: their consents, and the holds of those still open. */
  readonly enquiries?: readonly EnquiryContext[];
  /** Any other record, already in the pack's form. */
  readonly records?: readonly RetainedRecord[];
}

function fromDocument(kind: RetainedRecordKind, d: KeptDocument): RetainedRecord {
  return {
    id: d.id,
    kind,
    createdAt: londonIso(instantToMillis(d.createdAt)),
    ...(d.subject !== undefined ? { subject: d.subject } : {}),
    ...(d.seriesId !== undefined ? { seriesId: d.seriesId } : {}),
    ...(d.openEnquiry ? { openEnquiry: true } : {}),
    ...(d.approvedAt !== undefined ? { approvedAt: d.approvedAt } : {}),
  };
}

function isOpen(e: EnquiryContext): boolean {
  return e.closedAt === null && e.withdrawal === null;
}

/**
 * Collects every record into `RetainedRecord`s, marking those held by an open enquiry.
 *
 * @param sources - the centre's records by kind, and the certificate and enquiry machines' contexts
 * @example
 * ```ts
 * import type { ActorRefFrom } from 'xstate';
 * declare const seatingPlans: KeptDocument[], attendanceRegisters: KeptDocument[];
 * declare const certs: ActorRefFrom<typeof certificateMachine>[];
 * const records = collectRetainedRecords({ seatingPlans, attendanceRegisters, certificates: certs.map((a) => a.getSnapshot().context) });
 * ```
 */
export function collectRetainedRecords(sources: RetentionSources): RetainedRecord[] {
  const out: RetainedRecord[] = [];
  const add = (kind: RetainedRecordKind, docs: readonly KeptDocument[] | undefined) => {
    for (const d of docs ?? []) out.push(fromDocument(kind, d));
  };
  add('seating_plan', sources.seatingPlans);
  add('attendance_register', sources.attendanceRegisters);
  add('incident_log', sources.incidentLogs);
  for (const f of sources.consentForms ?? []) out.push(fromDocument(f.forAccessToScripts ? 'ats_consent' : 'enquiry_consent', f));
  add('nea_work', sources.neaWork);
  add('nea_work', sources.scripts);
  add('script_despatch_proof', sources.scriptDespatchProofs);
  add('access_arrangements_evidence', sources.accessArrangementsEvidence);
  add('access_arrangements_approval', sources.accessArrangementsApprovals);
  for (const c of sources.certificates ?? []) out.push(...certificateRetainedRecords(c));
  for (const e of sources.enquiries ?? []) {
    if (!e.consent) continue;
    const ats = e.serviceRule.outcome === 'scripts';
    out.push({
      id: `${e.request.id}/consent`,
      kind: ats ? 'ats_consent' : 'enquiry_consent',
      subject: `${e.request.candidateId}/${e.request.awardCode}`,
      seriesId: e.request.seriesId,
      createdAt: e.consent.signedAt,
      ...(isOpen(e) ? { openEnquiry: true } : {}),
    });
  }
  out.push(...(sources.records ?? []));

  // A record of a candidate with an open enquiry in the same series is held while it is open.
  const open = (sources.enquiries ?? []).filter(isOpen).map((e) => e.request);
  return out.map((r) => {
    if (r.openEnquiry || r.subject === undefined) return r;
    const subject = r.subject;
    const held = open.some((q) => (subject === q.candidateId || subject.startsWith(`${q.candidateId}/`)) && (r.seriesId === undefined || r.seriesId === q.seriesId));
    return held ? { ...r, openEnquiry: true } : r;
  });
}
