/**
 * A centre's own rules as a second, tiny pack layered on the JCQ pack, without forking it: Northgate
 * Academy (a synthetic centre) sets its internal deadlines as working-day offsets from the JCQ key dates,
 * prices its late and very late entry fees, keeps seating plans for a year (destroyed by two), keeps
 * unclaimed certificates two years, and keeps nominated staff out of restricted release. The example
 * prints what changes, and exports the centre's calendar as iCalendar.
 */
import { examSeries, type RulesPack } from '@examcycle/core';
import { jcq, toICalendar, withOverrides } from '@examcycle/rules-jcq';

const series = examSeries('june', 2026);

/** Northgate Academy's overlay on the JCQ pack. */
function northgatePack(): RulesPack {
  return withOverrides(jcq, {
    centre: { name: 'Northgate Academy', policyDocument: 'Northgate Academy exams policy', year: '2025/26' },
    internalDeadlines: [
      { id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 },
      { id: 'ocr-marks-in', title: 'OCR NEA marks to the exams office', from: 'nea_marks_deadline', awardingBodyId: 'OCR', offsetWorkingDays: -5, series: ['june'] },
      { id: 'post-results-in', title: 'Post-results requests to the exams office', from: 'post_results_final_deadline', offsetWorkingDays: -2 },
    ],
    fees: [
      { band: 'late', pence: 1500 },
      { band: 'very_late', pence: 3000 },
    ],
    retention: { seating_plan: { keepMonths: 12, purgeAfterMonths: 24 }, unclaimed_certificate: { keepMonths: 24 } },
    results: { allowNominatedStaff: false },
  });
}

const pence = (p: number | undefined) => (p === undefined ? 'no price set' : `£${(p / 100).toFixed(2)}`);

/**
 * Prints what Northgate's overlay changes in the June 2026 series.
 *
 * @param print - where each line goes
 * @example
 * ```ts
 * main((line) => process.stdout.write(`${line}\n`));
 * ```
 */
export function main(print: (line: string) => void): void {
  const northgate = northgatePack();
  print(`Pack: ${northgate.name} (layered on ${jcq.name})`);

  print('');
  print('Internal deadlines, June 2026 (working-day offsets from the JCQ dates):');
  for (const k of northgate.keyDates(series).filter((d) => d.kind === 'internal_deadline')) {
    print(`  ${k.date}  ${k.title}  [${k.confidence}]`);
  }

  print('');
  print('Fee bands (JCQ prices none; the centre prices its own):');
  const entry = { id: 'e-0042', awardingBodyId: 'AQA', entryCode: '8300F' };
  for (const submittedAt of ['2026-02-20T16:00:00Z', '2026-03-02T09:00:00Z', '2026-04-22T09:00:00+01:00'] as const) {
    const jcqBand = jcq.feeBand({ ...entry, submittedAt }, series);
    const centreBand = northgate.feeBand({ ...entry, submittedAt }, series);
    print(`  submitted ${submittedAt}: ${centreBand.band}; JCQ pack: ${pence(jcqBand.pricePence)}, Northgate: ${pence(centreBand.pricePence)}`);
  }

  print('');
  print('Retention:');
  const plan = { id: 'seating-hall-2026-05-20', kind: 'seating_plan' as const, createdAt: '2026-05-20T09:00:00+01:00' as const };
  print(`  seating plan, JCQ pack: ${jcq.retention(plan).reason}`);
  const centrePlan = northgate.retention(plan);
  print(`  seating plan, Northgate: keep until ${String(centrePlan.keepUntil)}, destroy by ${String(centrePlan.mustPurgeBy)}`);
  const certificate = { id: 'cert-0042', kind: 'unclaimed_certificate' as const, createdAt: '2026-11-09T09:00:00Z' as const, issuedAt: '2026-11-09T09:00:00Z' as const };
  print(`  unclaimed certificate: JCQ may destroy from ${String(jcq.retention(certificate).mayDestroyFrom)}, Northgate from ${String(northgate.retention(certificate).mayDestroyFrom)}`);

  print('');
  print('Restricted release, a head of department nominated by the head of centre, 10:00 on 19 August 2026:');
  const read = { audience: 'centre_staff' as const, role: 'teacher' as const, nominatedByHeadOfCentre: true, at: '2026-08-19T10:00:00+01:00' as const, series, level: 'GCSE' as const };
  const jcqRead = jcq.resultsAccess(read);
  const centreRead = northgate.resultsAccess(read);
  print(`  JCQ pack: ${jcqRead.allowed ? 'allowed' : 'denied'} (${jcqRead.rule}, ${jcqRead.confidence})`);
  print(`  Northgate: ${centreRead.allowed ? 'allowed' : 'denied'} (${centreRead.rule}); from ${String(centreRead.allowedFrom)}`);

  print('');
  const ics = toICalendar(northgate.keyDates(series), { generatedAt: '2026-01-05T09:00:00Z', centre: { centreNumber: '68199' }, calendarName: 'Northgate Academy: June 2026' });
  const lines = ics.split('\r\n');
  const events = lines.filter((line) => line === 'BEGIN:VEVENT').length;
  const uid = lines.find((line) => line.startsWith('UID:') && line.includes('/internal_deadline/'));
  print(`iCalendar: ${events} events, ${ics.length} characters; first internal deadline ${String(uid)}`);
}
