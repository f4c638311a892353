import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { CHALLENGE_SLOTS, readChallengeDay } from '../../src/lib/challenge/week';
import { addDays, compareWeek, dayJa, daySpoken, moveWindow, suggestWeek, todayISO, weekDays, type ActionOption } from '../../src/lib/challenge/schedule';
import { withChallengeDay, withChallengeWeek } from '../../src/lib/challenge/edits';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress, progressDelta, type Edit } from '../../src/lib/progress/document';
import { compactForSuspend } from '../../src/lib/lms/scorm';
import { dayCalendar } from '../../src/lib/plan/calendar';

const COURSE = 'networking-ja';
const at = (now: number, session = 'tab1'): Edit => ({ now, session });
const action = (lesson: number, k: number, level: number): ActionOption => ({
  id: `l${String(lesson).padStart(2, '0')}-c${k}`,
  level,
  action: `行動${lesson}-${k}`,
  yes: '応じてくれる',
  lesson,
});
const ACTIONS = [
  action(1, 1, 1),
  action(1, 2, 2),
  action(3, 1, 1),
  action(3, 2, 3),
  action(4, 1, 2),
  action(6, 1, 1),
  action(6, 2, 3),
  action(7, 1, 5),
  action(8, 1, 4),
  action(10, 1, 4),
];
const week = (start = '2026-12-07') => suggestWeek(ACTIONS, new Set(), start);

