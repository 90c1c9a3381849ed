/**
 * The markdown table of a record kind's columns, as the README shows it, made from the column set so the
 * README cannot drift from the code (readme.test.ts checks it).
 */
import type { RecordKind } from '@examcycle/core';
import { csvColumnSet } from '@examcycle/adapter-csv';

/**
 * The README table of a kind's columns.
 *
 * @param kind - the record kind
 */
export function columnTable(kind: RecordKind): string {
  const set = csvColumnSet(kind);
  const rows = set.columns.map((c) => {
    const field = c.field === undefined ? '(checked only)' : `\`${c.field}\``;
    const need = c.required
      ? c.fallback
        ? `yes (or ${c.fallback})`
        : 'yes'
      : c.default !== undefined
        ? `no (empty: \`${c.default || '""'}\`)`
        : c.fallback
          ? `no (else ${c.fallback})`
          : 'no';
    return `| ${c.header} | ${field} | ${need} | ${c.codec.name} | ${c.synonyms.join(', ')} |`;
  });
  const derived = set.derivedId === undefined ? '' : `\n\nWithout an id column the id is \`${set.derivedId.join(':')}\`.`;
  return [`#### ${kind}`, '', '| Header | Field | Required | Cells | Also read as |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + derived;
}
