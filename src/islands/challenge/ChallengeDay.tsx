/**
 * One day of the week: its action and day (which the learner may move); before acting, how likely
 * a "yes" is and what they expect; after it, what the other person did and what happened. Choices
 * save at once, texts as they are typed (use-autosave.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { dayJa, type ActionOption } from '../../lib/challenge/schedule';
import type { ChallengeDay, Outcome, Slot } from '../../lib/challenge/week';
import { fill, type ChallengeText } from '../../lib/text/ui-text';
import { saveDay } from '../../stores/challenge';
import { useAutosave } from '../runtime/use-autosave';

interface Props {
  day: ChallengeDay & { slot: Slot };
  /** Its place in the week (1-7, by date). */
  n: number;
  action: ActionOption | undefined;
  /** The dates the day may move to (moveWindow). */
  range: { min: string; max: string };
  /** The learner is (true) or is no longer (false) editing the day's date; `moved` once it changed. */
  onEditDate: (editing: boolean, moved?: boolean) => void;
  t: ChallengeText;
}

type Texts = { worry: string; note: string };
const PERCENTS = Array.from({ length: 11 }, (_, i) => i * 10);

export default function ChallengeDayCard({ day, n, action, range, onEditDate, t }: Props) {
  const id = `challenge-${day.slot}`;
  const texts = useAutosave<Texts>({
    stored: { worry: day.worry, note: day.note },
    loaded: true,
    same: (a, b) => a.worry === b.worry && a.note === b.note,
    save: (v, urgent) => (saveDay(day.slot, v, urgent) ? 'saved' : 'failed'),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  /** The date when its field took the focus, and what to say about a date that cannot be taken. */
  const dateAtFocus = useRef(day.date);
  const [dateNote, setDateNote] = useState<'out' | 'back' | null>(null);
  // While the field has the focus its value is the browser's (not set from the saved date on each
  // render, which would undo a date being typed part by part); leaving it shows the saved date.
  const [editingDate, setEditingDate] = useState(false);
  const span = { min: dayJa(range.min), max: dayJa(range.max) };
  /** A choice: any text typed so far is saved with it. */
  const choose = (patch: Parameters<typeof saveDay>[1]) => saveDay(day.slot, { ...texts.value, ...patch });
  /** A new status replaces the pressed button: focus goes to the day's heading, which says the status. */
  const mark = (patch: Parameters<typeof saveDay>[1]) => {
    choose(patch);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const status = { planned: t.statusPlanned, done: t.statusDone, skipped: t.statusSkipped }[day.status];
  return (
    <section class={`challenge-day ${day.status}`} aria-labelledby={`${id}-title`} data-day={day.slot} data-status={day.status}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {fill(t.dayOf, { n, date: dayJa(day.date) })}
        <span class="status">{status}</span>
      </h3>
      <p class="challenge-action">{action?.action}</p>
      <label for={`${id}-date`}>{t.move}</label>
      {/* Saved on each change within the range (a picker fires one); a date typed digit by digit passes
          through dates outside it, which are not saved: the field says so, and shows the saved date again
          (saying so) when left on one. */}
      <input
        id={`${id}-date`}
        type="date"
        value={editingDate ? undefined : day.date}
        min={range.min}
        max={range.max}
        aria-describedby={dateNote === 'out' ? `${id}-date-hint ${id}-date-error` : `${id}-date-hint`}
        aria-invalid={dateNote === 'out' ? 'true' : undefined}
        onFocus={() => {
          setEditingDate(true);
          dateAtFocus.current = day.date;
          setDateNote(null);
          onEditDate(true);
        }}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          const ok = !!v && v >= range.min && v <= range.max;
          setDateNote(ok ? null : 'out');
          if (ok) choose({ date: v });
        }}
        onBlur={(e) => {
          // Leaving shows the saved date again (the value is set from it once more).
          setEditingDate(false);
          setDateNote((e.currentTarget as HTMLInputElement).value === day.date ? null : 'back');
          onEditDate(false, day.date !== dateAtFocus.current);
        }}
      />
      <p class="hint" id={`${id}-date-hint`}>
        {fill(t.moveRange, span)}
      </p>
      {dateNote === 'out' && (
        <p class="error" id={`${id}-date-error`}>
          {fill(t.moveOut, span)}
        </p>
      )}
      <p role="status" class={dateNote === 'back' ? 'error' : undefined} data-date-note>
        {dateNote === 'back' ? fill(t.moveBack, { date: dayJa(day.date) }) : ''}
      </p>
      <fieldset>
        <legend>{t.before}</legend>
        <label for={`${id}-predict`}>{t.predict}</label>
        <p class="hint" id={`${id}-predict-hint`}>
          {fill(t.predictHint, { yes: action?.yes ?? '' })}
        </p>
        <select
          id={`${id}-predict`}
          aria-describedby={`${id}-predict-hint`}
          value={day.predict === null ? '' : String(day.predict)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            choose({ predict: v === '' ? null : Number(v) });
          }}
        >
          <option value="">{t.notYet}</option>
          {PERCENTS.map((p) => (
            <option key={p} value={String(p)}>
              {fill(t.percent, { n: p })}
            </option>
          ))}
        </select>
        <label for={`${id}-worry`}>{t.worry}</label>
        <input
          id={`${id}-worry`}
          type="text"
          value={texts.value.worry}
          placeholder={t.worryPlaceholder}
          onInput={(e) => texts.change({ ...texts.value, worry: (e.currentTarget as HTMLInputElement).value })}
          onBlur={texts.blur}
          {...texts.ime}
        />
      </fieldset>
      {day.status === 'done' && (
        <fieldset>
          <legend>{t.after}</legend>
          <p class="outcome-label" id={`${id}-outcome`}>
            {t.outcome}
          </p>
          <div role="radiogroup" aria-labelledby={`${id}-outcome`}>
            {(['yes', 'partly', 'no'] as Outcome[]).map((o) => (
              <label class="choice" key={o}>
                <input type="radio" name={`${id}-outcome`} value={o} checked={day.outcome === o} onChange={() => choose({ outcome: o })} />
                <span>{t.outcomes[o]}</span>
              </label>
            ))}
          </div>
          <label for={`${id}-note`}>{t.note}</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            value={texts.value.note}
            placeholder={t.notePlaceholder}
            onInput={(e) => texts.change({ ...texts.value, note: (e.currentTarget as HTMLTextAreaElement).value })}
            onBlur={texts.blur}
            {...texts.ime}
          />
        </fieldset>
      )}
      <p class="actions no-print">
        {day.status === 'planned' ? (
          <>
            <button type="button" onClick={() => mark({ status: 'done' })}>
              {t.done}
            </button>
            <button type="button" class="secondary" onClick={() => mark({ status: 'skipped', outcome: null })}>
              {t.skip}
            </button>
          </>
        ) : (
          <button type="button" class="secondary" onClick={() => mark({ status: 'planned', outcome: null })}>
            {t.reopen}
          </button>
        )}
      </p>
      {/* A failed save is announced; 保存しました after each pause in typing is only shown. */}
      <p class="meta-line">
        <span role="status">{texts.state === 'failed' ? t.failed : ''}</span>
        {texts.state === 'saved' ? t.saved : ''}
      </p>
    </section>
  );
}
