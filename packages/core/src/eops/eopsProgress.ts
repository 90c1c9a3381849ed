/**
 * Where one exams officer's Standards stand for a year, criterion by criterion: the four criteria the
 * certificate needs (the Values & Attributes statement signed by the officer, Knowledge & Understanding
 * complete, Key Skills complete, the Values & Attributes agreement countersigned by a senior leader / line
 * manager) and the certificate itself, with what is still missing in words. The machine's declaration guard
 * and the tracker both read it, so they cannot disagree.
 */
import type { EopsStrand } from './eopsAreas.js';
import type { EopsRecord, EopsTarget } from './eopsContext.js';

/**
 * The criteria of one officer's year, and what is missing for the certificate.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const progress: EopsProgress = eopsProgress(record);
 * progress.missing; // what is left before the certificate can be requested
 * ```
 */
export interface EopsProgress {
  /** The exams officer has signed the Values & Attributes statement. */
  readonly valuesAndAttributesStatement: boolean;
  /** At least one Knowledge & Understanding target, none still open, at least one achieved. */
  readonly knowledgeAndUnderstanding: boolean;
  /** At least one Key Skills target, none still open, at least one achieved. */
  readonly keySkills: boolean;
  /** A senior leader / line manager has countersigned the statement (the agreement). */
  readonly valuesAndAttributesAgreement: boolean;
  /** The certificate has been requested (the step before the SLT declaration). */
  readonly certificateRequested: boolean;
  /** The certificate has been issued. */
  readonly certificate: boolean;
  /** Every criterion the declaration still needs, in words (empty when it can be made). */
  readonly missing: readonly string[];
}

const STRAND_LABEL: Record<EopsStrand, string> = {
  knowledge_and_understanding: 'Knowledge & Understanding',
  key_skills: 'Key Skills',
};

function strandGap(targets: readonly EopsTarget[], strand: EopsStrand): string | null {
  const mine = targets.filter((t) => t.strand === strand);
  const label = STRAND_LABEL[strand];
  if (mine.length === 0) return `${label}: no target agreed`;
  const unconfirmed = mine.filter((t) => t.confirmedBy === null).length;
  if (unconfirmed > 0) return `${label}: ${unconfirmed} target(s) not yet agreed by both the exams officer and a senior leader / line manager`;
  const open = mine.filter((t) => t.status === 'open').length;
  if (open > 0) return `${label}: ${open} target(s) not yet marked achieved or not applicable`;
  if (!mine.some((t) => t.status === 'achieved')) return `${label}: every target is not applicable, none achieved`;
  return null;
}

/**
 * The criteria of one officer's year. A strand is complete when it has at least one target, every target
 * is agreed by both the officer and a senior leader / line manager and marked achieved or not applicable,
 * and at least one is achieved (a strand of only not-applicable targets achieves nothing).
 *
 * @param record - an officer's record for one academic year
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const [record] = eopsRecords(actor, { officerId: 'eo-1', academicYear: '2025/26' });
 * eopsProgress(record!).missing; // ['Values & Attributes agreement: not countersigned by a senior leader / line manager']
 * ```
 */
export function eopsProgress(record: Pick<EopsRecord, 'targets' | 'valuesAndAttributes' | 'certificate'> & Partial<Pick<EopsRecord, 'certificateRequest'>>): EopsProgress {
  const ku = strandGap(record.targets, 'knowledge_and_understanding');
  const ks = strandGap(record.targets, 'key_skills');
  const statement = record.valuesAndAttributes.statement !== null;
  const agreement = record.valuesAndAttributes.agreement !== null;
  const missing: string[] = [];
  if (!statement) missing.push('Values & Attributes statement: not signed by the exams officer');
  if (ku) missing.push(ku);
  if (ks) missing.push(ks);
  if (!agreement) missing.push('Values & Attributes agreement: not countersigned by a senior leader / line manager');
  return {
    valuesAndAttributesStatement: statement,
    knowledgeAndUnderstanding: ku === null,
    keySkills: ks === null,
    valuesAndAttributesAgreement: agreement,
    certificateRequested: (record.certificateRequest ?? null) !== null,
    certificate: record.certificate !== null,
    missing,
  };
}
