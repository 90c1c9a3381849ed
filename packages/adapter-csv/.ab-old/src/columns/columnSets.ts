/**
 * Every record kind's column set, by kind. The importer, the exporter and the documentation all read
 * from here, so what the README lists is what the code does.
 */
import type { RecordKind } from '@examcycle/core';
import { accessArrangementColumns } from './accessArrangementColumns.js';
import { candidateColumns } from './candidateColumns.js';
import { certificateColumns } from './certificateColumns.js';
import type { CsvColumnSet } from './CsvColumnSet.js';
import { entryColumns } from './entryColumns.js';
import { invigilatorColumns } from './invigilatorColumns.js';
import { resultColumns } from './resultColumns.js';
import { roomColumns } from './roomColumns.js';
import { timetableColumns } from './timetableColumns.js';

/**
 * The column set of a record kind.
 *
 * @param kind - the record kind
 * @param excelSerialDates - whether whole numbers in date columns are Excel serial dates
 * @example
 * ```ts
 * csvColumnSet('candidates').columns.find((c) => c.header === 'CandidateNumber')!.synonyms; // ['Exam Number', …]
 * ```
 */
export function csvColumnSet<K extends RecordKind>(kind: K, excelSerialDates = true): CsvColumnSet<K> {
  const sets: { [P in RecordKind]: () => CsvColumnSet<P> } = {
    candidates: () => candidateColumns(excelSerialDates),
    entries: () => entryColumns(excelSerialDates),
    timetable: () => timetableColumns(excelSerialDates),
    rooms: () => roomColumns(),
    invigilators: () => invigilatorColumns(excelSerialDates),
    access_arrangements: () => accessArrangementColumns(excelSerialDates),
    results: () => resultColumns(excelSerialDates),
    certificates: () => certificateColumns(excelSerialDates),
  };
  return sets[kind]() as CsvColumnSet<K>;
}
