/**
 * Reads an awarding body's basedata (syllabus, option, component and link files, loose or zipped) into
 * core's model: qualifications with their entry options (component codes and fees), components with time
 * allowed, and the timetable. Only what the known layouts give is read. What they do not give (session
 * start times, qualification levels, component kinds, fee units, the tails of every record, the D file) is
 * reported in `unknowns` rather than guessed; where a value is inferred, the inference is named there.
 */
import {
  componentSchema,
  countIssuesByCode,
  durationOf,
  isExamcycleError,
  notifyObserver,
  observerStopwatch,
  qualificationSchema,
  timetabledPaperSchema,
  type CalendarDate,
  type Component,
  type EntryOption,
  type ExamcycleError,
  type ExamcycleIssue,
  type ExamcycleObserver,
  type Qualification,
  type QualificationLevel,
  type Session,
  type TimetabledPaper,
} from '@examcycle/core';
import type { EdiRecordLayout } from '../edi/EdiLayout.js';
import type { EdiValues } from '../edi/ediRecordCodec.js';
import { fromEdiDate } from '../edi/ediDate.js';
import { seriesIdOf, type EdiSeries } from '../edi/ediSeries.js';
import { readEdiFile, type EdiFileHeader } from '../edi/readEdiFile.js';
import { BASEDATA_COMPONENT_LAYOUT, BASEDATA_LINK_LAYOUT, BASEDATA_OPTION_LAYOUT, BASEDATA_SYLLABUS_LAYOUT } from '../edi/layouts/basedataLayouts.js';
import { expandBasedataFiles, type BasedataFile } from './basedataFiles.js';
import type { BasedataZipLimits } from './basedataZip.js';

/**
 * A syllabus (S) record.
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * const titles = new Map(set.syllabuses.map((s: BasedataSyllabus) => [s.syllabusCode, s.title]));
 * ```
 */
export interface BasedataSyllabus {
  readonly syllabusCode: string;
  readonly title: string;
}

/**
 * An option (O) record, every field the layout gives.
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * const fee = (o: BasedataOption) => (o.feePence === undefined ? 'no fee given' : `£${(o.feePence / 100).toFixed(2)}`);
 * set.options.map((o) => `${o.optionCode} ${o.title}: ${fee(o)}`);
 * ```
 */
export interface BasedataOption {
  readonly optionCode: string;
  readonly syllabusCode: string;
  readonly qualificationCert: string;
  readonly levelCert: string;
  /** `C` = certification (award) entry. */
  readonly itemCode: string;
  readonly qualificationUnit: string;
  readonly levelUnit: string;
  readonly processCode: string;
  readonly discountCode: string;
  /** As written (8 characters, no separators). */
  readonly qan: string;
  readonly title: string;
  readonly feeDefined: string;
  /** As written; see `feePence` for the reading. */
  readonly fee: string;
  /** The fee in pence, by the `feeUnits` option. */
  readonly feePence?: number;
  readonly forecastGradeset: string;
  readonly secondForecastGradeset: string;
  readonly resultType: string;
  readonly gradeset: string;
  readonly secondGradeset: string;
  readonly endorsementGradeset: string;
  readonly secondEndorsementGradeset: string;
  readonly maxMark?: number;
  readonly componentCount?: number;
}

/**
 * A component (C) record, every field the layout gives.
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * const timetabled: BasedataComponent[] = set.componentRecords.filter((c) => c.timetableDate !== undefined);
 * ```
 */
export interface BasedataComponent {
  readonly componentCode: string;
  readonly title: string;
  /** `G` = grades rather than marks are submitted. */
  readonly teacherMarksCode: string;
  readonly maxMark?: number;
  readonly gradeset: string;
  readonly dueDate?: CalendarDate;
  readonly timetabledCode: string;
  readonly timetableDate?: CalendarDate;
  readonly timetableSession?: Session;
  /** Minutes; 0 on a split paper. */
  readonly timeAllowed?: number;
}

