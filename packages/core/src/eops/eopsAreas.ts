/**
 * What the Exams Officer Professional Standards contain, as data: the Knowledge & Understanding areas and
 * the Key Skills areas an exams officer and their senior leader / line manager choose targets from, and the
 * ways a target can be achieved. The lists are the EOPS toolkit's own ("What is contained within the
 * standards?"), each with a stable id; `own` is the officer's own area, named on the target.
 */
import type { SourceRef } from '../rules/sources.js';

/**
 * Where the areas and methods come from: the EOPS toolkit (The Learning and Skills Office), whose tracker
 * shows the 2025/26 year.
 *
 * @example
 * ```ts
 * EOPS_TOOLKIT_SOURCE.document; // 'Exams Officer Professional Standards Toolkit'
 * ```
 */
export const EOPS_TOOLKIT_SOURCE: SourceRef = {
  document: 'Exams Officer Professional Standards Toolkit',
  section: 'What is contained within the standards?',
  year: '2025/26',
  url: 'https://www.sltsupport.org/eo-professional-standards/details.aspx',
};

/**
 * The Knowledge & Understanding areas, in the toolkit's order, with its wording.
 *
 * @example
 * ```ts
 * EOPS_KNOWLEDGE_AREAS.map((a) => a.id); // ['jcq_regulations', 'awarding_body_processes', …, 'own']
 * ```
 */
export const EOPS_KNOWLEDGE_AREAS = [
  { id: 'jcq_regulations', label: 'JCQ regulations (including an update on changes for the current academic year)' },
  { id: 'awarding_body_processes', label: 'Awarding body processes/procedures' },
  { id: 'key_dates', label: 'Key dates/deadlines' },
  { id: 'qualification_information', label: 'Qualification information' },
  { id: 'mis_updates', label: 'Management Information System information and updates' },
  { id: 'centre_specific_processes', label: 'Centre-specific processes (if new to the role or centre)' },
  { id: 'new_exams_officer_induction', label: 'New exams officer induction' },
  { id: 'own', label: 'Own area (named on the target)' },
] as const;

/**
 * A Knowledge & Understanding area id.
 *
 * @example
 * ```ts
 * const area: EopsKnowledgeArea = 'jcq_regulations';
 * ```
 */
export type EopsKnowledgeArea = (typeof EOPS_KNOWLEDGE_AREAS)[number]['id'];

/**
 * The Key Skills areas, in the toolkit's order, with its wording.
 *
 * @example
 * ```ts
 * EOPS_KEY_SKILL_AREAS.find((a) => a.id === 'handling_difficult_conversations')!.label; // 'Handling difficult conversations'
 * ```
 */
export const EOPS_KEY_SKILL_AREAS = [
  { id: 'time_management', label: 'Time management' },
  { id: 'people_management', label: 'People management' },
  { id: 'contingency_planning', label: 'Contingency planning/risk management' },
  { id: 'prioritising', label: 'Prioritising tasks/workload/multitasking' },
  { id: 'problem_solving', label: 'Problem solving' },
  { id: 'communication', label: 'Communication skills' },
  { id: 'handling_difficult_conversations', label: 'Handling difficult conversations' },
  { id: 'presentation', label: 'Presentation skills' },
  { id: 'decision_making', label: 'Decision making' },
  { id: 'managing_deadlines', label: 'Managing deadlines' },
  { id: 'working_collaboratively', label: 'Working collaboratively' },
  { id: 'own', label: 'Own area (named on the target)' },
] as const;

/**
 * A Key Skills area id.
 *
 * @example
 * ```ts
 * const area: EopsKeySkillArea = 'contingency_planning';
 * ```
 */
export type EopsKeySkillArea = (typeof EOPS_KEY_SKILL_AREAS)[number]['id'];

/**
 * How a target will be achieved, as the toolkit lists it; `other` is named on the target.
 *
 * @example
 * ```ts
 * EOPS_ACHIEVEMENT_METHODS.map((m) => m.label); // ['Face-to-face training', 'Online training', …]
 * ```
 */
export const EOPS_ACHIEVEMENT_METHODS = [
  { id: 'face_to_face_training', label: 'Face-to-face training' },
  { id: 'online_training', label: 'Online training' },
  { id: 'peer_support', label: 'Peer support' },
  { id: 'personal_research', label: 'Personal research' },
  { id: 'networking', label: 'Networking' },
  { id: 'other', label: 'Other (named on the target)' },
] as const;

/**
 * A way of achieving a target.
 *
 * @example
 * ```ts
 * const methods: EopsAchievementMethod[] = ['online_training', 'peer_support'];
 * ```
 */
export type EopsAchievementMethod = (typeof EOPS_ACHIEVEMENT_METHODS)[number]['id'];

/**
 * The two target strands of the Standards (the third element, Values & Attributes, is signed, not targeted).
 *
 * @example
 * ```ts
 * declare const record: EopsRecord;
 * const strand: EopsStrand = 'key_skills';
 * record.targets.filter((t) => t.strand === strand).length; // the Key Skills targets agreed
 * ```
 */
export type EopsStrand = 'knowledge_and_understanding' | 'key_skills';
