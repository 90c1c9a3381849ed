/** The examples by name. Each is `main(print)`: it prints what it shows and returns nothing. */
import { juneSeries } from './juneSeries.js';

/** An example's entry point. */
export type ExampleMain = (print: (line: string) => void) => Promise<void> | void;

/** An example: what it shows, and its entry point. */
export interface Example {
  readonly description: string;
  readonly main: ExampleMain;
}

/** Every example, by the name `npm run example -- <name>` takes. */
export const examples: Record<string, Example> = {
  'june-series': { description: 'A synthetic centre through the June 2026 series: phase timeline and audit trail', main: juneSeries },
};
