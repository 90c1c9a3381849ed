/** Awarding bodies: the JCQ members and others a centre enters candidates with. */
import { z } from 'zod';

/** An awarding body. */
export const awardingBodySchema = z.object({
  /** Short id, e.g. `AQA`, `OCR`, `PEARSON`, `WJEC`, `CCEA`. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** The two-digit JCQ EDI identifier (`70` for AQA), where known. */
  ediId: z.string().regex(/^\d{2}$/).optional(),
});
/** An awarding body. */
export type AwardingBody = z.infer<typeof awardingBodySchema>;
