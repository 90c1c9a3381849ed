/**
 * The Wonde room → {@link MisRoom} mapping: `id`, and `name` (else `code`). Wonde's rooms carry no capacity
 * or exam-room flag that examcycle knows of, so those are left out; the seat grid is set up in examcycle.
 */
import { z } from 'zod';
import type { ExamcycleIssue, Instant, IssueLocation } from '@examcycle/core';
import { misIssue, misSchemaIssues } from '../misIssue.js';
import type { MisIssueCode, MisRoom } from '../MisPort.js';
import { wondeInstant } from './wondeDate.js';

const wondeRoomSchema = z.looseObject({
  id: z.string().min(1),
  code: z.string().nullish(),
  name: z.string().nullish(),
  updated_at: z.object({ date: z.string(), timezone_type: z.number(), timezone: z.string() }).nullish(),
});

/**
 * Maps one Wonde room payload, with the issues met.
 *
 * @param raw - one element of a rooms page's `data`
 * @param at - where it came from, for the issues: the source and its index in the listing
 * @example
 * ```ts
 * wondeRoomToMisRoom({ id: 'A1', code: 'SH', name: 'Sports hall' }, { file: 'wonde:rooms', path: [0] }).room; // { id: 'A1', name: 'Sports hall' }
 * ```
 */
export function wondeRoomToMisRoom(raw: unknown, at: IssueLocation = { file: 'wonde:rooms' }): { readonly room?: MisRoom; readonly updatedAt?: Instant; readonly issues: readonly ExamcycleIssue<MisIssueCode>[] } {
  const parsed = wondeRoomSchema.safeParse(raw);
  if (!parsed.success) return { issues: misSchemaIssues(at, raw, parsed.error.issues, 'room') };
  const r = parsed.data;
  const updatedAt = r.updated_at ? wondeInstant(r.updated_at) : undefined;
  const changed = updatedAt === undefined ? {} : { updatedAt };
  const name = r.name?.trim() || r.code?.trim();
  if (!name) return { ...changed, issues: [misIssue(at, 'invalid_value', 'error', 'The room has neither a name nor a code', { recordId: r.id, field: 'name' })] };
  return { room: { id: r.id, name }, ...changed, issues: [] };
}