/**
 * A link (L) record: one component of one option.
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * const componentsOf = (optionCode: string) => set.links.filter((l: BasedataLink) => l.optionCode === optionCode).map((l) => l.componentCode);
 * ```
 */
export interface BasedataLink {
  readonly optionCode: string;
  readonly componentCode: string;
}

/**
 * A timetabled sitting as the basedata gives it (no start time: that is not in the known layout).
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * const june15: BasedataSitting[] = set.sittings.filter((s) => s.date === '2026-06-15' && s.session === 'AM');
 * ```
 */
export interface BasedataSitting {
  readonly componentCode: string;
  readonly date: CalendarDate;
  readonly session: Session;
  readonly durationMinutes: number;
}

/**
 * Something the known layouts do not give, or a value that is inferred rather than stated.
 *
 * @example
 * ```ts
 * declare const set: BasedataReading;
 * for (const u of set.unknowns as readonly BasedataUnknown[]) console.info(`${u.subject} (${u.count}): ${u.message}`);
 * ```
 */
export interface BasedataUnknown {
  /** e.g. `basedata.option.unread`, `timetable.startTime`, `qualification.level`. */
  readonly subject: string;
  readonly message: string;
  /** How many records it concerns. */
  readonly count: number;
}

/**
 * Options for {@link readBasedata}.
 *
 * @example
 * ```ts
 * const options: ReadBasedataOptions = { awardingBodyId: 'AQA', sessionStartTimes: { AM: '09:00', PM: '13:30' }, feeUnits: 'pence' };
 * ```
 */
export interface ReadBasedataOptions {
  /**
   * The awarding body id the model uses (`AQA`); the files' two-digit EDI identifier when omitted.
   */
  readonly awardingBodyId?: string;
  /**
   * The published start time of each session, needed to build timetabled papers (the known layouts hold
   * the date and session only). Without it, `timetable` is empty and `sittings` holds the slots.
   */
  readonly sessionStartTimes?: Readonly<Record<Session, string>>;
  /**
   * The qualification level for an option's certification codes (value lists unknown); `other` when it
   * returns undefined or is omitted, and reported.
   */
  readonly levelOf?: (qualificationCert: string, levelCert: string) => QualificationLevel | undefined;
  /**
   * How to read an all-digit fee: pence (equivalently pounds with two implied decimals) or whole pounds.
   * The unit is not stated by any source; a fee with a decimal point is always pounds.
   * @default 'pence'
   */
  readonly feeUnits?: 'pence' | 'pounds';
  /**
   * Accept lines shorter than 192 characters.
   * @default false
   */
  readonly padShortLines?: boolean;
  /**
   * Refuse fields that do not meet the layout exactly. By default a text field padded on the left, a
   * number padded with spaces and a code in lower case are read, each with a `warning` issue.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Limits for zips (total expanded bytes, members, nesting, ratio), each checked before inflating past it.
   * @default BASEDATA_ZIP_LIMITS (64 MiB, 100 members, 2 levels, ratio 200 past 1 MiB)
   */
  readonly zipLimits?: BasedataZipLimits;
  /**
   * Hears of the reading when it ends (`onImport`, source `edi`, kind `basedata`: `rows` are the lines read,
   * `records` the components). A callback that throws is ignored.
   * @default undefined
   */
  readonly observer?: ExamcycleObserver;
}

/**
 * A basedata set, read.
 *
 * @example
 * ```ts
 * declare const files: BasedataFile[];
 * const set: BasedataReading = readBasedata(files, { awardingBodyId: 'AQA' });
 * if (set.fatal) throw set.fatal;
 * console.info(`${set.qualifications.length} qualifications, ${set.components.length} components, ${set.issues.length} issues`);
 * ```
 */
