/**
 * The deterministic run behind the golden snapshot fixture: a centre part-way through 2025/26, with one
 * officer certified (targets agreed together, the certificate requested, then declared), one part-way (a
 * target proposed but not yet confirmed, the statement, a first-day meeting of kind `start`, a schedule,
 * induction ticked by registration, that meeting and by hand) and one rejected self-declaration in the trail.
 */
import type { EopsActor } from '@examcycle/core';
import { as, centreActor, completeCriteria, kuTarget } from './eopsFixture.js';

export function goldenRun(): EopsActor {
  const { actor, at } = centreActor('2025-09-02T08:00:00.000Z');
  actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', startedOn: '2025-09-01', at: at(), by: as.lm });
  actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: at(), by: as.slt });
  completeCriteria(actor, at, 'eo-2', as.niamh);
  actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.niamhAsLeader });
  actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.slt });
  actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
  actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
  actor.send({
    type: 'meetings.plan',
    officerId: 'eo-1',
    schedule: [
      { date: '2025-09-03', kind: 'start', halfTerm: 'Autumn 1' },
      { date: '2025-09-17', kind: 'early', halfTerm: 'Autumn 1' },
    ],
    at: at(),
    by: as.lm,
  });
  actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', kind: 'start', progress: 'Targets agreed', wentWell: 'Induction', notSoWell: 'MIS access', nextFocus: 'Entries' }, at: at(), by: as.lm });
  actor.send({ type: 'induction.complete', officerId: 'eo-1', itemId: 'centre-induction', at: at(), by: as.amber });
  return actor;
}
