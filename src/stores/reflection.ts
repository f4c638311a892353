/**
 * Reflection actions beyond saving the text (loaded with the reflection, not with the first view):
 * keeping an over-long text as a draft, and choosing between two conflicting versions.
 */
import { withConflictResolved, withDraft } from '../lib/progress/edits';
import type { Versioned } from '../lib/progress/document';
import { withReflection } from '../lib/progress/edits';
import { commit } from './progress';

/**
 * Saves a reflection's text; returns whether it reached storage. `seen` is the stored version the
 * learner was looking at when they started typing (see withReflection).
 */
export const saveReflection = (id: string, text: string, seen?: Versioned | null, urgent = false) =>
  commit((p, e) => withReflection(p, id, text, e, seen), { urgent });

/** Keeps a text that is over the limit (it is not the reflection yet) so it survives a reload or an update. */
export const saveReflectionDraft = (id: string, text: string, urgent = false) => commit((p, e) => withDraft(p, `reflection:${id}`, text, e), { urgent });

/** The learner chose the text to keep of two conflicting versions (see ReflectionRecord.other). */
export const resolveConflict = (id: string, text: string) => commit((p, e) => withConflictResolved(p, id, text, e));
