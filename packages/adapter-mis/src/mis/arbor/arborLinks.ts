/**
 * Arbor lists resources as identities with links: a listing item may be only `{ entityType, href }` (and
 * perhaps `displayName`), and the full object is fetched from its href, exactly as Arbor's PHP SDK loads
 * an object whose property is missing. This reads such items in full, a bounded number at a time, through
 * the session (so each href is read once per operation, with the shared client's retry rules).
 */
import type { ArborEntity } from './arborEntity.js';

/** Keys an identity (a link, not the object) may carry. */
const IDENTITY_KEYS = new Set(['entityType', 'href', 'displayName', 'id']);

/**
 * Whether a listing item is only a link to the object (no property besides its identity).
 *
 * @param item - a listing item
 * @internal
 */
export function isArborLink(item: ArborEntity): item is ArborEntity & { readonly href: string } {
  if (typeof item.href !== 'string') return false;
  for (const key of Object.keys(item)) if (!IDENTITY_KEYS.has(key)) return false;
  return true;
}

/**
 * Replaces every link in a listing by the object it points to, at most `concurrency` requests at a time,
 * keeping the listing's order. An object gone since it was listed (`load` answers `undefined`) stays a link,
 * so the mapping reports it as a record it cannot read rather than losing it; any other failed fetch
 * rejects (typed by the client), as a failed listing would.
 *
 * @param items - the listing's items
 * @param load - fetches one object by href (the session's cached `get`)
 * @param concurrency - the most requests in flight
 * @internal
 */
export async function followArborLinks(items: readonly ArborEntity[], load: (href: string) => Promise<ArborEntity | undefined>, concurrency: number): Promise<ArborEntity[]> {
  const out: ArborEntity[] = [...items];
  const todo = items.flatMap((item, i) => (isArborLink(item) ? [i] : []));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next]!;
      next += 1;
      const link = out[i] as ArborEntity & { readonly href: string };
      const full = await load(link.href);
      if (full !== undefined) out[i] = { ...full, ...(typeof link.entityType === 'string' ? { entityType: link.entityType } : {}), href: link.href };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, todo.length)) }, worker));
  return out;
}
