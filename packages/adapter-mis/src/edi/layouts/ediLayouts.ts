/**
 * Every EDI record layout, by id: the one registry the codec, the README table and the tests read, so a
 * correction to a position is made in one place.
 */
import type { EdiRecordLayout } from '../EdiLayout.js';
import { BASEDATA_COMPONENT_LAYOUT, BASEDATA_LINK_LAYOUT, BASEDATA_OPTION_LAYOUT, BASEDATA_SYLLABUS_LAYOUT } from './basedataLayouts.js';
import { CENTRE_HEADER_LAYOUT, CENTRE_TRAILER_LAYOUT, FILE_HEADER_LAYOUT, FILE_TRAILER_LAYOUT } from './controlLayouts.js';
import { ENTRIES_DETAIL_LAYOUT } from './entriesLayout.js';
import { RESULTS_GRADES_LAYOUT, RESULTS_MARK_LAYOUT, RESULTS_SCORE4_LAYOUT } from './resultsLayouts.js';

/**
 * Every layout the adapter knows, keyed by its id.
 *
 * @example
 * ```ts
 * Object.keys(EDI_LAYOUTS); // ['control.fileHeader', …, 'basedata.link']
 * EDI_LAYOUTS['results.detail.mark']?.title;
 * ```
 */
export const EDI_LAYOUTS: Readonly<Record<string, EdiRecordLayout>> = {
  [FILE_HEADER_LAYOUT.id]: FILE_HEADER_LAYOUT,
  [CENTRE_HEADER_LAYOUT.id]: CENTRE_HEADER_LAYOUT,
  [CENTRE_TRAILER_LAYOUT.id]: CENTRE_TRAILER_LAYOUT,
  [FILE_TRAILER_LAYOUT.id]: FILE_TRAILER_LAYOUT,
  [ENTRIES_DETAIL_LAYOUT.id]: ENTRIES_DETAIL_LAYOUT,
  [RESULTS_GRADES_LAYOUT.id]: RESULTS_GRADES_LAYOUT,
  [RESULTS_MARK_LAYOUT.id]: RESULTS_MARK_LAYOUT,
  [RESULTS_SCORE4_LAYOUT.id]: RESULTS_SCORE4_LAYOUT,
  [BASEDATA_SYLLABUS_LAYOUT.id]: BASEDATA_SYLLABUS_LAYOUT,
  [BASEDATA_OPTION_LAYOUT.id]: BASEDATA_OPTION_LAYOUT,
  [BASEDATA_COMPONENT_LAYOUT.id]: BASEDATA_COMPONENT_LAYOUT,
  [BASEDATA_LINK_LAYOUT.id]: BASEDATA_LINK_LAYOUT,
};
