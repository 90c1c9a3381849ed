/**
 * A small synthetic centre for the results tests: candidates, staff, qualifications, entries and the
 * June 2026 results that come in for them (one GCE subject, one GCSE subject with tiers and components).
 */
import {
  examSeries,
  type Candidate,
  type Entry,
  type Qualification,
  type Result,
  type StaffMember,
} from '@examcycle/core';

/** The series every results test uses. */
export const june2026 = examSeries('june', 2026);

/** The centre's staff: a head, an exams officer, exams office staff, two teachers, a senior leader. */
export const staff: StaffMember[] = [
  { id: 'HEAD', name: 'Dr R. Okafor', roles: ['head_of_centre'], active: true },
  { id: 'EO', name: 'S. Lewis', roles: ['exams_officer'], active: true },
  { id: 'EOA', name: 'J. Hart', roles: ['exams_office_staff'], active: true },
  { id: 'T-MATHS', name: 'P. Singh', roles: ['teacher'], active: true },
  { id: 'T-BIO', name: 'M. Byrne', roles: ['teacher'], active: true },
  { id: 'SLT', name: 'K. Adeyemi', roles: ['senior_leader', 'teacher'], active: true },
  { id: 'GONE', name: 'Former Teacher', roles: ['teacher'], active: false },
];

function candidate(n: number, surname: string, forenames: string): Candidate {
  return {
    id: `C-${n}`,
    centreNumber: '12345',
    candidateNumber: String(n).padStart(4, '0'),
    legalSurname: surname,
    legalForenames: forenames,
    dateOfBirth: '2008-03-01',
    kind: 'internal',
  };
}

/** Four candidates. */
export const candidates: Candidate[] = [candidate(1, 'Ahmed', 'Sara'), candidate(2, 'Brown', 'Tom'), candidate(3, 'Chen', 'Li'), candidate(4, 'Davies', 'Owen')];

/** GCE Biology (one option) and GCSE Mathematics (foundation and higher tiers, three papers each). */
export const qualifications: Qualification[] = [
  { id: 'AQA-7402', awardingBodyId: 'AQA', specificationCode: '7402', title: 'A-level Biology', level: 'GCE', entryOptions: [{ code: '7402', title: '', componentCodes: ['74021', '74022', '74023'] }] },
  {
    id: 'AQA-8300',
    awardingBodyId: 'AQA',
    specificationCode: '8300',
    title: 'GCSE Mathematics',
    level: 'GCSE',
    entryOptions: [
      { code: '8300F', title: 'Foundation', tier: 'F', componentCodes: ['83001F', '83002F', '83003F'] },
      { code: '8300H', title: 'Higher', tier: 'H', componentCodes: ['83001H', '83002H', '83003H'] },
    ],
  },
];

function entry(candidateId: string, entryCode: string, componentCodes: string[], status: Entry['status'] = 'accepted'): Entry {
  return { id: `E-${candidateId}-${entryCode}`, candidateId, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode, componentCodes, status, submittedAt: '2026-02-10T10:00:00+00:00', identityVerified: true };
}

const BIO = ['74021', '74022', '74023'];
const MF = ['83001F', '83002F', '83003F'];
const MH = ['83001H', '83002H', '83003H'];

/** Entries: C-1 and C-2 Biology; everyone Maths; C-4's Biology withdrawn. */
export const entries: Entry[] = [
  entry('C-1', '7402', BIO),
  entry('C-2', '7402', BIO),
  entry('C-4', '7402', BIO, 'withdrawn'),
  entry('C-1', '8300H', MH),
  entry('C-2', '8300H', MH),
  entry('C-3', '8300F', MF),
  entry('C-4', '8300F', MF),
];

function result(candidateId: string, awardCode: string, level: Result['level'], grade: string, kind: Result['kind'] = 'qualification', mark?: number): Result {
  return {
    id: `R-${candidateId}-${awardCode}`,
    candidateId,
    seriesId: 'june-2026',
    awardingBodyId: 'AQA',
    awardCode,
    kind,
    level,
    grade,
    ...(mark !== undefined ? { mark } : {}),
    receivedAt: level === 'GCE' ? '2026-08-12T00:01:00.000+01:00' : '2026-08-19T00:01:00.000+01:00',
  };
}

/**
 * The results that come in: C-1 Biology B and Maths 7; C-2 Biology A*; C-2 Maths components only (a late
 * cash-in); C-3 Maths grade pending; C-4 Maths missing; a stray result for C-4's withdrawn Biology.
 */
export function centreResults(): Result[] {
  return [
    result('C-1', '7402', 'GCE', 'B', 'qualification', 182),
    ...BIO.map((c, i) => result('C-1', c, 'GCE', '', 'component', 60 + i)),
    result('C-2', '7402', 'GCE', 'A*', 'qualification', 251),
    result('C-1', '8300H', 'GCSE', '7'),
    ...MH.map((c, i) => result('C-2', c, 'GCSE', '', 'component', 55 + i)),
    result('C-3', '8300F', 'GCSE', ''),
    result('C-4', '7402', 'GCE', 'E'),
  ];
}
