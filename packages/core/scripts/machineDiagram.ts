/**
 * Documentation tooling (not published): any machine's chart as a Mermaid state diagram, generated from the
 * machine itself (its states, the transitions that change state, and the named guards on them), so the picture in
 * the docs is the chart that runs. A transition that stays in its state (proposing a target, signing, recording a
 * meeting) changes the record, not the step, and is left out; eventless transitions are drawn with their guard alone.
 * The docs tests (test/docs/) call it and fail when a committed diagram drifts from the machine.
 */
import type { AnyStateMachine } from 'xstate';

interface NodeLike {
  readonly key: string;
  readonly id: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly initial?: { readonly target: readonly NodeLike[] };
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly always?: readonly TransitionLike[];
}

interface TransitionLike {
  readonly target?: readonly NodeLike[];
  readonly guard?: unknown;
}

/** A guard in words: its name, `not …`, or the names joined by `and`. */
function guardText(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { check?: { name?: string }; guards?: readonly unknown[] };
    const kind = g.check?.name ?? '';
    const parts = (g.guards ?? []).map(guardText);
    if (/not/i.test(kind)) return `not ${parts[0] ?? '?'}`;
    if (/or/i.test(kind) && !/and/i.test(kind)) return parts.join(' or ');
    return parts.join(' and ');
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  return '';
}

/** A node's Mermaid id: its path below the root, joined with `_` (state names repeat across regions). */
function idOf(root: NodeLike, node: NodeLike): string {
  return node.id.slice(root.id.length + 1).replace(/\./g, '_') || 'root';
}

function render(root: NodeLike, node: NodeLike, indent: string, out: string[], edges: string[]): void {
  const children = Object.values(node.states).filter((c) => c.type !== 'history');
  if (node.type === 'compound' && node.initial?.target[0]) out.push(`${indent}[*] --> ${idOf(root, node.initial.target[0])}`);
  children.forEach((child, i) => {
    const id = idOf(root, child);
    if (child.type === 'compound' || child.type === 'parallel') {
      out.push(`${indent}state "${child.key}" as ${id} {`);
      render(root, child, `${indent}  `, out, edges);
      out.push(`${indent}}`);
    } else {
      out.push(`${indent}state "${child.key}" as ${id}`);
    }
    if (node.type === 'parallel' && i < children.length - 1) out.push(`${indent}--`);
  });
  const sources = node === root ? children : [node];
  for (const [event, transitions] of node.transitions) {
    for (const t of transitions) {
      const target = t.target?.[0];
      if (!target) continue;
      const guard = guardText(t.guard);
      const label = `${event}${guard ? ` [${guard}]` : ''}`;
      // A root transition (the year's rollover) leaves every top-level state but its target.
      for (const source of sources) if (source !== target) edges.push(`${idOf(root, source)} --> ${idOf(root, target)}: ${label}`);
    }
  }
  for (const t of node.always ?? []) {
    const target = t.target?.[0];
    if (target) edges.push(`${idOf(root, node)} --> ${idOf(root, target)}: [${guardText(t.guard)}]`);
  }
  for (const child of children) if (child.type === 'atomic' || child.type === 'final') renderEdgesOnly(root, child, edges);
}

function renderEdgesOnly(root: NodeLike, node: NodeLike, edges: string[]): void {
  for (const [event, transitions] of node.transitions) {
    for (const t of transitions) {
      const target = t.target?.[0];
      if (!target || target === node) continue;
      const guard = guardText(t.guard);
      edges.push(`${idOf(root, node)} --> ${idOf(root, target)}: ${event}${guard ? ` [${guard}]` : ''}`);
    }
  }
  for (const t of node.always ?? []) {
    const target = t.target?.[0];
    if (target) edges.push(`${idOf(root, node)} --> ${idOf(root, target)}: [${guardText(t.guard)}]`);
  }
}

/**
 * A machine's chart as a Mermaid `stateDiagram-v2`, from its state nodes: states (regions separated by
 * `--`), initial states, and every transition that changes state, labelled `event [guard and guard]`.
 *
 * @param machine - any xstate v5 machine
 */
export function machineDiagram(machine: AnyStateMachine): string {
  const root = machine.root as unknown as NodeLike;
  const out = ['stateDiagram-v2'];
  const edges: string[] = [];
  render(root, root, '  ', out, edges);
  return [...out, ...[...new Set(edges)].map((e) => `  ${e}`)].join('\n');
}
