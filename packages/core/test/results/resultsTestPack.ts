/**
 * The core fixture pack with retention periods for the record kinds the retention planner is tested on.
 * Test data, not regulation: ATS consent six months (school sources), candidates' work, seating plans and
 * registers until the post-results final deadline, enquiry consents purged after twelve months.
 */
import { toLondon, type RetainedRecord, type RetentionDecision, type RulesPack } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import type { Instant } from '@examcycle/core';

const SRC = { document: 'examcycle results test pack', year: '2025/26' };
const FINAL_DEADLINE = '2026-09-24T23:59:59.999+01:00';

function plus(at: Instant, months: number): Instant {
  return (toLondon(at).plus({ months }).toISO() as Instant);
}

/** The fixture pack with test retention periods and a must-purge date for enquiry consents. */
export const resultsTestPack: RulesPack = {
  ...fixturePack,
  id: 'fixture-results',
  retention(record: RetainedRecord): RetentionDecision {
    const base = { recordId: record.id, kind: record.kind, source: SRC, confidence: 'reading' as const };
    switch (record.kind) {
      case 'ats_consent': {
        const from = plus(record.createdAt, 6);
        return { ...base, keepUntil: from, mayDestroyFrom: from, mustPurgeBy: null, reason: 'ATS consent kept six months' };
      }
      case 'enquiry_consent': {
        const from = plus(record.createdAt, 6);
        return { ...base, keepUntil: from, mayDestroyFrom: from, mustPurgeBy: plus(record.createdAt, 12), reason: 'enquiry consent kept six months, purged by twelve' };
      }
      case 'nea_work':
      case 'seating_plan':
      case 'attendance_register':
        return { ...base, keepUntil: FINAL_DEADLINE, mayDestroyFrom: FINAL_DEADLINE, mustPurgeBy: null, reason: 'kept until the post-results final deadline' };
      default:
        return fixturePack.retention(record);
    }
  },
};
