/** Hooks a host can watch: the observer contract and how the library calls it. */
export type { ExamcycleObserver, ObservedEvent, ObservedImport, ObservedReadDenial, ObservedStoreConflict, ObserverHook } from './ExamcycleObserver.js';
export { countIssuesByCode, durationOf, notifyObserver, observerStopwatch } from './notifyObserver.js';
