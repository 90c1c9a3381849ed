import { describe, expectTypeOf, it } from 'vitest';
import { reportXlsx, seatingPlanPdf, seatingPlanSvg, type XlsxColumn, type XlsxSheet } from '@examcycle/documents';

describe('@examcycle/documents types', () => {
  it('the seating plan is SVG text, or PDF bytes', () => {
    expectTypeOf(seatingPlanSvg).returns.toEqualTypeOf<string>();
    expectTypeOf(seatingPlanPdf).returns.toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf(reportXlsx).returns.toEqualTypeOf<Promise<Uint8Array>>();
  });

  it('a column reads the row type of its sheet', () => {
    interface Seat {
      readonly seat: string;
      readonly minutes: number;
    }
    const sheet: XlsxSheet<Seat> = { name: 'Seats', columns: [{ header: 'Seat', value: (r) => r.seat }, 'Minutes'], rows: [{ seat: 'A1', minutes: 90 }] };
    expectTypeOf(sheet.columns[0]!).toEqualTypeOf<XlsxColumn<Seat> | string>();
    // @ts-expect-error a column's value is a cell: string, number, boolean, Date or nothing
    const bad: XlsxColumn<Seat> = { header: 'Seat', value: (r) => [r.seat] };
    void bad;
  });
});
