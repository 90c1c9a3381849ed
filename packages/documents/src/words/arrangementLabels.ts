/**
 * How documents name access arrangements: a short mark for a seat on the plan (explained in the legend)
 * and the words for a desk card or a register.
 */
import type { AccessArrangementKind } from '@examcycle/core';

/**
 * Each arrangement's mark on a seating plan and its words.
 *
 * @example
 * ```ts
 * ARRANGEMENT_LABELS.reader; // { mark: 'R', words: 'Reader' }
 * ```
 */
export const ARRANGEMENT_LABELS: { readonly [K in AccessArrangementKind]: { readonly mark: string; readonly words: string } } = {
  extra_time: { mark: 'ET', words: 'Extra time' },
  rest_breaks: { mark: 'RB', words: 'Supervised rest breaks' },
  reader: { mark: 'R', words: 'Reader' },
  computer_reader: { mark: 'CR', words: 'Computer reader' },
  scribe: { mark: 'S', words: 'Scribe' },
  prompter: { mark: 'P', words: 'Prompter' },
  word_processor: { mark: 'WP', words: 'Word processor' },
  separate_invigilation: { mark: 'SI', words: 'Separate invigilation' },
  modified_paper: { mark: 'MP', words: 'Modified paper' },
  practical_assistant: { mark: 'PA', words: 'Practical assistant' },
  other: { mark: 'O', words: 'Other arrangement (see the access arrangements file)' },
};

/**
 * The words for a candidate's arrangements, in a stable order.
 *
 * @param kinds - the candidate's arrangement kinds
 * @example
 * ```ts
 * arrangementWords(['word_processor', 'extra_time']); // ['Extra time', 'Word processor']
 * ```
 */
export function arrangementWords(kinds: readonly AccessArrangementKind[]): string[] {
  return sortedKinds(kinds).map((k) => ARRANGEMENT_LABELS[k].words);
}

/**
 * Arrangement kinds without repeats, in the order of {@link ARRANGEMENT_LABELS}.
 *
 * @param kinds - arrangement kinds
 * @example
 * ```ts
 * sortedKinds(['reader', 'extra_time', 'reader']); // ['extra_time', 'reader']
 * ```
 */
export function sortedKinds(kinds: readonly AccessArrangementKind[]): AccessArrangementKind[] {
  const order = Object.keys(ARRANGEMENT_LABELS) as AccessArrangementKind[];
  return order.filter((k) => kinds.includes(k));
}
