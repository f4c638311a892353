/**
 * The final check (修了テスト): open once every lesson is complete; every question answered, then
 * results per lesson with the explanations. A retake (options in a new order) only where the
 * course requires a pass mark that was not reached (src/lib/course/assessment.ts).
 */
import { useRef, useState } from 'preact/hooks';
import { canRetakeFinal, finalOpen } from '../../lib/course/assessment';
import type { CheckItem } from '../../lib/checks/edits';
import { taken } from '../../lib/checks/results';
import { summarize, type LessonRequirement } from '../../lib/course/completion';
import type { AssessmentRules, CompletionRules } from '../../lib/course/schema';
import { unanswered } from '../../lib/course/scoring';
import { fill, type FinalText, type QuizText } from '../../lib/text/ui-text';
import { submitCheck } from '../../stores/checks';
import { useProgress } from '../runtime/use-progress';
import { useCheckAnswers } from './use-check-answers';
import FinalCheckResult, { type FinalLinks } from './FinalCheckResult';
import QuizQuestion, { MissingAnswers } from '../lesson/QuizQuestion';

interface Props {
  items: CheckItem[];
  lessons: { slug: string; order: number; title: string; href: string }[];
  requirements: LessonRequirement[];
  rules: CompletionRules;
  assessment: AssessmentRules;
  links: FinalLinks;
  /** FINAL_TEXT and QUIZ_TEXT from src/lib/text/ui-text.ts. */
  t: FinalText;
  q: QuizText;
}

export default function FinalCheck({ items, lessons, requirements, rules, assessment, links, t, q }: Props) {
  const { progress, loaded } = useProgress();
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const { answers, choose, clear } = useCheckAnswers('final', loaded, progress.drafts['check:final']?.value);
  const [retaking, setRetaking] = useState(false);
  // Whether the last 採点する found gaps: the list shown is then the questions still unanswered.
  const [gapsShown, setGapsShown] = useState(false);
  const record = progress.checks.final;
  const questions = items.map((i) => i.question);
  const focusLater = (el: () => HTMLElement | null | undefined) => requestAnimationFrame(() => el()?.focus());

  if (!loaded) return <p>{t.loading}</p>;
  if (taken(record) && !retaking) {
    const retake = canRetakeFinal(record, assessment) ? () => (clear(), setRetaking(true), focusLater(() => form.current?.querySelector('input'))) : null;
    return <FinalCheckResult record={record} items={items} passMark={assessment.finalPassMark} links={links} onRetake={retake} t={t} q={q} />;
  }
  if (!finalOpen(progress, requirements, rules, assessment)) {
    const { statuses } = summarize(progress, requirements, rules);
    const left = lessons.filter((l) => statuses[l.slug] !== 'complete');
    return (
      <div class="box" data-final="locked">
        <p>{fill(t.locked, { count: left.length })}</p>
        <ul>
          {left.map((l) => (
            <li key={l.slug}>
              <a href={l.href}>{fill(t.lesson, { order: l.order, title: l.title })}</a>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const missing = gapsShown ? unanswered(questions, answers) : [];
  const number = (id: string) => fill(q.number, { n: questions.findIndex((x) => x.id === id) + 1 });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const gaps = unanswered(questions, answers);
    setGapsShown(gaps.length > 0);
    // The message (with a link to each gap) takes the focus: read once, in full.
    if (gaps.length) return focusLater(() => status.current);
    submitCheck('final', questions, answers);
    setRetaking(false);
    focusLater(() => document.querySelector<HTMLElement>('[data-final="done"] [tabindex="-1"]'));
  };
  const attempt = (record?.attempts ?? 0) + 1;
  return (
    <form class="quiz" onSubmit={onSubmit} noValidate ref={form} data-final="form">
      {items.map(({ question, lesson }, i) => (
        <QuizQuestion
          key={question.id}
          question={question}
          index={i}
          attempt={attempt}
          note={fill(t.from, { order: lesson.order, title: lesson.title })}
          chosen={answers[question.id] ?? []}
          onChange={(id, next) => choose({ ...answers, [id]: next })}
          t={q}
        />
      ))}
      <div class="result" tabIndex={-1} ref={status}>
        {missing.length ? <MissingAnswers missing={missing} text={t.missing} number={number} separator={t.listSeparator} /> : <p>{t.ready}</p>}
      </div>
      <button type="submit">{t.submit}</button>
    </form>
  );
}
