/**
 * The Wonde room → {@link MisRoom} mapping: `id`, and `name` (else `code`). Wonde's rooms carry no capacity
 * or exam-room flag that examcycle knows of, so those are left out; the seat grid is set up in examcycle.
 */
import { z } from 'zod';
import type { Instant } from '@examcycle/core';
import type { MisIssue, MisRoom } from '../MisPort.js';
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
 * @param where - e.g. `wonde:rooms[2]`
 * @example
 * ```ts
 * wondeRoomToMisRoom({ id: 'A1', code: 'SH', name: 'Sports hall' }, 'wonde:rooms[0]').room; // { id: 'A1', name: 'Sports hall' }
 * ```
 */
export function wondeRoomToMisRoom(raw: unknown, where: string): { readonly room?: MisRoom; readonly updatedAt?: Instant; readonly issues: readonly MisIssue[] } {
  const parsed = wondeRoomSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    return { issues: parsed.error.issues.map((i) => ({ where, ...(id === undefined ? {} : { recordId: id }), field: i.path.join('.'), code: 'malformed_response' as const, message: `${i.path.join('.') || 'room'}: ${i.message}` })) };
  }
  const r = parsed.data;
  const updatedAt = r.updated_at ? wondeInstant(r.updated_at) : undefined;
  const at = updatedAt === undefined ? {} : { updatedAt };
  const name = r.name?.trim() || r.code?.trim();
  if (!name) return { ...at, issues: [{ where, recordId: r.id, field: 'name', code: 'invalid_value', message: 'The room has neither a name nor a code' }] };
  return { room: { id: r.id, name }, ...at, issues: [] };
}
