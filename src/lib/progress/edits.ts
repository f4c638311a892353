/**
 * Changes to the progress document (src/lib/progress/document.ts), each recording a new version of what it
 * changes: quiz attempts, reflections and their conflicts, drafts, the profile, resets and imports.
 * Apart from the lesson visit, which every page records, these are only loaded where the learner
 * edits (quiz, reflection, plan, certificate…), not with every page's first view.
 */
import {
  ATTEMPTS_MAX,
  NAME_MAX,
  REMINDERS_MAX,
  REMINDER_WHO_MAX,
  STORED_TEXT_CAP,
  emptyProgress,
  nextVersion,
  sessionOf,
  touched,
  type Edit,
  type Progress,
  type Reminder,
  type Versioned,
} from './document';

/** Records a quiz attempt with its score (0-1). */
export function withAttempt(p: Progress, slug: string, answers: Record<string, string[]>, score: number, e: Edit): Progress {
  const prev = p.quizzes[slug];
  const better = !prev || score > prev.best;
  return {
    ...p,
    ...touched(p, e.now),
    quizzes: {
      ...p.quizzes,
      [slug]: {
        attempts: Math.min((prev?.attempts ?? 0) + 1, ATTEMPTS_MAX),
        best: better ? score : prev.best,
        bestAt: better ? e.now : prev.bestAt,
        last: { at: e.now, score, answers },
      },
    },
  };
}

/**
 * Stores a reflection's text. `seen` is the version shown when the learner started typing (null: the
 * box was empty; omitted: the current one). If the stored text changed since (another tab or
 * device), that text is kept as `other` for the learner to choose, not lost.
 */
export function withReflection(p: Progress, id: string, text: string, e: Edit, seen?: Versioned | null): Progress {
  const prev = p.reflections[id];
  const saw = seen === undefined ? prev : seen;
  const { clock, ...ver } = nextVersion(p, e, prev, saw);
  const changedMeanwhile = !!prev && sessionOf(prev.v) !== e.session && prev.v !== saw?.v;
  const other =
    changedMeanwhile && prev.text !== text
      ? { text: prev.text, updatedAt: prev.updatedAt, v: prev.v }
      : prev?.other && prev.other.text !== text
        ? prev.other
        : undefined;
  const drafts = { ...p.drafts };
  delete drafts[`reflection:${id}`];
  return { ...p, ...touched(p, clock), reflections: { ...p.reflections, [id]: { text, ...ver, ...(other && { other }) } }, drafts };
}

/** The learner chose which of two conflicting reflection texts to keep (or wrote one from both): the new version knows both. */
export function withConflictResolved(p: Progress, id: string, text: string, e: Edit): Progress {
  const prev = p.reflections[id];
  if (!prev) return p;
  const { clock, ...ver } = nextVersion(p, e, prev);
  const b = [prev.v, prev.other?.v].filter(Boolean).join(',');
  return { ...p, ...touched(p, clock), reflections: { ...p.reflections, [id]: { text, ...ver, b } } };
}

/** Keeps input that cannot be saved as such yet (an over-long reflection, quiz choices): see Progress.drafts. */
export function withDraft(p: Progress, key: string, value: string | null, e: Edit): Progress {
  const prev = p.drafts[key];
  const drafts = { ...p.drafts };
  if (value === null) {
    if (!prev) return p;
    delete drafts[key];
    return { ...p, ...touched(p, e.now), drafts };
  }
  if (prev?.value === value) return p;
  const { clock, ...ver } = nextVersion(p, e, prev);
  drafts[key] = { value: value.slice(0, STORED_TEXT_CAP), ...ver };
  return { ...p, ...touched(p, clock), drafts };
}

/**
 * Stores the name shown on the certificate, trimmed. An empty name is stored too (not deleted), so
 * that merging with an older copy elsewhere cannot bring the old name back.
 */
export function withName(p: Progress, name: string, e: Edit, maxLength: (s: string, max: number) => string = (s, max) => s.slice(0, max)): Progress {
  const { clock, ...ver } = nextVersion(p, e, p.profile.name);
  return { ...p, ...touched(p, clock), profile: { ...p.profile, name: { text: maxLength(name.trim(), NAME_MAX), ...ver } } };
}

/** Stores the reminder list as a whole; people without a name or note are left out. */
export function withReminders(
  p: Progress,
  people: readonly Reminder[],
  e: Edit,
  maxLength: (s: string, max: number) => string = (s, max) => s.slice(0, max),
): Progress {
  const kept = people
    .map((r) => ({ id: r.id, who: maxLength(r.who.trim(), REMINDER_WHO_MAX), every: r.every }))
    .filter((r) => r.who)
    .slice(0, REMINDERS_MAX);
  const { clock, ...ver } = nextVersion(p, e, p.profile.reminders);
  return { ...p, ...touched(p, clock), profile: { ...p.profile, reminders: { people: kept, ...ver } } };
}

/**
 * Replaces everything with an empty document of a new epoch (a reset), or with `replacement`
 * (an import): every copy of an older epoch then counts for nothing when merged.
 */
export function withReset(p: Progress, e: Edit, replacement?: Progress): Progress {
  const epoch = p.epoch + 1;
  const t = Math.max(e.now, p.clock + 1);
  if (!replacement) return emptyProgress(p.courseId, t, epoch);
  return { ...replacement, courseId: p.courseId, epoch, clock: Math.max(t, replacement.clock), createdAt: t, updatedAt: t };
}
