/**
 * Runs the compiled checks over many subjects and turns every rule that fired into a finding:
 * `{ rule, severity, subject, message, source, explanation }`, where the explanation lists the conditions
 * that held. Facts that cannot be prepared become an error finding with their issues, never a crash.
 */
import type { CheckFacts, Finding, Severity, SourceRef } from '@examcycle/core';
import type { CompiledRules, FiredRule } from './compileRules.js';
import { prepareCheckFacts, type CheckContext } from './prepareCheckFacts.js';

/** The source a finding about the facts themselves cites. */
const FACTS_CONTRACT: SourceRef = { document: '@examcycle/rules-jcq, check facts (README: "Checks")', year: '2025/26' };

/**
 * The finding a fired rule makes about a subject. Its explanation is worked out on first read, so a run
 * that never reads it never pays for it.
 *
 * @param fired - the rule that fired
 * @param subject - what it is about
 * @example
 * ```ts
 * findingOf(fired, { kind: 'entry', id: 'e1' }).severity; // 'warning'
 * ```
 */
export function findingOf(fired: FiredRule, subject: CheckFacts['subject']): Finding {
  const params = fired.event.params ?? {};
  let explanation: readonly string[] | undefined;
  return {
    rule: typeof params['rule'] === 'string' ? params['rule'] : fired.rule,
    severity: (params['severity'] as Severity | undefined) ?? 'error',
    subject: { kind: subject.kind, id: subject.id },
    message: typeof params['message'] === 'string' ? params['message'] : fired.event.type,
    source: (params['source'] as SourceRef | undefined) ?? FACTS_CONTRACT,
    // Built on first read (an own, enumerable getter: spread, JSON and deep equality still see it).
    get explanation() {
      return (explanation ??= [...fired.explanation]);
    },
  };
}

/**
 * Prepares each subject's facts and runs the compiled checks over them.
 *
 * @param facts - one entry per subject
 * @param compiled - the compiled check rules
 * @param ctx - the pack's key dates, results access and editions
 * @example
 * ```ts
 * runChecks([{ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted' } }], compiled, ctx);
 * ```
 */
export function runChecks(facts: readonly CheckFacts[], compiled: CompiledRules, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const input of facts) {
    const prepared = prepareCheckFacts(input, ctx);
    if (!prepared.ok) {
      findings.push({
        rule: 'jcq.check.invalid-facts',
        severity: 'error',
        subject: { kind: input.subject.kind, id: input.subject.id },
        message: `The facts for ${input.subject.kind} ${input.subject.id} could not be checked.`,
        source: FACTS_CONTRACT,
        explanation: prepared.issues.map((i) => `${i.path || '(root)'}: ${i.message} (${i.code})`),
      });
      continue;
    }
    for (const fired of compiled.run(prepared.facts)) findings.push(findingOf(fired, input.subject));
  }
  return findings;
}
