/**
 * Wonde's `deletions` endpoint, for the removals in a delta: `GET …/deletions?type=<student|employee|room>
 * &updated_after=…`, paged like every listing. Each item names the deleted record's `id`; an item that
 * was restored since (`restored_at` set, or `restored: true`) is not a removal, since the record is back
 * and comes with the changed records. Deletions do not move the cursor (only the changed records do), so
 * a removal may be reported again by the next delta, which is harmless, but never missed.
 */
import { z } from 'zod';
import type { MisHttp } from '../misHttp.js';
import type { ExamcycleIssue } from '@examcycle/core';
import { misSchemaIssues } from '../misIssue.js';
import type { MisIssueCode } from '../MisPort.js';
import { wondeListing } from './wondeListing.js';

const wondeDateSchema = z.object({ date: z.string(), timezone_type: z.number(), timezone: z.string() });
const wondeDeletionSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().nullish(),
  restored: z.boolean().nullish(),
  restored_at: wondeDateSchema.nullish(),
  deleted_at: wondeDateSchema.nullish(),
  updated_at: wondeDateSchema.nullish(),
});

/** The removals in a delta: the ids, and the items that could not be read. */
export interface WondeDeletions {
  readonly ids: readonly string[];
  readonly issues: readonly ExamcycleIssue<MisIssueCode>[];
}

/**
 * Reads the deletions of one record type after a time.
 *
 * @param http - the JSON client
 * @param url - the first page's URL (with `type`, `updated_after` and `per_page`)
 * @param type - the Wonde record type, e.g. `student`
 * @param maxPages - a guard against paging that never ends
 * @internal
 */
export async function wondeDeletions(http: MisHttp, url: string, type: string, maxPages: number): Promise<WondeDeletions> {
  const items = await wondeListing(http, url, 'wonde:deletions', maxPages);
  const ids: string[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  items.forEach((raw, index) => {
    const parsed = wondeDeletionSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...misSchemaIssues({ file: 'wonde:deletions', path: [index] }, raw, parsed.error.issues.slice(0, 1), 'deletion'));
      return;
    }
    const d = parsed.data;
    if (d.type !== undefined && d.type !== null && d.type !== type) return;
    if (d.restored === true || (d.restored_at !== undefined && d.restored_at !== null)) return;
    if (!ids.includes(d.id)) ids.push(d.id);
  });
  return { ids, issues };
}
