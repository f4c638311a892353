/**
 * Changes to the learner's if-then plan (src/lib/plan/items.ts has the stored shape), recording a
 * new version like src/lib/progress/edits.ts. Loaded only by the plan page (the decoder in the
 * first view needs only items.ts).
 */
import { nextVersion, touched, type Edit, type Progress } from '../progress/document';
import { fitUnits } from '../text/count';
import { PLAN_ITEMS_MAX, PLAN_STORED_MAX, PLAN_TEXT_MAX, type PlanItem } from './items';

/**
 * Stores the if-then plan as a whole: at most PLAN_ITEMS_MAX commitments, each text cut to
 * PLAN_TEXT_MAX (by `maxLength`, in characters as the learner counts them). Rows left entirely
 * empty are not stored.
 */
export function withPlanItems(
  p: Progress,
  items: readonly PlanItem[],
  e: Edit,
  maxLength: (s: string, max: number) => string = (s, max) => s.slice(0, max),
): Progress {
  // Within the stored bound too (a character such as 👨‍👩‍👧‍👦 takes 11 code units), cut between characters.
  const cut = (s: string) => fitUnits(maxLength(s.trim(), PLAN_TEXT_MAX), PLAN_STORED_MAX);
  const clean = items
    .map((i) => ({ id: i.id, when: cut(i.when), action: cut(i.action), with: cut(i.with), remind: i.remind }))
    .filter((i) => i.when || i.action || i.with)
    .slice(0, PLAN_ITEMS_MAX);
  const { clock, ...ver } = nextVersion(p, e, p.plan ?? undefined);
  return { ...p, ...touched(p, clock), plan: { items: clean, ...ver } };
}
