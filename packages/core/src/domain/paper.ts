/** A timetabled paper: one component sat on a date in the morning or afternoon session. */
import { z } from 'zod';
import { calendarDateSchema, clockTimeSchema } from './identifierSchemas.js';
import { componentKindSchema, qualificationLevelSchema } from './qualification.js';

/**
 * The two sessions of an exam day.
 *
 * @example
 * ```ts
 * sessionSchema.parse('PM'); // 'PM'
 * ```
 */
export const sessionSchema = z.enum(['AM', 'PM']);
/**
 * A session.
 *
 * @example
 * ```ts
 * const session: Session = 'AM';
 * ```
 */
export type Session = z.infer<typeof sessionSchema>;

/**
 * A timetabled paper.
 *
 * @example
 * ```ts
 * const paper = timetabledPaperSchema.parse({ id: 'AQA-83001H', seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: '83001H', title: 'Mathematics Paper 1H', level: 'GCSE', date: '2026-05-14', session: 'AM', startTime: '09:00', durationMinutes: 90 });
 * ```
 */
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
/**
 * A timetabled paper.
 *
 * @example
 * ```ts
 * const paper: TimetabledPaper = { id: 'AQA-83001H', seriesId: 'june-2026', awardingBodyId: 'AQA', componentCode: '83001H', title: 'Mathematics Paper 1H', level: 'GCSE', kind: 'written', date: '2026-05-14', session: 'AM', startTime: '09:00', durationMinutes: 90 };
 * ```
 */
export type TimetabledPaper = z.infer<typeof timetabledPaperSchema>;
