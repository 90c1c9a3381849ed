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
  type KeyDate,
  type ResultsAccessDecision,
  type ResultsAccessRequest,
} from '@examcycle/core';
import { z } from 'zod';
import type { Edition } from '../editions/Edition.js';
import { epochMsOf } from './epochMsOf.js';
import { examRoomRulesOf } from './examRoomRules.js';
import { addMonthsNotShort } from './retention.js';
import { seriesFromId } from './seriesFromId.js';
import { veryLateArrivalOf } from './veryLateArrival.js';

/** What fact preparation reads from the pack. */
export interface CheckContext {
  /** The key dates of a series by id (`june-2026`); throws `unknown_series` or `invalid_value`. */
  keyDatesOf(seriesId: string): readonly KeyDate[];
  resultsAccess(request: ResultsAccessRequest): ResultsAccessDecision;
  editionFor(academicYear: AcademicYear | string): Edition;
}

/** An issue with a subject's facts. */
export interface CheckFactsIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

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
      role: z.union([staffRoleSchema, z.array(staffRoleSchema)]).optional(),
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

/** The subject kinds the JCQ checks cover. */
export type CheckSubjectKind = keyof typeof checkInputSchemas;

/** The facts the rules read, or the issues that stopped them being prepared. */
export type PreparedCheckFacts =
  | { readonly ok: true; readonly facts: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issues: readonly CheckFactsIssue[] };

let deadlineCache: WeakMap<readonly KeyDate[], { entryDeadlineMs: number | undefined; veryLateDeadlineMs: number | undefined }> | undefined;

/** The entry deadlines of a series in epoch ms, worked out once per key-date list. */
function deadlinesOf(keyDates: readonly KeyDate[]): { entryDeadlineMs: number | undefined; veryLateDeadlineMs: number | undefined } {
  deadlineCache ??= new WeakMap();
  let found = deadlineCache.get(keyDates);
  if (found === undefined) {
    const at = (kind: KeyDate['kind']) => {
      const k = keyDates.find((x) => x.kind === kind);
      return k === undefined ? undefined : epochMsOf(k.at);
    };
    found = { entryDeadlineMs: at('entry_deadline'), veryLateDeadlineMs: at('very_late_deadline') };
    deadlineCache.set(keyDates, found);
  }
  return found;
}

function ms(value: string | undefined): number | undefined {
  return value === undefined ? undefined : epochMsOf(value);
}

function failure(path: string, code: string, message: string): PreparedCheckFacts {
  return { ok: false, issues: [{ path, code, message }] };
}

function guarded(path: string, build: () => Readonly<Record<string, unknown>>): PreparedCheckFacts {
  try {
    return { ok: true, facts: build() };
  } catch (error) {
    if (isExamcycleError(error)) return failure(path, error.code, error.message);
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
 * prepareCheckFacts({ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted', submittedAt: '2026-03-01T10:00:00Z' } }, ctx);
 * // { ok: true, facts: { subject, entry: { submittedAtMs: …, … }, deadlines: { entryDeadlineMs: …, veryLateDeadlineMs: … }, candidate: { hasUci: false, uciValid: false } } }
 * ```
 */
export function prepareCheckFacts(input: CheckFacts, ctx: CheckContext): PreparedCheckFacts {
  const kind = input.subject.kind;
  if (!Object.hasOwn(checkInputSchemas, kind)) return { ok: true, facts: input };
  const parsed = checkInputSchemas[kind as CheckSubjectKind].safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
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
          at: r.at,
          series: seriesFromId(r.seriesId),
          level: r.level,
        });
        return { subject: d.subject, read: { atMs: epochMsOf(r.at) }, release: { allowedFromMs: ms(decision.allowedFrom), rule: decision.rule } };
      });
    }
    case 'certificate': {
      const d = data as z.infer<(typeof checkInputSchemas)['certificate']>;
      return guarded('certificate.issuedAt', () => {
        const c = d.certificate;
        const issued = toLondon(c.issuedAt);
        const months = ctx.editionFor(academicYearOf(c.issuedAt)).rules.retention.unclaimedCertificateMonths.value;
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
        const decision = veryLateArrivalOf(a, a.arrivedAt, examRoomRulesOf(edition), edition.rules.derived.veryLateArrivalReportWorkingDays);
        return {
          subject: d.subject,
          arrival: { arrivedAtMs: epochMsOf(a.arrivedAt), veryLateAfterMs: epochMsOf(decision.veryLateAfter), reported: a.reported ?? false },
        };
      });
    }
    default:
      return { ok: true, facts: input };
  }
}
