/**
 * The order of a statement of results: by award code, then kind, each under the host's default collation
 * (`localeCompare`). A statement sorts a dozen results, but a centre's statements sort the same few dozen
 * codes tens of thousands of times; so the codes and kinds of a series are ranked once (one collator sort of
 * the distinct values, equal-collating values sharing a rank) and each statement sorts by the ranks, which
 * order every pair exactly as the collator does.
 */

/** What a statement is sorted by: a result's award code and kind (any text: results handed straight to a store are not parsed). */
type Sortable = { readonly awardCode: string; readonly kind: string };

/** `localeCompare` with the host's default collation, through one cached collator. */
const collate = /* @__PURE__ */ new Intl.Collator().compare;

/**
 * The rank of each award code and kind present, under the collation (equal-collating values share a rank).
 *
 * @internal
 * @example
 * ```ts
 * declare const results: Result[];
 * statementOrder(results).code.get('7402'); // 0
 * ```
 */
export interface StatementOrder {
  readonly code: ReadonlyMap<string, number>;
  readonly kind: ReadonlyMap<string, number>;
}

/**
 * Statement order, pair by pair: award code, then kind, under the collation.
 *
 * @internal
 * @param a - a result
 * @param b - another
 * @example
 * ```ts
 * declare const results: Result[];
 * [...results].sort(byAwardCodeThenKind);
 * ```
 */
export function byAwardCodeThenKind(a: Sortable, b: Sortable): number {
  return a.awardCode === b.awardCode ? collate(a.kind, b.kind) : collate(a.awardCode, b.awardCode) || collate(a.kind, b.kind);
}

function ranks(values: Set<string>): Map<string, number> {
  const sorted = [...values].sort(collate);
  const rank = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i > 0 && collate(sorted[i - 1]!, sorted[i]!) !== 0) r += 1;
    rank.set(sorted[i]!, r);
  }
  return rank;
}

/**
 * Ranks the award codes and kinds of some results under the collation.
 *
 * @internal
 * @param results - the results whose statements will be sorted
 * @example
 * ```ts
 * declare const results: Result[];
 * const order = statementOrder(results);
 * sortForStatement(results.slice(0, 12), order); // as [...].sort(byAwardCodeThenKind)
 * ```
 */
export function statementOrder(results: Iterable<Sortable>): StatementOrder {
  const codes = new Set<string>();
  const kinds = new Set<string>();
  let lastKind: string | undefined;
  for (const r of results) {
    codes.add(r.awardCode);
    if (r.kind !== lastKind) kinds.add((lastKind = r.kind));
  }
  return { code: ranks(codes), kind: ranks(kinds) };
}

/** Up to this many results, a statement is sorted by insertion (no comparator, no index array); above it, by `Array.prototype.sort`. */
const INSERTION_MAX = 32;

/** The rank keys of a statement sorted by insertion, reused from call to call (sorting is synchronous, so one buffer serves). */
const keyBuffer = /* @__PURE__ */ new Float64Array(INSERTION_MAX);

/**
 * A candidate's results in statement order (a new array): by the ranks when `order` ranks every code and
 * kind among them, else pair by pair with the collator; the same order either way. A statement of up to
 * {@link INSERTION_MAX} results (every real one) is sorted by a stable insertion sort of the ranks.
 *
 * @internal
 * @param own - the candidate's results
 * @param order - the ranks of the series' codes and kinds ({@link statementOrder}), if worked out
 * @example
 * ```ts
 * declare const own: Result[], all: Result[];
 * sortForStatement(own, statementOrder(all)).map((r) => r.awardCode); // ['7402', '8300H']
 * ```
 */
export function sortForStatement<R extends Sortable>(own: readonly R[], order?: StatementOrder): R[] {
  const n = own.length;
  if (order === undefined || n < 2) return own.slice().sort(byAwardCodeThenKind);
  const kinds = order.kind.size;
  // A longer list (never a real statement) gets its own buffer, so the shared one stays small.
  const keys = n <= INSERTION_MAX ? keyBuffer : new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = own[i]!;
    const c = order.code.get(r.awardCode);
    const k = order.kind.get(r.kind);
    if (c === undefined || k === undefined) return own.slice().sort(byAwardCodeThenKind);
    keys[i] = c * kinds + k;
  }
  return n <= INSERTION_MAX ? insertionSorted(own, keys) : indexSorted(own, keys);
}

/** `own` sorted by `keys` (one per result, same positions) with a stable insertion sort: equal keys keep their order. */
function insertionSorted<R>(own: readonly R[], keys: Float64Array): R[] {
  const sorted = own.slice();
  for (let i = 1; i < sorted.length; i += 1) {
    const key = keys[i]!;
    const r = sorted[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j -= 1) {
      keys[j + 1] = keys[j]!;
      sorted[j + 1] = sorted[j]!;
    }
    keys[j + 1] = key;
    sorted[j + 1] = r;
  }
  return sorted;
}

/** `own` sorted by `keys` (one per result, same positions) through a stable sort of positions: equal keys keep their order. */
function indexSorted<R>(own: readonly R[], keys: Float64Array): R[] {
  const n = own.length;
  const at: number[] = new Array<number>(n);
  for (let i = 0; i < n; i += 1) at[i] = i;
  at.sort((i, j) => keys[i]! - keys[j]!);
  const sorted: R[] = new Array<R>(n);
  for (let i = 0; i < n; i += 1) sorted[i] = own[at[i]!]!;
  return sorted;
}
