/** The lesson quiz: answer, submit for instant feedback, retry as a new attempt. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../lib/course/schema';
import { neededToPass, percent, scoreQuiz, unanswered, type QuizResult } from '../../lib/course/scoring';
import { fill, type QuizText } from '../../lib/text/ui-text';
import { saveQuizDraft, submitQuiz } from '../../stores/quiz';
import { enteredInto } from '../runtime/early-input';
import { useProgress } from '../runtime/use-progress';
import QuizQuestion, { MissingAnswers } from './QuizQuestion';

interface Props {
  slug: string;
  questions: Question[];
  /** Share of correct answers needed to pass (0-1). */
  passMark: number;
  /** QUIZ_TEXT from src/lib/text/ui-text.ts. */
  t: QuizText;
}

export default function Quiz({ slug, questions, passMark, t }: Props) {
  const { progress, loaded } = useProgress();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  // Whether the last 採点する found gaps: the list shown is then the questions still unanswered.
  const [gapsShown, setGapsShown] = useState(false);
  const missing = gapsShown ? unanswered(questions, answers) : [];
  const statusRef = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const record = progress.quizzes[slug];
  // Choices made but not submitted before a reload or an update come back.
  const draft = progress.drafts[`quiz:${slug}`]?.value;
  // With no attempt under way, the last attempt comes back as it was submitted, with its result and
  // explanations: a reload or a tab the phone discarded does not take them away (「もう一度挑戦する」
  // starts a new attempt). Not over choices ticked before the quiz started (early input).
  const restored = useRef(false);
  useEffect(() => {
    if (!loaded || restored.current) return;
    restored.current = true;
    const last = record?.last;
    if (draft || !last || result || Object.keys(answers).length || enteredInto(form.current)) return;
    setAnswers(last.answers);
    setResult(scoreQuiz(questions, last.answers, passMark));
  }, [loaded]);
  useEffect(() => {
    if (!loaded || !draft || result) return;
    try {
      const saved = JSON.parse(draft) as Record<string, string[]>;
      if (Object.keys(answers).length === 0) setAnswers(saved);
    } catch {
      /* a damaged draft is just not restored */
    }
  }, [loaded, draft]);
  /** Records a change of choices, and keeps them (as a draft) until the quiz is submitted. */
  const choose = (next: Record<string, string[]>) => {
    setAnswers(next);
    saveQuizDraft(slug, next);
  };
  const number = (id: string) => fill(t.number, { n: questions.findIndex((q) => q.id === id) + 1 });
  const pass = percent(passMark);
  const need = neededToPass(questions.length, passMark);
  // The attempt on screen: the one being answered, or (with its result shown) the one just scored,
  // so the options keep their places while the feedback is read.
  const attempt = (record?.attempts ?? 0) + (result ? 0 : 1);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const gaps = unanswered(questions, answers);
    setGapsShown(gaps.length > 0);
    if (gaps.length) {
      // The message (with a link to each gap) takes the focus: read once, in full.
      requestAnimationFrame(() => statusRef.current?.focus());
      return;
    }
    setResult(submitQuiz(slug, questions, answers, passMark));
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const retry = () => {
    setResult(null);
    setAnswers({});
    saveQuizDraft(slug, {}); // an attempt under way, kept over a reload
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#${questions[0].id}-set input`)?.focus());
  };

  return (
    <form class="quiz" onSubmit={onSubmit} data-quiz={slug} noValidate ref={form}>
      {record && record.attempts > 0 && !result && (
        <p class="meta-line" data-best>
          {fill(t.best, { score: percent(record.best), attempts: record.attempts })}
        </p>
      )}
      {questions.map((q, i) => (
        <QuizQuestion
          key={q.id}
          question={q}
          index={i}
          attempt={attempt}
          chosen={answers[q.id] ?? []}
          result={result?.results[i]}
          onChange={(id, chosen) => choose({ ...answers, [id]: chosen })}
          t={t}
        />
      ))}
      {/* The score, or the list of unanswered questions, takes the focus (a screen reader reads it once, as the focused text). */}
      <div class="result" tabIndex={-1} ref={statusRef} data-result>
        {result && (
          <>
            <p class="verdict">
              {fill(t.score, { total: result.total, correct: result.correct, score: percent(result.score) })}
              {result.passed ? t.passed : fill(t.failed, { pass })}
            </p>
            <p>{fill(t.attempt, { attempts: record?.attempts ?? 1, best: percent(Math.max(record?.best ?? 0, result.score)) })}</p>
          </>
        )}
        {result ? null : missing.length ? (
          <MissingAnswers missing={missing} text={t.missing} number={number} separator={t.listSeparator} />
        ) : (
          <p>{fill(need === questions.length ? t.readyAll : t.ready, { pass, total: questions.length, need })}</p>
        )}
      </div>
      {/* Keyed: two elements, not one whose type flips to "submit" while its click is still being handled (that submitted the fresh attempt). */}
      {result ? (
        <button key="retry" type="button" class="secondary" onClick={retry}>
          {t.retry}
        </button>
      ) : (
        <button key="submit" type="submit">
          {t.submit}
        </button>
      )}
    </form>
  );
}
