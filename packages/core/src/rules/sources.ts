/**
 * Regulations are data with sources: every value a rules pack supplies says where it comes from
 * (document, section, year) and what kind of source that is ({@link Confidence}).
 */
import { z } from 'zod';

/**
 * Where a value comes from.
 *
 * @example
 * ```ts
 * sourceRefSchema.safeParse({ document: 'JCQ General Regulations', section: '5.3', year: '2025-26' }).success; // true
 * ```
 */
export const sourceRefSchema = z.object({
  /** The document, e.g. `JCQ Instructions for conducting examinations (ICE)`. */
  document: z.string().min(1),
  /** The section or clause, e.g. `11.10`. */
  section: z.string().optional(),
  /** The document's year or edition, e.g. `2025/26`. */
  year: z.string().min(1),
  url: z.url().optional(),
});
/**
 * Where a value comes from.
 *
 * @example
 * ```ts
 * const source: SourceRef = { document: 'JCQ Instructions for Conducting Examinations', section: '14.10', year: '2025-26' };
 * ```
 */
export type SourceRef = z.infer<typeof sourceRefSchema>;

/**
 * What kind of source a value rests on, strongest first, so a reader knows how far to trust it:
 *
 * - `primary`: stated by JCQ, an awarding body or the regulator (Ofqual) for that academic year or series.
 * - `primary-earlier-year`: the same rule read in an earlier edition of a primary source.
 * - `secondary`: stated only by a school, a sector publication or a third-party copy of a primary source.
 * - `pattern`: derived from earlier years' dates (the note names the years).
 * - `reading`: the pack's own interpretation of softer wording (the note quotes the wording).
 *
 * Every value below `primary` carries a note saying why, and every rendering of it shows its confidence.
 *
 * Migration from the two-value scale (before issue 13): `confirmed` became `primary` where the source
 * is primary for that year and `primary-earlier-year` where it was read in an earlier edition;
 * `unconfirmed` became `secondary`, `pattern` or `reading` according to its note. There is no alias:
 * code that compared with `'confirmed'` should compare with `'primary'`.
 *
 * @example
 * ```ts
 * const c: Confidence = 'pattern'; // e.g. a June entry deadline derived from earlier years
 * ```
 */
export type Confidence = 'primary' | 'primary-earlier-year' | 'secondary' | 'pattern' | 'reading';

/**
 * A value with its source and confidence.
 *
 * @example
 * ```ts
 * const spacing: Sourced<number> = jcq.examRoomRules('2025/26').seatSpacingMetres;
 * `${spacing.value} m (${spacing.source.document} ${spacing.source.section ?? ''}, ${spacing.confidence})`;
 * ```
 */
export interface Sourced<T> {
  readonly value: T;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  /** What the source says exactly; for a value below `primary`, why it is not primary. */
  readonly note?: string;
}
