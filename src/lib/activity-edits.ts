/**
 * Changes to the learner's activity work and if-then plan (src/lib/activities.ts,
 * src/lib/plan-items.ts), each recording a new version like progress-edits.ts. Loaded only with
 * the activity islands and the plan page.
 */
import { betterBest, type ActivityKind, type ActivityRecord, type ActivityState } from './activities';
import { MAX_STEPS } from './activities';
import { nextVersion, touched, type Edit, type Progress } from './progress';
import { PLAN_ITEMS_MAX, PLAN_STORED_MAX, PLAN_TEXT_MAX, type PlanItem } from './plan-items';

type Body = Pick<ActivityRecord, 'state' | 'done' | 'best' | 'last'>;

/** Stores a new version of one activity record, made from the current one. */
function withActivity(p: Progress, id: string, kind: ActivityKind, e: Edit, make: (prev: ActivityRecord | undefined) => Body): Progress {
  const found = p.activities[id];
  // A record of another kind under this id (an author reused it) is not built on.
  const prev = found?.kind === kind ? found : undefined;
  const { clock, ...ver } = nextVersion(p, e, found);
  const record: ActivityRecord = { kind, ...make(prev), ...ver };
  return { ...p, ...touched(p, clock), activities: { ...p.activities, [id]: record } };
}

const kept = (prev: ActivityRecord | undefined) => ({ done: prev?.done ?? false, best: prev?.best ?? null, last: prev?.last ?? null });

/**
 * The learner's path through a conversation changed (a choice, one step back, a restart).
 * `endingRank` is the rank of the ending the path reaches, or null while it has not ended: an
 * ending makes the activity done, may improve `best` and becomes `last`.
 */
export function withConversation(p: Progress, id: string, path: readonly number[], endingRank: number | null, e: Edit): Progress {
  return withActivity(p, id, 'conversation', e, (prev) => {
    const state: ActivityState = { path: path.slice(0, MAX_STEPS) };
    if (endingRank === null) return { state, ...kept(prev) };
    return { state, done: true, best: betterBest('conversation', prev?.best ?? null, endingRank), last: { at: e.now, result: endingRank } };
  });
}

/** Sorting or matching: the learner placed an item (or took it back); the placements are unchecked again. */
export function withPlacement(p: Progress, id: string, kind: 'sorting' | 'matching', placed: Readonly<Record<string, string>>, e: Edit): Progress {
  return withActivity(p, id, kind, e, (prev) => ({ state: { placed: { ...placed }, checked: false }, ...kept(prev) }));
}

/**
 * Sorting or matching: the learner asked for feedback on these placements, `share` of them right.
 * Done once a check had every item placed (`complete`); the best share is kept.
 */
export function withCheck(p: Progress, id: string, kind: 'sorting' | 'matching', placed: Readonly<Record<string, string>>, share: number, complete: boolean, e: Edit): Progress {
  return withActivity(p, id, kind, e, (prev) => ({
    state: { placed: { ...placed }, checked: true },
    done: (prev?.done ?? false) || complete,
    best: betterBest(kind, prev?.best ?? null, share),
    last: { at: e.now, result: share },
  }));
}

/** The message builder's fields; `complete` when every required field has text (then done, for good). */
export function withMessage(p: Progress, id: string, fields: Readonly<Record<string, string>>, complete: boolean, e: Edit): Progress {
  const prev = p.activities[id];
  if (prev?.kind === 'message' && !prev.slim && sameFields((prev.state as { fields: Record<string, string> }).fields, fields) && (prev.done || !complete)) return p;
  return withActivity(p, id, 'message', e, (before) => ({ state: { fields: { ...fields } }, done: (before?.done ?? false) || complete, best: null, last: null }));
}

const sameFields = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Stores the if-then plan as a whole: at most PLAN_ITEMS_MAX commitments, each text cut to
 * PLAN_TEXT_MAX (by `maxLength`, in characters as the learner counts them). Rows left entirely
 * empty are not stored.
 */
export function withPlanItems(p: Progress, items: readonly PlanItem[], e: Edit, maxLength: (s: string, max: number) => string = (s, max) => s.slice(0, max)): Progress {
  // Within the stored bound too (a character such as 👨‍👩‍👧‍👦 takes 11 code units), never ending in half a surrogate pair.
  const cut = (s: string) => maxLength(s.trim(), PLAN_TEXT_MAX).slice(0, PLAN_STORED_MAX).replace(/[\ud800-\udbff]$/, '');
  const clean = items
    .map((i) => ({ id: i.id, when: cut(i.when), action: cut(i.action), with: cut(i.with), remind: i.remind }))
    .filter((i) => i.when || i.action || i.with)
    .slice(0, PLAN_ITEMS_MAX);
  const { clock, ...ver } = nextVersion(p, e, p.plan ?? undefined);
  return { ...p, ...touched(p, clock), plan: { items: clean, ...ver } };
}
