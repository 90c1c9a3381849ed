/**
 * Turns the caller's data about one subject (an entry, a room session, an access arrangement, a read of
 * results, a certificate, an arrival) into the facts the check rules read: instants become epoch
 * milliseconds, and the deadlines, ratios and release instants the rules compare against come from the
 * pack's key dates and editions. Input is validated with zod; bad input becomes an issue list, not a crash.
 */
import {
  academicYearOf,
  accessArrangementKindSchema,
  calendarDateSchema,
  clockTimeSchema,
  entryStatusSchema,
  isValidUci,
  isExamcycleError,
  londonDate,
  qualificationLevelSchema,
  staffRoleSchema,
  toLondon,
  type AcademicYear,
  type CheckFacts,
  type ExamcycleIssue,
  type KeyDate,
  type ResultsAccessDecision,
  type ResultsAccessRequest,
} from '@examcycle/core';
import { z } from 'zod';
import type { Edition } from '../editions/Edition.js';
import { deadlinesOf, emptyEntryFacts, entryMemo, readEntry, type EntryMemo } from './entryFacts.js';
import { epochMsOf } from './epochMsOf.js';
import { examRoomRulesOf } from './examRoomRules.js';
import { addMonthsNotShort } from './retention.js';
import { seriesFromId } from './seriesFromId.js';
import { veryLateArrivalOf } from './veryLateArrival.js';
import type { Instant } from '@examcycle/core';

/**
 * What fact preparation reads from the pack.
 *
 * @example
 * ```ts
 * const ctx: CheckContext = {
 *   keyDatesOf: (seriesId) => jcq.keyDates(examSeries('june', Number(seriesId.slice(5)))),
 *   resultsAccess: (request) => jcq.resultsAccess(request),
 *   editionFor: (year) => editionFor(JCQ_EDITIONS, year),
 * };
 * ```
 */
export interface CheckContext {
  /** The key dates of a series by id (`june-2026`); throws `unknown_series` or `invalid_value`. */
  keyDatesOf(seriesId: string): readonly KeyDate[];
  resultsAccess(request: ResultsAccessRequest): ResultsAccessDecision;
  editionFor(academicYear: AcademicYear | string): Edition;
}

/**
 * The codes an issue with a subject's facts carries: `unknown_series` for an entry or read of a series the
 * pack has no key dates for, `invalid_value` for everything else (a value of the wrong type, shape or range).
 *
 * @example
 * ```ts
 * const code: CheckFactsIssueCode = 'unknown_series';
 * ```
 */
export type CheckFactsIssueCode = 'invalid_value' | 'unknown_series';

const instant = z.iso.datetime({ offset: true });
const subject = (kind: string) => z.object({ kind: z.literal(kind), id: z.string().min(1) });

/**
 * The data each subject kind takes, by kind (zod schemas).
 *
 * @example
 * ```ts
 * checkInputSchemas.certificate.safeParse({ subject: { kind: 'certificate', id: 'c1' }, certificate: { issuedAt: '2025-11-07T09:00:00Z' } }).success; // true
 * ```
 */
export const checkInputSchemas = {
  entry: z.object({
    subject: subject('entry'),
    entry: z.object({
      seriesId: z.string(),
      status: entryStatusSchema,
      submittedAt: instant.optional(),
      withdrawnAt: instant.optional(),
      identityVerified: z.boolean().optional(),
    }),
    candidate: z.object({ uci: z.string().optional() }).optional(),
  }),
  room_session: z.object({
    subject: subject('room_session'),
    session: z.object({
      date: calendarDateSchema,
      kind: z.enum(['written', 'practical', 'on_screen']),
      candidates: z.number().int().nonnegative(),
      invigilators: z.number().int().nonnegative(),
      seatSpacingMetres: z.number().positive().optional(),
    }),
  }),
  access_arrangement: z.object({
    subject: subject('access_arrangement'),
    arrangement: z.object({
      kind: accessArrangementKindSchema,
      approval: z.enum(['aao_approved', 'centre_delegated', 'pending', 'none']),
      approvedOn: calendarDateSchema.optional(),
      neededOn: calendarDateSchema.optional(),
    }),
  }),
  results_read: z.object({
    subject: subject('results_read'),
    read: z.object({
      audience: z.enum(['centre_staff', 'candidate', 'parent', 'press', 'local_authority', 'other_institution']),
      role: staffRoleSchema.optional(),
      nominatedByHeadOfCentre: z.boolean().optional(),
      at: instant,
      seriesId: z.string(),
      level: qualificationLevelSchema,
    }),
  }),
  certificate: z.object({
    subject: subject('certificate'),
    certificate: z.object({ issuedAt: instant, destroyedAt: instant.optional(), destructionRecorded: z.boolean().optional() }),
  }),
  arrival: z.object({
    subject: subject('arrival'),
    arrival: z.object({
      date: calendarDateSchema,
      startTime: clockTimeSchema,
      durationMinutes: z.number().int().positive(),
      arrivedAt: instant,
      reported: z.boolean().optional(),
    }),
  }),
} as const;

