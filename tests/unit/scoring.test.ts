import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../src/lib/course/schema';
import { cleanChoice, isPassing, neededToPass, percent, scoreQuiz, unanswered, type ScorableQuestion } from '../../src/lib/course/scoring';

const opt = (id: string, correct: boolean) => ({ id, text: `選択肢 ${id}`, correct, feedback: `解説 ${id}` });

// Fixtures are parsed with the authoring schema so they stay realistic.
const single = questionSchema.parse({
  id: 'l01-q1',
  objective: 1,
  type: 'single',
  prompt: '最初の一歩として最も適切なのは？',
  basis: 'レッスン本文の、答えを決める一節。',
  options: [opt('a', false), opt('b', true), opt('c', false)],
});
const multiple = questionSchema.parse({
  id: 'l01-q2',
  objective: 1,
  type: 'multiple',
  prompt: '当てはまるものをすべて選択してください。',
  basis: 'レッスン本文の、答えを決める一節。',
  options: [opt('a', true), opt('b', false), opt('c', true), opt('d', false)],
});
const truefalse = questionSchema.parse({
  id: 'l01-q3',
  objective: 2,
  type: 'truefalse',
  prompt: '名刺交換の直後にお礼のメッセージを送るとよい。',
  basis: 'レッスン本文の、答えを決める一節。',
  options: [opt('true', true), opt('false', false)],
});
const quiz: ScorableQuestion[] = [single, multiple, truefalse];

const allRight = { 'l01-q1': ['b'], 'l01-q2': ['a', 'c'], 'l01-q3': ['true'] };

describe('scoreQuiz', () => {
  it('scores single, multiple and true/false questions', () => {
    const r = scoreQuiz(quiz, allRight, 0.8);
    expect(r.results.map((x) => x.correct)).toEqual([true, true, true]);
    expect(r).toMatchObject({ correct: 3, total: 3, score: 1, passed: true });
    expect(r.results[1]).toEqual({ id: 'l01-q2', correct: true, chosen: ['a', 'c'], correctIds: ['a', 'c'] });
  });

  it('a wrong single / true-false answer is wrong', () => {
    const r = scoreQuiz(quiz, { ...allRight, 'l01-q1': ['a'], 'l01-q3': ['false'] }, 0.8);
    expect(r.results.map((x) => x.correct)).toEqual([false, true, false]);
    expect(r.results[0].correctIds).toEqual(['b']);
    expect(r.correct).toBe(1);
    expect(r.score).toBeCloseTo(1 / 3, 12);
    expect(r.passed).toBe(false);
  });

  it('multiple is all-or-nothing: a subset or a superset of the right options is wrong', () => {
    for (const chosen of [['a'], ['c'], ['a', 'b', 'c'], ['a', 'c', 'd'], ['b', 'd'], ['a', 'b', 'c', 'd']]) {
      const r = scoreQuiz([multiple], { 'l01-q2': chosen }, 0.8);
      expect(r.results[0].correct, `chosen ${chosen.join(',')}`).toBe(false);
      expect(r.score).toBe(0);
    }
    // Order of the learner's choice does not matter.
    expect(scoreQuiz([multiple], { 'l01-q2': ['c', 'a'] }, 0.8).results[0].correct).toBe(true);
  });

  it('ignores unknown option ids and duplicates', () => {
    const r = scoreQuiz(quiz, { 'l01-q1': ['zz', 'b'], 'l01-q2': ['a', 'x', 'c', 'a'], 'l01-q3': ['maybe', 'true'] }, 0.8);
    expect(r.results.map((x) => x.correct)).toEqual([true, true, true]);
    expect(r.results.map((x) => x.chosen)).toEqual([['b'], ['a', 'c'], ['true']]);
  });

  it('a single question keeps only one choice (the first in authored order)', () => {
    expect(cleanChoice(single, ['c', 'b'])).toEqual(['b']);
    expect(scoreQuiz([single], { 'l01-q1': ['c', 'b'] }, 0.8).results[0].correct).toBe(true);
    expect(cleanChoice(single, ['b', 'a'])).toEqual(['a']);
    expect(scoreQuiz([single], { 'l01-q1': ['b', 'a'] }, 0.8).results[0].correct).toBe(false);
    expect(cleanChoice(multiple, ['d', 'a', 'd'])).toEqual(['a', 'd']);
    expect(cleanChoice(multiple)).toEqual([]);
  });

  it('unanswered (missing, empty, or only unknown ids) counts as wrong', () => {
    const r = scoreQuiz(quiz, { 'l01-q2': [], 'l01-q3': ['nope'] }, 0.8);
    expect(r.results.map((x) => x.correct)).toEqual([false, false, false]);
    expect(r.results.map((x) => x.chosen)).toEqual([[], [], []]);
    expect(r).toMatchObject({ correct: 0, total: 3, score: 0, passed: false });
  });

  it('4 of 5 passes with passMark 0.8, 3 of 5 does not', () => {
    const five: ScorableQuestion[] = [1, 2, 3, 4, 5].map((n) => ({ ...single, id: `l02-q${n}` }));
    const answers = (right: number) => Object.fromEntries(five.map((q, i) => [q.id, [i < right ? 'b' : 'a']]));
    const four = scoreQuiz(five, answers(4), 0.8);
    expect(four).toMatchObject({ correct: 4, total: 5, passed: true });
    expect(four.score).toBeCloseTo(0.8, 12);
    expect(scoreQuiz(five, answers(3), 0.8).passed).toBe(false);
    expect(scoreQuiz(five, answers(5), 1).passed).toBe(true);
    expect(scoreQuiz(five, answers(0), 0).passed).toBe(true);
  });

  it('an empty quiz scores 0 without dividing by zero', () => {
    expect(scoreQuiz([], {}, 0.8)).toEqual({ results: [], correct: 0, total: 0, score: 0, passed: false });
  });
});

