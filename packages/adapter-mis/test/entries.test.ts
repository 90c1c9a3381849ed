import { describe, expect, it } from 'vitest';
import * as root from '@examcycle/adapter-mis';
import * as edi from '@examcycle/adapter-mis/edi';
import * as mis from '@examcycle/adapter-mis/mis';

describe('the entries of @examcycle/adapter-mis', () => {
  it('splits the package in two halves that share no name: /edi (EDI files, layouts, basedata) and /mis (the MIS port and its mappings)', () => {
    const shared = Object.keys(edi).filter((name) => name in mis);
    expect(shared).toEqual([]);
    expect(Object.keys(edi)).toEqual(expect.arrayContaining(['readEntriesFile', 'readResultsFile', 'readBasedata', 'matchEdiResults', 'EDI_LAYOUTS']));
    expect(Object.keys(mis)).toEqual(expect.arrayContaining(['createWondeMis', 'createArborMis', 'parseCtf', 'createInMemoryMis', 'MIS_OPERATIONS']));
  });

  it('keeps exporting both halves from the root entry, the same values', () => {
    expect(Object.keys(root).sort()).toEqual([...Object.keys(edi), ...Object.keys(mis)].sort());
    expect(root.readEntriesFile).toBe(edi.readEntriesFile);
    expect(root.createWondeMis).toBe(mis.createWondeMis);
  });
});
