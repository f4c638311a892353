/**
 * The pre-check (事前チェック): one question per lesson, every one skippable, the whole check too.
 * After sending, it names the lessons to watch for, never the answers: the final check measures the
 * same objectives with other questions, and open questions make the learner read for them.
 */
import { useRef, useState } from 'preact/hooks';
import { taken } from '../../lib/checks/results';
import type { CheckItem } from '../../lib/checks/edits';
import { fill, type PrecheckText, type QuizText } from '../../lib/text/ui-text';
import { skipCheck, submitCheck } from '../../stores/checks';
import { useProgress } from '../runtime/use-progress';
import { useCheckAnswers } from './use-check-answers';
import PreCheckResult from './PreCheckResult';
import QuizQuestion from '../lesson/QuizQuestion';

interface Props {
  items: CheckItem[];
  /** Lesson 1's URL (computed at build time). */
  start: string;
  /** PRECHECK_TEXT and QUIZ_TEXT from src/lib/text/ui-text.ts. */
  t: PrecheckText;
  q: QuizText;
}

export default function PreCheck({ items, start, t, q }: Props) {
  const { progress, loaded } = useProgress();
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const { answers, choose } = useCheckAnswers('pre', loaded, progress.drafts['check:pre']?.value);
  const [taking, setTaking] = useState(false);
  const [empty, setEmpty] = useState(false);
  const record = progress.checks.pre;
  const questions = items.map((i) => i.question);
  const focusLater = (el: () => HTMLElement | null | undefined) => requestAnimationFrame(() => el()?.focus());
  const firstInput = () => form.current?.querySelector<HTMLInputElement>('input');

  if (loaded && taken(record)) return <PreCheckResult record={record} items={items} start={start} t={t} />;
  if (loaded && record?.skipped && !taking)
    return (
      <div class="box" data-precheck="skipped">
        <p tabIndex={-1} ref={status}>
          {t.skipped}
        </p>
        <p class="actions">
          <a class="button" href={start}>
            {t.start}
          </a>
          <button type="button" class="secondary" onClick={() => (setTaking(true), focusLater(firstInput))}>
            {t.take}
          </button>
        </p>
      </div>
    );

  const answered = questions.filter((x) => answers[x.id]?.length).length;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    // Announced by the status region; the focus stays on the button the learner pressed.
    if (!answered) return setEmpty(true);
    submitCheck('pre', questions, answers);
    focusLater(() => document.querySelector<HTMLElement>('[data-precheck="done"] [tabindex="-1"]'));
  };
  const skip = () => {
    setTaking(false);
    skipCheck('pre');
    focusLater(() => document.querySelector<HTMLElement>('[data-precheck="skipped"] [tabindex="-1"]'));
  };
  const started = loaded && Object.values(progress.quizzes).some((x) => x.attempts > 0);
  return (
    <form class="quiz" onSubmit={onSubmit} noValidate ref={form} data-precheck="form">
      {started && <p class="notice info">{t.started}</p>}
      {items.map(({ question, lesson }, i) => {
        const chosen = answers[question.id] ?? [];
        return (
          <div key={question.id} class="check-item">
            <QuizQuestion
              question={question}
              index={i}
              attempt={1}
              note={fill(t.from, { order: lesson.order, title: lesson.title })}
              chosen={chosen}
              onChange={(id, next) => {
                // The "nothing answered" error was about that press: an answer ends it (clearing it again later is not a new error).
                setEmpty(false);
                choose({ ...answers, [id]: next });
              }}
              t={q}
            />
            {chosen.length > 0 && (
              <button
                type="button"
                class="secondary small"
                aria-label={fill(t.clearLabel, { n: i + 1 })}
                onClick={() => {
                  const { [question.id]: _, ...rest } = answers;
                  choose(rest);
                  focusLater(() => document.querySelector<HTMLInputElement>(`#${question.id}-set input`));
                }}
              >
                {t.clear}
              </button>
            )}
          </div>
        );
      })}
      <div class="result" role="status" aria-live="polite">
        <p class={empty && !answered ? 'error' : undefined}>
          {empty && !answered ? t.none : answered ? fill(t.answered, { total: questions.length, answered }) : t.ready}
        </p>
      </div>
      <p class="actions">
        <button type="submit">{t.submit}</button>
        <button type="button" class="secondary" onClick={skip}>
          {t.skip}
        </button>
      </p>
    </form>
  );
}
