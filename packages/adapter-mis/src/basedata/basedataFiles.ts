/**
 * Basedata arrives as a set of files (S, O, C, L and sometimes D) or as one zip of them (`Z6A25_70.zip`).
 * This expands zips with fflate and names each file's data type from its name, reporting any file that is
 * not basedata or cannot be unzipped, and listing the documentation (Readme) files a zip also holds.
 */
import { unzipSync } from 'fflate';
import type { EdiIssue } from '../edi/EdiIssue.js';
import { parseEdiFileName, type EdiFileNameParts } from '../edi/ediFileName.js';

/** One input file: its name and its content. */
export interface BasedataFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** A basedata file identified by its name. */
export interface NamedBasedataFile extends BasedataFile {
  readonly parts: EdiFileNameParts;
}

/**
 * Expands zipped sets and identifies every basedata file by name; anything else is an issue (line 0 = the
 * whole file).
 *
 * @param files - the files as received
 * @internal
 */
export function expandBasedataFiles(files: readonly BasedataFile[]): { files: NamedBasedataFile[]; issues: EdiIssue[]; ignored: string[] } {
  const out: NamedBasedataFile[] = [];
  const issues: EdiIssue[] = [];
  const ignored: string[] = [];
  const visit = (file: BasedataFile, from?: string): void => {
    const label = from === undefined ? file.name : `${from}/${file.name}`;
    const base = file.name.replace(/^.*[\\/]/, '');
    if (/readme|\.txt$|\.pdf$/i.test(base) && from !== undefined) {
      ignored.push(label); // documentation inside an awarding body's zip
      return;
    }
    const parts = parseEdiFileName(file.name);
    if (parts === undefined || !['S', 'O', 'C', 'L', 'D', 'Z'].includes(parts.dataType)) {
      issues.push({ file: label, line: 0, code: 'invalid_value', message: `${label} is not a basedata file name (like S6A25_70.X01 or Z6A25_70.zip): not read` });
      return;
    }
    if (parts.zip) {
      if (typeof file.content === 'string') {
        issues.push({ file: label, line: 0, code: 'binary_file', message: `${label} is a zip; pass its bytes, not text` });
        return;
      }
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(file.content);
      } catch (cause) {
        issues.push({ file: label, line: 0, code: 'binary_file', message: `${label} could not be unzipped: ${cause instanceof Error ? cause.message : String(cause)}` });
        return;
      }
      for (const [name, content] of Object.entries(entries)) {
        if (name.endsWith('/')) continue;
        visit({ name, content }, label);
      }
      return;
    }
    out.push({ name: label, content: file.content, parts });
  };
  for (const f of files) visit(f);
  return { files: out, issues, ignored };
}