describe('the suggested week', () => {
  it('seven days from the start date, climbing from the easiest actions to the boldest, none twice when there are enough', () => {
    const w = week();
    expect(w.map((d) => d.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    const levels = w.map((d) => ACTIONS.find((a) => a.id === d.action)!.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(levels[0]).toBe(1);
    expect(levels.at(-1)).toBe(5);
    expect(new Set(w.map((d) => d.action)).size).toBe(7);
  });
  it('draws on the lessons the learner has done once they offer seven actions, else on every lesson', () => {
    const done = new Set([1, 3, 4, 6, 7]);
    const w = suggestWeek(ACTIONS, done, '2026-12-07');
    expect(w.every((d) => done.has(ACTIONS.find((a) => a.id === d.action)!.lesson))).toBe(true);
    expect(suggestWeek(ACTIONS, new Set([1]), '2026-12-07').some((d) => ACTIONS.find((a) => a.id === d.action)!.lesson !== 1)).toBe(true);
    expect(suggestWeek([], new Set(), '2026-12-07')).toEqual([]);
  });
  it('dates cross months and years by the calendar', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('days in the progress document', () => {
  const started = () => withChallengeWeek(emptyProgress(COURSE, 1000), week(), at(2000));
  it('starting the week plans seven days; a day records the prediction, the outcome and the texts; it survives encoding', () => {
    let p = started();
    expect(weekDays(p.challenge).map((d) => d.status)).toEqual(Array(7).fill('planned'));
    p = withChallengeDay(p, 'd1', { predict: 30, worry: '断られると思う' }, at(3000));
    p = withChallengeDay(p, 'd1', { status: 'done', outcome: 'yes', note: '喜んでくれた' }, at(4000));
    const back = decodeProgress(encodeProgress(p), COURSE, 5000);
    expect(back.warnings).toEqual([]);
    expect(back.progress.challenge.d1).toMatchObject({ predict: 30, worry: '断られると思う', status: 'done', outcome: 'yes', note: '喜んでくれた' });
  });
  it('texts are cut at their limits, as the learner counts characters', () => {
    const p = withChallengeDay(started(), 'd2', { worry: 'あ'.repeat(500), note: 'い'.repeat(900) }, at(3000));
    expect(p.challenge.d2!.worry).toHaveLength(120);
    expect(p.challenge.d2!.note).toHaveLength(300);
  });
  it('moving a day changes its date; the week reads in date order', () => {
    const p = withChallengeDay(started(), 'd1', { date: '2026-12-20' }, at(3000));
    expect(weekDays(p.challenge).map((d) => d.slot)).toEqual(['d2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd1']);
  });
  it('two devices recording different days both keep theirs; the same day edited on top of the other wins', () => {
    const base = started();
    const phone = withChallengeDay(base, 'd1', { status: 'done', outcome: 'partly' }, at(3000, 'phone'));
    const laptop = withChallengeDay(base, 'd2', { status: 'skipped' }, at(3100, 'laptop'));
    const merged = mergeProgress(phone, laptop);
    expect([merged.challenge.d1!.outcome, merged.challenge.d2!.status]).toEqual(['partly', 'skipped']);
    expect(mergeProgress(laptop, phone)).toEqual(merged);
    const later = withChallengeDay(merged, 'd1', { outcome: 'yes' }, at(4000, 'laptop'));
    expect(mergeProgress(phone, later).challenge.d1!.outcome).toBe('yes');
    expect(Object.keys(progressDelta(later, merged).challenge)).toEqual(['d1']);
  });
  it('starting over replaces every day with a new version, so an older week elsewhere does not come back', () => {
    const old = withChallengeDay(started(), 'd3', { status: 'done', outcome: 'no' }, at(3000, 'phone'));
    const again = withChallengeWeek(old, suggestWeek(ACTIONS, new Set(), '2027-01-04'), at(5000, 'laptop'));
    const merged = mergeProgress(old, again);
    expect(weekDays(merged.challenge).every((d) => d.status === 'planned' && d.date >= '2027-01-04')).toBe(true);
  });
  it('damaged days are dropped with a warning; the good ones are kept', () => {
    const p = started();
    const doc = JSON.parse(encodeProgress(p));
    doc.challenge.d2.predict = 250;
    doc.challenge.d3.status = 'maybe';
    doc.challenge.x9 = doc.challenge.d1;
    const back = decodeProgress(JSON.stringify(doc), COURSE, 9000);
    expect(back.warnings).toEqual(['invalid-parts']);
    expect(Object.keys(back.progress.challenge).sort()).toEqual(['d1', 'd4', 'd5', 'd6', 'd7']);
    expect(readChallengeDay({ action: 'l01-c1', date: '2026-02-30x', predict: null, worry: '', status: 'planned', outcome: null, note: '' })).toBeNull();
  });
});

describe('the comparison', () => {
  it('predictions against outcomes over the days done and recorded; partly counts half; skipped days are counted apart', () => {
    let p = withChallengeWeek(emptyProgress(COURSE, 1000), week(), at(2000));
    const record = (slot: (typeof CHALLENGE_SLOTS)[number], predict: number | null, outcome: 'yes' | 'partly' | 'no') =>
      (p = withChallengeDay(p, slot, { predict, status: 'done', outcome }, at(3000 + CHALLENGE_SLOTS.indexOf(slot))));
    expect(compareWeek(p.challenge)).toEqual({ recorded: 0, predicted: null, actual: null, skipped: 0, finished: false });
    record('d1', 30, 'yes');
    record('d2', 40, 'partly');
    record('d3', null, 'no');
    p = withChallengeDay(p, 'd4', { status: 'skipped' }, at(4000));
    expect(compareWeek(p.challenge)).toEqual({ recorded: 3, predicted: 35, actual: 50, skipped: 1, finished: false });
    for (const s of ['d5', 'd6', 'd7'] as const) p = withChallengeDay(p, s, { status: 'skipped' }, at(5000));
    expect(compareWeek(p.challenge).finished).toBe(true);
  });
});

describe('SCORM and the calendar', () => {
  it('when suspend_data runs short the week keeps its days, estimates and outcomes; its texts go (before the plan), and the full copy wins in a merge', () => {
    let p = withChallengeWeek(emptyProgress(COURSE, 1000), week(), at(2000));
    for (const s of CHALLENGE_SLOTS)
      p = withChallengeDay(p, s, { predict: 50, worry: '心配'.repeat(40), status: 'done', outcome: 'yes', note: 'よかった'.repeat(60) }, at(3000));
    const full = compactForSuspend(p, 1e6).data.length;
    const { data, dropped } = compactForSuspend(p, full - 100);
    expect(dropped).toEqual(['challenge']);
    const lms = decodeProgress(data, COURSE, 9000).progress;
    expect(Object.values(lms.challenge).every((d) => d.slim && d.worry === '' && d.outcome === 'yes' && d.predict === 50)).toBe(true);
    expect(mergeProgress(lms, p).challenge).toEqual(p.challenge);
    expect(mergeProgress(p, lms).challenge).toEqual(p.challenge);
  });
  it('the calendar file has one all-day event per day with a 9:00 alarm, and parses', () => {
    const ics = dayCalendar(
      week().map((d, i) => ({ id: `d${i + 1}.challenge`, day: d.date, title: `${i + 1}日目：行動`, description: '説明' })),
      { now: Date.UTC(2026, 11, 6), courseId: COURSE, name: '1週間チャレンジ' },
    );
    const comp = new ICAL.Component(ICAL.parse(ics));
    const events = comp.getAllSubcomponents('vevent');
    expect(events).toHaveLength(7);
    expect(events.map((e) => e.getFirstPropertyValue('dtstart')!.toString())).toEqual(week().map((d) => d.date));
    expect(events.every((e) => e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString() === 'PT9H')).toBe(true);
  });
});

describe('dayJa', () => {
  it('writes a day as month, day and weekday, without leading zeros or the year, in any time zone', () => {
    expect(dayJa('2026-12-07')).toBe('12月7日（月）');
    expect(dayJa('2026-12-13')).toBe('12月13日（日）');
    expect(dayJa('2027-01-02')).toBe('1月2日（土）');
    expect(dayJa('2028-02-29')).toBe('2月29日（火）');
  });
});

describe('moving a day', () => {
  it('daySpoken writes the weekday out, as a screen reader should say it', () => {
    expect(daySpoken('2026-12-20')).toBe('12月20日 日曜日');
    expect(daySpoken('2027-01-01')).toBe('1月1日 金曜日');
  });
  it('todayISO is the local calendar day', () => {
    expect(todayISO(new Date(2026, 11, 7, 23, 59))).toBe('2026-12-07');
    expect(todayISO(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });
  it('may go from a month before the earliest of today and the days to two months after the latest', () => {
    const days = ['2026-12-07', '2026-12-08', '2026-12-13'];
    expect(moveWindow(days, '2026-12-07')).toEqual({ min: '2026-11-06', max: '2027-02-13' });
    // A week planned ahead, or long ago: the window covers it and today.
    expect(moveWindow(['2027-03-01'], '2026-12-07')).toEqual({ min: '2026-11-06', max: '2027-05-02' });
    expect(moveWindow(['2026-06-01'], '2026-12-07')).toEqual({ min: '2026-05-01', max: '2027-02-07' });
    // What a year typed digit by digit passes through is outside it.
    const { min, max } = moveWindow(days, '2026-12-07');
    for (const slip of ['0002-12-20', '0020-12-20', '0202-12-20', '2027-12-20']) expect(slip >= min && slip <= max).toBe(false);
  });
});
