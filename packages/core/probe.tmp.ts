import { invigilatorBookingMachine } from './src/examTime/invigilatorBookingMachine.ts';
import { getShortestPaths } from '@xstate/graph';
const m = invigilatorBookingMachine;
console.log(JSON.stringify(m.states.offered.after.map((t: any) => t.eventType)));
const input = { bookingId: 'b', invigilatorId: 'inv', date: '2026-06-01', session: 'AM' as const, offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00' };
const paths = getShortestPaths(m, { input, events: [ { type: 'accept', at: '2026-05-02T09:00:00+01:00', by: { id: 'inv' } }, { type: 'decline', at: '2026-05-02T09:00:00+01:00', by: { id: 'inv' } }, { type: 'cancel', at: '2026-05-03T09:00:00+01:00', by: { id: 'eo', role: 'exams_officer' } }, { type: 'xstate.after.expiry.invigilatorBooking.offered' } as any ] });
console.log(paths.map(p => JSON.stringify(p.state.value) + ' ' + p.steps.map(s => s.event.type).join('>')));
