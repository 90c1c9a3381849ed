/** The centre a document is printed for: its number is on every exam-room document. */

/**
 * The centre on a document's heading.
 *
 * @example
 * ```ts
 * const centre: DocumentCentre = { centreNumber: '99999', name: 'Synthetic Community College' };
 * ```
 */
export interface DocumentCentre {
  /** The five-digit JCQ centre number. */
  readonly centreNumber: string;
  readonly name?: string;
}
