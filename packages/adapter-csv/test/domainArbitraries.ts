/**
 * fast-check arbitraries for examcycle records full of the characters that break CSV code: quotes,
 * commas, Welsh diacritics, apostrophes and hyphens, emoji (surrogate pairs), and text that
 * starts with `=`, `+`, `-`, `@` or a quote. Every record is valid for core's schema, so an export of it
 * must import back to the same record. Text has no whitespace at either end (the importer trims cells)
 * and no control character (CR, LF and tab among them: the importer refuses them, the exporter too).
 */
import {
  accessArrangementSchema,
  candidateSchema,
  certificateSchema,
  entrySchema,
  invigilatorSchema,
  resultSchema,
  roomSchema,
  timetabledPaperSchema,
  uciCheckCharacter,
  upnCheckCharacter,
  type RecordKind,
  type RecordKinds,
} from '@examcycle/core';
import fc from 'fast-check';
import { DateTime } from 'luxon';

const TOKENS = [
  'a', 'Z', '0', '9', ' ', '"', ',', "'", '-', '=', '+', '@', ';', '|', '\\', '/',
  'â', 'ŵ', 'ŷ', 'é', 'ß', 'ł', 'Ø', 'Siân', 'Llŷr', "O'Brien", 'ap', 'Gruffydd', '😀', '""', '",',
];
const START = ['', '', '', '=', '+', '-', '@', "'", "'=", "''-", '=HYPERLINK("x")', '-5', '+44'];

/** Text with every awkward character, trimmed and non-empty. */
export const awkwardText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...START), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }))
  .map(([start, parts]) => (start + parts.join('')).trim())
  .filter((s) => s.length > 0);

/** Text that may also be empty. */
const awkwardOrEmpty = fc.oneof(awkwardText, fc.constant(''));

/** A list item: awkward, but without the list separators `;` and `,`. */
const listItem = awkwardText.map((s) => s.replace(/[;,]/g, '').trim()).filter((s) => s.length > 0);

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

export const centreNumber = digits(5).filter((s) => s !== '00000');
export const candidateNumber = digits(4).filter((s) => s !== '0000');
export const uci = fc
  .tuple(digits(5), fc.constantFrom('0', 'A', 'B', 'C', 'E', 'G'), digits(6))
  .map(([c, ab, rest]) => `${c}${ab}${rest}`)
  .map((body) => body + uciCheckCharacter(body)!);
export const uln = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(8))
  .map(([first, rest]) => `${first}${rest}`)
  .map((nine) => {
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(nine[i]) * (10 - i);
    const check = (((10 - sum) % 11) + 11) % 11;
    return check === 10 ? undefined : `${nine}${check}`;
  })
  .filter((v): v is string => v !== undefined);
export const upn = fc
  .tuple(digits(3).filter((s) => s !== '000'), digits(9))
  .map(([la, rest]) => `${la}${rest}`)
  .map((body) => upnCheckCharacter(body)! + body);

export const calendarDate = fc
  .tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
export const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
  .map((ms) => DateTime.fromMillis(ms, { zone: 'Europe/London' }).toISO()!);
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const series = fc.oneof(
  fc.tuple(fc.constantFrom('january', 'march', 'june', 'november'), fc.integer({ min: 2020, max: 2035 })).map(([m, y]) => `${m}-${y}`),
  fc.constantFrom('6A25', 'BG25', '1A26'),
  awkwardText,
);
const code = (max: number) =>
  fc
    .tuple(fc.constantFrom('', '=', '-', '@', "'", '+'), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 }))
    .map(([start, parts]) => (start + parts.join('')).trim())
    .filter((s) => s.length > 0 && s.length <= max);
