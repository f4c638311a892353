/**
 * Lesson 5's follow-up reminders: people to reconnect with and how often, saved as the learner
 * edits, and a calendar file (.ics) with a recurring reminder for each.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REMINDERS_MAX, REMINDER_WHO_MAX, type Reminder, type ReminderEvery } from '../lib/progress';
import { REMINDER_FILE, firstReminderDay, reminderCalendar } from '../lib/ical';
import { formatDateJa } from '../lib/date-format';
import { fill, type ReminderText } from '../lib/ui-text';
import { $progress } from '../stores/progress';
import { saveReminders } from '../stores/learner';
import { useProgress } from './use-progress';
import { download } from './download';

interface Props {
  courseId: string;
  /** REMINDER_TEXT from src/lib/ui-text.ts. */
  t: ReminderText;
}

const newRow = (): Reminder => ({ id: `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, who: '', every: 'quarterly' });

export default function Reminders({ courseId, t }: Props) {
  const { progress, loaded } = useProgress();
  const stored = progress.profile.reminders;
  const [rows, setRows] = useState<Reminder[]>([newRow()]);
  const [message, setMessage] = useState('');
  const editing = useRef(false);
  const ownSave = useRef(0);
  // Show the saved list once loaded, and a list saved in another tab while this one is not being
  // edited; not our own saves (they leave out rows without a name, which must stay on screen).
  useEffect(() => {
    if (stored && stored.updatedAt !== ownSave.current && !editing.current) setRows(stored.people.length ? stored.people : [newRow()]);
  }, [stored, loaded]);

  const save = (next: Reminder[]) => {
    editing.current = false;
    setRows(next);
    const ok = saveReminders(next);
    ownSave.current = $progress.get().profile.reminders?.updatedAt ?? 0;
    setMessage(ok ? t.saved : '');
  };
  const edit = (i: number, patch: Partial<Reminder>, persist = false) => {
    const next = rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    if (persist) return save(next);
    editing.current = true;
    setRows(next);
  };
  const add = () => {
    setRows([...rows, newRow()]);
    requestAnimationFrame(() => document.getElementById(`who-${rows.length}`)?.focus());
  };
  const remove = (i: number) => {
    save(rows.filter((_, j) => j !== i));
    requestAnimationFrame(() => (document.getElementById(`who-${Math.max(0, i - 1)}`) ?? document.getElementById('add-person'))?.focus());
  };
  const makeCalendar = () => {
    const people = rows.map((r) => ({ ...r, who: r.who.trim() })).filter((r) => r.who);
    if (!people.length) return setMessage(t.none);
    save(rows);
    const now = Date.now();
    const ics = reminderCalendar(people, { now, courseId, name: t.calendar, summary: t.summary, description: t.description, every: t.everyLabels });
    download(REMINDER_FILE, ics, 'text/calendar;charset=utf-8');
    setMessage(fill(t.downloaded, { file: REMINDER_FILE, count: people.length, date: formatDateJa(firstReminderDay(now)) }));
  };

  return (
    <div class="reminders" data-reminders>
      {rows.map((r, i) => (
        <fieldset key={r.id} data-person={i}>
          <legend>{fill(t.person, { n: i + 1 })}</legend>
          <label for={`who-${i}`}>{t.who}</label>
          <input
            id={`who-${i}`}
            type="text"
            value={r.who}
            maxLength={REMINDER_WHO_MAX}
            placeholder={t.placeholder}
            onInput={(e) => edit(i, { who: (e.currentTarget as HTMLInputElement).value })}
            onChange={() => save(rows)}
          />
          <label for={`every-${i}`}>{t.every}</label>
          <select
            id={`every-${i}`}
            value={r.every}
            onChange={(e) => edit(i, { every: (e.currentTarget as HTMLSelectElement).value as ReminderEvery }, true)}
          >
            {Object.entries(t.everyLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" class="secondary" onClick={() => remove(i)} aria-label={fill(t.removeLabel, { n: i + 1 })}>
            {t.remove}
          </button>
        </fieldset>
      ))}
      <p class="actions">
        {rows.length < REMINDERS_MAX ? (
          <button type="button" class="secondary" id="add-person" onClick={add}>
            {t.add}
          </button>
        ) : (
          <span>{fill(t.max, { max: REMINDERS_MAX })}</span>
        )}
        <button type="button" onClick={makeCalendar}>
          {t.download}
        </button>
      </p>
      <p role="status" aria-live="polite" data-reminders-message>
        {message}
      </p>
    </div>
  );
}
