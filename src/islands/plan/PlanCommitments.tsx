/**
 * The if-then plan (もし〜なら、〜する) that leads the plan page: 3-5 commitments, each with when,
 * what, with whom and an optional reminder date, autosaved; examples from the lessons as hints;
 * the calendar file (.ics) holds the dated ones next to the reminder list.
 */
import { useRef, useState } from 'preact/hooks';
import { PLAN_ITEMS_MAX, type PlanItem } from '../../lib/plan/items';
import { commitmentText, datedCommitments, type CommitmentWording } from '../../lib/plan/plan';
import type { PlanContent } from '../../lib/course/schema';
import { fill, type CommitmentText, type ReminderText } from '../../lib/text/ui-text';
import { savePlan } from '../../stores/plan';
import { useProgress } from '../runtime/use-progress';
import { useAutosave } from '../runtime/use-autosave';
import { download, withCalendar } from '../runtime/download';

interface Props {
  content: Pick<PlanContent, 'fields' | 'examples'> & CommitmentWording;
  courseId: string;
  /** COMMITMENT_TEXT and REMINDER_TEXT from src/lib/text/ui-text.ts. */
  t: CommitmentText;
  reminders: ReminderText;
}

const row = (): PlanItem => ({ id: `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, when: '', action: '', with: '', remind: null });
/** The empty rows shown when nothing is saved yet (made once per page, so their ids stay put). */
const FIRST: PlanItem[] = [row(), row(), row()];
const PARTS = ['when', 'action', 'with'] as const;
const filled = (rows: PlanItem[]) => rows.filter((r) => r.when.trim() || r.action.trim() || r.with.trim());

export default function PlanCommitments({ content, courseId, t, reminders }: Props) {
  const { progress, loaded } = useProgress();
  const stored = progress.plan?.items;
  const [message, setMessage] = useState('');
  const field = useAutosave<PlanItem[]>({
    stored: stored?.length ? stored : FIRST,
    loaded,
    save: (rows, urgent) => (savePlan(rows, urgent) ? 'saved' : (setMessage(t.failed), 'failed')),
    same: (a, b) => JSON.stringify(filled(a)) === JSON.stringify(filled(b)),
  });
  const rows = field.value;
  const root = useRef<HTMLDivElement>(null);
  const focus = (sel: string) => requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(sel)?.focus());
  const edit = (i: number, patch: Partial<PlanItem>) => field.change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const add = () => {
    field.change([...rows, row()]);
    focus(`#when-${rows.length}`);
  };
  const remove = (i: number) => {
    field.change(rows.filter((_, j) => j !== i));
    field.flush();
    setMessage('');
    // The focus moves first, then the removal is announced (a focus move would cut it short).
    requestAnimationFrame(() => {
      root.current?.querySelector<HTMLElement>(rows.length > 1 ? `#when-${Math.max(0, i - 1)}` : '#add-commitment')?.focus();
      setMessage(fill(t.removed, { n: i + 1 }));
    });
  };
  const takeExample = (x: PlanContent['examples'][number]) => {
    let i = rows.findIndex((r) => !r.when.trim() && !r.action.trim() && !r.with.trim());
    const next = i < 0 ? [...rows, row()] : [...rows];
    if (i < 0) i = rows.length;
    next[i] = { ...next[i], when: x.when, action: x.action, with: x.with };
    field.change(next);
    field.flush();
    setMessage(fill(t.exampleUsed, { n: i + 1 }));
    focus(`#when-${i}`);
  };
  const calendar = async () => {
    const safe = field.flush();
    const dated = datedCommitments(rows, content);
    const people = (progress.profile.reminders?.people ?? []).filter((r) => r.who.trim());
    // A save that failed is said first, whatever happens to the file.
    const unsaved = safe ? '' : t.failed;
    if (!dated.length && !people.length) return setMessage(unsaved + t.calendarNone);
    // Cleared first, so the same message said again is announced again.
    setMessage('');
    const made = await withCalendar(({ REMINDER_FILE, reminderCalendar }) => {
      const o = {
        now: Date.now(),
        courseId,
        name: reminders.calendar,
        summary: reminders.summary,
        description: reminders.description,
        every: reminders.everyLabels,
        commitmentDescription: t.calendarDescription,
      };
      download(REMINDER_FILE, reminderCalendar(people, o, dated), 'text/calendar;charset=utf-8');
      setMessage(unsaved + fill(t.calendarDone, { file: REMINDER_FILE, count: dated.length, people: people.length }));
    });
    // Reloading is suggested only when the plan is stored.
    if (made === 'failed') setMessage(safe ? reminders.calendarRetry + reminders.calendarReload : unsaved + reminders.calendarRetry);
  };
  const n = filled(rows).length;
  const full = rows.length >= PLAN_ITEMS_MAX;

  return (
    <div class="commitments no-print" data-commitments ref={root}>
      <p data-commitment-count>{fill(t.count, { n })}</p>
      {rows.map((r, i) => {
        const text = commitmentText(r, content);
        return (
          <fieldset key={r.id} data-commitment={i}>
            <legend>{fill(t.item, { n: i + 1 })}</legend>
            {PARTS.map((k) => (
              <div class="commitment-part" key={k}>
                <label for={`${k}-${i}`}>{content.fields[k].label}</label>
                {i === 0 && (
                  <p class="hint" id={`${k}-hint`}>
                    {content.fields[k].hint}
                  </p>
                )}
                <input
                  id={`${k}-${i}`}
                  type="text"
                  value={r[k]}
                  maxLength={200}
                  placeholder={content.fields[k].placeholder}
                  aria-describedby={i === 0 ? `${k}-hint` : undefined}
                  onInput={(e) => edit(i, { [k]: (e.currentTarget as HTMLInputElement).value })}
                  onBlur={field.blur}
                  {...field.ime}
                />
              </div>
            ))}
            <label for={`remind-${i}`}>{t.remind}</label>
            <input
              id={`remind-${i}`}
              type="date"
              value={r.remind ?? ''}
              aria-describedby="remind-hint"
              onChange={(e) => (edit(i, { remind: (e.currentTarget as HTMLInputElement).value || null }), field.flush())}
            />
            <p class="commitment-text" data-commitment-text>
              {text ? `${t.preview}${text}` : t.previewEmpty}
            </p>
            <button type="button" class="secondary" onClick={() => remove(i)} aria-label={fill(t.removeLabel, { n: i + 1 })}>
              {t.remove}
            </button>
          </fieldset>
        );
      })}
      <p class="hint" id="remind-hint">
        {t.remindHint}
      </p>
      <p class="actions">
        {full ? (
          <span>{fill(t.max, { max: PLAN_ITEMS_MAX })}</span>
        ) : (
          <button type="button" class="secondary" id="add-commitment" onClick={add}>
            {t.add}
          </button>
        )}
        <button type="button" onClick={calendar}>
          {t.calendar}
        </button>
      </p>
      {/* Messages are announced; 保存しました after each pause in typing is only shown. */}
      <p data-commitments-message>
        <span role="status">{message}</span>
        {!message && field.state === 'saved' ? t.saved : ''}
      </p>
      {content.examples.length > 0 && (
        <details class="examples">
          <summary>{t.examples}</summary>
          <ul>
            {content.examples.map((x) => (
              <li key={`${x.lesson}-${x.when}`}>
                <p>{fill(t.example, { lesson: x.lesson, text: commitmentText(x, content) })}</p>
                {!full || filled(rows).length < rows.length ? (
                  <button type="button" class="secondary" onClick={() => takeExample(x)} aria-label={fill(t.useExampleLabel, { lesson: x.lesson })}>
                    {t.useExample}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
