/**
 * An entry: a candidate entered for an option code in a series with an awarding body. When it was
 * submitted decides its fee band.
 */
import { z } from 'zod';
import { instantSchema } from './identifierSchemas.js';

/**
 * The life of an entry.
 *
 * @example
 * ```ts
 * entryStatusSchema.parse('withdrawn'); // 'withdrawn'
 * ```
 */
export const entryStatusSchema = z.enum(['draft', 'submitted', 'accepted', 'amended', 'withdrawn', 'rejected']);
/**
 * An entry status.
 *
 * @example
 * ```ts
 * const status: EntryStatus = 'submitted';
 * ```
 */
export type EntryStatus = z.infer<typeof entryStatusSchema>;

/**
 * An entry.
 *
 * @example
 * ```ts
 * const entry = entrySchema.parse({ id: 'e-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', status: 'draft' });
 * entry.componentCodes; // [] (the default)
 * ```
 */
export const entrySchema = z.object({
  id: z.string().min(1),
  candidateId: z.string().min(1),
  seriesId: z.string().min(1),
  awardingBodyId: z.string().min(1),
  /** The entry (option) code. */
  entryCode: z.string().min(1).max(6),
  /** The components sat for this entry, when known. */
  componentCodes: z.array(z.string()).default([]),
  status: entryStatusSchema,
  /** When the entry reached the awarding body. */
  submittedAt: instantSchema.optional(),
  withdrawnAt: instantSchema.optional(),
  /** Whether the candidate's identity has been verified for this entry. */
  identityVerified: z.boolean().default(false),
});
/**
 * An entry.
 *
 * @example
 * ```ts
 * const entry: Entry = { id: 'e-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', componentCodes: [], status: 'submitted', submittedAt: '2026-02-10T16:00:00+00:00', identityVerified: true };
 * ```
 */
export type Entry = z.infer<typeof entrySchema>;
