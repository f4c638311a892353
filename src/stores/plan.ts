/** The if-then plan's action (plan page only). */
import { withPlanItems } from '../lib/plan/edits';
import type { PlanItem } from '../lib/plan/items';
import { fitGraphemes } from '../lib/text/count';
import { commit } from './progress';

/** Saves the learner's commitments as a whole (empty rows are left out); returns whether it reached storage. */
export const savePlan = (items: readonly PlanItem[], urgent = false) => commit((p, e) => withPlanItems(p, items, e, fitGraphemes), { urgent });