export interface BasedataReading {
  readonly series?: EdiSeries & { readonly language: string; readonly awardingBodyId: string; readonly seriesId?: string };
  readonly qualifications: readonly Qualification[];
  readonly components: readonly Component[];
  /** Built only with `sessionStartTimes`. */
  readonly timetable: readonly TimetabledPaper[];
  readonly sittings: readonly BasedataSitting[];
  readonly syllabuses: readonly BasedataSyllabus[];
  readonly options: readonly BasedataOption[];
  readonly componentRecords: readonly BasedataComponent[];
  readonly links: readonly BasedataLink[];
  readonly issues: readonly ExamcycleIssue[];
  readonly unknowns: readonly BasedataUnknown[];
  /** The files read, with their data type and line count. */
  readonly files: readonly { readonly name: string; readonly dataType: string; readonly lineCount: number }[];
  /** Documentation files inside zips, not read. */
  readonly ignoredFiles: readonly string[];
  /**
   * Set when the set could not be read at all: a zip past a limit of {@link ReadBasedataOptions.zipLimits}
   * (`limit_exceeded`, nothing past the limit inflated). Everything else is returned empty.
   */
  readonly fatal?: ExamcycleError;
}

const LAYOUTS: Readonly<Record<string, EdiRecordLayout>> = {
  S: BASEDATA_SYLLABUS_LAYOUT,
  O: BASEDATA_OPTION_LAYOUT,
  C: BASEDATA_COMPONENT_LAYOUT,
  L: BASEDATA_LINK_LAYOUT,
};

function optionalNumber(raw: string | undefined): number | undefined {
  return raw === undefined || raw === '' ? undefined : Number(raw);
}

function formatQan(raw: string): string | undefined {
  const m = /^(\d{3})(\d{4})([\dX])$/.exec(raw);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : undefined;
}

/**
 * Reads basedata files (or a zipped set) into qualifications, components and the timetable.
 *
 * @param files - the S, O, C, L (and D) files, or the Z zip, as name and content
 * @param options - awarding body id, session start times, level mapping, fee units, zip limits
 * It never throws on the files' content: a zip past a limit of {@link ReadBasedataOptions.zipLimits} is the
 * reading's `fatal` (`limit_exceeded`, nothing past the limit inflated), as `readEdiFile` and `parseCtf` report
 * a file they cannot read; every other problem is an issue.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const set = readBasedata([{ name: 'Z6A26_70.zip', content: readFileSync('Z6A26_70.zip') }], { awardingBodyId: 'AQA', sessionStartTimes: { AM: '09:00', PM: '13:30' } });
 * if (set.fatal) throw set.fatal; // a zip past a limit
 * set.qualifications[0]?.entryOptions[0]?.feePence; // e.g. 4870
 * set.unknowns; // what the known layouts do not give
 * ```
 */
