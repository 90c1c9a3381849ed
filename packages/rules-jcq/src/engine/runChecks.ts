/**
 * Runs the compiled checks over many subjects and turns every rule that fired into a finding:
 * `{ rule, severity, subject, message, source, explanation }`, where the explanation lists the conditions
 * that held, worked out only when it is read. Facts that cannot be prepared become an error finding with
 * their issues, never a crash.
 *
 * The hot path is entries: each is read into one reused facts object, the rules write the indexes of those
 * that hold into a reused buffer, and an entry that passes every check allocates nothing. An entry that makes
 * findings keeps its facts as a compact record ({@link EntryFactsRecords}) and each finding is one small object
 * (its rule's text is shared), so a run's garbage collection pays for findings, not for entries.
 */
import type { CheckFacts, Finding, Severity, SourceRef } from '@examcycle/core';
import { evaluatorOf, explainRule, type CompiledRules, type FiredRule, type RuleEvaluator, type RuleFacts } from './compileRules.js';
import { emptyEntryFacts, entryMemo, EntryFactsRecords, readEntry, type EntryMemo } from './entryFacts.js';
import { fastFacts, prepareThroughZod, type CheckContext } from './prepareCheckFacts.js';

/** The source a finding about the facts themselves cites. */
const FACTS_CONTRACT: SourceRef = { document: '@examcycle/rules-jcq, check facts (README: "Checks")', year: '2025/26' };

/** What a rule's findings say (from its event params) and how to explain one: worked out once per rule, shared by its findings. */
interface RuleText {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly source: SourceRef;
  readonly explain: (facts: RuleFacts) => readonly string[];
  /** Where the run keeps the facts of the entries that made findings. */
  readonly records: EntryFactsRecords | undefined;
}

function ruleText(name: string, event: FiredRule['event'], explain: RuleText['explain'], records?: EntryFactsRecords): RuleText {
  const params = event.params ?? {};
  return {
    rule: typeof params['rule'] === 'string' ? params['rule'] : name,
    severity: (params['severity'] as Severity | undefined) ?? 'error',
    message: typeof params['message'] === 'string' ? params['message'] : event.type,
    source: (params['source'] as SourceRef | undefined) ?? FACTS_CONTRACT,
    explain,
    records,
  };
}

/** A base constructor that returns the object it is given, so a subclass can add its private fields to an object it did not make. */
class Lend {
  constructor(target: object) {
    // eslint-disable-next-line no-constructor-return -- lending private fields to a literal is the point
    return target as Lend;
  }
}

/**
 * The private part of a finding of a rule that fired: its rule's text and, until the explanation is read, what it
 * is worked out from (the number of the entry's record in the text's `records`, or the prepared facts); then the
 * explanation. A finding itself is an object literal (`rule`, `severity`, `subject`, `message`, `source`: plain
 * data; V8 pretenures a literal whose objects mostly outlive a collection, so a million findings cost the
 * young-generation collector almost nothing, where instances of a class are each copied out of it) given these fields and the `explanation` accessor.
 */
class FindingState extends Lend {
  readonly #text: RuleText;
  #state: number | RuleFacts | readonly string[];

  constructor(finding: object, text: RuleText, from: number | RuleFacts) {
    super(finding);
    this.#text = text;
    this.#state = from;
  }

  /** `explanation`: an own, enumerable getter (spread, JSON and deep equality see it), one for every finding so they share a hidden class. */
  static readonly EXPLANATION: PropertyDescriptor = {
    enumerable: true,
    configurable: false,
    get(this: FindingState & Finding): readonly string[] {
      const state = this.#state;
      if (Array.isArray(state)) return state as readonly string[];
      const facts = typeof state === 'number' ? this.#text.records!.factsAt(state, this.subject as { kind: 'entry'; id: string }) : state;
      const explanation = this.#text.explain(facts as RuleFacts);
      this.#state = explanation;
      return explanation;
    },
  };
}

