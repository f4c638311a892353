/**
 * Actions of the practice activities (conversation, sorting, matching, message builder). In their
 * own module so their code loads with an activity, when it scrolls into view, not with every
 * page's first view. Each returns whether the change reached storage.
 */
import { withCheck, withConversation, withMessage, withPlacement } from '../lib/activities/edits';
import { commit } from './progress';

/** The learner's path through a conversation changed; `endingRank` when it reached an ending. */
export const saveConversation = (id: string, path: readonly number[], endingRank: number | null) =>
  commit((p, e) => withConversation(p, id, path, endingRank, e));

/** Sorting or matching: the placements changed (unchecked). */
export const savePlacement = (id: string, kind: 'sorting' | 'matching', placed: Record<string, string>) =>
  commit((p, e) => withPlacement(p, id, kind, placed, e));

/** Sorting or matching: the learner checked these placements. */
export const saveCheck = (id: string, kind: 'sorting' | 'matching', placed: Record<string, string>, share: number, complete: boolean) =>
  commit((p, e) => withCheck(p, id, kind, placed, share, complete, e));

/** The message builder's fields (autosaved; `urgent` on pagehide and flushes). */
export const saveMessage = (id: string, fields: Record<string, string>, complete: boolean, urgent = false) =>
  commit((p, e) => withMessage(p, id, fields, complete, e), { urgent });
