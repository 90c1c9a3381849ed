/**
 * The JCQ pack's checks, authored as json-rules-engine rule JSON: each rule names the regulation it
 * checks, its severity, a message and its source in the event params. The same JSON runs in
 * json-rules-engine as written, and through {@link compileRules} on the hot path. The facts each rule
 * reads are prepared by the pack from the caller's data (instants become epoch milliseconds, deadlines
 * come from the key dates); the README lists them.
 */
import type { SourceRef } from '@examcycle/core';
import { documents } from '../editions/documents.js';
import type { RuleCondition, RuleJson } from '../engine/RuleJson.js';

const CONSULTED = '2025/26';

function subjectIs(kind: string): RuleCondition {
  return { fact: 'subject', path: '$.kind', operator: 'equal', value: kind, name: `the subject is of kind ${kind}` };
}

function finding(rule: string, severity: 'error' | 'warning' | 'info', message: string, source: SourceRef): RuleJson['event'] {
  return { type: 'finding', params: { rule, severity, message, source } };
}

/**
 * The JCQ checks as json-rules-engine rules.
 *
 * @example
 * ```ts
 * jcqCheckRules.map((r) => r.name); // ['jcq.entries.late-entry', 'jcq.entries.very-late-entry', …]
 * ```
 */
export const jcqCheckRules: readonly RuleJson[] = [
  {
    name: 'jcq.entries.late-entry',
    conditions: {
      all: [
        subjectIs('entry'),
        {
          fact: 'entry',
          path: '$.submittedAtMs',
          operator: 'greaterThan',
          value: { fact: 'deadlines', path: '$.entryDeadlineMs' },
          name: 'the entry was submitted after the entry deadline',
        },
        {
          fact: 'entry',
          path: '$.submittedAtMs',
          operator: 'lessThanInclusive',
          value: { fact: 'deadlines', path: '$.veryLateDeadlineMs' },
          name: 'and by the very late deadline',
        },
      ],
    },
    event: finding('jcq.entries.late-entry', 'warning', 'Late entry: submitted after the entry deadline, so a late entry fee is charged.', documents.aqaEntries('2023/24')),
  },
  {
    name: 'jcq.entries.very-late-entry',
    conditions: {
      all: [
        subjectIs('entry'),
        {
          fact: 'entry',
          path: '$.submittedAtMs',
          operator: 'greaterThan',
          value: { fact: 'deadlines', path: '$.veryLateDeadlineMs' },
          name: 'the entry was submitted after the very late deadline',
        },
      ],
    },
    event: finding(
      'jcq.entries.very-late-entry',
      'warning',
      'Very late entry: submitted after the very late deadline, so the very late fee is charged.',
      documents.aqaEntries('2023/24'),
    ),
  },
  {
    name: 'jcq.entries.identity-not-verified',
    conditions: {
      all: [
        subjectIs('entry'),
        { fact: 'entry', path: '$.status', operator: 'in', value: ['submitted', 'accepted', 'amended'], name: 'the entry has been made' },
        { fact: 'entry', path: '$.identityVerified', operator: 'notEqual', value: true, name: "the candidate's identity has not been verified" },
      ],
    },
    event: finding(
      'jcq.entries.identity-not-verified',
      'error',
      "Entry without a verified identity: the centre must confirm the candidate's identity before they sit.",
      documents.jcqIce(CONSULTED),
    ),
  },
  {
    name: 'jcq.entries.missing-uci',
    conditions: {
      all: [subjectIs('entry'), { not: { fact: 'candidate', path: '$.hasUci', operator: 'equal', value: true }, name: 'the candidate has no UCI' }],
    },
    event: finding('jcq.entries.missing-uci', 'error', 'Missing UCI: every entry needs the candidate\'s Unique Candidate Identifier.', documents.jcqUci(CONSULTED)),
  },
  {
    name: 'jcq.entries.invalid-uci',
    conditions: {
      all: [
        subjectIs('entry'),
        { fact: 'candidate', path: '$.hasUci', operator: 'equal', value: true, name: 'the candidate has a UCI' },
        { fact: 'candidate', path: '$.uciValid', operator: 'equal', value: false, name: 'it fails the UCI shape or check letter' },
      ],
    },
    event: finding('jcq.entries.invalid-uci', 'error', 'Invalid UCI: the Unique Candidate Identifier fails its check letter.', documents.jcqUci(CONSULTED)),
  },
  {
    name: 'jcq.entries.withdrawal-after-refund-deadline',
    conditions: {
      all: [
        subjectIs('entry'),
        { fact: 'entry', path: '$.status', operator: 'equal', value: 'withdrawn', name: 'the entry was withdrawn' },
        {
          fact: 'entry',
          path: '$.withdrawnAtMs',
          operator: 'greaterThan',
          value: { fact: 'deadlines', path: '$.veryLateDeadlineMs' },
          name: 'after the no-refund deadline',
        },
      ],
    },
    event: finding(
      'jcq.entries.withdrawal-after-refund-deadline',
      'info',
      'Withdrawn after the refund deadline: the entry fee is not refunded.',
      documents.aqaEntries('2023/24'),
    ),
  },
  {
    name: 'jcq.invigilation.ratio-breached',
    conditions: {
      all: [
        subjectIs('room_session'),
        {
          fact: 'invigilation',
          path: '$.present',
          operator: 'lessThan',
          value: { fact: 'invigilation', path: '$.required' },
          name: 'fewer invigilators than the ratio requires',
        },
      ],
    },
    event: finding(
      'jcq.invigilation.ratio-breached',
      'error',
      'Invigilation ratio breached: at least one invigilator for every 30 candidates in a written exam (20 in a practical or on-screen one).',
      documents.jcqIce(CONSULTED),
    ),
  },
  {
    name: 'jcq.exam-room.seat-spacing',
    conditions: {
      all: [
        subjectIs('room_session'),
        {
          fact: 'session',
          path: '$.seatSpacingMetres',
          operator: 'lessThan',
          value: { fact: 'rules', path: '$.seatSpacingMetres' },
          name: 'candidates sit closer than the minimum spacing',
        },
      ],
    },
    event: finding(
      'jcq.exam-room.seat-spacing',
      'error',
      "Seats too close: candidates must be at least 1.25 m apart in all directions, centre to centre of their chairs.",
      documents.jcqIce('2019/20', '11.10'),
    ),
  },
  {
    name: 'jcq.access-arrangements.without-approval',
    conditions: {
      all: [
        subjectIs('access_arrangement'),
        { fact: 'arrangement', path: '$.approval', operator: 'in', value: ['none', 'pending'], name: 'the arrangement has no approval' },
      ],
    },
    event: finding(
      'jcq.access-arrangements.without-approval',
      'error',
      'Access arrangement without approval: it must be approved through Access Arrangements Online (or be one the centre may delegate) before it is used.',
      documents.jcqAaoFaq(CONSULTED),
    ),
  },
  {
    name: 'jcq.access-arrangements.approval-expired',
    conditions: {
      all: [
        subjectIs('access_arrangement'),
        { fact: 'arrangement', path: '$.approval', operator: 'equal', value: 'aao_approved', name: 'the arrangement was approved online' },
        {
          fact: 'arrangement',
          path: '$.neededAtMs',
          operator: 'greaterThan',
          value: { fact: 'arrangement', path: '$.approvalExpiresMs' },
          name: 'it is needed after the approval lapses (26 months)',
        },
      ],
    },
    event: finding(
      'jcq.access-arrangements.approval-expired',
      'warning',
      'Access arrangement approval lapsed: an AAO approval is valid for 26 months (secondary source: a school SEND page).',
      documents.sjbSend(CONSULTED),
    ),
  },
  {
    name: 'jcq.results.read-before-release',
    conditions: {
      all: [
        subjectIs('results_read'),
        {
          fact: 'read',
          path: '$.atMs',
          operator: 'lessThan',
          value: { fact: 'release', path: '$.allowedFromMs' },
          name: 'results were read before they were released to this reader',
        },
      ],
    },
    event: finding(
      'jcq.results.read-before-release',
      'error',
      'Results read before release: a breach of JCQ results confidentiality and a malpractice risk.',
      documents.jcqPublicationOfResults(CONSULTED),
    ),
  },
  {
    name: 'jcq.certificates.destroyed-early',
    conditions: {
      all: [
        subjectIs('certificate'),
        {
          fact: 'certificate',
          path: '$.destroyedAtMs',
          operator: 'lessThan',
          value: { fact: 'certificate', path: '$.mayDestroyFromMs' },
          name: 'the certificate was destroyed less than 12 months after issue',
        },
      ],
    },
    event: finding(
      'jcq.certificates.destroyed-early',
      'error',
      'Unclaimed certificate destroyed early: certificates are kept at least 12 months from the date of issue.',
      documents.jcqUnclaimedCertificates(CONSULTED),
    ),
  },
  {
    name: 'jcq.certificates.destruction-not-recorded',
    conditions: {
      all: [
        subjectIs('certificate'),
        { fact: 'certificate', path: '$.destroyed', operator: 'equal', value: true, name: 'the certificate was destroyed' },
        { fact: 'certificate', path: '$.destructionRecorded', operator: 'notEqual', value: true, name: 'no record of its destruction is kept' },
      ],
    },
    event: finding(
      'jcq.certificates.destruction-not-recorded',
      'error',
      'Destroyed certificate not recorded: keep a record of each destroyed certificate for 4 years from its destruction.',
      documents.jcqUnclaimedCertificates(CONSULTED),
    ),
  },
  {
    name: 'jcq.exam-room.very-late-arrival',
    conditions: {
      all: [
        subjectIs('arrival'),
        {
          fact: 'arrival',
          path: '$.arrivedAtMs',
          operator: 'greaterThan',
          value: { fact: 'arrival', path: '$.veryLateAfterMs' },
          name: 'the candidate arrived very late',
        },
        { not: { fact: 'arrival', path: '$.reported', operator: 'equal', value: true }, name: 'it has not been reported on JCQ/VLA' },
      ],
    },
    event: finding(
      'jcq.exam-room.very-late-arrival',
      'warning',
      'Very late arrival: warn the candidate the script may not be accepted, and report it on JCQ/VLA within seven working days.',
      documents.jcqVeryLateArrivals(CONSULTED),
    ),
  },
];
