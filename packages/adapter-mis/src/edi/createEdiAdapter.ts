/**
 * The EDI adapter for one centre and one awarding body: it writes entries and amendments files with the
 * next sequence number of each series, dated by an injected clock in Europe/London, and reads entries,
 * results (matched to the centre's candidates and entries) and basedata.
 *
 * Sequence numbers come from a counter port (`sequences`, core's `ExamcycleStore.nextCounter`), so they
 * survive a restart and are shared by every process writing for the centre. Without one, the adapter
 * counts in memory: explicit, documented, and lost when the process ends.
 */
import { toLondon, type AwardingBody, type CalendarDate, type Candidate, type CounterScope, type Entry, type ExamClock, type ExamcycleStore } from '@examcycle/core';
import { readBasedata, type BasedataReading, type ReadBasedataOptions } from '../basedata/readBasedata.js';
import type { BasedataFile } from '../basedata/basedataFiles.js';
import type { EdiSeries } from './ediSeries.js';
import { readEntriesFile, type EntriesFileReading } from './readEntriesFile.js';
import { readResultsFile, type ResultsFileReading } from './readResultsFile.js';
import { writeEntriesFile, type EntriesFileOutput } from './writeEntriesFile.js';
import type { EdiSoftware } from './writeEdiFile.js';

/**
 * Options for {@link createEdiAdapter}.
 *
 * @example
 * ```ts
 * declare const clock: ExamClock;
 * const options: EdiAdapterOptions = { centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, clock, postcode: 'AB1 2CD' };
 * ```
 */
