/**
 * The checks a persisted snapshot must pass before examcycle restores it: the actor was running (`status`
 * `active`, no error, no output), its state value is a real state path of the machine (not `"toString"`, not
 * `"__proto__"`, not a state of another version), it has no child actors the machine does not spawn, and its
 * context passes the machine's persisted-context schema. Whatever fails is reported as a typed
 * `snapshot_invalid` naming the path that failed, so nothing restores half-way and nothing restored can crash
 * the host later.
 */
import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { PersistedMachineSpec } from './persistedMachine.js';

interface StateNodeLike {
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly states: Readonly<Record<string, StateNodeLike>>;
}

function isPlainObject(u: unknown): u is Record<string, unknown> {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const proto = Object.getPrototypeOf(u) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The fields xstate writes in a persisted snapshot; anything else (a `__proto__` key, say) is refused. */
const SNAPSHOT_KEYS: ReadonlySet<string> = new Set(['status', 'value', 'historyValue', 'context', 'children', 'output', 'error', 'tags']);

/** The first problem with `value` as a state value of `node`, as `[path, message]`, or undefined. */
function stateValueProblem(node: StateNodeLike, value: unknown, path: string): [string, string] | undefined {
  const children = node.states;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(children, k) && children[k]!.type !== 'history';
  if (node.type === 'parallel') {
    if (!isPlainObject(value)) return [path, 'a parallel state needs an object naming every region'];
    const regions = Object.keys(children).filter(has);
    for (const k of Object.keys(value)) if (!has(k)) return [`${path}.${k}`, `"${k}" is not a region`];
    for (const r of regions) {
      if (!Object.prototype.hasOwnProperty.call(value, r)) return [`${path}.${r}`, `region "${r}" is missing`];
      const p = stateValueProblem(children[r]!, value[r], `${path}.${r}`);
      if (p) return p;
    }
    return undefined;
  }
  if (node.type !== 'compound') return [path, 'this state has no child states'];
  if (typeof value === 'string') {
    if (!has(value)) return [path, `"${value.slice(0, 60)}" is not a state here`];
    const child = children[value]!;
    if (child.type !== 'atomic' && child.type !== 'final') return [path, `"${value}" has child states; the value must name one`];
    return undefined;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length !== 1) return [path, 'a state value names exactly one child state'];
    const k = keys[0]!;
    if (!has(k)) return [`${path}.${k}`, `"${k.slice(0, 60)}" is not a state here`];
    const child = children[k]!;
    if (child.type === 'atomic' || child.type === 'final') return [`${path}.${k}`, `"${k}" has no child states`];
    return stateValueProblem(child, value[k], `${path}.${k}`);
  }
  return [path, 'a state value is a state name or an object of them'];
}

/**
 * Checks an xstate persisted snapshot against a machine and its context schema.
 *
 * @param machine - the machine the snapshot claims to be of
 * @param snapshot - the xstate persisted snapshot (after migrations)
 * @param context - the schema of the machine's persisted context
 * @param spec - the machine's spawned children and cross-field check, when it has them
 * @throws ExamcycleError `snapshot_invalid` with `details.path` naming what failed
 * @example
 * ```ts
 * declare const saved: PersistedSnapshot;
 * validateSnapshot(examCycleMachine, saved.snapshot as Record<string, unknown>, examCycleContextSchema);
 * ```
 */
export function validateSnapshot(
  machine: AnyStateMachine,
  snapshot: Record<string, unknown>,
  context: z.ZodType | undefined,
  spec?: Pick<PersistedMachineSpec, 'children' | 'check'>,
): void {
  const fail = (path: string, message: string, cause?: unknown): never => {
    throw new ExamcycleError('snapshot_invalid', `Snapshot of "${machine.id}" is invalid at ${path}: ${message}`, {
      details: { machine: machine.id, path },
      ...(cause !== undefined ? { cause } : {}),
    });
  };
  for (const k of Object.keys(snapshot)) {
    if (!SNAPSHOT_KEYS.has(k)) fail(`snapshot.${k.slice(0, 40)}`, 'not a field of a persisted snapshot');
  }
  if (snapshot['status'] !== 'active') {
    fail('snapshot.status', `the actor must have been running ("active"), not ${JSON.stringify(snapshot['status'])?.slice(0, 40) ?? 'undefined'}`);
  }
  if (snapshot['error'] !== undefined && snapshot['error'] !== null) fail('snapshot.error', 'a running actor has no error');
  if (snapshot['output'] !== undefined && snapshot['output'] !== null) fail('snapshot.output', 'a running actor has no output');
  const children = snapshot['children'];
  if (!isPlainObject(children) || (!spec?.children && Object.keys(children).length > 0)) {
    fail('snapshot.children', 'this machine spawns no child actors');
  }
  for (const [id, child] of Object.entries(children as Record<string, unknown>)) {
    const at = `snapshot.children.${id.slice(0, 60)}`;
    const src = isPlainObject(child) ? child['src'] : undefined;
    const childSpec = typeof src === 'string' && spec?.children && Object.prototype.hasOwnProperty.call(spec.children, src) ? spec.children[src] : undefined;
    if (!childSpec) fail(at, 'not a child actor this machine spawns');
    const entry = child as Record<string, unknown>;
    for (const k of Object.keys(entry)) if (!['snapshot', 'src', 'syncSnapshot', 'systemId'].includes(k)) fail(`${at}.${k.slice(0, 40)}`, 'not a field of a persisted child');
    if (!isPlainObject(entry['snapshot'])) fail(`${at}.snapshot`, 'a child has a snapshot');
    try {
      validateSnapshot(childSpec!.machine, entry['snapshot'] as Record<string, unknown>, childSpec!.context, childSpec);
    } catch (error) {
      const path = (error as ExamcycleError).details?.['path'];
      fail(typeof path === 'string' ? `${at}.${path}` : at, (error as Error).message, error);
    }
  }
  const history = snapshot['historyValue'];
  if (history !== undefined && (!isPlainObject(history) || Object.keys(history).length > 0)) {
    fail('snapshot.historyValue', 'this machine has no history states');
  }
  const problem = stateValueProblem(machine.root as unknown as StateNodeLike, snapshot['value'], 'snapshot.value');
  if (problem) fail(problem[0], problem[1]);
  if (context) {
    if (!isPlainObject(snapshot['context'])) fail('snapshot.context', 'the context must be an object');
    const parsed = context.safeParse(snapshot['context']);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      const at = ['snapshot', 'context', ...first.path.map(String)].join('.');
      fail(at, `${first.message} (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'} in all)`, parsed.error);
    }
  }
  const problem2 = spec?.check?.(snapshot);
  if (problem2) fail(problem2[0], problem2[1]);
}
