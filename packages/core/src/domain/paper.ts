/** A timetabled paper: one component sat on a date in the morning or afternoon session. */
import { z } from 'zod';
import { calendarDateSchema, clockTimeSchema } from './identifierSchemas.js';
import { componentKindSchema, qualificationLevelSchema } from './qualification.js';

/** The two sessions of an exam day. */
export const sessionSchema = z.enum(['AM', 'PM']);
/** A session. */
export type Session = z.infer<typeof sessionSchema>;

/** A timetabled paper. */
export const timetabledPaperSchema = z.object({
  id: z.string().min(1),
  seriesId: z.string().min(1),
  awardingBodyId: z.string().min(1),
  componentCode: z.string().min(1),
  title: z.string(),
  level: qualificationLevelSchema,
  kind: componentKindSchema.default('written'),
  date: calendarDateSchema,
  session: sessionSchema,
  /** The awarding body's published start, London time. */
  startTime: clockTimeSchema,
  durationMinutes: z.number().int().positive(),
});
/** A timetabled paper. */
export type TimetabledPaper = z.infer<typeof timetabledPaperSchema>;