export interface EdiAdapterOptions {
  /** The centre's five-digit number. */
  readonly centreNumber: string;
  /** The awarding body, with its two-digit EDI identifier (`70` for AQA). */
  readonly awardingBody: AwardingBody & { readonly ediId: string };
  /** Dates the files produced (London day); tests pass a fixed clock. */
  readonly clock: Pick<ExamClock, 'now'>;
  /** The centre's postcode, for centre headers. */
  readonly postcode?: string;
  /**
   * The software named in file headers.
   * @default { name: 'EXAMCYC', version: '010' }
   */
  readonly software?: EdiSoftware;
  /**
   * Where the file sequence numbers are kept: core's store (`nextCounter`), one counter per centre (and
   * tenant), awarding body and series, named `edi.sequence:<ediId>:<series>` (e.g. `edi.sequence:70:6A26`).
   * A store that also has `readCounter` lets {@link EdiAdapter.nextSequence} answer without using a number.
   * @default an in-memory counter for this adapter only: numbers restart at `firstSequence` with the process
   */
  readonly sequences?: Pick<ExamcycleStore, 'nextCounter'> & Partial<Pick<ExamcycleStore, 'readCounter'>>;
  /** The tenant the counters belong to, for a store shared by many centres. */
  readonly tenant?: string;
  /**
   * The first sequence number of each series, when no file has been sent yet (the counter's 1 is this).
   * @default 1
   */
  readonly firstSequence?: number;
  /**
   * Name characters with no EDI representation: reject the candidate or remove the character (reported).
   * @default 'reject'
   */
  readonly unrepresentable?: 'reject' | 'remove';
  /**
   * Accept lines shorter than 192 characters when reading.
   * @default false
   */
  readonly padShortLines?: boolean;
  /**
   * Read files strictly: refuse padded text, spaced numbers and lower-case codes rather than reading them
   * with a `warning` issue.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * What to write.
 *
 * @example
 * ```ts
 * const request: WriteEntriesRequest = { series: { code: '6A', year: '26' }, dataType: 'A' };
 * ```
 */
export interface WriteEntriesRequest {
  readonly series: EdiSeries;
  /**
   * `E` (entries) or `A` (amendments).
   * @default 'E'
   */
  readonly dataType?: 'E' | 'A';
  /** The sequence number; the counter's next for this series when omitted (a number given here does not move the counter). */
  readonly sequence?: number;
}

/**
 * The EDI adapter.
 *
 * @example
 * ```ts
 * declare const edi: EdiAdapter;
 * await edi.nextSequence({ code: '6A', year: '26' }); // e.g. 3
 * ```
 */
export interface EdiAdapter {
  readonly centreNumber: string;
  readonly awardingBody: AwardingBody & { readonly ediId: string };
  /**
   * Writes an entries or amendments file; takes the series' next sequence number from the counter only
   * when the file can be written (a file refused outright uses no number).
   */
  writeEntries(candidates: readonly Candidate[], entries: readonly Entry[], request: WriteEntriesRequest): Promise<EntriesFileOutput>;
  /**
   * The sequence number the next file of a series will carry, without using it; `undefined` when the
   * `sequences` port has no `readCounter`.
   */
  nextSequence(series: EdiSeries): Promise<number | undefined>;
  readEntries(input: string | Uint8Array, options?: { readonly file?: string }): EntriesFileReading;
  /** Reads a results file, matched to candidates and entries when both are given. */
  readResults(input: string | Uint8Array, options?: { readonly file?: string; readonly candidates?: readonly Candidate[]; readonly entries?: readonly Entry[] }): ResultsFileReading;
  /** Reads basedata as this awarding body; a zip past its limits throws `limit_exceeded` (see {@link readBasedata}). */
  readBasedata(files: readonly BasedataFile[], options?: Omit<ReadBasedataOptions, 'awardingBodyId'>): BasedataReading;
}

/**
 * Creates the EDI adapter for a centre and an awarding body.
 *
 * @param options - centre, awarding body, clock, software name, sequence counter
 * @example
 * ```ts
 * declare const clock: ExamClock;
 * declare const store: ExamcycleStore;
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, clock, sequences: store });
 * const out = await edi.writeEntries(candidates, entries, { series: { code: '6A', year: '26' } });
 * out.fileName; // 'E1234570.X01', then X02 … (kept in the store across restarts)
 * ```
 */
export function createEdiAdapter(options: EdiAdapterOptions): EdiAdapter {
  const { centreNumber, awardingBody, clock, postcode, software, firstSequence = 1, unrepresentable = 'reject', padShortLines = false, strict = false, tenant } = options;
  const sequences = options.sequences ?? inMemoryCounters();
  const scope: CounterScope = { centreNumber, ...(tenant === undefined ? {} : { tenant }) };
  const counterName = (s: EdiSeries): string => `edi.sequence:${awardingBody.ediId}:${s.code.toUpperCase()}${s.year}`;
  const write = (candidates: readonly Candidate[], entries: readonly Entry[], request: WriteEntriesRequest, sequence: number): EntriesFileOutput =>
    writeEntriesFile(candidates, entries, {
      dataType: request.dataType ?? 'E',
      centreNumber,
      awardingBody,
      series: request.series,
      sequence,
      producedOn: toLondon(clock.now()).toISODate()! as CalendarDate,
      unrepresentable,
      ...(postcode === undefined ? {} : { postcode }),
      ...(software === undefined ? {} : { software }),
    });
  return {
    centreNumber,
    awardingBody,
    async nextSequence(series) {
      if (sequences.readCounter === undefined) return undefined;
      return (await sequences.readCounter(scope, counterName(series))) + firstSequence;
    },
    async writeEntries(candidates, entries, request) {
      if (request.sequence !== undefined) return write(candidates, entries, request, request.sequence);
      // Written once with a placeholder number: a file refused outright must not use up a number.
      const trial = write(candidates, entries, request, firstSequence);
      if (trial.content === undefined) return trial;
      const sequence = (await sequences.nextCounter(scope, counterName(request.series))) - 1 + firstSequence;
      return sequence === firstSequence ? trial : write(candidates, entries, request, sequence);
    },
    readEntries(input, readOptions = {}) {
      return readEntriesFile(input, { ...readOptions, padShortLines, strict });
    },
    readResults(input, readOptions = {}) {
      const { file, candidates, entries } = readOptions;
      return readResultsFile(input, {
        ...(file === undefined ? {} : { file }),
        padShortLines,
        strict,
        ...(candidates !== undefined && entries !== undefined ? { match: { centreNumber, candidates, entries: entries.filter((e) => e.awardingBodyId === awardingBody.id) } } : {}),
      });
    },
    readBasedata(files, basedataOptions = {}) {
      return readBasedata(files, { ...basedataOptions, awardingBodyId: awardingBody.id, padShortLines, strict });
    },
  };
}

/** The explicit in-memory default: counters of this adapter only, lost with the process. */
function inMemoryCounters(): Pick<ExamcycleStore, 'nextCounter' | 'readCounter'> {
  const counts = new Map<string, number>();
  const key = (scope: CounterScope, name: string): string => `${scope.tenant ?? ''}\u0000${scope.centreNumber}\u0000${name}`;
  return {
    nextCounter: (scope, name) => {
      const n = (counts.get(key(scope, name)) ?? 0) + 1;
      counts.set(key(scope, name), n);
      return Promise.resolve(n);
    },
    readCounter: (scope, name) => Promise.resolve(counts.get(key(scope, name)) ?? 0),
  };
}