/**
 * The subject kinds the JCQ checks cover.
 *
 * @example
 * ```ts
 * const kinds = Object.keys(checkInputSchemas) as CheckSubjectKind[]; // ['entry', 'room_session', …]
 * ```
 */
export type CheckSubjectKind = keyof typeof checkInputSchemas;

/**
 * The facts the rules read, or the issues that stopped them being prepared.
 *
 * @example
 * ```ts
 * declare const ctx: CheckContext;
 * const prepared: PreparedCheckFacts = prepareCheckFacts({ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'lost' } }, ctx);
 * if (!prepared.ok) prepared.issues[0]?.location?.path; // ['entry', 'status']
 * ```
 */
export type PreparedCheckFacts =
  | { readonly ok: true; readonly facts: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issues: readonly ExamcycleIssue<CheckFactsIssueCode>[] };

function ms(value: string | undefined): number | undefined {
  return value === undefined ? undefined : epochMsOf(value as Instant);
}

/** The issue where a value the pack reads (a series id, a date) is one it cannot work with. */
function failure(path: string, code: CheckFactsIssueCode, message: string): PreparedCheckFacts {
  return { ok: false, issues: [{ code, severity: 'error', message, location: { path: path.split('.') } }] };
}

function guarded(path: string, build: () => Readonly<Record<string, unknown>>): PreparedCheckFacts {
  try {
    return { ok: true, facts: build() };
  } catch (error) {
    if (isExamcycleError(error)) return failure(path, error.code === 'unknown_series' ? 'unknown_series' : 'invalid_value', error.message);
    throw error;
  }
}

/**
 * Prepares one subject's facts for the check rules. A subject kind the pack has no checks for passes
 * through unchanged (no rule fires on it).
 *
 * @param input - the caller's facts, with `subject: { kind, id }`
 * @param ctx - the pack's key dates, results access and editions
 * @example
 * ```ts
 * const ctx: CheckContext = {
 *   keyDatesOf: (seriesId) => jcq.keyDates(examSeries('june', Number(seriesId.slice(5)))),
 *   resultsAccess: (request) => jcq.resultsAccess(request),
 *   editionFor: (year) => editionFor(JCQ_EDITIONS, year),
 * };
 * const prepared = prepareCheckFacts({ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted', submittedAt: '2026-03-01T10:00:00Z' } }, ctx);
 * if (prepared.ok) prepared.facts['entry']; // { status: 'submitted', identityVerified: false, submittedAtMs: 1772359200000, withdrawnAtMs: undefined }
 * else prepared.issues[0]?.code; // 'invalid_value' or 'unknown_series'
 * ```
 */
export function prepareCheckFacts(input: CheckFacts, ctx: CheckContext): PreparedCheckFacts {
  const facts = fastFacts(input, ctx, entryMemo());
  return facts === undefined ? prepareThroughZod(input, ctx) : { ok: true, facts };
}

/**
 * The facts of a subject on the fast path (an entry of plainly the right shape, read by {@link readEntry}),
 * or `undefined` when it must go through {@link prepareThroughZod} (any other kind, anything zod might refuse,
 * an unknown series).
 *
 * @internal
 * @param input - the caller's facts
 * @param ctx - the pack's key dates
 * @param memo - from {@link entryMemo}, one per run
 */
export function fastFacts(input: CheckFacts, ctx: CheckContext, memo: EntryMemo): Readonly<Record<string, unknown>> | undefined {
  if (input.subject.kind !== 'entry') return undefined;
  const facts = emptyEntryFacts();
  return readEntry(input, (seriesId) => ctx.keyDatesOf(seriesId), memo, facts) ? (facts as unknown as Readonly<Record<string, unknown>>) : undefined;
}

/**
 * {@link prepareCheckFacts} through the zod schemas, for every kind (the reference the fast path agrees with).
 *
 * @internal
 * @param input - the caller's facts
 * @param ctx - the pack's key dates, results access and editions
 */
