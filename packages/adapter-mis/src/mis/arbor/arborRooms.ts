/**
 * Arbor rooms: `Room` (`roomName`, else `shortName`; `studentCapacity`; `isInvigilationRoom` and
 * `invigilationCapacity`; numbers and booleans also as Arbor's strings, `"35"`, `"false"`). An exam room's capacity is its invigilation capacity, any other room's its
 * student capacity. A delta re-reads the rooms its change log names; one gone (HTTP 404) is removed.
 */
import type { ExamcycleIssue } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisIssueCode, MisRoom } from '../MisPort.js';
import type { ArborChange, ArborPart } from './arborChangelog.js';
import { isArborNotFound, type ArborSession } from './arborClient.js';
import { arborAt, arborBoolean, arborId, arborText, type ArborEntity } from './arborEntity.js';
import { isArborLink } from './arborLinks.js';

/** The resource types a room is built from (and whose change logs a delta reads). */
export const ARBOR_ROOM_TYPES: readonly string[] = ['Room'];

function positive(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

function build(items: readonly ArborEntity[]): { records: MisRoom[]; issues: ExamcycleIssue<MisIssueCode>[]; rows: number } {
  const records: MisRoom[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  for (const [i, r] of items.entries()) {
    const at = arborAt(r.href, 'rooms', i);
    if (typeof r.href !== 'string') {
      issues.push(misIssue(at, 'malformed_response', 'error', 'A room needs its href', { field: 'href' }));
      continue;
    }
    const id = arborId(r.href);
    if (isArborLink(r)) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'The room was listed but its object could not be read (gone since it was listed)', { field: 'href', recordId: id }));
      continue;
    }
    const name = arborText(r['roomName'])?.trim() || arborText(r['shortName'])?.trim();
    if (!name) {
      issues.push(misIssue(at, 'invalid_value', 'error', 'The room has neither a name nor a short name', { field: 'roomName', recordId: id }));
      continue;
    }
    const examRoom = arborBoolean(r['isInvigilationRoom']);
    const capacity = (examRoom === true ? positive(r['invigilationCapacity']) : undefined) ?? positive(r['studentCapacity']);
    records.push({ id, name, ...(capacity === undefined ? {} : { capacity }), ...(examRoom === undefined ? {} : { examRoom }) });
  }
  return { records, issues, rows: items.length };
}

/**
 * Every Arbor room.
 *
 * @param s - the Arbor session
 * @internal
 */
export async function arborRooms(s: ArborSession): Promise<ArborPart<MisRoom>> {
  return { ...build(await s.list('Room')), deletedIds: [] };
}

/**
 * The rooms an Arbor delta touches, re-read; those gone are in `deletedIds`.
 *
 * @param s - the Arbor session
 * @param changes - the changes of {@link ARBOR_ROOM_TYPES} since the cursor
 * @internal
 */
export async function arborRoomChanges(s: ArborSession, changes: readonly ArborChange[]): Promise<ArborPart<MisRoom>> {
  const items: ArborEntity[] = [];
  const deletedIds: string[] = [];
  for (const href of new Set(changes.map((c) => c.object.href).filter((h): h is string => typeof h === 'string'))) {
    try {
      items.push(await s.get(href, 'Room'));
    } catch (error) {
      if (!isArborNotFound(error)) throw error;
      deletedIds.push(arborId(href));
    }
  }
  return { ...build(items), deletedIds };
}
