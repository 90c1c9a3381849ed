/**
 * The markdown table of a record kind's columns, as the README shows it, made from the column set so the
 * README cannot drift from the code (readme.test.ts checks it).
 */
import { RECORD_KINDS, type RecordKind } from '@examcycle/core';
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

/**
 * The README table of every enumeration alias of every kind (spellings read as another value), made from
 * the codecs so no alias goes undocumented (readme.test.ts checks it).
 */
export function aliasTable(): string {
  const rows: string[] = [];
  for (const kind of RECORD_KINDS) {
    for (const c of csvColumnSet(kind).columns) {
      if (c.codec.aliases === undefined) continue;
      const pairs = Object.entries(c.codec.aliases).map(([alias, value]) => `\`${alias}\` → \`${value}\``);
      rows.push(`| ${kind} | ${c.header} | ${pairs.join(', ')} |`);
    }
  }
  return ['| Kind | Column | Also read as (folded spelling → value) |', '| --- | --- | --- |', ...rows].join('\n');
}
