/** Invigilators: who they are, their training, when they can work, and whose relative they are. */
import { z } from 'zod';
import { calendarDateSchema } from './identifierSchemas.js';
import { sessionSchema } from './paper.js';

/**
 * An invigilator.
 *
 * @example
 * ```ts
 * const inv = invigilatorSchema.parse({ id: 'inv-1', name: 'Sam Patel', trainedOn: '2025-10-01', availability: [{ date: '2026-06-01', session: 'AM' }] });
 * ```
 */
export const invigilatorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  staffId: z.string().optional(),
  /** Date of initial training. */
  trainedOn: calendarDateSchema.optional(),
  /** Date of the latest annual update. */
  lastUpdateOn: calendarDateSchema.optional(),
  /** Sessions the invigilator is available for. */
  availability: z.array(z.object({ date: calendarDateSchema, session: sessionSchema })).default([]),
  /** Candidates the invigilator is related to. */
  relativeOfCandidateIds: z.array(z.string()).default([]),
  /** Trained as an access-arrangement facilitator (reader, scribe, prompter). */
  facilitator: z.boolean().default(false),
});
/**
 * An invigilator.
 *
 * @example
 * ```ts
 * const inv: Invigilator = { id: 'inv-1', name: 'Sam Patel', availability: [], relativeOfCandidateIds: [], facilitator: false };
 * ```
 */
export type Invigilator = z.infer<typeof invigilatorSchema>;
