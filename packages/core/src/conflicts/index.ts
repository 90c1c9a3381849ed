/**
 * The conflicts-of-interest register (JCQ General Regulations 5.3): declarations per staff member per
 * series, mitigations, the head of centre's sign-off, notifications to the awarding bodies, flags for staff
 * handling work of candidates they declared, and the feed into invigilator deployment. Explicit barrel,
 * re-exported by core's main entry.
 */
export { conflictDeclarationInputSchema, conflictKindSchema } from './conflictDeclaration.js';
export type { ConflictDeclaration, ConflictDeclarationInput, ConflictKind, ConflictNotification } from './conflictDeclaration.js';
export { createConflictsRegister } from './createConflictsRegister.js';
export type { ConflictNotificationDue, ConflictsRegister, CreateConflictsRegisterOptions } from './createConflictsRegister.js';
export { conflictFlags } from './conflictFlags.js';
export type { ConflictFlag, HandlingAssignment } from './conflictFlags.js';
export { invigilatorsWithDeclaredConflicts } from './invigilatorsWithDeclaredConflicts.js';