export function prepareThroughZod(input: CheckFacts, ctx: CheckContext): PreparedCheckFacts {
  const kind = input.subject.kind;
  if (!Object.hasOwn(checkInputSchemas, kind)) return { ok: true, facts: input };
  const parsed = checkInputSchemas[kind as CheckSubjectKind].safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        code: 'invalid_value',
        severity: 'error',
        message: i.message,
        location: { path: i.path.filter((segment): segment is string | number => typeof segment !== 'symbol') },
      })),
    };
  }
  const data = parsed.data;
  switch (data.subject.kind) {
    case 'entry': {
      const d = data as z.infer<(typeof checkInputSchemas)['entry']>;
      return guarded('entry.seriesId', () => {
        const deadlines = deadlinesOf(ctx.keyDatesOf(d.entry.seriesId));
        const uci = d.candidate?.uci;
        return {
          subject: d.subject,
          entry: {
            status: d.entry.status,
            identityVerified: d.entry.identityVerified ?? false,
            submittedAtMs: ms(d.entry.submittedAt),
            withdrawnAtMs: ms(d.entry.withdrawnAt),
          },
          deadlines,
          candidate: { hasUci: uci !== undefined && uci.length > 0, uciValid: uci !== undefined && isValidUci(uci) },
        };
      });
    }
    case 'room_session': {
      const d = data as z.infer<(typeof checkInputSchemas)['room_session']>;
      return guarded('session.date', () => {
        const rules = examRoomRulesOf(ctx.editionFor(academicYearOf(d.session.date)));
        const ratio = rules.invigilationRatio.value[d.session.kind];
        return {
          subject: d.subject,
          session: d.session,
          invigilation: { present: d.session.invigilators, required: Math.ceil(d.session.candidates / ratio), ratio },
          rules: { seatSpacingMetres: rules.seatSpacingMetres.value },
        };
      });
    }
    case 'access_arrangement': {
      const d = data as z.infer<(typeof checkInputSchemas)['access_arrangement']>;
      return guarded('arrangement.approvedOn', () => {
        const a = d.arrangement;
        const year = a.neededOn ?? a.approvedOn;
        const months = year === undefined ? undefined : ctx.editionFor(academicYearOf(year)).rules.retention.accessArrangementsApprovalMonths.value;
        return {
          subject: d.subject,
          arrangement: {
            kind: a.kind,
            approval: a.approval,
            approvalExpiresMs:
              a.approvedOn === undefined || months === undefined ? undefined : addMonthsNotShort(londonDate(a.approvedOn), months).toMillis(),
            neededAtMs: a.neededOn === undefined ? undefined : londonDate(a.neededOn).toMillis(),
          },
        };
      });
    }
    case 'results_read': {
      const d = data as z.infer<(typeof checkInputSchemas)['results_read']>;
      return guarded('read', () => {
        const r = d.read;
        const decision = ctx.resultsAccess({
          audience: r.audience,
          ...(r.role === undefined ? {} : { role: r.role }),
          ...(r.nominatedByHeadOfCentre === undefined ? {} : { nominatedByHeadOfCentre: r.nominatedByHeadOfCentre }),
          at: r.at as Instant,
          series: seriesFromId(r.seriesId),
          level: r.level,
        });
        return { subject: d.subject, read: { atMs: epochMsOf(r.at as Instant) }, release: { allowedFromMs: ms(decision.allowedFrom), rule: decision.rule } };
      });
    }
    case 'certificate': {
      const d = data as z.infer<(typeof checkInputSchemas)['certificate']>;
      return guarded('certificate.issuedAt', () => {
        const c = d.certificate;
        const issued = toLondon(c.issuedAt as Instant);
        const months = ctx.editionFor(academicYearOf(c.issuedAt as Instant)).rules.retention.unclaimedCertificateMonths.value;
        return {
          subject: d.subject,
          certificate: {
            destroyed: c.destroyedAt !== undefined,
            destroyedAtMs: ms(c.destroyedAt),
            mayDestroyFromMs: addMonthsNotShort(issued, months).toMillis(),
            destructionRecorded: c.destructionRecorded ?? false,
          },
        };
      });
    }
    case 'arrival': {
      const d = data as z.infer<(typeof checkInputSchemas)['arrival']>;
      return guarded('arrival.date', () => {
        const a = d.arrival;
        const edition = ctx.editionFor(academicYearOf(a.date));
        const decision = veryLateArrivalOf(a, a.arrivedAt as Instant, examRoomRulesOf(edition), edition.rules.derived.veryLateArrivalReportWorkingDays);
        return {
          subject: d.subject,
          arrival: { arrivedAtMs: epochMsOf(a.arrivedAt as Instant), veryLateAfterMs: epochMsOf(decision.veryLateAfter), reported: a.reported ?? false },
        };
      });
    }
    default:
      return { ok: true, facts: input };
  }
}
