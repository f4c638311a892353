/**
 * The reminder calendar file, checked the way calendar apps read it: with a real iCalendar parser
 * (ical.js), on the UTF-8 bytes a download would contain.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { firstReminderDay, foldLine, icsText, reminderCalendar, type ReminderCalendarOptions } from '../../src/lib/plan/calendar';
import type { Reminder } from '../../src/lib/progress/document';
import { REMINDER_TEXT } from '../../src/lib/text/ui-text';

const NOW = new Date(2026, 10, 27, 10, 30).getTime(); // local time, any time zone
const options: ReminderCalendarOptions = {
  now: NOW,
  courseId: 'networking-ja',
  name: REMINDER_TEXT.calendar,
  summary: REMINDER_TEXT.summary,
  description: REMINDER_TEXT.description,
  every: REMINDER_TEXT.everyLabels,
};
const people: Reminder[] = [
  { id: 'p1', who: '佐藤さん', every: 'monthly' },
  { id: 'p2', who: '前の部署の先輩, 高橋さん; 勉強会\\LT', every: 'quarterly' },
  { id: 'p3', who: '李さん（異業種交流会で名刺交換したマーケティング担当の方、次はランチに誘ってみる）🍵', every: 'halfyearly' },
];

const utf8 = new TextEncoder();
/** What a calendar app receives: the file as UTF-8 bytes, decoded again. */
const roundTrip = (text: string) => new TextDecoder('utf-8', { fatal: true }).decode(utf8.encode(text));
const parse = (text: string) => new ICAL.Component(ICAL.parse(roundTrip(text)));

describe('icsText', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 TEXT)', () => {
    expect(icsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('leaves Japanese punctuation alone and drops control characters', () => {
    expect(icsText('佐藤さん、高橋さん；「勉強会」\u0007')).toBe('佐藤さん、高橋さん；「勉強会」');
  });
});

describe('foldLine', () => {
  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), (a, b) => {
        const line = `SUMMARY:${a}${b}`.replace(/[\r\n]/g, '');
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) expect(utf8.encode(physical).length).toBeLessThanOrEqual(75);
        expect(
          folded
            .split('\r\n')
            .slice(1)
            .every((l) => l.startsWith(' ')),
        ).toBe(true);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
        expect(roundTrip(folded)).toBe(folded); // no lone surrogate: every character survives UTF-8
      }),
      { numRuns: 300 },
    );
  });
  it('a line of exactly 75 octets is not folded; 76 is', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 3-octet characters: 25 fit on the first line, later lines hold the space plus 24.
    expect(
      foldLine('あ'.repeat(50))
        .split('\r\n')
        .map((l) => utf8.encode(l).length),
    ).toEqual([75, 73, 4]);
  });
});

describe('firstReminderDay', () => {
  it('is a week later at local midnight', () => {
    expect(firstReminderDay(NOW)).toBe(new Date(2026, 11, 4).getTime());
  });
  it('moves to the 1st of the next month when a week later is after the 28th', () => {
    expect(firstReminderDay(new Date(2026, 0, 23, 15).getTime())).toBe(new Date(2026, 1, 1).getTime());
    expect(firstReminderDay(new Date(2026, 11, 25).getTime())).toBe(new Date(2027, 0, 1).getTime());
    expect(firstReminderDay(new Date(2026, 1, 21).getTime())).toBe(new Date(2026, 1, 28).getTime());
  });
});

