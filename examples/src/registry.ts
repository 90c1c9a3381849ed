/** The examples by name. Each is `main(print)`: it prints what it shows and returns nothing. */
import { juneSeries, juneSeriesArgs } from './juneSeries.js';
import { main as eopsYear } from './eopsYear.js';
import { main as eopsCaseStudy1 } from './eopsCaseStudy1.js';
import { main as eopsCaseStudy2 } from './eopsCaseStudy2.js';
import { main as resultsDay } from './resultsDay.js';
import { main as centrePack } from './centrePack.js';
import { main as misIntegration } from './misIntegration.js';
import { main as csvRoundTrip } from './csvRoundTrip.js';
import { main as examWeek } from './examWeek.js';
import { main as entryChecking } from './entryChecking.js';

/** An example's entry point. */
export type ExampleMain = (print: (line: string) => void) => Promise<void> | void;

/** An example: what it shows, and its entry point. */
export interface Example {
  readonly description: string;
  readonly main: ExampleMain;
}

/** Every example, by the name `npm run example -- <name>` takes. */
export const examples: Record<string, Example> = {
  'june-series': { description: 'A synthetic centre through the June 2026 series on the embedded store: phase timeline, signals delivered once, audit log; a second run resumes (--fresh, --until YYYY-MM-DD, --data DIR)', main: (print) => juneSeries(print, juneSeriesArgs(process.argv.slice(3))) },
  'results-day': { description: 'Results day for a synthetic centre: restricted release reads allowed and denied, results day, two enquiries, certificates in November, retention, and the audit trails', main: resultsDay },
  'centre-pack': { description: 'A centre overlay as a second pack layered on the JCQ pack: internal deadlines, fee prices, retention periods, nominated staff, iCalendar', main: centrePack },
  'eops': { description: 'Exams Officer Professional Standards: a new and an experienced exams officer through 2025/26, the tracker at three points, certificates, renewal, CSV', main: eopsYear },
  'eops-case-study-1': { description: 'EOPS toolkit case study 1, an experienced exams officer: targets agreed by both, four Key Skills (advice), half-termly meetings, the request and the SLT declaration at the appraisal, the tracker where the toolkit shows it', main: eopsCaseStudy1 },
  'eops-case-study-2': { description: 'EOPS toolkit case study 2, a new exams officer: day-one registration, first-week, first-month and first-term reviews ticking the induction checklist, Values & Attributes in the first month, the tracker and checklist at each point', main: eopsCaseStudy2 },
  'mis': { description: 'MIS integration: candidates from a recorded Wonde payload, entries, the JCQ EDI entries file, a synthetic results file read back and every finding', main: misIntegration },
  'exam-week': { description: "A synthetic centre's exam week: timetable, clashes and their JCQ resolutions, seating, invigilators and bookings, and a very late arrival, illness and malpractice becoming exam-cycle tasks", main: examWeek },
  'entry-checking': { description: "A science department's entries checked, queried, amended, signed by its head, authorised by a senior leader and submitted, with deadlines from the centre overlay, a tier change that reopens one entry, a statement of entry, and the conflicts-of-interest register", main: entryChecking },
  'csv': { description: 'CSV in and out: a candidate list and an entries list imported with every issue shown, a seating plan and a results broadsheet exported, formula injection neutralised, a round trip', main: csvRoundTrip },
};
