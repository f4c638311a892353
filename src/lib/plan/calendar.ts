/**
 * iCalendar (RFC 5545) for the learner's follow-up reminders: one all-day event per person,
 * recurring every N months, with a 9:00 alarm. Written by hand (a few dozen lines instead of a
 * library): CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT
 * values escaped. Japanese wording comes in as templates, so it stays out of the JavaScript.
 */
import { REMINDER_MONTHS, type Reminder, type ReminderEvery } from '../progress/document';
import { compactDate, startOfDay } from '../text/dates';
import { fill } from '../text/ui-text';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export const icsText = (s: string) =>
  s
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');

const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds one content line into lines of at most 75 octets (UTF-8), continuation lines starting with a space. */
export function foldLine(line: string): string {
  let out = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > 75) {
      out += '\r\n ';
      size = 1;
    }
    out += ch;
    size += n;
  }
  return out;
}

/** UTC date-time as iCalendar wants it: 20261127T013000Z. */
const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface ReminderCalendarOptions {
  /** When the file is made (DTSTAMP; reminders start a week later). */
  now: number;
  /** Course id, part of every UID. */
  courseId: string;
  /** Calendar name, e.g. 「ネットワーキングの連絡リマインダー」. */
  name: string;
  /** Event title template with {who}, e.g. 「{who}に連絡する」. */
  summary: string;
  /** Event description template with {who} and {every}. */
  description: string;
  /** How each frequency is said, e.g. quarterly → 「3か月ごと」. */
  every: Record<ReminderEvery, string>;
  /** Description of a commitment's event (e.g. where it comes from). */
  commitmentDescription?: string;
}

/**
 * The first reminder: a week after `now`, moved to the 1st of the next month when that day is
 * after the 28th (a monthly rule from the 31st would skip shorter months).
 */
export function firstReminderDay(now: number): number {
  const d = new Date(startOfDay(now, 7));
  if (d.getDate() > 28) d.setMonth(d.getMonth() + 1, 1);
  return d.getTime();
}

/** An if-then commitment with a date (src/lib/plan/items.ts): one all-day event on that day. */
export interface DatedCommitment {
  /** The commitment's id (part of the UID, so a re-downloaded file updates the event). */
  id: string;
  /** The commitment as a sentence: the event's title. */
  text: string;
  /** "YYYY-MM-DD". */
  day: string;
}

/** "2026-12-04" → "20261204", and the day after it ("20261205"), by the calendar alone (no time zone). */
function dayAndNext(day: string): [string, string] {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  return [day.replace(/-/g, ''), `${next.getUTCFullYear()}${pad(next.getUTCMonth() + 1)}${pad(next.getUTCDate())}`];
}

/** One all-day event on `day` ("YYYY-MM-DD") with an alarm at 9:00 that day. */
function allDayEvent(uid: string, day: string, title: string, description: string, now: number): string[] {
  const [start, next] = dayAndNext(day);
  const summary = icsText(title);
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${next}`,
    `SUMMARY:${summary}`,
    `DESCRIPTION:${icsText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER;RELATED=START:PT9H',
    `DESCRIPTION:${summary}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** A day's event of a calendar of single days (the 1週間チャレンジ): its UID part, day, title and description. */
export interface DayEvent {
  id: string;
  day: string;
  title: string;
  description: string;
}

/** A complete .ics file of all-day events, each with an alarm at 9:00 that day. */
export function dayCalendar(events: readonly DayEvent[], o: { now: number; courseId: string; name: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${o.courseId}//Networking plan//JA`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(o.name)}`,
  ];
  for (const e of events) lines.push(...allDayEvent(`${e.id}@${o.courseId}`, e.day, e.title, e.description, o.now));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * A complete .ics file with one recurring all-day event per person, and one all-day event per
 * dated commitment (with `commitmentDescription` as its description); each alarm at 9:00 that day.
 */
export function reminderCalendar(people: readonly Reminder[], o: ReminderCalendarOptions, commitments: readonly DatedCommitment[] = []): string {
  const start = firstReminderDay(o.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${o.courseId}//Networking plan//JA`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${icsText(o.name)}`);
  for (const r of people) {
    const values = { who: r.who, every: o.every[r.every] };
    const summary = icsText(fill(o.summary, values));
    lines.push(
      'BEGIN:VEVENT',
      `UID:${r.id}.reminder@${o.courseId}`,
      `DTSTAMP:${utcStamp(o.now)}`,
      `DTSTART;VALUE=DATE:${compactDate(start)}`,
      `DTEND;VALUE=DATE:${compactDate(startOfDay(start, 1))}`,
      `RRULE:FREQ=MONTHLY;INTERVAL=${REMINDER_MONTHS[r.every]}`,
      `SUMMARY:${summary}`,
      `DESCRIPTION:${icsText(fill(o.description, values))}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER;RELATED=START:PT9H',
      `DESCRIPTION:${summary}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  for (const c of commitments) lines.push(...allDayEvent(`${c.id}.plan@${o.courseId}`, c.day, c.text, o.commitmentDescription ?? '', o.now));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** File name of the calendar download. */
export const REMINDER_FILE = 'networking-reminders.ics';