describe('reminderCalendar', () => {
  const ics = reminderCalendar(people, options);

  it('uses CRLF line ends only and no line longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true); // the long Japanese lines were folded
  });

  it('parses as a VCALENDAR 2.0 with one recurring event per person, in Japanese, with the right frequency', () => {
    const cal = parse(ics);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toContain('networking-ja');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('ネットワーキングの連絡リマインダー');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    const months = { p1: 1, p2: 3, p3: 6 } as Record<string, number>;
    for (const [i, ev] of events.entries()) {
      const who = people[i];
      expect(ev.getFirstPropertyValue('uid')).toBe(`${who.id}.reminder@networking-ja`);
      expect(ev.getFirstPropertyValue('summary')).toBe(`${who.who}に連絡する`);
      expect(ev.getFirstPropertyValue('description')).toContain(`（${REMINDER_TEXT.everyLabels[who.every]}）`);
      const rrule = ev.getFirstPropertyValue('rrule') as ICAL.Recur;
      expect([rrule.freq, rrule.interval]).toEqual(['MONTHLY', months[who.id]]);
      const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.isDate).toBe(true);
      expect(start.toString()).toBe('2026-12-04');
      expect((ev.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2026-12-05');
      expect((ev.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe(new Date(NOW).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      const alarm = ev.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('PT9H');
    }
  });

  it('commas, semicolons and backslashes in a name come back exactly (escaped, not split)', () => {
    const ev = parse(ics).getAllSubcomponents('vevent')[1];
    expect(ev.getFirstPropertyValue('summary')).toBe('前の部署の先輩, 高橋さん; 勉強会\\LTに連絡する');
  });

  it('recurs as chosen: the next occurrences of a quarterly reminder', () => {
    const ev = new ICAL.Event(parse(ics).getAllSubcomponents('vevent')[1]);
    const it = ev.iterator();
    const dates = [it.next(), it.next(), it.next()].map((t) => t!.toString());
    expect(dates).toEqual(['2026-12-04', '2027-03-04', '2027-06-04']);
  });

  it('UIDs are stable for the same people (a new download updates the events instead of adding copies)', () => {
    const again = reminderCalendar(people, { ...options, now: NOW + 86_400_000 });
    const uids = (text: string) =>
      parse(text)
        .getAllSubcomponents('vevent')
        .map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(3);
  });

  it('any name a learner can type survives the trip through the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), (who) => {
        fc.pre(!/[\x00-\x08\x0a-\x1f\x7f]/.test(who));
        const ev = parse(reminderCalendar([{ id: 'x', who, every: 'monthly' }], options)).getFirstSubcomponent('vevent')!;
        expect(ev.getFirstPropertyValue('summary')).toBe(`${who}に連絡する`);
      }),
      { numRuns: 200 },
    );
  });

  it('an empty list is still a valid calendar', () => {
    const cal = parse(reminderCalendar([], options));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
  });
});

describe('reminderCalendar with dated commitments (if-then plan)', () => {
  const commitments = [
    { id: 'c1', text: 'もし交流会で名刺を交換したら、相手の仕事について質問を一つする。相手：名刺を交換した人', day: '2026-12-31' },
    { id: 'c2', text: 'もし金曜の会議が早く終わったら, 隣の課の人に; お礼を伝える。', day: '2027-02-28' },
  ];
  const ics = reminderCalendar(people.slice(0, 1), { ...options, commitmentDescription: '行動計画' }, commitments);

  it('adds one all-day event per commitment on its day (the next day across a year and a month end), with the commitment as its title', () => {
    const events = parse(ics).getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    const plan = events.filter((e) => String(e.getFirstPropertyValue('uid')).endsWith('.plan@networking-ja'));
    expect(plan.map((e) => e.getFirstPropertyValue('summary'))).toEqual(commitments.map((c) => c.text));
    expect(plan.map((e) => e.getFirstPropertyValue('dtstart')!.toString())).toEqual(['2026-12-31', '2027-02-28']);
    expect(plan.map((e) => e.getFirstPropertyValue('dtend')!.toString())).toEqual(['2027-01-01', '2027-03-01']);
    expect(plan.every((e) => !e.hasProperty('rrule') && e.getFirstPropertyValue('description') === '行動計画')).toBe(true);
  });

  it('alarms at 9:00 that day, and keeps the file valid (CRLF, folded lines)', () => {
    const plan = parse(ics)
      .getAllSubcomponents('vevent')
      .filter((e) => String(e.getFirstPropertyValue('uid')).startsWith('c1'));
    expect(plan[0].getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe('PT9H');
    for (const line of ics.split('\r\n')) expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
  });
});
