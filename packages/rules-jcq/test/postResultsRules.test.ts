import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { ENQUIRY_SERVICE_IDS, collectAudit, enquiryMachine, enquiryServiceRuleSchema, examSeries, grantsFor, authorise, type AcademicYear } from '@examcycle/core';
import { jcq } from '../src/index.js';

const YEARS = jcq.academicYears as readonly AcademicYear[];

describe('jcq.postResultsServices', () => {
  it.each(YEARS)('gives every post-results service a rule with its source and confidence (%s)', (year) => {
    const services = jcq.postResultsServices(year);
    expect(Object.keys(services).sort()).toEqual([...ENQUIRY_SERVICE_IDS].sort());
    for (const rule of Object.values(services)) {
      expect(enquiryServiceRuleSchema.safeParse(rule).success).toBe(true);
      expect(rule.source.document).toContain('JCQ');
      expect(rule.confidence).not.toBe('primary');
      expect(rule.note, rule.rule).toBeTruthy();
    }
  });

  it('needs the candidate\'s written consent (GR 5.13) for re-checks, reviews of marking and access to scripts, not for a review of moderation', () => {
    const s = jcq.postResultsServices('2025/26');
    expect(Object.entries(s).filter(([, r]) => r.consentRequired).map(([k]) => k).sort()).toEqual(['access_to_scripts', 'access_to_scripts_priority', 'clerical_recheck', 'priority_review_of_marking', 'review_of_marking']);
    expect(s.review_of_marking.consentRule).toBe('jcq.gr.5.13');
    expect(s.priority_review_of_marking.deadline).toBe('post_results_priority_deadline');
  });
});

describe('jcq.authorities: post-results requests, certificates and results writes', () => {
  const grants = grantsFor(jcq.authorities('2025/26'), jcq.delegations(), ['enquiry.', 'certificate.', 'results.']);

  it('gives every row a source and, below primary, a note', () => {
    for (const a of jcq.authorities('2025/26').filter((x) => /^(enquiry|certificate|results)\./.test(x.action))) {
      expect(a.source.document, a.action).toBeTruthy();
      if (a.confidence !== 'primary') expect(a.note, a.action).toBeTruthy();
    }
  });

  it('lets only the centre submit a post-results request ("only through the centre"), and the candidate give consent', () => {
    expect(authorise(grants, { id: 'EO', role: 'exams_officer' }, 'enquiry.submit').allowed).toBe(true);
    expect(authorise(grants, { id: 'C-1', role: 'candidate' }, 'enquiry.submit')).toMatchObject({ allowed: false, code: 'not_authorised', rule: 'enquiry.submit' });
    expect(authorise(grants, { id: 'T-1', role: 'teacher' }, 'enquiry.submit').allowed).toBe(false);
    expect(authorise(grants, { id: 'C-1', role: 'candidate' }, 'enquiry.consent.capture').allowed).toBe(true);
  });

  it('lets only the head of centre or the exams officer sign off a certificate\'s destruction, and only the head of centre nominate', () => {
    expect(authorise(grants, { id: 'EOS', role: 'exams_office_staff' }, 'certificate.destroyed').allowed).toBe(false);
    expect(authorise(grants, { id: 'HOC', role: 'head_of_centre' }, 'certificate.destroyed').allowed).toBe(true);
    expect(authorise(grants, { id: 'EO', role: 'exams_officer' }, 'results.nominate').allowed).toBe(false);
  });

  it('decides an enquiry started with the JCQ pack by its rules: a candidate\'s own submission is refused and audited', () => {
    const EO = { id: 'EO', role: 'exams_officer' } as const;
    const actor = createActor(enquiryMachine, {
      input: { id: 'EAR-1', candidateId: 'C-1', series: examSeries('june', 2026), level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: jcq, createdAt: '2026-08-13T09:00:00+01:00', by: EO },
    });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().context.serviceRule).toMatchObject({ code: '2', consentRule: 'jcq.gr.5.13' });
    actor.send({ type: 'enquiry.submit', at: '2026-08-13T10:00:00+01:00', by: EO });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'consent_missing', rule: 'jcq.gr.5.13' });
    actor.send({ type: 'consent.capture', at: '2026-08-13T10:05:00+01:00', by: { id: 'C-1', role: 'candidate' }, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T10:04:00+01:00' } });
    actor.send({ type: 'enquiry.submit', at: '2026-08-13T10:06:00+01:00', by: { id: 'C-1', role: 'candidate' } });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised', rule: 'enquiry.submit' });
    actor.send({ type: 'enquiry.submit', at: '2026-08-13T10:07:00+01:00', by: EO });
    expect(actor.getSnapshot().value).toBe('submitted');
  });
});
