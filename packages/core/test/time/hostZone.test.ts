/**
 * examcycle's time arithmetic must give the same answers under any host time zone (issue 16). The suite runs
 * under TZ=Pacific/Auckland; this file checks the source cannot read the host zone at all (no local-time `Date`
 * getters or parsing in src/time), and runs the functions in child processes under two more zones.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { instantToMillis, londonIso, londonOffsetMinutes, londonWallToMillis } from '@examcycle/core';
import type { CalendarDate, Instant } from '@examcycle/core';

const srcTime = new URL('../../src/time/', import.meta.url);
const packageDir = new URL('../../', import.meta.url);

/** Reads of the host's zone or clock: local-time Date getters and setters, local parsing, the real clock. */
const HOST_ZONE = /\bnew Date\(|\bDate\.(now|parse)\(|\.(get|set)(FullYear|Year|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(|toLocale\w*\(|toString\(\)|DateTime\.(now|local)\(|Settings\.defaultZone/;

/** A script that prints what the functions give for instants around clock changes, 1990 to 2100. */
const probe = `
import { instantToMillis, londonIso, londonOffsetMinutes, londonWallToMillis } from '@examcycle/core';
const out = [];
for (let y = 1990; y <= 2100; y += 7) for (const m of [2, 9]) for (let h = 0; h < 48; h += 1) {
  const ms = Date.UTC(y, m, 20, h) + 1234 * h;
  const iso = londonIso(ms);
  out.push(iso, instantToMillis(iso), instantToMillis(iso.slice(0, 16)), londonOffsetMinutes(ms), londonWallToMillis(iso.slice(0, 10), iso.slice(11, 16)));
}
process.stdout.write(JSON.stringify(out));
`;

function probeHere(): unknown[] {
  const out: unknown[] = [];
  for (let y = 1990; y <= 2100; y += 7) {
    for (const m of [2, 9]) {
      for (let h = 0; h < 48; h += 1) {
        const ms = Date.UTC(y, m, 20, h) + 1234 * h;
        const iso = londonIso(ms);
        out.push(iso, instantToMillis(iso), instantToMillis(iso.slice(0, 16) as Instant), londonOffsetMinutes(ms), londonWallToMillis(iso.slice(0, 10) as CalendarDate, iso.slice(11, 16)));
      }
    }
  }
  return out;
}

describe('time arithmetic under any host time zone', () => {
  it('reads no host zone in src/time: no local Date getters or setters, no Date.parse, no real clock', () => {
    const offenders: string[] = [];
    for (const name of readdirSync(srcTime).filter((f) => f.endsWith('.ts'))) {
      readFileSync(new URL(name, srcTime), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (!/^\s*(\/\*\*|\*)/.test(line) && HOST_ZONE.test(code)) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
    expect(HOST_ZONE.test('d.getHours()') && HOST_ZONE.test('d.getTimezoneOffset()') && !HOST_ZONE.test('d.getUTCHours() + d.getTime()')).toBe(true);
  });

  it('gives the same London instants in New York and Kathmandu as under Auckland', async () => {
    const run = promisify(execFile);
    const here = JSON.stringify(probeHere());
    const zones = ['America/New_York', 'Asia/Kathmandu'];
    const outputs = await Promise.all(
      zones.map((TZ) =>
        run(process.execPath, ['--import', 'tsx', '--conditions=@examcycle/source', '--input-type=module', '-e', probe], {
          cwd: packageDir,
          env: { ...process.env, TZ },
        }),
      ),
    );
    for (const { stdout } of outputs) expect(stdout).toBe(here);
  });
});
