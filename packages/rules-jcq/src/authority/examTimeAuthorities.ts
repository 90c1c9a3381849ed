/**
 * Who may take each exam-time action (`booking.*`: invigilator bookings) under the JCQ pack, with its
 * source. JCQ puts the duty on the head of centre ("to ensure that fully trained invigilators are in place
 * for examinations"); exams officers' job descriptions give the work to the exams officer ("recruit, train,
 * update and manage a team of invigilators", "effectively deploy fully trained invigilators to exam rooms");
 * an offer of a session is made to one invigilator, who alone answers it (the booking machine also checks
 * that the booking is theirs, and that an invigilator cancels only their own).
 */
import type { Authority, SourceRef } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

/**
 * The exams officer job descriptions read for the exams officer's duties (a school's Exams Officer job description; Plume Academy).
 * Undated pages: the year is the academic year they were consulted (2025/26), whatever the edition.
 */
const CONSULTED = '2025/26';
const jobDescription = (year: string): SourceRef => ({ document: 'Exams Officer job descriptions (a school Exams Officer job description; Plume Academy Examinations Officer)', section: 'Main duties: invigilation', year });
/** JCQ's notice on who is present in the exam room. */
const peoplePresent = (year: string): SourceRef => ({
  document: 'JCQ, Notice to centres: the people present in the examination room',
  section: 'ICE section 12 and 17',
  year,
  url: 'https://www.jcq.org.uk/exams-office/ice---instructions-for-conducting-examinations/notice-to-centres---the-people-present/',
});

/**
 * The exam-time rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param _edition - the edition in force (the rows do not change between editions: their sources are undated)
 */
export function examTimeAuthorities(_edition: Edition): readonly Authority[] {
  const year = CONSULTED;
  const eoDuty =
    'Exams officer job descriptions: "Recruit, train, update and manage a team of invigilators"; "Effectively deploy fully trained invigilators to exam rooms according to the requirements". Job descriptions, not a JCQ document.';
  const onBehalf =
    'JCQ: "The head of centre has a duty ... to ensure that fully trained invigilators are in place for examinations". Read as: the head of centre, and exams office staff working for the exams officer (Plume Academy: the Examinations Officer is responsible for the Assistant Examinations Officer and Invigilation Team), may also book and cancel.';
  const ownAnswer = 'An offer of a session is made to one invigilator, who alone accepts or declines it; the booking machine also checks the booking is theirs. The pack\'s reading of how bookings work, not a JCQ rule.';
  return [
    { action: 'booking.offer', roles: ['exams_officer'], title: 'The exams officer books and deploys trained invigilators', source: jobDescription(year), confidence: 'secondary', note: eoDuty },
    { action: 'booking.offer', roles: ['exams_office_staff', 'head_of_centre'], title: 'The exams officer books and deploys trained invigilators', source: peoplePresent(year), confidence: 'reading', note: onBehalf },
    { action: 'booking.accept', roles: ['invigilator'], title: 'An invigilator accepts their own booking', source: jobDescription(year), confidence: 'reading', note: ownAnswer },
    { action: 'booking.decline', roles: ['invigilator'], title: 'An invigilator declines their own booking', source: jobDescription(year), confidence: 'reading', note: ownAnswer },
    { action: 'booking.cancel', roles: ['exams_officer'], title: 'The exams officer cancels a booking (or an invigilator their own)', source: jobDescription(year), confidence: 'secondary', note: eoDuty },
    { action: 'booking.cancel', roles: ['exams_office_staff', 'head_of_centre'], title: 'The exams officer cancels a booking (or an invigilator their own)', source: peoplePresent(year), confidence: 'reading', note: onBehalf },
    { action: 'booking.cancel', roles: ['invigilator'], title: 'The exams officer cancels a booking (or an invigilator their own)', source: jobDescription(year), confidence: 'reading', note: 'An invigilator who can no longer attend withdraws from their own booking; the booking machine refuses an invigilator cancelling another\'s. The pack\'s reading, not a JCQ rule.' },
  ];
}
