import { fc, test as fcTest } from '@fast-check/vitest';
import { assign, createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { persistSnapshot } from '@examcycle/core';

/** A one-state machine whose context is whatever the test gives it. */
const holder = setup({ types: { context: {} as { value: unknown }, input: {} as { value: unknown }, events: {} as { type: 'set'; value: unknown } } }).createMachine({
  id: 'holder',
  context: ({ input }) => ({ value: input.value }),
  on: { set: { actions: assign({ value: ({ event }) => event.value }) } },
});

const viaText = (actor: ReturnType<typeof createActor<typeof holder>>): unknown => JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;

describe('persistSnapshot', () => {
  fcTest.prop([fc.anything({ withBoxedValues: true, withDate: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withMap: true, withSet: true })], {
    seed: 20261203,
    numRuns: 300,
  })('keeps exactly what JSON text would keep of the state', (value) => {
    const actor = createActor(holder, { input: { value } }).start();
    expect(persistSnapshot(actor).snapshot).toStrictEqual(viaText(actor));
  });

  it('keeps a __proto__ key as a field, never as the prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":[1,null,-0]}') as unknown;
    const actor = createActor(holder, { input: { value: [value, undefined, () => 1, Number.NaN, new Date(0)] } }).start();
    const snapshot = persistSnapshot(actor).snapshot as { context: { value: unknown[] } };
    expect(snapshot).toStrictEqual(viaText(actor));
    expect(Object.getPrototypeOf(snapshot.context.value[0])).toBe(Object.prototype);
  });

  it('refuses a state that JSON cannot hold (a BigInt), as JSON text would', () => {
    const actor = createActor(holder, { input: { value: { count: 1n } } }).start();
    expect(() => viaText(actor)).toThrow(TypeError);
    expect(() => persistSnapshot(actor)).toThrow(TypeError);
  });

  it('gives a copy: changing it leaves the actor alone', () => {
    const actor = createActor(holder, { input: { value: { list: [1, 2] } } }).start();
    const snapshot = persistSnapshot(actor).snapshot as { context: { value: { list: number[] } } };
    snapshot.context.value.list.push(3);
    expect(actor.getSnapshot().context.value).toEqual({ list: [1, 2] });
  });
});
