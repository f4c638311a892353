/**
 * The review page (復習): the questions due today, one at a time, with the quiz's feedback, and
 * where each goes next in the schedule. The queue is fixed when the page opens. The questions come
 * from the lessons' practice.json files (only those with a question due), which the lesson pages
 * use too and the service worker keeps for offline use: the page does not carry them a second time.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../lib/course/schema';
import type { QuestionResult } from '../../lib/course/scoring';
import { dueReviews, nextDue } from '../../lib/plan/review-due';
import { REVIEW_DAYS } from '../../lib/progress/document';
import { formatDateJa } from '../../lib/text/dates';
import { fill, type QuizText, type ReviewText } from '../../lib/text/ui-text';
import { recordReview } from '../../stores/learner';
import { useProgress } from '../runtime/use-progress';
import QuizQuestion from '../lesson/QuizQuestion';
import { practice } from '../runtime/practice';

/** A question with the lesson it comes from. */
export type ReviewQuestion = Question & { lesson: { order: number; title: string } };

/** A lesson whose quiz questions may come up: where its practice data is, and its questions' ids. */
export interface ReviewLesson {
  order: number;
  title: string;
  /** "<lesson>/practice.json#quiz" (the quiz island's props there hold the questions). */
  from: string;
  ids: string[];
}

interface Props {
  lessons: ReviewLesson[];
  /** QUIZ_TEXT and REVIEW_TEXT from src/lib/text/ui-text.ts. */
  t: QuizText;
  r: ReviewText;
  homeHref: string;
}

export default function ReviewSession({ lessons, t, r, homeHref }: Props) {
  const { progress, loaded } = useProgress();
  const [queue, setQueue] = useState<string[] | null>(null);
  const [questions, setQuestions] = useState<ReviewQuestion[] | null>(null);
  const [failed, setFailed] = useState(false);
  // A review is a retry: its options come in the order of "attempt" 2 + the review box, taken when
  // the queue is made, so they keep their places while the feedback is read.
  const [attempts, setAttempts] = useState<Record<string, number>>({});
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<QuestionResult | null>(null);
  const [hint, setHint] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const ids = lessons.flatMap((l) => l.ids);
  useEffect(() => {
    if (!loaded || queue) return;
    const due = dueReviews(progress, Date.now(), ids);
    setAttempts(Object.fromEntries(due.map((id) => [id, 2 + (progress.reviews[id]?.box ?? 0)])));
    setQueue(due);
  }, [loaded]);
  /** Fetches the questions of the lessons that have one due (none: nothing to fetch). */
  const load = (due: string[]) => {
    setFailed(false);
    const needed = lessons.filter((l) => l.ids.some((id) => due.includes(id)));
    Promise.all(
      needed.map((l) => practice(l.from).then((quiz) => (quiz.questions as Question[]).map((q) => ({ ...q, lesson: { order: l.order, title: l.title } })))),
    ).then(
      (lists) => setQuestions(lists.flat()),
      () => setFailed(true),
    );
  };
  useEffect(() => {
    if (queue && !questions) load(queue);
  }, [queue]);
  if (failed)
    return (
      <p class="notice" role="alert">
        {r.failed}{' '}
        <button type="button" onClick={() => queue && load(queue)}>
          {r.retry}
        </button>
      </p>
    );
  if (!queue || !questions) return <p>{r.loading}</p>;

  const q = questions.find((x) => x.id === queue[index]);
  if (!q) {
    const next = nextDue(progress, Date.now(), ids);
    return (
      <div class="result" tabIndex={-1} data-review-done>
        <p class="verdict">{queue.length ? r.finished : r.none}</p>
        <p>{next ? fill(r.upcoming, { date: formatDateJa(next) }) : r.idle}</p>
        <p>
          <a href={homeHref}>{r.home}</a>
        </p>
      </div>
    );
  }
  const record = progress.reviews[q.id];
  const submit = (e: Event) => {
    e.preventDefault();
    if (!chosen.length) return setHint(true);
    setHint(false);
    setResult(recordReview(q, chosen));
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const next = () => {
    setIndex(index + 1);
    setChosen([]);
    setResult(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-review] input, [data-review-done]')?.focus());
  };
  const schedule = () => {
    if (!record || record.due === null) return r.done;
    const date = formatDateJa(record.due);
    return result!.correct ? fill(r.up, { days: REVIEW_DAYS[record.box], date }) : fill(r.again, { date });
  };

  return (
    <form onSubmit={submit} data-review={q.id} noValidate>
      <p class="eyebrow">{fill(r.position, { n: index + 1, total: queue.length, order: q.lesson.order, title: q.lesson.title })}</p>
      <QuizQuestion
        key={q.id}
        question={q}
        index={index}
        attempt={attempts[q.id] ?? 2}
        chosen={chosen}
        result={result ?? undefined}
        onChange={(_, c) => setChosen(c)}
        t={t}
      />
      {/* The verdict takes the focus (read once); the hint before it is announced. */}
      <div class="result" tabIndex={-1} ref={statusRef} data-review-result>
        {result && <p class="verdict">{`${result.correct ? t.correct : t.incorrect}${schedule()}`}</p>}
        <div role="status">{result ? null : <p class={hint ? 'error' : ''}>{r.choose}</p>}</div>
      </div>
      {/* Keyed, as in the lesson quiz: the "next" click must not submit the next question. */}
      {result ? (
        <button key="next" type="button" onClick={next}>
          {index + 1 < queue.length ? r.next : r.last}
        </button>
      ) : (
        <button key="submit" type="submit">
          {r.submit}
        </button>
      )}
    </form>
  );
}
