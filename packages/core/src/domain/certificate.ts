/** A certificate received from an awarding body for a candidate and series. */
import { z } from 'zod';
import { instantSchema } from './identifierSchemas.js';

/** A certificate record. */
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
/** A certificate record. */
export type Certificate = z.infer<typeof certificateSchema>;
