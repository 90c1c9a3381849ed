import { formatStoreKey, isExamcycleError } from '@examcycle/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './databases.js';

const envelope = (n: number) => ({ format: 'examcycle.snapshot', machine: 'examCycle', version: 1, snapshot: { value: 'planning', context: { n } } }) as const;
const keyOf = (id: string) => ({ centreNumber: '12345', machine: 'examCycle', id });

describe.each(testDatabases())('a corrupted snapshot row on $name', (db) => {
  describe.skipIf(db.skip)('is refused typed', () => {
    beforeAll(() => db.setUp(), 120_000);
    afterAll(() => db.tearDown());

    const garbage: readonly [string, string][] = [
      ['a JSON string', `'"garbage"'`],
      ['null', `'null'`],
      ['an array', `'[1,2,3]'`],
      ['a truncated envelope (no version, no snapshot)', `'{"format":"examcycle.snapshot","machine":"examCycle"}'`],
      ['another format', `'{"format":"other","machine":"examCycle","version":1,"snapshot":{}}'`],
      ['a zero version', `'{"format":"examcycle.snapshot","machine":"examCycle","version":0,"snapshot":{}}'`],
      ['a snapshot that is not an object', `'{"format":"examcycle.snapshot","machine":"examCycle","version":1,"snapshot":"x"}'`],
    ];

    it.each(garbage)('rejects %s as snapshot_invalid naming the key; other keys still load', async (_what, value) => {
      const schema = db.schema('corrupt');
      const store = await db.open(schema);
      await store.saveSnapshot(keyOf('hit'), envelope(1), { expectedRevision: null });
      await store.saveSnapshot(keyOf('spared'), envelope(2), { expectedRevision: null });
      await db.sql(`UPDATE "${schema}".snapshots SET data = ${value}::jsonb WHERE id = 'hit'`);
      const error = await store.loadSnapshot(keyOf('hit')).catch((e: unknown) => e);
      expect(isExamcycleError(error) && error.code).toBe('snapshot_invalid');
      expect(error).toMatchObject({ details: { key: formatStoreKey(keyOf('hit')) } });
      expect(await store.loadSnapshot(keyOf('spared'))).toEqual({ saved: envelope(2), revision: 1 });
      // The corrupted row can still be replaced by a writer that knows its revision.
      await store.saveSnapshot(keyOf('hit'), envelope(3), { expectedRevision: 1 });
      expect((await store.loadSnapshot(keyOf('hit')))?.saved).toEqual(envelope(3));
      await store.close();
    });
  });
});
