/** The exam centre: the school or college, known to the awarding bodies by its five-digit centre number. */
import { z } from 'zod';
import { centreNumberSchema } from './identifierSchemas.js';

/**
 * A centre.
 *
 * @example
 * ```ts
 * const centre = centreSchema.parse({ centreNumber: '99999', name: 'Synthetic Community College' });
 * ```
 */
export const centreSchema = z.object({
  /** The National Centre Number. */
  centreNumber: centreNumberSchema,
  name: z.string().min(1),
  /** The head of centre's staff id. */
  headOfCentreId: z.string().min(1).optional(),
});
/**
 * A centre.
 *
 * @example
 * ```ts
 * const centre: Centre = { centreNumber: '99999', name: 'Synthetic Community College', headOfCentreId: 'staff-1' };
 * ```
 */
export type Centre = z.infer<typeof centreSchema>;
