import { describe, expect, it } from 'vitest';
import { runResultsReadsFuzz } from '../../fuzz/resultsReads.js';

describe('results store reads, fuzzed against the release table (issue 12)', () => {
  it('lets no one read a result before the table releases it to them, withholds nothing it releases, and audits every read as answered', async () => {
    // Seeded and bounded: 4,000 reads (one scenario in five also on the durable store) take a few seconds.
    const report = await runResultsReadsFuzz(4000, 20260812, 5);
    expect(report.failures).toEqual([]);
    expect(report.row).toMatchObject({ inputs: 4000, untypedThrows: 0, rowsLost: 0, unauthorisedReads: 0, over1s: 0 });
    expect({ audit: report.auditMismatches, wrongfulDenials: report.wrongfulDenials, durable: report.durableMismatches }).toEqual({ audit: 0, wrongfulDenials: 0, durable: 0 });
  });
});
