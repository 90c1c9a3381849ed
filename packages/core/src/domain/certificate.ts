/** A certificate received from an awarding body for a candidate and series. */
import { z } from 'zod';
import { instantSchema } from './identifierSchemas.js';

/**
 * A certificate record.
 *
 * @example
 * ```ts
 * const certificate = certificateSchema.parse({ id: 'CERT-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300H'] });
 * ```
 */
export const certificateSchema = z.object({
  id: z.string().min(1),
  candidateId: z.string().min(1),
  seriesId: z.string().min(1),
  awardingBodyId: z.string().min(1),
  awardCodes: z.array(z.string()).default([]),
  receivedAt: instantSchema.optional(),
  issuedAt: instantSchema.optional(),
  issuedTo: z.string().optional(),
  method: z.enum(['collected', 'posted', 'third_party']).optional(),
  destroyedAt: instantSchema.optional(),
  destroyedBy: z.string().optional(),
});
/**
 * A certificate record.
 *
 * @example
 * ```ts
 * const issued: Certificate = { id: 'CERT-1', candidateId: 'c-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300H'], issuedAt: '2026-11-26T15:30:00+00:00', issuedTo: 'c-1', method: 'collected' };
 * ```
 */
export type Certificate = z.infer<typeof certificateSchema>;
