/**
 * Regulations are data with sources: every value a rules pack supplies says where it comes from
 * (document, section, year) and whether that source confirms it.
 */
import { z } from 'zod';

/** Where a value comes from. */
export const sourceRefSchema = z.object({
  /** The document, e.g. `JCQ Instructions for conducting examinations (ICE)`. */
  document: z.string().min(1),
  /** The section or clause, e.g. `11.10`. */
  section: z.string().optional(),
  /** The document's year or edition, e.g. `2025/26`. */
  year: z.string().min(1),
  url: z.url().optional(),
});
/** Where a value comes from. */
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** `confirmed`: stated by the cited source. `unconfirmed`: commonly quoted, inferred, or from a secondary source: check it. */
export type Confidence = 'confirmed' | 'unconfirmed';

/** A value with its source and confidence. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  /** Why it is unconfirmed, or what the source says exactly. */
  readonly note?: string;
}
