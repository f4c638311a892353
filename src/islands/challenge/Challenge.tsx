/**
 * The 1週間チャレンジ (src/lib/challenge/week.ts): choosing the seven days, then day by day what
 * the learner expects and what happened, and the two side by side; a calendar file and print.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { compareWeek, dayJa, daySpoken, moveWindow, todayISO, weekDays, type ActionOption } from '../../lib/challenge/schedule';
import { lessonStatus, type LessonRequirement } from '../../lib/course/completion';
import type { CompletionRules } from '../../lib/course/schema';
import { fill, type ChallengeText } from '../../lib/text/ui-text';
import { startWeek } from '../../stores/challenge';
import { $storage } from '../../stores/progress';
import { useProgress } from '../runtime/use-progress';
import { download, withCalendar } from '../runtime/download';
import ChallengeSetup from './ChallengeSetup';
import ChallengeDayCard from './ChallengeDay';
import ChallengeCompare from './ChallengeCompare';

interface Props {
  actions: ActionOption[];
  /** What completion needs per lesson, in course order (the lessons done decide the suggestion). */
  lessons: (LessonRequirement & { order: number })[];
  rules: CompletionRules;
  courseId: string;
  t: ChallengeText;
}

const CHALLENGE_FILE = 'networking-challenge.ics';

export default function Challenge({ actions, lessons, rules, courseId, t }: Props) {
  const { progress, loaded } = useProgress();
  const [restarting, setRestarting] = useState(false);
  const [message, setMessage] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  const done = new Set(lessons.filter((l) => lessonStatus(progress, l, rules) === 'complete').map((l) => l.order));
  /** The days' order while a date is being edited: a day moves to its new place only when its date field is left. */
  const [editing, setEditing] = useState<string[] | null>(null);
  /** Said once a day has moved to its place by date (the focus stays where the learner went). */
  const [moved, setMoved] = useState('');
  const byDate = weekDays(progress.challenge);
  const days = editing ? [...byDate].sort((a, b) => editing.indexOf(a.slot) - editing.indexOf(b.slot)) : byDate;
  // A day that moves is taken out of the list and put back, which drops the focus (to <body>) from
  // whatever was focused in it: the element focused before this render gets it back.
  const focused = typeof document === 'undefined' ? null : document.activeElement;
  useLayoutEffect(() => {
    if (focused instanceof HTMLElement && focused !== document.body && focused.isConnected && document.activeElement !== focused) focused.focus();
  });
  const byId = new Map(actions.map((a) => [a.id, a]));
  const say = (text: string) => {
    setMessage(text);
    requestAnimationFrame(() => status.current?.focus());
  };
  /** Starting over replaces the week with the setup form (focus to its question: all records go); cancelling brings the week back (focus to the button). */
  const restart = (on: boolean) => {
    setRestarting(on);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(on ? '[data-restart-confirm]' : '[data-challenge-restart]')?.focus());
  };

  if (!loaded) return <p>{t.loading}</p>;
  if (!days.length || restarting)
    return (
      <ChallengeSetup
        actions={actions}
        done={done}
        t={t}
        onStart={(week) => {
          startWeek(week);
          setRestarting(false);
          say(fill(t.begun, { date: dayJa(week[0].date) }));
        }}
        onCancel={restarting ? () => restart(false) : undefined}
      />
    );

  const range = moveWindow(
    days.map((d) => d.date),
    todayISO(),
  );
  const calendar = async () => {
    const made = await withCalendar(({ dayCalendar }) => {
      const events = days.map((d, i) => ({
        id: `${d.slot}.challenge`,
        day: d.date,
        title: `${fill(t.day, { n: i + 1 })}：${byId.get(d.action)?.action ?? ''}`,
        description: t.calendarDescription,
      }));
      download(CHALLENGE_FILE, dayCalendar(events, { now: Date.now(), courseId, name: t.calendarName }), 'text/calendar;charset=utf-8');
      say(fill(t.calendarDone, { file: CHALLENGE_FILE }));
    });
    // Reloading is suggested only while saving works (a failed save is shown by the notices and the day).
    if (made === 'failed') say(t.calendarRetry + ($storage.get().writeFailed ? '' : t.calendarReload));
  };
  return (
    <div class="challenge" data-challenge>
      {/* Focused when it changes, so read once as the focused text (not a live region as well). */}
      <p class="notice info" tabIndex={-1} ref={status} data-challenge-message hidden={!message}>
        {message}
      </p>
      <h2 class="visually-hidden">{t.daysHeading}</h2>
      <p class="visually-hidden" role="status" data-challenge-moved>
        {moved}
      </p>
      <ol class="challenge-days">
        {days.map((d, i) => (
          <li key={d.slot}>
            <ChallengeDayCard
              day={d}
              n={i + 1}
              action={byId.get(d.action)}
              range={range}
              onEditDate={(on, changed) => {
                setEditing(on ? days.map((x) => x.slot) : null);
                if (changed) setMoved(fill(t.moved, { date: daySpoken(d.date), n: byDate.findIndex((x) => x.slot === d.slot) + 1 }));
                else if (on) setMoved('');
              }}
              t={t}
            />
          </li>
        ))}
      </ol>
      <ChallengeCompare comparison={compareWeek(progress.challenge)} days={days} actions={byId} t={t} />
      <p class="actions no-print">
        <button type="button" onClick={calendar}>
          {t.calendar}
        </button>
        <button type="button" class="secondary" onClick={() => print()}>
          {t.print}
        </button>
        <button type="button" class="secondary" onClick={() => restart(true)} data-challenge-restart>
          {t.restart}
        </button>
      </p>
    </div>
  );
}
