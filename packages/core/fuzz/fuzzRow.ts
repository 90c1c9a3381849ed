/** One line of a fuzz run's figures table (the same columns in every package's `fuzz-report.json`). */
export interface FuzzRow {
  readonly package: string;
  readonly surface: string;
  readonly inputs: number;
  readonly untypedThrows: number;
  readonly rowsLost: number;
  readonly unauthorisedReads: number;
  readonly over1s: number;
  readonly peakRssMb: number;
  readonly seconds: number;
}
