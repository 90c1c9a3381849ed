/**
 * Basedata arrives as a set of files (S, O, C, L and sometimes D) or as one zip of them. A zip is known by
 * its bytes (or a `.zip` name), not by its name: AQA serves its set under a content hash
 * (`cfc19cd0….zip`) holding `SBG25_70.X01` … and `Readme.txt`. Zips are read within documented limits
 * ({@link BasedataZipLimits}); each member is named by its data type, and any member that is not basedata,
 * has an unsafe name or cannot be read is an issue. Documentation (Readme) files inside zips are listed.
 */
import { ExamcycleError, isExamcycleError } from '@examcycle/core';
import type { ExamcycleIssue } from '@examcycle/core';
import { parseEdiFileName, type EdiFileNameParts } from '../edi/ediFileName.js';
import { BASEDATA_ZIP_LIMITS, looksLikeZip, readZipMembers, type BasedataZipLimits, type ZipBudget } from './basedataZip.js';

/**
 * One input file: its name and its content.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const files: BasedataFile[] = ['S6A26_70.X01', 'O6A26_70.X01', 'C6A26_70.X01', 'L6A26_70.X01'].map((name) => ({ name, content: readFileSync(name, 'latin1') }));
 * const set = readBasedata(files, { awardingBodyId: 'AQA' });
 * ```
 */
export interface BasedataFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** A basedata file identified by its name. */
export interface NamedBasedataFile extends BasedataFile {
  readonly parts: EdiFileNameParts;
}

/**
 * Expands zipped sets within the limits and identifies every basedata file by name; anything else is an
 * issue (line 0 = the whole file).
 *
 * @param files - the files as received
 * @param limits - the zip limits
 * @throws ExamcycleError `limit_exceeded` when a zip passes a limit
 * @internal
 */
export function expandBasedataFiles(files: readonly BasedataFile[], limits: BasedataZipLimits = {}): { files: NamedBasedataFile[]; issues: ExamcycleIssue[]; ignored: string[] } {
  const all: Required<BasedataZipLimits> = { ...BASEDATA_ZIP_LIMITS, ...definedOnly(limits) };
  const budget: ZipBudget = { expanded: 0 };
  const out: NamedBasedataFile[] = [];
  const issues: ExamcycleIssue[] = [];
  const ignored: string[] = [];
  const visit = (file: BasedataFile, from: string | undefined, depth: number): void => {
    const label = from === undefined ? file.name : `${from}/${file.name}`;
    const base = file.name.replace(/^.*[\\/]/, '');
    const isZip = typeof file.content === 'string' ? /\.zip$/i.test(base) : looksLikeZip(file.content) || /\.zip$/i.test(base);
    if (isZip) {
      if (typeof file.content === 'string') {
        issues.push({ code: 'binary_file', severity: 'error', message: `${label} is a zip; pass its bytes, not text`, location: { file: label } });
        return;
      }
      if (depth >= all.maxDepth) {
        throw new ExamcycleError('limit_exceeded', `${label} is a zip nested ${depth + 1} deep; at most ${all.maxDepth} levels are read`, {
          location: { file: label },
          details: { limit: 'maxDepth', max: all.maxDepth, value: depth + 1 },
        });
      }
      let members;
      try {
        members = readZipMembers(file.content, label, all, budget);
      } catch (error) {
        if (isExamcycleError(error) && error.code === 'binary_file') {
          issues.push({ code: 'binary_file', severity: 'error', message: error.message, location: { file: label } });
          return;
        }
        throw error;
      }
      for (const m of members) {
        if ('refused' in m) issues.push({ code: 'invalid_value', severity: 'error', message: `${label}: member ${JSON.stringify(m.name)} ${m.refused}`, location: { file: label, value: m.name } });
        else visit({ name: m.name, content: m.content }, label, depth + 1);
      }
      return;
    }
    if (/readme|\.txt$|\.pdf$/i.test(base) && from !== undefined) {
      ignored.push(label); // documentation inside an awarding body's zip
      return;
    }
    const parts = parseEdiFileName(file.name);
    if (parts === undefined || !['S', 'O', 'C', 'L', 'D'].includes(parts.dataType)) {
      issues.push({ code: 'invalid_value', severity: 'error', message: `${label} is not a basedata file name (like S6A25_70.X01) nor a zip of them: not read`, location: { file: label } });
      return;
    }
    out.push({ name: label, content: file.content, parts });
  };
  for (const f of files) visit(f, undefined, 0);
  return { files: out, issues, ignored };
}

function definedOnly(limits: BasedataZipLimits): BasedataZipLimits {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as BasedataZipLimits;
}
