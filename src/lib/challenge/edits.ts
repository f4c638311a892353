/**
 * Changes to the learner's 1週間チャレンジ (src/lib/challenge/week.ts has the stored shape), each
 * recording a new version of the days it changes. Loaded only by the challenge page.
 */
import { nextVersion, touched, type Edit, type Progress } from '../progress/document';
import { fitUnits } from '../text/count';
import { CHALLENGE_SLOTS, NOTE_MAX, STORED, WORRY_MAX, type ChallengeDay, type Slot } from './week';

type Fit = (s: string, max: number) => string;
const cut: Fit = (s, max) => s.slice(0, max);

/**
 * Starts the week (or starts it over): the seven days as planned, with nothing recorded yet. Every
 * slot gets a new version, so an older week kept elsewhere cannot come back into it.
 */
export function withChallengeWeek(p: Progress, days: readonly { action: string; date: string }[], e: Edit): Progress {
  let next = p;
  CHALLENGE_SLOTS.forEach((slot, i) => {
    const day = days[i];
    if (!day) return;
    next = withChallengeDay(next, slot, { action: day.action, date: day.date, predict: null, worry: '', status: 'planned', outcome: null, note: '' }, e);
  });
  return next;
}

/** Changes one day (what is given in `patch`); texts are trimmed of nothing but cut at their limits (`fitTo` counts as the learner does). */
export function withChallengeDay(
  p: Progress,
  slot: Slot,
  patch: Partial<Omit<ChallengeDay, 'updatedAt' | 'v' | 'b' | 'slim'>>,
  e: Edit,
  fitTo: Fit = cut,
): Progress {
  const prev = p.challenge[slot];
  if (!prev && (patch.action === undefined || patch.date === undefined)) return p;
  const base = prev ?? { action: '', date: '', predict: null, worry: '', status: 'planned' as const, outcome: null, note: '' };
  const { slim: _, updatedAt: _u, v: _v, b: _b, ...body } = { ...base, ...patch } as ChallengeDay;
  const { clock, ...ver } = nextVersion(p, e, prev);
  // Within the stored bound too (a character such as 👨‍👩‍👧‍👦 takes 11 code units), cut between characters.
  const bound = (text: string, max: number) => fitUnits(fitTo(text, max), max * STORED);
  const day: ChallengeDay = { ...body, worry: bound(body.worry, WORRY_MAX), note: bound(body.note, NOTE_MAX), ...ver };
  return { ...p, ...touched(p, clock), challenge: { ...p.challenge, [slot]: day } };
}
