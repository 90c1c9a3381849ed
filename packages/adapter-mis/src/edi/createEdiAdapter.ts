/**
 * The EDI adapter for one centre and one awarding body: it writes entries and amendments files with the
 * next sequence number of each series, dated by an injected clock in Europe/London, and reads entries,
 * results (matched to the centre's candidates and entries) and basedata.
 */
import { toLondon, type AwardingBody, type Candidate, type Entry, type ExamClock } from '@examcycle/core';
import { readBasedata, type BasedataReading, type ReadBasedataOptions } from '../basedata/readBasedata.js';
import type { BasedataFile } from '../basedata/basedataFiles.js';
import type { EdiSeries } from './ediSeries.js';
import { readEntriesFile, type EntriesFileReading } from './readEntriesFile.js';
import { readResultsFile, type ResultsFileReading } from './readResultsFile.js';
import { writeEntriesFile, type EntriesFileOutput } from './writeEntriesFile.js';
import type { EdiSoftware } from './writeEdiFile.js';

/** Options for {@link createEdiAdapter}. */
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
   * The first sequence number of each series, when no file has been sent yet.
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
}

/** What to write. */
export interface WriteEntriesRequest {
  readonly series: EdiSeries;
  /**
   * `E` (entries) or `A` (amendments).
   * @default 'E'
   */
  readonly dataType?: 'E' | 'A';
  /** The sequence number; the adapter's next for this series when omitted. */
  readonly sequence?: number;
}

/** The EDI adapter. */
export interface EdiAdapter {
  readonly centreNumber: string;
  readonly awardingBody: AwardingBody & { readonly ediId: string };
  /** Writes an entries or amendments file; advances the series' sequence number when it is written. */
  writeEntries(candidates: readonly Candidate[], entries: readonly Entry[], request: WriteEntriesRequest): EntriesFileOutput;
  /** The sequence number the next file of a series will carry. */
  nextSequence(series: EdiSeries): number;
  readEntries(input: string | Uint8Array, options?: { readonly file?: string }): EntriesFileReading;
  /** Reads a results file, matched to candidates and entries when both are given. */
  readResults(input: string | Uint8Array, options?: { readonly file?: string; readonly candidates?: readonly Candidate[]; readonly entries?: readonly Entry[] }): ResultsFileReading;
  readBasedata(files: readonly BasedataFile[], options?: Omit<ReadBasedataOptions, 'awardingBodyId'>): BasedataReading;
}

/**
 * Creates the EDI adapter for a centre and an awarding body.
 *
 * @param options - centre, awarding body, clock, software name
 * @example
 * ```ts
 * const edi = createEdiAdapter({ centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, clock: hostClock });
 * const out = edi.writeEntries(candidates, entries, { series: { code: '6A', year: '26' } });
 * out.fileName; // 'E1234570.X01', then X02 …
 * ```
 */
export function createEdiAdapter(options: EdiAdapterOptions): EdiAdapter {
  const { centreNumber, awardingBody, clock, postcode, software, firstSequence = 1, unrepresentable = 'reject', padShortLines = false } = options;
  const next = new Map<string, number>();
  const key = (s: EdiSeries): string => `${s.code.toUpperCase()}${s.year}`;
  const nextSequence = (series: EdiSeries): number => next.get(key(series)) ?? firstSequence;
  return {
    centreNumber,
    awardingBody,
    nextSequence,
    writeEntries(candidates, entries, request) {
      const sequence = request.sequence ?? nextSequence(request.series);
      const out = writeEntriesFile(candidates, entries, {
        dataType: request.dataType ?? 'E',
        centreNumber,
        awardingBody,
        series: request.series,
        sequence,
        producedOn: toLondon(clock.now()).toISODate()!,
        unrepresentable,
        ...(postcode === undefined ? {} : { postcode }),
        ...(software === undefined ? {} : { software }),
      });
      if (out.content !== undefined) next.set(key(request.series), sequence + 1);
      return out;
    },
    readEntries(input, readOptions = {}) {
      return readEntriesFile(input, { ...readOptions, padShortLines });
    },
    readResults(input, readOptions = {}) {
      const { file, candidates, entries } = readOptions;
      return readResultsFile(input, {
        ...(file === undefined ? {} : { file }),
        padShortLines,
        ...(candidates !== undefined && entries !== undefined ? { match: { centreNumber, candidates, entries: entries.filter((e) => e.awardingBodyId === awardingBody.id) } } : {}),
      });
    },
    readBasedata(files, basedataOptions = {}) {
      return readBasedata(files, { ...basedataOptions, awardingBodyId: awardingBody.id, padShortLines });
    },
  };
}