describe('isPassing', () => {
  it('tolerates floating-point noise but not real shortfalls', () => {
    expect(isPassing(0.3, 0.1 + 0.2)).toBe(true); // 0.3 < 0.30000000000000004
    expect(isPassing(7 / 10, 0.7)).toBe(true);
    expect(isPassing(1 - 0.2, 0.8)).toBe(true);
    expect(isPassing(0.79, 0.8)).toBe(false);
    expect(isPassing(0.7999, 0.8)).toBe(false);
    expect(isPassing(0, 0.01)).toBe(false);
  });
});

describe('unanswered', () => {
  it('lists the questions without a usable choice, in quiz order', () => {
    expect(unanswered(quiz, {})).toEqual(['l01-q1', 'l01-q2', 'l01-q3']);
    expect(unanswered(quiz, { 'l01-q1': ['a'], 'l01-q2': [], 'l01-q3': ['unknown'] })).toEqual(['l01-q2', 'l01-q3']);
    expect(unanswered(quiz, allRight)).toEqual([]);
    // A wrong answer is still an answer.
    expect(unanswered(quiz, { 'l01-q1': ['a'], 'l01-q2': ['b'], 'l01-q3': ['false'] })).toEqual([]);
  });
});

describe('percent', () => {
  it('formats a 0-1 score as a whole percentage', () => {
    expect(percent(0.75)).toBe('75%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(1 / 3)).toBe('33%');
    expect(percent(0.8)).toBe('80%');
    expect(percent(4 / 5)).toBe('80%');
  });
});

describe('neededToPass', () => {
  it('is the fewest right answers that pass, as scoreQuiz decides it', () => {
    expect(neededToPass(5, 0.8)).toBe(4);
    expect(neededToPass(4, 0.8)).toBe(4); // 3 of 4 is 75 %: every answer is needed
    expect(neededToPass(10, 0.8)).toBe(8);
    expect(neededToPass(3, 2 / 3)).toBe(2); // 2/3 passes despite floating point
    expect(neededToPass(4, 0)).toBe(0);
    expect(neededToPass(0, 0.8)).toBe(0);
    for (let n = 1; n <= 12; n++)
      for (const mark of [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1]) {
        const k = neededToPass(n, mark);
        expect(isPassing(k / n, mark)).toBe(true);
        if (k > 0) expect(isPassing((k - 1) / n, mark)).toBe(false);
      }
  });
});
