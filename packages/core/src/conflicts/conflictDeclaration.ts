/**
 * A declaration of a conflict of interest (JCQ General Regulations 5.3): a member of centre staff with a
 * relative, a close friend or someone they tutor sitting an exam or assessment, or sitting one themselves,
 * declared per series, with how the centre mitigates it, the head of centre's sign-off, and each awarding
 * body told. The awarding bodies ask for the staff member, their role, the candidate (name and number), the
 * relationship, the qualification and a summary of how the centre will manage the conflict.
 */
import { z } from 'zod';
import type { Actor } from '../audit/auditTrail.js';
import type { Instant } from '../time/clock.js';

/**
 * The kinds of conflict a declaration records.
 *
 * @example
 * ```ts
 * conflictKindSchema.parse('staff_candidate'); // a member of staff sitting an exam at their own centre
 * ```
 */
export const conflictKindSchema = z.enum([
  /** A member of the staff member's family (step-family, foster family and similar close relationships included). */
  'relative',
  /** A close friend, or their immediate family. */
  'close_friend',
  /** Someone the staff member tutors or prepares privately. */
  'tutor',
  /** The staff member is themselves entered for an exam or assessment. */
  'staff_candidate',
  'other',
]);
/**
 * A kind of conflict.
 *
 * @example
 * ```ts
 * const kind: ConflictKind = 'staff_candidate';
 * ```
 */
export type ConflictKind = z.infer<typeof conflictKindSchema>;

const id = z.string().trim().min(1).max(200);

/**
 * What a declaration states: who, which candidate or qualification, the relationship, and the awarding
 * bodies concerned (each must be told).
 *
 * @example
 * ```ts
 * conflictDeclarationInputSchema.parse({ id: 'coi-1', staffId: 't-7', kind: 'relative', candidateId: 'c-0042', relationship: 'Parent', awardingBodyIds: ['AQA'] });
 * ```
 */
export const conflictDeclarationInputSchema = z
  .strictObject({
    id,
    staffId: id,
    staffName: z.string().max(500).optional(),
    /** The staff member's role at the centre, in words (the awarding bodies ask for it). */
    staffRole: z.string().max(200).optional(),
    kind: conflictKindSchema,
    /** The candidate concerned (for a staff candidate: their own candidate id). */
    candidateId: id.optional(),
    candidateName: z.string().max(500).optional(),
    candidateNumber: z.string().max(20).optional(),
    /** The qualification concerned. */
    qualification: z.strictObject({ awardingBodyId: id, entryCode: z.string().max(20).optional(), title: z.string().max(500).optional() }).optional(),
    /** The relationship, in words ("mother", "private tutor since 2024", "sitting A-level Spanish"). */
    relationship: z.string().trim().min(1).max(2000),
    /** The awarding bodies to tell. */
    awardingBodyIds: z.array(id).min(1).max(50),
  })
  .refine((d) => d.candidateId !== undefined || d.qualification !== undefined, { error: 'A declaration names the candidate or the qualification concerned', path: ['candidateId'] });
/**
 * What a declaration states.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const input: ConflictDeclarationInput = { id: 'coi-1', staffId: 't-7', staffRole: 'Teacher of biology', kind: 'relative', candidateId: 'c-0042', relationship: 'Parent', awardingBodyIds: ['AQA'] };
 * await register.declare({ id: 't-7', role: 'teacher' }, input);
 * ```
 */
export type ConflictDeclarationInput = z.infer<typeof conflictDeclarationInputSchema>;

/**
 * A notification of a declaration to one awarding body.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const [first] = await register.declarations();
 * const sent: readonly ConflictNotification[] = first?.notifications ?? [];
 * sent.map((n) => `${n.awardingBodyId} notified ${n.at.slice(0, 10)} (${n.reference ?? 'no reference'})`);
 * ```
 */
export interface ConflictNotification {
  readonly awardingBodyId: string;
  readonly at: Instant;
  readonly by: Actor;
  /** The awarding body's reference, or how it was sent (form, email). */
  readonly reference?: string;
}

/**
 * A declaration as the register keeps it.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const declarations: readonly ConflictDeclaration[] = await register.declarations();
 * declarations.filter((d) => !d.signedOff).map((d) => `${d.staffId}: ${d.kind} of ${d.candidateId ?? 'n/a'}`);
 * ```
 */
export interface ConflictDeclaration extends ConflictDeclarationInput {
  readonly seriesId: string;
  readonly declaredAt: Instant;
  readonly declaredBy: Actor;
  /** How the centre mitigates the conflict ("no access to the candidate's scripts; second marker for NEA"). */
  readonly mitigation?: { readonly text: string; readonly at: Instant; readonly by: Actor };
  /** The head of centre's sign-off of the declaration and its mitigation. */
  readonly signedOff?: { readonly at: Instant; readonly by: Actor };
  readonly notifications: readonly ConflictNotification[];
}