export function readBasedata(files: readonly BasedataFile[], options: ReadBasedataOptions = {}): BasedataReading {
  const { sessionStartTimes, levelOf, feeUnits = 'pence', padShortLines = false, strict = false, zipLimits = {}, observer } = options;
  const elapsed = observerStopwatch(observer);
  let expanded: ReturnType<typeof expandBasedataFiles>;
  try {
    expanded = expandBasedataFiles(files, zipLimits);
  } catch (error) {
    if (!isExamcycleError(error)) throw error;
    notifyObserver(observer, 'onImport', { source: 'edi', kind: 'basedata', rows: 0, records: 0, issues: {}, fatal: error.code, ...durationOf(elapsed()) });
    return { qualifications: [], components: [], timetable: [], sittings: [], syllabuses: [], options: [], componentRecords: [], links: [], issues: [], unknowns: [], files: [], ignoredFiles: [], fatal: error };
  }
  const issues: ExamcycleIssue[] = [...expanded.issues];
  const unknowns: BasedataUnknown[] = [];
  const unknown = (subject: string, message: string, count: number): void => {
    if (count > 0) unknowns.push({ subject, message, count });
  };
  const read: { name: string; dataType: string; lineCount: number }[] = [];
  const values: Record<string, Array<{ file: string; line: number; values: EdiValues }>> = { S: [], O: [], C: [], L: [] };
  let series: BasedataReading['series'];
  let firstHeader: { file: string; header: EdiFileHeader } | undefined;

  for (const f of expanded.files) {
    const dt = f.parts.dataType;
    const layout = LAYOUTS[dt];
    if (layout === undefined) {
      issues.push({ code: 'invalid_value', severity: 'error', message: `No layout is known for ${dt} (disallowed combinations) files: ${f.name} not read`, location: { file: f.name, recordType: `${dt}5` } });
      unknown('basedata.disallowed', 'No source gives the layout of the D (disallowed combinations) file; its records are not read', 1);
      continue;
    }
    const reading = readEdiFile<{ line: number; values: EdiValues }>(f.content, {
      file: f.name,
      dataTypes: [dt],
      kind: 'broadcast',
      padShortLines,
      strict,
      detail: { layoutFor: () => layout, toRecord: (v, where) => ({ line: where.line, values: v }) },
    });
    if (reading.fatal) issues.push({ code: reading.fatal.code, severity: 'error', message: reading.fatal.message, location: { file: f.name } });
    issues.push(...reading.issues);
    read.push({ name: f.name, dataType: dt, lineCount: reading.lineCount });
    for (const d of reading.centres.flatMap((c) => c.details)) values[dt]!.push({ file: f.name, line: d.line, values: d.values });
    const h = reading.header;
    if (h === undefined) continue;
    const id = h.centreOrSeries;
    const fromName = f.parts.series;
    if (fromName !== undefined && `${fromName.code}${fromName.year}${fromName.language}`.toUpperCase() !== id.toUpperCase()) {
      issues.push({ code: 'invalid_value', severity: 'error', message: `The header is for series ${id}; the file name says ${fromName.code}${fromName.year}${fromName.language}`, location: { file: f.name, line: h.line, column: 3, field: 'centreOrSeries', recordType: `${dt}1`, value: id } });
    }
    if (firstHeader === undefined) {
      firstHeader = { file: f.name, header: h };
      const s: EdiSeries = { code: h.seriesCode, year: h.seriesYear };
      const seriesId = seriesIdOf(s);
      series = { ...s, language: id.charAt(4), awardingBodyId: h.awardingBodyId, ...(seriesId === undefined ? {} : { seriesId }) };
    } else if (h.centreOrSeries !== firstHeader.header.centreOrSeries || h.awardingBodyId !== firstHeader.header.awardingBodyId) {
      issues.push({ code: 'invalid_value', severity: 'error', message: `${f.name} is for ${h.centreOrSeries} (board ${h.awardingBodyId}); ${firstHeader.file} for ${firstHeader.header.centreOrSeries} (board ${firstHeader.header.awardingBodyId})`, location: { file: f.name, line: h.line, column: 3, field: 'centreOrSeries', recordType: `${dt}1`, value: id } });
    }
  }
  const abId = options.awardingBodyId ?? series?.awardingBodyId ?? 'unknown';
  const seriesKey = series === undefined ? 'unknown' : `${series.code}${series.year}`;

  for (const [dt, layout] of Object.entries(LAYOUTS)) {
    for (const field of layout.fields.filter((x) => x.type === 'opaque')) {
      const count = values[dt]!.filter((r) => (r.values[field.field] ?? '').trim() !== '').length;
      unknown(`${layout.id}.${field.field}`, `Columns ${field.start}–${field.start + field.length - 1} of ${dt} records hold data no source describes: kept, not read`, count);
    }
  }

  const issueAt = (r: { file: string; line: number }, dt: string, field: string, value: string, message: string): void => {
    issues.push({ code: 'invalid_value', severity: 'error', message, location: { file: r.file, line: r.line, field, recordType: `${dt}5`, value } });
  };

  // S
  const syllabuses: BasedataSyllabus[] = values['S']!.map((r) => ({ syllabusCode: r.values['syllabusCode']!, title: r.values['title']! }));
  const syllabusByCode = new Map(syllabuses.map((s) => [s.syllabusCode, s]));

  // O
  const optionRecords: BasedataOption[] = [];
  let unitsInferred = 0;
  for (const r of values['O']!) {
    const v = r.values;
    const fee = v['fee'] ?? '';
    let feePence: number | undefined;
    if (/^\d+$/.test(fee)) {
      feePence = feeUnits === 'pence' ? Number(fee) : Number(fee) * 100;
      unitsInferred += 1;
    } else if (/^\d+\.\d{1,2}$/.test(fee)) {
      feePence = Math.round(Number(fee) * 100);
    } else if (fee !== '') {
      issueAt(r, 'O', 'fee', fee, `Fee "${fee}" is not a number`);
    }
    const maxMark = optionalNumber(v['maxMark']);
    const componentCount = optionalNumber(v['componentCount']);
    optionRecords.push({
      optionCode: v['optionCode']!,
      syllabusCode: v['syllabusCode']!,
      qualificationCert: v['qualificationCert']!,
      levelCert: v['levelCert']!,
      itemCode: v['itemCode']!,
      qualificationUnit: v['qualificationUnit']!,
      levelUnit: v['levelUnit']!,
      processCode: v['processCode']!,
      discountCode: v['discountCode']!,
      qan: v['qan']!,
      title: v['title']!,
      feeDefined: v['feeDefined']!,
      fee,
      ...(feePence === undefined ? {} : { feePence }),
      forecastGradeset: v['forecastGradeset']!,
      secondForecastGradeset: v['secondForecastGradeset']!,
      resultType: v['resultType']!,
      gradeset: v['gradeset']!,
      secondGradeset: v['secondGradeset']!,
      endorsementGradeset: v['endorsementGradeset']!,
      secondEndorsementGradeset: v['secondEndorsementGradeset']!,
      ...(maxMark === undefined ? {} : { maxMark }),
      ...(componentCount === undefined ? {} : { componentCount }),
    });
  }
  unknown('basedata.option.fee', `The fee's unit is not stated by any source; all-digit fees were read as ${feeUnits === 'pence' ? 'pence (pounds with two implied decimals)' : 'whole pounds'}`, unitsInferred);

  // L
  const links: BasedataLink[] = values['L']!.map((r) => ({ optionCode: r.values['optionCode']!, componentCode: r.values['componentCode']! }));
  const componentsOf = new Map<string, string[]>();
  for (const l of links) {
    const list = componentsOf.get(l.optionCode) ?? [];
    if (!list.includes(l.componentCode)) list.push(l.componentCode);
    componentsOf.set(l.optionCode, list);
  }

  // C
  const componentRecords: BasedataComponent[] = [];
  const componentLine = new Map<string, { file: string; line: number }>();
  for (const r of values['C']!) {
    const v = r.values;
    const session = (v['timetableSession'] ?? '').toUpperCase();
    if (session !== '' && session !== 'A' && session !== 'P') issueAt(r, 'C', 'timetableSession', v['timetableSession']!, `Session "${v['timetableSession']}" is not A or P`);
    const dueDate = fromEdiDate(v['dueDate'] || '000000');
    const timetableDate = fromEdiDate(v['timetableDate'] || '000000');
    const maxMark = optionalNumber(v['maxMark']);
    const timeAllowed = optionalNumber(v['timeAllowed']);
    componentRecords.push({
      componentCode: v['componentCode']!,
      title: v['title']!,
      teacherMarksCode: v['teacherMarksCode']!,
      ...(maxMark === undefined ? {} : { maxMark }),
      gradeset: v['gradeset']!,
      ...(dueDate === undefined ? {} : { dueDate }),
      timetabledCode: v['timetabledCode']!,
      ...(timetableDate === undefined ? {} : { timetableDate }),
      ...(session === 'A' ? { timetableSession: 'AM' as const } : session === 'P' ? { timetableSession: 'PM' as const } : {}),
      ...(timeAllowed === undefined ? {} : { timeAllowed }),
    });
    componentLine.set(v['componentCode']!, r);
  }
  for (const l of links) {
    if (!componentLine.has(l.componentCode) && values['C']!.length > 0) {
      const r = values['L']!.find((x) => x.values['componentCode'] === l.componentCode)!;
      issueAt(r, 'L', 'componentCode', l.componentCode, `Link to component ${l.componentCode}, which the C file does not hold`);
    }
  }

  // qualifications
  const levelFor = new Map<string, QualificationLevel>();
  const unmappedLevels = new Set<string>();
  const qualifications: Qualification[] = [];
  const bySyllabus = new Map<string, BasedataOption[]>();
  for (const o of optionRecords) {
    const list = bySyllabus.get(o.syllabusCode) ?? [];
    list.push(o);
    bySyllabus.set(o.syllabusCode, list);
  }
  for (const [syllabusCode, opts] of bySyllabus) {
    const syllabus = syllabusByCode.get(syllabusCode);
    const cert = opts.find((o) => o.itemCode === 'C') ?? opts[0]!;
    if (syllabus === undefined && values['S']!.length > 0) {
      const r = values['O']!.find((x) => x.values['syllabusCode'] === syllabusCode)!;
      issueAt(r, 'O', 'syllabusCode', syllabusCode, `Option ${cert.optionCode} is for syllabus ${syllabusCode}, which the S file does not hold`);
    }
    const mapped = levelOf?.(cert.qualificationCert, cert.levelCert);
    if (mapped === undefined) unmappedLevels.add(`${cert.qualificationCert}/${cert.levelCert}`);
    const level = mapped ?? 'other';
    levelFor.set(syllabusCode, level);
    const qan = formatQan(cert.qan);
    const entryOptions: EntryOption[] = opts.map((o) => ({
      code: o.optionCode,
      title: o.title,
      componentCodes: componentsOf.get(o.optionCode) ?? [],
      ...(o.feePence === undefined ? {} : { feePence: o.feePence }),
    }));
    for (const o of opts) {
      if (o.componentCount !== undefined && o.componentCount !== (componentsOf.get(o.optionCode) ?? []).length && values['L']!.length > 0) {
        const r = values['O']!.find((x) => x.values['optionCode'] === o.optionCode)!;
        issueAt(r, 'O', 'componentCount', String(o.componentCount), `Option ${o.optionCode} says ${o.componentCount} components; the L file links ${(componentsOf.get(o.optionCode) ?? []).length}`);
      }
    }
    const candidate = {
      id: `${abId}:${syllabusCode}`,
      awardingBodyId: abId,
      specificationCode: syllabusCode,
      title: syllabus?.title || cert.title,
      level,
      ...(qan === undefined ? {} : { qan }),
      entryOptions,
    };
    const parsed = qualificationSchema.safeParse(candidate);
    if (parsed.success) qualifications.push(parsed.data);
    else {
      const r = values['O']!.find((x) => x.values['syllabusCode'] === syllabusCode)!;
      issueAt(r, 'O', parsed.error.issues[0]?.path.join('.') ?? 'syllabusCode', syllabusCode, `Syllabus ${syllabusCode} does not make a valid qualification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  }
  unknown('qualification.level', `No source lists the certification qualification/level codes; levels were set to "other" for ${[...unmappedLevels].join(', ')} (pass levelOf)`, unmappedLevels.size);
  unknown('qualification.qan', 'The QAN is read as 8 characters without separators and written 123/4567/8 (inferred)', qualifications.filter((q) => q.qan !== undefined).length);
  unknown('entryOption.tier', 'No known field gives an option\'s tier; entry options have none', optionRecords.length);

  // components
  const components: Component[] = [];
  let kindInferred = 0;
  for (const c of componentRecords) {
    const timetabled = c.timetableDate !== undefined;
    kindInferred += 1;
    const parsed = componentSchema.safeParse({
      code: c.componentCode,
      awardingBodyId: abId,
      title: c.title,
      kind: timetabled ? 'written' : 'nea',
      durationMinutes: c.timeAllowed ?? 0,
      centreAssessed: c.teacherMarksCode !== '',
    });
    if (parsed.success) components.push(parsed.data);
    else issueAt(componentLine.get(c.componentCode)!, 'C', 'componentCode', c.componentCode, `Component ${c.componentCode} is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  unknown('component.kind', 'The component kind is inferred: timetabled → written, otherwise nea; on-screen and practical cannot be told apart; centre-assessed = a teacher marks code is present', kindInferred);

  // timetable
  const sittings: BasedataSitting[] = [];
  const timetable: TimetabledPaper[] = [];
  const levelOfComponent = new Map<string, QualificationLevel>();
  for (const o of optionRecords) for (const code of componentsOf.get(o.optionCode) ?? []) if (!levelOfComponent.has(code)) levelOfComponent.set(code, levelFor.get(o.syllabusCode) ?? 'other');
  let splits = 0;
  for (const c of componentRecords) {
    if (c.timetableDate === undefined) continue;
    if (c.timetableSession === undefined) {
      issueAt(componentLine.get(c.componentCode)!, 'C', 'timetableSession', '', `Component ${c.componentCode} has a timetable date but no session`);
      continue;
    }
    const durationMinutes = c.timeAllowed ?? 0;
    sittings.push({ componentCode: c.componentCode, date: c.timetableDate, session: c.timetableSession, durationMinutes });
    if (sessionStartTimes === undefined) continue;
    if (durationMinutes === 0) {
      splits += 1;
      continue;
    }
    const parsed = timetabledPaperSchema.safeParse({
      id: `${abId}:${seriesKey}:${c.componentCode}`,
      seriesId: series?.seriesId ?? seriesKey,
      awardingBodyId: abId,
      componentCode: c.componentCode,
      title: c.title,
      level: levelOfComponent.get(c.componentCode) ?? 'other',
      kind: 'written',
      date: c.timetableDate,
      session: c.timetableSession,
      startTime: sessionStartTimes[c.timetableSession],
      durationMinutes,
    });
    if (parsed.success) timetable.push(parsed.data);
    else issueAt(componentLine.get(c.componentCode)!, 'C', 'timetableDate', c.timetableDate, `Component ${c.componentCode} does not make a valid timetabled paper: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (sessionStartTimes === undefined) {
    unknown('timetable.startTime', 'The known component layout gives the date and session but no start time; pass sessionStartTimes to build timetabled papers (the slots are in sittings)', sittings.length);
  }
  unknown('timetable.splitPaper', 'Components with time allowed 000 are split-paper sections sat with another component (AQA); they are in sittings but are not papers on their own', splits);
  if (series !== undefined && series.seriesId === undefined) {
    unknown('series.id', `Series ${series.code}${series.year} is not in a JCQ series month; papers carry the series code as their series id`, 1);
  }

  issues.sort((a, b) => (a.location?.file ?? '').localeCompare(b.location?.file ?? '') || (a.location?.line ?? 0) - (b.location?.line ?? 0));
  notifyObserver(observer, 'onImport', { source: 'edi', kind: 'basedata', rows: read.reduce((n, f) => n + f.lineCount, 0), records: components.length, issues: countIssuesByCode(issues), ...durationOf(elapsed()) });
  return {
    ...(series === undefined ? {} : { series }),
    qualifications,
    components,
    timetable,
    sittings,
    syllabuses,
    options: optionRecords,
    componentRecords,
    links,
    issues,
    unknowns,
    files: read,
    ignoredFiles: expanded.ignored,
  };
}
