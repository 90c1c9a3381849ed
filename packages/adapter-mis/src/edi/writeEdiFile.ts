/**
 * Wraps detail lines in the control records of a one-centre EDI file: file header, centre header, the
 * details, centre trailer (details + 2) and file trailer (details + 4, one centre), each 192 characters,
 * every record ended by CR LF (Aspen `ExamEntries.java`).
 */
import type { CalendarDate, ExamcycleIssue } from '@examcycle/core';
import { ediCodec, type EdiValues } from './ediRecordCodec.js';
import { toEdiDate } from './ediDate.js';
import type { EdiSeries } from './ediSeries.js';
import { CENTRE_HEADER_LAYOUT, CENTRE_TRAILER_LAYOUT, FILE_HEADER_LAYOUT, FILE_TRAILER_LAYOUT } from './layouts/controlLayouts.js';

/**
 * The software that writes a file, as its header records it (7 and 3 characters).
 *
 * @example
 * ```ts
 * const software: EdiSoftware = { name: 'EXAMCYC', version: '010' };
 * ```
 */
export interface EdiSoftware {
  /** Up to 7 characters. */
  readonly name: string;
  /** Up to 3 characters. */
  readonly version: string;
}

/**
 * What the control records of a one-centre file say.
 *
 * @example
 * ```ts
 * const control: EdiControl = {
 *   dataType: 'E', centreOrSeries: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' },
 *   sequence: 1, producedOn: '2026-02-10', software: { name: 'EXAMCYC', version: '010' },
 * };
 * ```
 */
export interface EdiControl {
  readonly dataType: string;
  /** The centre number (centre files) or series + year + language (basedata). */
  readonly centreOrSeries: string;
  readonly awardingBodyId: string;
  readonly series: EdiSeries;
  /** 1–999. */
  readonly sequence: number;
  readonly postcode?: string;
  readonly producedOn: CalendarDate;
  readonly software: EdiSoftware;
  /**
   * The distribution type (column 14).
   * @default 'S'
   */
  readonly distributionType?: string;
}

/**
 * A written file, or the issues that stopped it.
 *
 * @example
 * ```ts
 * declare const control: EdiControl;
 * const out: EdiFileText = writeEdiFile(control, []);
 * if (!out.ok) out.issues.map((i) => i.message);
 * ```
 */
export type EdiFileText = { readonly ok: true; readonly content: string } | { readonly ok: false; readonly issues: readonly ExamcycleIssue<'unrepresentable_value'>[] };

/**
 * Assembles a one-centre EDI file around already encoded detail lines.
 *
 * @param control - what the header and trailer records say
 * @param details - the detail lines, 192 characters each
 * @example
 * ```ts
 * const link = encodeEdiRecord({ optionCode: '8300F', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
 * const lines = link.ok ? [link.line] : [];
 * const out = writeEdiFile({ dataType: 'L', centreOrSeries: '6A25_', awardingBodyId: '70', series: { code: '6A', year: '25' }, sequence: 1, producedOn: '2025-01-10', software: { name: 'AOSIM', version: '1' } }, lines);
 * if (out.ok) out.content.split('\r\n').length; // 6: four control records, the link, and the final end of line
 * ```
 */
export function writeEdiFile(control: EdiControl, details: readonly string[]): EdiFileText {
  const { dataType, centreOrSeries, awardingBodyId, series, sequence, postcode = '', producedOn, software, distributionType = 'S' } = control;
  const records: Array<[EdiValues, typeof FILE_HEADER_LAYOUT]> = [
    [
      {
        dataType,
        recordType: '1',
        centreOrSeries,
        awardingBodyId,
        seriesCode: series.code,
        seriesYear: series.year,
        distributionType,
        softwareName: software.name,
        softwareVersion: software.version,
        formatsVersion: '14',
      },
      FILE_HEADER_LAYOUT,
    ],
    [
      { dataType, recordType: '3', centreOrSeries, awardingBodyId, seriesCode: series.code, seriesYear: series.year, sequenceNumber: String(sequence), postcode: postcode.toUpperCase() },
      CENTRE_HEADER_LAYOUT,
    ],
  ];
  const trailers: Array<[EdiValues, typeof FILE_HEADER_LAYOUT]> = [
    [{ dataType, recordType: '7', centreOrSeries, recordCount: String(details.length + 2), dateProduced: toEdiDate(producedOn) }, CENTRE_TRAILER_LAYOUT],
    [{ dataType, recordType: '9', centreOrSeries, totalRecords: String(details.length + 4), centreCount: '1' }, FILE_TRAILER_LAYOUT],
  ];
  const issues: ExamcycleIssue<'unrepresentable_value'>[] = [];
  const encode = ([values, layout]: [EdiValues, typeof FILE_HEADER_LAYOUT]): string => {
    const out = ediCodec(layout).encode(values);
    if ('line' in out) return out.line;
    issues.push(...out.issues.map((i) => ({ ...i, location: { ...i.location, recordType: `${dataType}${layout.recordType}` } })));
    return '';
  };
  const head = records.map(encode);
  const tail = trailers.map(encode);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    issues.push({
      code: 'unrepresentable_value',
      severity: 'error',
      message: 'The sequence number must be a whole number from 1 to 999',
      location: { column: 14, field: 'sequenceNumber', recordType: `${dataType}3`, value: String(sequence) },
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const body = details.length === 0 ? '' : `${details.join('\r\n')}\r\n`;
  return { ok: true, content: `${head[0]}\r\n${head[1]}\r\n${body}${tail[0]}\r\n${tail[1]}\r\n` };
}
