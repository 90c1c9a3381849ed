import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arborAccessKind, createArborMis, type ArborMisOptions } from '@examcycle/adapter-mis';
import { instantClock, recordedFetch } from './recordedFetch.js';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/arbor/staff-rooms-access.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const arbor = (extra: Partial<ArborMisOptions> = {}, withClock = true) => {
  const t = recordedFetch(recorded);
  return { ...t, mis: createArborMis({ baseUrl: 'https://synthetic.uk.arbor.sc', username: 'app', password: 'secret', fetch: t.fetch, deltas: false, ...(withClock ? { clock: instantClock() } : {}), ...extra }) };
};

describe('createArborMis pullStaff (Staff, Person, BusinessRoleAssignment → BusinessRole)', () => {
  it('gives each member the roles of their current business roles, by title, and teaching staff the teacher role', async () => {
    const { records } = await arbor().mis.pullStaff();
    expect(records).toEqual([
      { id: '201', name: 'Priya Shah', roles: ['exams_officer', 'teacher'], active: true },
      { id: '202', name: 'Margaret Okonjo-Reid', roles: ['head_of_centre'], active: true },
      { id: '204', name: 'Beth Carter', roles: ['teacher'], active: true },
    ]);
  });

  it('reports, and leaves out, a member whose titles give no examcycle role; and reports titles it could not map', async () => {
    const { issues } = await arbor().mis.pullStaff();
    expect(issues.map((i) => [i.location?.file, i.subject?.recordId, i.location?.field, i.code, i.location?.value])).toEqual([
      ['arbor:/rest-v2/staffs/203', '203', 'roles', 'invalid_value', 'Cover Supervisor'],
      ['arbor:/rest-v2/staffs/204', '204', 'roles', 'invalid_value', 'Head of Maths'],
      ['arbor:/rest-v2/staffs/205', '205', 'roles', 'invalid_value', ''],
      ['arbor:staffs', undefined, 'href', 'malformed_response', undefined],
    ]);
  });

  it('counts a role from its start date to its end date on the clock; without a clock, while it has no end date', async () => {
    const { records } = await arbor({}, false).mis.pullStaff();
    expect(records.find((r) => r.id === '202')?.roles).toEqual(['head_of_centre', 'senior_leader']);
  });

  it('lets the caller decide the roles instead of the titles', async () => {
    const { records, issues } = await arbor({ staffRoles: (titles) => (titles.includes('Cover Supervisor') ? ['invigilator'] : undefined) }).mis.pullStaff();
    expect(records.map((r) => [r.id, r.roles])).toEqual([
      ['201', ['exams_officer', 'teacher']],
      ['202', ['head_of_centre']],
      ['203', ['invigilator']],
      ['204', ['teacher']],
    ]);
    expect(issues.map((i) => i.subject?.recordId)).toEqual(['205', undefined]);
  });
});

describe('createArborMis pullRooms (Room)', () => {
  it('names a room by roomName, else shortName, with its exam capacity when it is an invigilation room', async () => {
    const { records, issues, complete } = await arbor().mis.pullRooms();
    expect(records).toEqual([
      { id: '41', name: 'Main hall', capacity: 120, examRoom: true },
      { id: '42', name: 'Library', capacity: 40, examRoom: false },
      { id: '43', name: 'S12' },
    ]);
    expect(issues.map((i) => [i.location?.file, i.location?.field, i.code])).toEqual([['arbor:/rest-v2/rooms/44', 'roomName', 'invalid_value']]);
    expect(complete).toBe(true);
  });
});

describe('createArborMis pullAccessArrangements (CandidateAccessArrangement → AccessArrangement)', () => {
  it('gives one arrangement per student and type, with the extra time of the sittings', async () => {
    const { records } = await arbor().mis.pullAccessArrangements();
    expect(records).toEqual([
      { id: '701/21', candidateId: '701', kind: 'extra_time', extraTimePercent: 50, approval: 'none', evidenceHeld: false },
      { id: '702/22', candidateId: '702', kind: 'reader', approval: 'none', evidenceHeld: false },
      { id: '702/24', candidateId: '702', kind: 'other', approval: 'none', evidenceHeld: false },
    ]);
  });

  it('reports differing extra time, extra time with no percentage, an unknown arrangement and a link with no entry', async () => {
    const { issues } = await arbor().mis.pullAccessArrangements();
    expect(issues.map((i) => [i.location?.file, i.subject?.recordId, i.location?.field, i.code])).toEqual([
      ['arbor:/rest-v2/candidate-access-arrangements/6', undefined, 'candidateEntry', 'malformed_response'],
      ['arbor:/rest-v2/candidate-access-arrangements/1', '701/21', 'extraTimePercentage', 'invalid_value'],
      ['arbor:/rest-v2/candidate-access-arrangements/4', '702/23', 'extraTimePercentage', 'invalid_value'],
      ['arbor:/rest-v2/candidate-access-arrangements/5', '702/24', 'accessArrangement.name', 'invalid_value'],
    ]);
  });

  it('reads the kind from the arrangement name', () => {
    expect(['25% Extra Time', 'Reader', 'Computer reader', 'Scribe', 'Word processor', 'Supervised rest breaks', 'Separate invigilation', 'Modified enlarged paper', 'Prompter', 'Practical assistant', 'Bilingual dictionary'].map(arborAccessKind)).toEqual([
      'extra_time',
      'reader',
      'computer_reader',
      'scribe',
      'word_processor',
      'rest_breaks',
      'separate_invigilation',
      'modified_paper',
      'prompter',
      'practical_assistant',
      undefined,
    ]);
  });
});
