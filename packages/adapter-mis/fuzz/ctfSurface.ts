/**
 * The Common Transfer File surface: CTFs with one or several `CTFpupilData` blocks of pupils (good and bad
 * UPNs, missing surnames, duplicates), as text or bytes (UTF-8, UTF-8 with a byte-order mark, UTF-16),
 * then mutated or given hostile XML: prototype-key element names, deep nesting, entity declarations (external
 * and oversized), unclosed processing instructions, comments and CDATA. Nothing may be thrown at all (a file
 * that cannot be read is the reading's `fatal`); in an unmutated file, every pupil is a candidate or an error
 * issue at its own place.
 */
import { upnCheckCharacter } from '@examcycle/core';
import { parseCtf } from '@examcycle/adapter-mis';
import { mutateText, type FuzzRandom } from './fuzzRandom.js';
import type { FuzzOutcome, FuzzSurface } from './runSurface.js';

const HOSTILE = [
  '<__proto__>x</__proto__>',
  '<constructor><prototype>1</prototype></constructor>',
  '<a>'.repeat(200) + '</a>'.repeat(200),
  '<?pi unclosed',
  '<!-- unclosed',
  '<![CDATA[ unclosed',
  '<Pupil __proto__="1"><UPN>x</UPN></Pupil>',
  '&amp;&lt;&#x41;&#65;&unknown;',
];
const DOCTYPES = ['<!DOCTYPE CTfile [<!ENTITY x SYSTEM "file:///etc/passwd">]>', `<!DOCTYPE CTfile [<!ENTITY x "${'a'.repeat(20_000)}">]>`, '<!DOCTYPE CTfile [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>', '<!DOCTYPE CTfile SYSTEM "ctf.dtd">'];

function upn(rng: FuzzRandom): string {
  const body = `${String(100 + rng.int(900))}${String(rng.int(1e9)).padStart(9, '0')}`;
  return rng.chance(0.9) ? `${upnCheckCharacter(body) ?? 'A'}${body}` : `Z${body}`;
}

function pupilXml(rng: FuzzRandom): string {
  const parts = [
    rng.chance(0.95) ? `<UPN>${upn(rng)}</UPN>` : '',
    rng.chance(0.95) ? `<Surname>${rng.pick(['Jones', "O'Brien", 'Nowak &amp; Co', 'Łukasz', ''])}</Surname>` : '',
    `<Forename>${rng.pick(['Siân', 'Ola', ''])}</Forename>`,
    rng.chance(0.9) ? `<DOB>${rng.pick(['2009-03-14', '14/03/2009', ''])}</DOB>` : '',
    rng.chance(0.8) ? ((tag: string) => `<${tag}>${rng.pick(['F', 'M', 'X', 'f'])}</${tag}>`)(rng.pick(['Sex', 'Gender'])) : '',
    rng.chance(0.3) ? `<UniqueLearnerNumber>${rng.pick(['9123456786', '1234567890'])}</UniqueLearnerNumber>` : '',
    rng.chance(0.3) ? `<UCI>${rng.pick(['123450250001X', '12345025000'])}</UCI>` : '',
  ];
  return `<Pupil>${parts.join('')}</Pupil>`;
}

/** CTFs, sound, mutated and hostile. */
export const ctfSurface: FuzzSurface = {
  name: 'ctf',
  run(rng): FuzzOutcome {
    const blocks = Array.from({ length: 1 + rng.int(3) }, () => `<CTFpupilData>${Array.from({ length: rng.int(15) }, () => pupilXml(rng)).join('\n')}</CTFpupilData>`);
    const pupils = blocks.join('').split('<Pupil>').length - 1;
    let xml = `<?xml version="1.0" encoding="UTF-8"?>\n${rng.chance(0.1) ? `${rng.pick(DOCTYPES)}\n` : ''}<CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>19.0</CTFversion></Header>\n${blocks.join('\n')}</CTfile>\n`;
    const sound = !xml.includes('<!DOCTYPE') || xml.includes('SYSTEM "ctf.dtd"');
    let untouched = sound;
    if (rng.chance(0.3)) {
      const at = rng.int(xml.length);
      xml = xml.slice(0, at) + rng.pick(HOSTILE) + xml.slice(at);
      untouched = false;
    }
    if (rng.chance(0.4)) {
      xml = mutateText(xml, rng);
      untouched = false;
    }
    const form = rng.int(4);
    const input = form === 0 ? xml : form === 1 ? new TextEncoder().encode(xml) : form === 2 ? new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]) : new Uint8Array([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    let read: ReturnType<typeof parseCtf>;
    try {
      read = parseCtf(input, { file: 'fuzz.xml' });
    } catch (error) {
      // parseCtf returns what is wrong with a file; even an ExamcycleError thrown here is a defect
      throw new Error(`parseCtf threw on data: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!untouched) return { rowsLost: 0 };
    // a pupil left out has an error at its own path (CTfile/CTFpupilData/b/Pupil/i); a warning's pupil was taken
    const reported = new Set(read.issues.filter((i) => i.severity === 'error').map((i) => i.location?.path?.slice(0, 5).join('/')));
    return { rowsLost: Math.max(0, pupils - read.candidates.length - reported.size) };
  },
};