const level = fc.constantFrom('GCSE', 'GCE', 'entry_level', 'vtq_level1_2', 'vtq_level3', 'functional_skills', 'project', 'other');
const aaKind = fc.constantFrom(
  'extra_time', 'rest_breaks', 'reader', 'computer_reader', 'scribe', 'prompter', 'word_processor',
  'separate_invigilation', 'modified_paper', 'practical_assistant', 'other',
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** A decimal; -0 is written as 0 (CSV has no negative zero), so it is generated as 0. */
const decimal = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((d) => (d === 0 ? 0 : d));

/** Drops keys whose value is `undefined`, as a record read from CSV has them. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const raw: { [K in RecordKind]: fc.Arbitrary<Record<string, unknown>> } = {
  candidates: fc.record({
    id: awkwardText, centreNumber, candidateNumber, uci: optional(uci), uln: optional(uln), upn: optional(upn),
    legalSurname: awkwardText, legalForenames: awkwardOrEmpty, preferredName: optional(awkwardText), dateOfBirth: calendarDate,
    sex: optional(fc.constantFrom('F', 'M')), kind: fc.constantFrom('internal', 'private'), contingencyDayNoticeGiven: optional(fc.boolean()),
  }),
  entries: fc.record({
    id: awkwardText, candidateId: awkwardText, seriesId: series, awardingBodyId: awkwardText, entryCode: code(6),
    componentCodes: fc.array(listItem, { maxLength: 3 }),
    status: fc.constantFrom('draft', 'submitted', 'accepted', 'amended', 'withdrawn', 'rejected'),
    submittedAt: optional(instant), withdrawnAt: optional(instant), identityVerified: fc.boolean(),
  }),
  timetable: fc.record({
    id: awkwardText, seriesId: series, awardingBodyId: awkwardText, componentCode: awkwardText, title: awkwardOrEmpty, level,
    kind: fc.constantFrom('written', 'practical', 'on_screen', 'nea'), date: calendarDate, session: fc.constantFrom('AM', 'PM'),
    startTime: clock, durationMinutes: fc.integer({ min: 1, max: 600 }),
  }),
  rooms: fc.record({
    id: awkwardText, name: awkwardText, rows: fc.integer({ min: 1, max: 40 }), columns: fc.integer({ min: 1, max: 40 }),
    seatPitchMetres: decimal(0.01, 10), rowPitchMetres: decimal(0.01, 10),
    disabledSeats: fc.array(listItem, { maxLength: 3 }), capacity: optional(fc.integer({ min: 1, max: 500 })),
    suitableFor: fc.array(aaKind, { maxLength: 3 }),
  }),
  invigilators: fc.record({
    id: awkwardText, name: awkwardText, staffId: optional(awkwardText), trainedOn: optional(calendarDate), lastUpdateOn: optional(calendarDate),
    availability: fc.array(fc.record({ date: calendarDate, session: fc.constantFrom('AM', 'PM') }), { maxLength: 3 }),
    relativeOfCandidateIds: fc.array(listItem, { maxLength: 3 }), facilitator: fc.boolean(),
  }),
  access_arrangements: fc
    .record({
      id: awkwardText, candidateId: awkwardText, kind: aaKind, extraTimePercent: optional(fc.integer({ min: 1, max: 100 })),
      restBreakMinutesPerHour: optional(fc.integer({ min: 0, max: 30 })),
      approval: fc.constantFrom('aao_approved', 'centre_delegated', 'pending', 'none'), approvedOn: optional(calendarDate),
      approvalReference: optional(awkwardText), evidenceHeld: fc.boolean(),
    })
    .map((a) => (a.kind === 'extra_time' && a.extraTimePercent === undefined ? { ...a, extraTimePercent: 25 } : a)),
  results: fc.record({
    id: awkwardText, candidateId: awkwardText, seriesId: series, awardingBodyId: awkwardText, awardCode: awkwardText,
    kind: fc.constantFrom('qualification', 'component'), level, grade: fc.oneof(code(2), fc.constant(''), fc.constantFrom('A*', '9', 'U', 'X', '-')),
    mark: optional(fc.integer({ min: -5, max: 400 })), uniformMark: optional(decimal(-10, 600)),
    endorsement: optional(awkwardText), receivedAt: optional(instant),
  }),
  certificates: fc.record({
    id: awkwardText, candidateId: awkwardText, seriesId: series, awardingBodyId: awkwardText, awardCodes: fc.array(listItem, { maxLength: 3 }),
    receivedAt: optional(instant), issuedAt: optional(instant), issuedTo: optional(awkwardText),
    method: optional(fc.constantFrom('collected', 'posted', 'third_party')), destroyedAt: optional(instant), destroyedBy: optional(awkwardText),
  }),
};

const schemas = {
  candidates: candidateSchema, entries: entrySchema, timetable: timetabledPaperSchema, rooms: roomSchema, invigilators: invigilatorSchema,
  access_arrangements: accessArrangementSchema, results: resultSchema, certificates: certificateSchema,
} as const;

/**
 * Valid records of a kind, as core's schema outputs them.
 *
 * @param kind - the record kind
 */
export function recordsOf<K extends RecordKind>(kind: K): fc.Arbitrary<RecordKinds[K]> {
  const schema = schemas[kind] as unknown as { safeParse(u: unknown): { success: boolean; data?: unknown } };
  return raw[kind]
    .map((r) => schema.safeParse(defined(r)))
    .filter((p) => p.success)
    .map((p) => p.data as RecordKinds[K]);
}
