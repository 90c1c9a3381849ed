/**
 * Arbor results: `QualificationResult` (student, `qualificationGrade`, `endorsementGrade`, `numericValue`,
 * `resultDatetime`, `missingResultReason`) with the award code from its `CandidateRegistration` →
 * `QualificationAward.awardIdentifier`. A grade is read from the grade object's `shortName`, else
 * `gradeLetter`, `code` or `displayName` (which one Arbor fills is to be confirmed). A delta rebuilds the
 * results its change log names; one that no longer exists (HTTP 404) is removed.
 */
import type { ExamcycleIssue } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisIssueCode, MisResult } from '../MisPort.js';
import type { ArborChange, ArborPart } from './arborChangelog.js';
import { isArborNotFound, type ArborSession } from './arborClient.js';
import { arborAt, arborId, arborInstant, arborText, isArborRef, type ArborEntity } from './arborEntity.js';

/** The resource types a result is built from (and whose change logs a delta reads). */
export const ARBOR_RESULT_TYPES: readonly string[] = ['QualificationResult'];

function gradeText(grade: ArborEntity): string | undefined {
  return arborText(grade['shortName']) ?? arborText(grade['gradeLetter']) ?? arborText(grade['code']) ?? arborText(grade['displayName']);
}

async function build(s: ArborSession, items: readonly ArborEntity[]): Promise<{ records: MisResult[]; issues: ExamcycleIssue<MisIssueCode>[]; rows: number }> {
  const records: MisResult[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  for (const [i, r] of items.entries()) {
    const at = arborAt(r.href, 'qualificationResults', i);
    const id = r.href === undefined ? undefined : arborId(r.href);
    if (id === undefined || !isArborRef(r['student'])) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'A qualification result needs its href and a student reference', { field: id === undefined ? 'href' : 'student' }));
      continue;
    }
    const gradeOf = async (value: unknown): Promise<string | undefined> => {
      if (!isArborRef(value)) return undefined;
      return gradeText(value) ?? gradeText(await s.get(value.href, 'QualificationGrade'));
    };
    const grade = await gradeOf(r['qualificationGrade']);
    const endorsement = await gradeOf(r['endorsementGrade']);
    let awardCode: string | undefined;
    if (isArborRef(r['candidateRegistration'])) {
      const registration = await s.get(r['candidateRegistration'].href, 'CandidateRegistration');
      if (isArborRef(registration['qualificationAward'])) {
        const award = await s.get(registration['qualificationAward'].href, 'QualificationAward');
        awardCode = arborText(award['awardIdentifier'])?.trim();
      }
    }
    if (awardCode === undefined) issues.push(misIssue(at, 'invalid_value', 'warning', "The result's award code could not be found (no registration or award identifier); kept without it", { field: 'candidateRegistration.qualificationAward.awardIdentifier', recordId: id }));
    const numeric = r['numericValue'];
    const mark = typeof numeric === 'number' ? numeric : arborText(numeric) !== undefined && !Number.isNaN(Number(numeric)) ? Number(numeric) : undefined;
    const missingReason = arborText(r['missingResultReason']);
    const receivedAt = arborInstant(r['resultDatetime']);
    records.push({
      id,
      candidateId: arborId(r['student'].href),
      ...(awardCode === undefined ? {} : { awardCode }),
      grade: grade ?? '',
      ...(endorsement === undefined ? {} : { endorsement }),
      ...(mark === undefined ? {} : { mark }),
      ...(missingReason === undefined ? {} : { missingReason }),
      ...(receivedAt === undefined ? {} : { receivedAt }),
    });
  }
  return { records, issues, rows: items.length };
}

/**
 * Every Arbor result.
 *
 * @param s - the Arbor session
 * @internal
 */
export async function arborResults(s: ArborSession): Promise<ArborPart<MisResult>> {
  return { ...(await build(s, await s.list('QualificationResult'))), deletedIds: [] };
}

/**
 * The results an Arbor delta touches, re-read; those gone are in `deletedIds`.
 *
 * @param s - the Arbor session
 * @param changes - the changes of {@link ARBOR_RESULT_TYPES} since the cursor
 * @internal
 */
export async function arborResultChanges(s: ArborSession, changes: readonly ArborChange[]): Promise<ArborPart<MisResult>> {
  const items: ArborEntity[] = [];
  const deletedIds: string[] = [];
  for (const href of new Set(changes.map((c) => c.object.href).filter((h): h is string => typeof h === 'string'))) {
    try {
      items.push(await s.get(href, 'QualificationResult'));
    } catch (error) {
      if (!isArborNotFound(error)) throw error;
      deletedIds.push(arborId(href));
    }
  }
  return { ...(await build(s, items)), deletedIds };
}