/** A finding of a rule that fired: its explanation is worked out on first read from the facts as they were when it fired, then kept. */
function ruleFinding(text: RuleText, subject: Finding['subject'], from: number | RuleFacts): Finding {
  const finding = { rule: text.rule, severity: text.severity, subject, message: text.message, source: text.source };
  new FindingState(finding, text, from);
  Object.defineProperty(finding, 'explanation', FindingState.EXPLANATION);
  return finding as typeof finding & { readonly explanation: readonly string[] };
}

function invalidFacts(input: CheckFacts, explanation: readonly string[]): Finding {
  return {
    rule: 'jcq.check.invalid-facts',
    severity: 'error',
    subject: { kind: input.subject.kind, id: input.subject.id },
    message: `The facts for ${input.subject.kind} ${input.subject.id} could not be checked.`,
    source: FACTS_CONTRACT,
    explanation,
  };
}

/** A subject's facts through zod, or `undefined` after adding the finding that says why they could not be prepared. */
function throughZod(input: CheckFacts, ctx: CheckContext, findings: Finding[]): RuleFacts | undefined {
  const prepared = prepareThroughZod(input, ctx);
  if (prepared.ok) return prepared.facts;
  findings.push(invalidFacts(input, prepared.issues.map((i) => `${i.location?.path?.join('.') || '(root)'}: ${i.message} (${i.code})`)));
  return undefined;
}

/**
 * Prepares each subject's facts and runs the compiled checks over them. The pack's `check` is this function
 * with the pack's compiled rules and context.
 *
 * @internal
 * @param facts - one entry per subject
 * @param compiled - the compiled check rules
 * @param ctx - the pack's key dates, results access and editions
 */
export function runChecks(facts: readonly CheckFacts[], compiled: CompiledRules, ctx: CheckContext): Finding[] {
  const evaluator = evaluatorOf(compiled);
  return evaluator === undefined ? runThroughFired(facts, compiled, ctx) : runThroughEvaluator(facts, evaluator, ctx);
}

function runThroughEvaluator(facts: readonly CheckFacts[], evaluator: RuleEvaluator, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const memo = entryMemo();
  const records = new EntryFactsRecords(memo);
  const texts = evaluator.rules.map((r, index) => ruleText(r.name, r.event, (f) => explainRule(evaluator, index, f), records));
  const fired = new Int32Array(evaluator.rules.length);
  const indexes = evaluator.indexes;
  const keyDatesOf = (seriesId: string) => ctx.keyDatesOf(seriesId);
  const entry = emptyEntryFacts();
  const entryFacts = entry as unknown as RuleFacts;
  for (let i = 0; i < facts.length; i += 1) {
    const input = facts[i]!;
    if (input.subject.kind === 'entry' && readEntry(input, keyDatesOf, memo, entry)) {
      const n = indexes(entryFacts, fired);
      if (n === 0) continue;
      const subject = { kind: 'entry', id: entry.subject.id };
      const record = records.keep(entry);
      for (let k = 0; k < n; k += 1) findings.push(ruleFinding(texts[fired[k]!]!, subject, record));
      continue;
    }
    const prepared = throughZod(input, ctx, findings);
    if (prepared === undefined) continue;
    const n = indexes(prepared, fired);
    if (n === 0) continue;
    // Facts the pack prepared hold a fresh `{ kind, id }` of their own (zod's copy): the findings share it.
    const subject = prepared === input ? { kind: input.subject.kind, id: input.subject.id } : (prepared['subject'] as Finding['subject']);
    for (let k = 0; k < n; k += 1) findings.push(ruleFinding(texts[fired[k]!]!, subject, prepared));
  }
  return findings;
}

/** For {@link CompiledRules} made elsewhere: through their `run`, each fired rule's explanation its own. */
function runThroughFired(facts: readonly CheckFacts[], compiled: CompiledRules, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const memo: EntryMemo = entryMemo();
  for (const input of facts) {
    const prepared = fastFacts(input, ctx, memo) ?? throughZod(input, ctx, findings);
    if (prepared === undefined) continue;
    const subject = { kind: input.subject.kind, id: input.subject.id };
    for (const fired of compiled.run(prepared)) {
      findings.push(ruleFinding(ruleText(fired.rule, fired.event, () => [...fired.explanation]), subject, prepared));
    }
  }
  return findings;
}
