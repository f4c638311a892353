/** Choosing the week: the suggested seven actions (easiest first), each changeable, and the first day. */
import { useState } from 'preact/hooks';
import { CHALLENGE_SLOTS } from '../../lib/challenge/week';
import { addDays, dayJa, suggestWeek, todayISO, type ActionOption } from '../../lib/challenge/schedule';
import { fill, type ChallengeText } from '../../lib/text/ui-text';

interface Props {
  actions: ActionOption[];
  /** Orders of the lessons the learner has completed. */
  done: ReadonlySet<number>;
  t: ChallengeText;
  onStart: (week: { action: string; date: string }[]) => void;
  onCancel?: () => void;
}

export default function ChallengeSetup({ actions, done, t, onStart, onCancel }: Props) {
  const [start, setStart] = useState(() => todayISO());
  const [chosen, setChosen] = useState(() => suggestWeek(actions, done, todayISO()).map((d) => d.action));
  const fromDone = actions.filter((a) => done.has(a.lesson)).length >= CHALLENGE_SLOTS.length;
  // Actions of completed lessons first, then the rest, each group by level.
  const options = [...actions].sort((a, b) => Number(done.has(b.lesson)) - Number(done.has(a.lesson)) || a.level - b.level || a.lesson - b.lesson);
  return (
    <form
      class="challenge-setup"
      data-challenge-setup
      onSubmit={(e) => {
        e.preventDefault();
        onStart(chosen.map((action, i) => ({ action, date: addDays(start, i) })));
      }}
    >
      <h2>{t.setupHeading}</h2>
      <p>{t.setupIntro}</p>
      {onCancel && (
        <p class="notice" tabIndex={-1} data-restart-confirm>
          {t.restartConfirm}
        </p>
      )}
      {!fromDone && <p class="notice info">{t.fromAll}</p>}
      <label for="challenge-start">{t.start}</label>
      <input id="challenge-start" type="date" required value={start} onChange={(e) => setStart((e.currentTarget as HTMLInputElement).value || todayISO())} />
      <ol class="challenge-plan">
        {CHALLENGE_SLOTS.map((slot, i) => (
          <li key={slot}>
            <label for={`challenge-${slot}`}>{fill(t.dayOf, { n: i + 1, date: dayJa(addDays(start, i)) })}</label>
            <select
              id={`challenge-${slot}`}
              value={chosen[i]}
              onChange={(e) => setChosen(chosen.map((c, j) => (j === i ? (e.currentTarget as HTMLSelectElement).value : c)))}
            >
              {options.map((a) => (
                <option key={a.id} value={a.id}>
                  {`${a.action}（${fill(t.lessonOf, { lesson: a.lesson })}）`}
                </option>
              ))}
            </select>
            <p class="chosen-full" aria-hidden="true">
              {actions.find((a) => a.id === chosen[i])?.action}
            </p>
          </li>
        ))}
      </ol>
      <p class="actions">
        <button type="submit">{onCancel ? t.restartYes : t.begin}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t.restartNo}
          </button>
        )}
      </p>
    </form>
  );
}
