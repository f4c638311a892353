/** The 1週間チャレンジ's actions (challenge page only). */
import { withChallengeDay, withChallengeWeek } from '../lib/challenge/edits';
import type { ChallengeDay, Slot } from '../lib/challenge/week';
import { fitGraphemes } from '../lib/text/count';
import { commit } from './progress';

/** Starts the week (or starts it over) with these seven days; returns whether it reached storage. */
export const startWeek = (days: readonly { action: string; date: string }[]) => commit((p, e) => withChallengeWeek(p, days, e));

/** Changes one day; returns whether it reached storage. */
export const saveDay = (slot: Slot, patch: Partial<Omit<ChallengeDay, 'updatedAt' | 'v' | 'b' | 'slim'>>, urgent = false) =>
  commit((p, e) => withChallengeDay(p, slot, patch, e, fitGraphemes), { urgent });
