/** The final check once taken: the score, then each lesson's question with its explanation and a way back to the lesson. */
import type { CheckItem } from '../../lib/checks/edits';
import type { CheckRecord } from '../../lib/checks/record';
import { isPassing } from '../../lib/course/completion';
import { formatDateJa } from '../../lib/text/dates';
import { percent } from '../../lib/course/scoring';
import { fill, type FinalText, type QuizText } from '../../lib/text/ui-text';
import QuizQuestion from '../lesson/QuizQuestion';

/** Where the learner goes next (computed at build time). */
export interface FinalLinks {
  gain: string;
  certificate: string;
  plan: string;
}

interface Props {
  record: CheckRecord & { at: number };
  items: CheckItem[];
  passMark: number | null;
  links: FinalLinks;
  /** Starts a retake, or null when none is offered. */
  onRetake: (() => void) | null;
  t: FinalText;
  q: QuizText;
}

export default function FinalCheckResult({ record, items, passMark, links, onRetake, t, q }: Props) {
  const correct = items.filter((i) => record.marks[i.question.id] === 1).length;
  return (
    <div data-final="done">
      <div class="result">
        <p class="verdict" tabIndex={-1}>
          {fill(t.score, { total: items.length, correct, score: percent(record.score) })}
          {passMark !== null && (isPassing(record.best, passMark) ? fill(t.passed, { pass: percent(passMark) }) : fill(t.failed, { pass: percent(passMark) }))}
        </p>
        <p>{fill(t.date, { date: formatDateJa(record.at) })}</p>
      </div>
      <p>{t.next}</p>
      <ul class="next-links">
        <li>
          <a href={links.gain}>{t.gain}</a>
        </li>
        <li>
          <a href={links.certificate}>{t.certificate}</a>
        </li>
        <li>
          <a href={links.plan}>{t.plan}</a>
        </li>
      </ul>
      {onRetake && (
        <p>
          <button type="button" onClick={onRetake}>
            {t.retry}
          </button>
        </p>
      )}
      <h2>{t.results}</h2>
      {items.map(({ question, lesson }, i) => {
        const chosen = record.answers[question.id] ?? [];
        const result = {
          id: question.id,
          correct: record.marks[question.id] === 1,
          chosen: chosen.filter((id) => question.options.some((o) => o.id === id)),
          correctIds: question.options.filter((o) => o.correct).map((o) => o.id),
        };
        return (
          <div key={question.id} class="check-item" data-final-item={lesson.slug}>
            <QuizQuestion
              question={question}
              index={i}
              attempt={record.attempts}
              note={fill(t.from, { order: lesson.order, title: lesson.title })}
              chosen={result.chosen}
              result={result}
              onChange={() => {}}
              t={q}
            />
            <p>
              <a href={lesson.href}>{fill(t.review, { order: lesson.order })}</a>
            </p>
          </div>
        );
      })}
    </div>
  );
}
