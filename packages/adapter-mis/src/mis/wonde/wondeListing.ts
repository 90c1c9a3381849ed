/**
 * Reading a Wonde listing: every list endpoint answers `{ data: [...], meta: { pagination: { next } } }`,
 * and the official client follows `meta.pagination.next` until it is empty. A page that is not that shape,
 * or paging that never ends, is a `malformed_response` saying which endpoint, URL and field.
 */
import { z } from 'zod';
import type { MisHttp } from '../misHttp.js';
import { misMalformed } from '../misMalformed.js';

/** A Wonde list page: `{ data: [...], meta: { pagination: { next } } }`. */
export const wondePageSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.looseObject({ pagination: z.looseObject({ next: z.string().nullish() }).nullish() }).nullish(),
});

/**
 * A Wonde include: `{ data: {...} }`, where an empty one may come as `{ data: [] }`.
 *
 * @param schema - the shape of the included object
 * @internal
 */
export function wondeInclude<T extends z.ZodType>(schema: T) {
  return z.object({ data: z.union([schema, z.array(z.unknown()).max(0)]) }).nullish();
}

/**
 * Every item of a Wonde listing, page after page.
 *
 * @param http - the JSON client
 * @param url - the first page's URL
 * @param endpoint - e.g. `wonde:employees`, for errors
 * @param maxPages - a guard against paging that never ends
 * @internal
 */
export async function wondeListing(http: MisHttp, url: string, endpoint: string, maxPages: number): Promise<unknown[]> {
  const items: unknown[] = [];
  const visited = new Set<string>();
  let next: string | undefined = url;
  while (next !== undefined) {
    if (visited.has(next) || visited.size >= maxPages) {
      throw misMalformed(`Wonde paging of ${endpoint} does not end (page ${visited.size + 1}: ${next})`, { endpoint, url: next, field: 'meta.pagination.next' });
    }
    visited.add(next);
    const body = await http.getJson(next);
    const page = wondePageSchema.safeParse(body);
    if (!page.success) {
      const first = page.error.issues[0];
      const field = first?.path.join('.') || 'data';
      throw misMalformed(`Wonde ${endpoint} page is not { data: [...] }: ${field} ${first?.message ?? ''}`.trim(), { endpoint, url: next, field });
    }
    items.push(...page.data.data);
    const link = page.data.meta?.pagination?.next;
    next = link === undefined || link === null || link === '' ? undefined : link;
  }
  return items;
}
