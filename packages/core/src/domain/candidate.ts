/**
 * A candidate, with the legal names exactly as entered with the awarding bodies (certificates carry
 * them) and the identifiers that follow them between centres.
 */
import { z } from 'zod';
import { calendarDateSchema, candidateNumberSchema, centreNumberSchema, uciSchema, ulnSchema, upnSchema } from './identifierSchemas.js';

/**
 * A candidate.
 *
 * @example
 * ```ts
 * const checked = candidateSchema.safeParse({ id: 'c-1', centreNumber: '99999', candidateNumber: '0001', legalSurname: 'Okafor', legalForenames: 'Chidi', dateOfBirth: '2010-03-14' });
 * if (checked.success) console.log(checked.data.kind); // 'internal' (the default)
 * ```
 */
export const candidateSchema = z.object({
  /** A stable id (the MIS id, usually). */
  id: z.string().min(1),
  centreNumber: centreNumberSchema,
  candidateNumber: candidateNumberSchema,
  uci: uciSchema.optional(),
  uln: ulnSchema.optional(),
  upn: upnSchema.optional(),
  /** Legal surname as entered with the awarding bodies. */
  legalSurname: z.string().min(1),
  /** Legal forenames as entered with the awarding bodies (may be empty for a single name). */
  legalForenames: z.string(),
  preferredName: z.string().optional(),
  dateOfBirth: calendarDateSchema,
  sex: z.enum(['F', 'M']).optional(),
  /** Internal (on roll) or private candidate. */
  kind: z.enum(['internal', 'private']).default('internal'),
  /** Whether the candidate was told they must be available until the last contingency day. */
  contingencyDayNoticeGiven: z.boolean().optional(),
});
/**
 * A candidate.
 *
 * @example
 * ```ts
 * const candidate: Candidate = { id: 'c-1', centreNumber: '99999', candidateNumber: '0001', legalSurname: 'Okafor', legalForenames: 'Chidi', dateOfBirth: '2010-03-14', kind: 'internal' };
 * ```
 */
export type Candidate = z.infer<typeof candidateSchema>;
