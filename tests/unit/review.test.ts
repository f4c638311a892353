import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REVIEW_DAYS, REVIEW_DONE, decodeProgress, emptyProgress, encodeProgress, type Progress } from '../../src/lib/progress/document';
import { nextReview, withMistakes, withReview } from '../../src/lib/plan/review-schedule';
import { dueReviews, nextDue } from '../../src/lib/plan/review-due';
import { startOfDay } from '../../src/lib/text/dates';

// A fixed clock in local time, so the expectations hold in any time zone the tests run in.
const at = (day: number, hour = 0, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const NOW = at(27, 10, 30); // 2026-11-27 10:30
const IDS = ['l01-q1', 'l01-q2', 'l02-q1', 'l02-q2'];
const empty = () => emptyProgress('networking-ja', at(1));
/** An edit at `now` by session `session`. */
const ed = (now: number, session = 't') => ({ now, session });
/** The version a save at `stamp` by `session` gets. */
const ver = (stamp: number, session = 't') => ({ updatedAt: stamp, v: `${session}.${stamp.toString(36)}` });

describe('startOfDay', () => {
  it('is local midnight, N days later', () => {
    expect(startOfDay(NOW)).toBe(at(27));
    expect(startOfDay(NOW, 1)).toBe(at(28));
    expect(startOfDay(at(27, 23, 59), 7)).toBe(new Date(2026, 11, 4).getTime());
    expect(startOfDay(new Date(2026, 11, 31, 12).getTime(), 1)).toBe(new Date(2027, 0, 1).getTime());
  });
});

describe('nextReview (the schedule)', () => {
  it('wrong → tomorrow; then right → 3 days, right → 7 days, right → done', () => {
    const r0 = nextReview(undefined, false, NOW);
    expect(r0).toEqual({ box: 0, due: at(28) });
    const r1 = nextReview(r0, true, at(28, 8));
    expect(r1).toEqual({ box: 1, due: at(28 + REVIEW_DAYS[1]) });
    expect(REVIEW_DAYS).toEqual([1, 3, 7]);
    const r2 = nextReview(r1, true, at(1 + 30, 9));
    expect(r2.box).toBe(2);
    expect(r2.due).toBe(startOfDay(at(31, 9), 7));
    expect(nextReview(r2, true, at(31, 10))).toEqual({ box: REVIEW_DONE, due: null });
  });

  it('a wrong answer in any box goes back to box 0, due tomorrow', () => {
    for (const box of [0, 1, 2]) expect(nextReview({ box }, false, NOW)).toEqual({ box: 0, due: at(28) });
  });

  it('always yields a record the decoder accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 8 }), fc.integer({ min: 0, max: 4_000_000_000_000 }), (answers, now) => {
        let p: Progress = empty();
        for (const a of answers) p = withReview(p, 'l01-q1', a, ed(now));
        expect(decodeProgress(encodeProgress(p), 'networking-ja', now).warnings).toEqual([]);
      }),
    );
  });
});

describe('withMistakes', () => {
  it('schedules every wrong question for tomorrow and leaves others alone', () => {
    const p0 = withReview(empty(), 'l02-q1', true, ed(at(20))); // box 1 from an earlier review
    expect(p0.reviews['l02-q1']).toEqual({ box: 1, due: at(23), ...ver(at(20)) });
    const p = withMistakes(p0, ['l01-q1', 'l02-q1'], ed(NOW));
    // Each record is a new version with its own stamp: the document's clock issues every stamp once,
    // so the second question of the same save is stamped 1 ms later.
    expect(p.reviews['l01-q1']).toEqual({ box: 0, due: at(28), ...ver(NOW) });
    expect(p.reviews['l02-q1']).toEqual({ box: 0, due: at(28), ...ver(NOW + 1) }); // back to the start
    expect(p.updatedAt).toBe(NOW + 1);
    expect(p.clock).toBe(NOW + 1);
    expect(p0.reviews['l01-q1']).toBeUndefined();
  });

  it('no mistakes: the document is returned unchanged', () => {
    const p = empty();
    expect(withMistakes(p, [], ed(NOW))).toBe(p);
  });
});

describe('dueReviews / nextDue', () => {
  const p = (() => {
    let d = withMistakes(empty(), ['l02-q2', 'l01-q2'], ed(at(26, 9))); // due 27th 0:00
    d = withMistakes(d, ['l01-q1'], ed(at(27, 9))); // due 28th
    d = withReview(withMistakes(d, ['l02-q1'], ed(at(20))), 'l02-q1', true, ed(at(25, 12))); // box 1, due 28th
    return withReview(withMistakes(d, ['l09-q9'], ed(at(20))), 'l09-q9', false, ed(at(20))); // not in the course any more
  })();

  it('lists due questions in course order for the same day, ignoring unknown ids', () => {
    expect(dueReviews(p, NOW, IDS)).toEqual(['l01-q2', 'l02-q2']);
    expect(dueReviews(p, at(26, 23, 59), IDS)).toEqual([]);
    expect(dueReviews(p, at(28), IDS)).toEqual(['l01-q2', 'l02-q2', 'l01-q1', 'l02-q1']);
  });

  it('earlier due dates come first', () => {
    const later = withMistakes(p, ['l01-q1'], ed(at(29)));
    expect(dueReviews(later, at(40), IDS)).toEqual(['l01-q2', 'l02-q2', 'l02-q1', 'l01-q1']);
  });

  it('retired questions are never due', () => {
    let d = withMistakes(empty(), ['l01-q1'], ed(NOW));
    for (let i = 0; i < 3; i++) d = withReview(d, 'l01-q1', true, ed(NOW));
    expect(d.reviews['l01-q1'].box).toBe(REVIEW_DONE);
    expect(dueReviews(d, at(31 + 365), IDS)).toEqual([]);
    expect(nextDue(d, NOW, IDS)).toBeNull();
  });

  it('nextDue is the earliest due time after now', () => {
    expect(nextDue(p, NOW, IDS)).toBe(at(28));
    expect(nextDue(p, at(28), IDS)).toBeNull();
    expect(nextDue(empty(), NOW, IDS)).toBeNull();
  });
});
