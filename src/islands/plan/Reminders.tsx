/**
 * Lesson 5's follow-up reminders: people to reconnect with and how often, saved as the learner
 * edits, and a calendar file (.ics) with a recurring reminder for each.
 */
import { useState } from 'preact/hooks';
import { REMINDERS_MAX, type Reminder, type ReminderEvery } from '../../lib/progress/document';
import { formatDateJa } from '../../lib/text/dates';
import { datedCommitments, type CommitmentWording } from '../../lib/plan/plan';
import { fill, type ReminderText } from '../../lib/text/ui-text';
import { saveReminders } from '../../stores/learner';
import { useProgress } from '../runtime/use-progress';
import { useAutosave } from '../runtime/use-autosave';
import { download, withCalendar } from '../runtime/download';

interface Props {
  courseId: string;
  /** REMINDER_TEXT from src/lib/text/ui-text.ts. */
  t: ReminderText;
  /** The if-then plan's wording and event description: dated commitments go into the same calendar file. */
  plan?: CommitmentWording & { description: string };
}

const newRow = (): Reminder => ({ id: `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, who: '', every: 'quarterly' });
/** The empty row shown when nothing is saved yet (made once per page, so its id stays put). */
const FIRST: Reminder[] = [newRow()];

export default function Reminders({ courseId, t, plan }: Props) {
  const { progress, loaded } = useProgress();
  const stored = progress.profile.reminders?.people;
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState(false);
  // The rows on screen; saved as they are edited (rows without a name stay on screen but are not stored).
  const field = useAutosave<Reminder[]>({
    stored: stored?.length ? stored : FIRST,
    loaded,
    save: (rows, urgent) => {
      const ok = saveReminders(rows, urgent);
      setSaved(ok);
      setMessage(ok ? '' : t.failed);
      return ok ? 'saved' : 'failed';
    },
    // Equal when the stored list is what is on screen without the empty rows.
    same: (a, b) => JSON.stringify(a.filter((r) => r.who.trim())) === JSON.stringify(b.filter((r) => r.who.trim())),
  });
  const rows = field.value;

  const edit = (i: number, patch: Partial<Reminder>) => field.change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    field.change([...rows, newRow()]);
    requestAnimationFrame(() => document.getElementById(`who-${rows.length}`)?.focus());
  };
  const remove = (i: number) => {
    field.change(rows.filter((_, j) => j !== i));
    field.flush();
    setMessage('');
    // The focus moves first, then the removal is announced (a focus move would cut it short).
    requestAnimationFrame(() => {
      (document.getElementById(`who-${Math.max(0, i - 1)}`) ?? document.getElementById('add-person'))?.focus();
      setMessage(fill(t.removed, { n: i + 1 }));
    });
  };
  const makeCalendar = async () => {
    const people = rows.map((r) => ({ ...r, who: r.who.trim() })).filter((r) => r.who);
    const dated = plan ? datedCommitments(progress.plan?.items ?? [], plan) : [];
    if (!people.length && !dated.length) return setMessage(t.none);
    const safe = field.flush();
    // Cleared first, so the same message said again is announced again.
    setMessage('');
    const made = await withCalendar(({ REMINDER_FILE, firstReminderDay, reminderCalendar }) => {
      const now = Date.now();
      const ics = reminderCalendar(
        people,
        { now, courseId, name: t.calendar, summary: t.summary, description: t.description, every: t.everyLabels, commitmentDescription: plan?.description },
        dated,
      );
      download(REMINDER_FILE, ics, 'text/calendar;charset=utf-8');
      setMessage(
        `${fill(t.downloaded, { file: REMINDER_FILE, count: people.length, date: formatDateJa(firstReminderDay(now)) })}${dated.length ? fill(t.withPlan, { count: dated.length }) : ''}${safe ? '' : t.failed}`,
      );
    });
    // Reloading is suggested only when the input is stored; otherwise the save failure comes first.
    if (made === 'failed') setMessage(safe ? t.calendarRetry + t.calendarReload : t.failed + t.calendarRetry);
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
            placeholder={t.placeholder}
            onInput={(e) => edit(i, { who: (e.currentTarget as HTMLInputElement).value })}
            onBlur={field.blur}
            {...field.ime}
          />
          <label for={`every-${i}`}>{t.every}</label>
          <select
            id={`every-${i}`}
            value={r.every}
            onChange={(e) => (edit(i, { every: (e.currentTarget as HTMLSelectElement).value as ReminderEvery }), field.flush())}
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
      {/* Messages are announced; 保存しました after each pause in typing is only shown. */}
      <p data-reminders-message>
        <span role="status">{message}</span>
        {!message && saved ? t.saved : ''}
      </p>
    </div>
  );
}
