/**
 * Access arrangements: the adjustments a candidate sits with (extra time, reader, scribe, …), approved
 * through Access Arrangements Online. The evidence behind them is confidential personal data.
 */
import { z } from 'zod';
import { calendarDateSchema } from './identifierSchemas.js';

/**
 * The kinds of access arrangement examcycle plans rooms and time around.
 *
 * @example
 * ```ts
 * accessArrangementKindSchema.options.includes('word_processor'); // true
 * ```
 */
export const accessArrangementKindSchema = z.enum([
  'extra_time',
  'rest_breaks',
  'reader',
  'computer_reader',
  'scribe',
  'prompter',
  'word_processor',
  'separate_invigilation',
  'modified_paper',
  'practical_assistant',
  'other',
]);
/**
 * An access arrangement kind.
 *
 * @example
 * ```ts
 * const kinds: AccessArrangementKind[] = ['extra_time', 'reader', 'separate_invigilation'];
 * ```
 */
export type AccessArrangementKind = z.infer<typeof accessArrangementKindSchema>;

/**
 * An access arrangement.
 *
 * @example
 * ```ts
 * const checked = accessArrangementSchema.safeParse({ id: 'aa-1', candidateId: 'c-1', kind: 'extra_time' });
 * if (!checked.success) console.log(checked.error.issues[0]?.path); // ['extraTimePercent']: extra time needs its percentage
 * ```
 */
export const accessArrangementSchema = z
  .object({
    id: z.string().min(1),
    candidateId: z.string().min(1),
    kind: accessArrangementKindSchema,
    /** For extra time: 25, 50 or another approved percentage. */
    extraTimePercent: z.number().int().positive().max(100).optional(),
    /** Rest-break minutes per hour, where the centre grants them as a time allowance. */
    restBreakMinutesPerHour: z.number().int().nonnegative().optional(),
    /** Whether the arrangement was approved (AAO) or is a centre-delegated one. */
    approval: z.enum(['aao_approved', 'centre_delegated', 'pending', 'none']).default('none'),
    approvedOn: calendarDateSchema.optional(),
    approvalReference: z.string().optional(),
    /** Whether the centre holds the evidence (kept for the JCQ inspector). */
    evidenceHeld: z.boolean().default(false),
  })
  .refine((a) => a.kind !== 'extra_time' || a.extraTimePercent !== undefined, {
    error: 'extra time needs its percentage',
    path: ['extraTimePercent'],
  });
/**
 * An access arrangement.
 *
 * @example
 * ```ts
 * const aa: AccessArrangement = { id: 'aa-1', candidateId: 'c-1', kind: 'extra_time', extraTimePercent: 25, approval: 'aao_approved', approvedOn: '2026-02-10', evidenceHeld: true };
 * ```
 */
export type AccessArrangement = z.infer<typeof accessArrangementSchema>;
