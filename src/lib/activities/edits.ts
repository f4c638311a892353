/**
 * Changes to the learner's activity work (src/lib/activities/record.ts), each recording a new
 * version like src/lib/progress/edits.ts. Loaded only with the activity islands.
 */
import { betterBest, type ActivityKind, type ActivityRecord, type ActivityState } from './record';
import { MAX_STEPS } from './record';
import { nextVersion, touched, type Edit, type Progress } from '../progress/document';

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
export function withCheck(
  p: Progress,
  id: string,
  kind: 'sorting' | 'matching',
  placed: Readonly<Record<string, string>>,
  share: number,
  complete: boolean,
  e: Edit,
): Progress {
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
  if (prev?.kind === 'message' && !prev.slim && sameFields((prev.state as { fields: Record<string, string> }).fields, fields) && (prev.done || !complete))
    return p;
  return withActivity(p, id, 'message', e, (before) => ({
    state: { fields: { ...fields } },
    done: (before?.done ?? false) || complete,
    best: null,
    last: null,
  }));
}

const sameFields = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
