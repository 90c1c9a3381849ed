import { describe, expect, it } from 'vitest';
import type { Actor } from '@examcycle/core';
import { rejectionLine } from '../../src/audit/eventStamp.js';

describe('a refused event is logged with who sent it, as the append-only trail keeps senders', () => {
  it('keeps only the sender’s id and role, copied: extra personal fields stay out, and a later change to the host’s object cannot rewrite the line', () => {
    const sender = { id: 'eo-1', role: 'exams_officer', name: 'A. Officer', email: 'officer@example.org' } as Actor & { name: string; email: string };
    const { line } = rejectionLine({ lastEventAt: '2026-11-04T09:00:00.000+00:00' }, { type: 'certificate.issued', at: '2026-11-04T10:00:00Z', by: sender }, 'expected', { reason: 'Not yet received', code: 'event_rejected' });
    expect(line.by).toEqual({ id: 'eo-1', role: 'exams_officer' });
    (sender as { id: string }).id = 'someone-else';
    expect(line.by).toEqual({ id: 'eo-1', role: 'exams_officer' });
    expect(JSON.stringify(line)).not.toContain('officer@example.org');
  });

  it('keeps a sender without a role as its id alone, and leaves out a sender that is not an actor', () => {
    const at = { lastEventAt: '2026-11-04T09:00:00.000+00:00' } as const;
    const why = { reason: 'Not yet received', code: 'event_rejected' } as const;
    expect(rejectionLine(at, { type: 'x', by: { id: 'sys' } }, 's', why).line.by).toEqual({ id: 'sys' });
    expect(rejectionLine(at, { type: 'x', by: { id: '' } }, 's', why).line).not.toHaveProperty('by');
  });
});
