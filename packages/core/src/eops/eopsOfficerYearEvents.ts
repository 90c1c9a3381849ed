/**
 * The events one officer-year actor takes: the centre's actor forwards an officer's event once the centre's
 * rules have passed (the sender's account and role, the pack's authority, the officer registered this year),
 * adding what only the centre knows (the sender's name, the centre's name); it renames the record when an
 * administrator updates the officer's name, and lapses it at the year's end. The officer-year reports every
 * forwarded event back ({@link EopsOfficerYearReport}) so the centre writes its one audit line.
 */
import type { Actor } from '../audit/auditTrail.js';
import type { Refusal } from '../audit/eventStamp.js';
import type { Instant } from '../time/clock.js';
import type { EopsEvent } from './eopsEvents.js';

/**
 * The officer events the centre forwards to an officer-year (every event with an `officerId` but registration).
 *
 * @example
 * ```ts
 * const event: EopsOfficerEvent = { type: 'certificate.request', officerId: 'eo-1', at: '2026-07-01T09:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' } };
 * ```
 */
export type EopsOfficerEvent = Exclude<Extract<EopsEvent, { readonly officerId: string }>, { readonly type: 'officer.register' }>;

/**
 * An officer event as the centre forwards it: with the sender's name and the centre's name.
 *
 * @example
 * ```ts
 * const forwarded: EopsForwardedEvent = { type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: '2025-09-05T10:00:00+01:00', by: { id: 'eo-1', role: 'exams_officer' }, senderName: 'Amber Giles', centreName: 'Plume Academy' };
 * ```
 */
export type EopsForwardedEvent = EopsOfficerEvent & {
  /** The sender's name at the centre (for signatures, requests and the certificate). */
  readonly senderName: string;
  /** The centre's name (printed on the certificate). */
  readonly centreName: string;
};

/**
 * The events of an officer-year actor.
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const year = createActor(eopsOfficerYearMachine, { input: { record } }).start();
 * const rename: EopsOfficerYearEvent = { type: 'officer.rename', name: 'Amber Giles-Khan' };
 * year.send(rename);
 * ```
 */
export type EopsOfficerYearEvent =
  | EopsForwardedEvent
  /** The officer's name changed (an administrator updated the account); a certified record keeps its name. */
  | { readonly type: 'officer.rename'; readonly name: string }
  /** The academic year ended: the record lapses. */
  | { readonly type: 'year.rollover'; readonly at: Instant; readonly by: Actor };

/**
 * What an officer-year tells its centre about a forwarded event: accepted, or refused with the guard's refusal.
 *
 * @example
 * ```ts
 * declare const report: EopsOfficerYearReport; // what the centre's EOPS machine receives from an officer-year
 * report.outcome === 'rejected' ? `${report.event.type} refused: ${report.refusal.reason}` : `${report.event.type} accepted`;
 * ```
 */
export type EopsOfficerYearReport = {
  readonly type: 'officerYear.report';
  /** The officer-year's id (its child id at the centre). */
  readonly officerYearId: string;
  /** The event as the host sent it (without what the centre added). */
  readonly event: EopsOfficerEvent;
  /** The officer-year's step before the event. */
  readonly from: string;
} & ({ readonly outcome: 'accepted' } | { readonly outcome: 'rejected'; readonly refusal: Refusal });
