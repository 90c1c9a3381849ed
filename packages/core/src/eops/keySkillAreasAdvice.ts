/**
 * The toolkit's recommendation on Key Skills: "the recommendation is three skill areas". It is advice, not a
 * rule: the machine accepts any number of Key Skills targets, and this reader says, as a finding, when an
 * officer's year has more or fewer distinct skill areas than three (the toolkit's own case study 1 agrees
 * four, case study 2 three).
 */
import type { Finding } from '../rules/RulesPack.js';
import { EOPS_TOOLKIT_SOURCE } from './eopsAreas.js';
import type { EopsRecord } from './eopsContext.js';

/** How many skill areas the toolkit recommends. */
const RECOMMENDED = 3;

/**
 * The advice finding on an officer's Key Skills areas, or none when there are three: an `info` finding
 * (rule `eops.key-skills-three-areas`) naming how many distinct areas the year's Key Skills targets cover.
 * An own area counts once per name it is given.
 *
 * @param record - an officer's record for one academic year
 * @returns zero or one finding
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * keySkillAreasAdvice(record); // [{ rule: 'eops.key-skills-three-areas', severity: 'info', message: 'Emma Reid's 2025/26 Key Skills cover 4 skill areas; the toolkit recommends three', … }]
 * ```
 */
export function keySkillAreasAdvice(record: Pick<EopsRecord, 'officerId' | 'officerName' | 'academicYear' | 'targets'>): Finding[] {
  const areas = new Set(record.targets.filter((t) => t.strand === 'key_skills').map((t) => (t.area === 'own' ? `own:${t.ownArea ?? ''}` : t.area)));
  if (areas.size === RECOMMENDED) return [];
  const direction = areas.size > RECOMMENDED ? 'more' : 'fewer';
  return [
    {
      rule: 'eops.key-skills-three-areas',
      severity: 'info',
      subject: { kind: 'eops_record', id: `${record.officerId}/${record.academicYear}` },
      message: `${record.officerName}'s ${record.academicYear} Key Skills cover ${areas.size} skill area${areas.size === 1 ? '' : 's'}; the toolkit recommends three`,
      source: { ...EOPS_TOOLKIT_SOURCE, section: 'What is contained within the standards? Key Skills' },
      explanation: [
        'A senior leader and exams officer should meet to discuss which skills should be focused upon (the recommendation is three skill areas)',
        `Distinct Key Skills areas agreed: ${areas.size} (${direction} than three)${areas.size ? `: ${[...areas].join(', ')}` : ''}`,
        'Advice only: the Standards accept any number of Key Skills targets',
      ],
    },
  ];
}
