/** The lesson quiz: answer, submit for instant feedback, retry as a new attempt. */
import { useRef, useState } from 'preact/hooks';
import type { Question } from '../lib/schema';
import { percent, unanswered, type QuizResult } from '../lib/scoring';
import { submitQuiz } from '../stores/progress';
import { useProgress } from './use-progress';
import QuizQuestion from './QuizQuestion';

interface Props {
  slug: string;
  questions: Question[];
  /** Share of correct answers needed to pass (0-1). */
  passMark: number;
}

export default function Quiz({ slug, questions, passMark }: Props) {
  const { progress } = useProgress();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const statusRef = useRef<HTMLDivElement>(null);
  const record = progress.quizzes[slug];
  const number = (id: string) => `問${questions.findIndex((q) => q.id === id) + 1}`;

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const gaps = unanswered(questions, answers);
    setMissing(gaps);
    if (gaps.length) {
      document.querySelector<HTMLInputElement>(`#${gaps[0]}-set input`)?.focus();
      return;
    }
    setResult(submitQuiz(slug, questions, answers, passMark));
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const retry = () => {
    setResult(null);
    setAnswers({});
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#${questions[0].id}-set input`)?.focus());
  };

  return (
    <form class="quiz" onSubmit={onSubmit} data-quiz={slug} noValidate>
      {record && record.attempts > 0 && !result && (
        <p class="meta-line" data-best>
          これまでの最高スコア：{percent(record.best)}（挑戦 {record.attempts}回）
        </p>
      )}
      {questions.map((q, i) => (
        <QuizQuestion
          key={q.id}
          question={q}
          index={i}
          chosen={answers[q.id] ?? []}
          result={result?.results[i]}
          onChange={(id, chosen) => setAnswers({ ...answers, [id]: chosen })}
        />
      ))}
      <div class="result" role="status" aria-live="polite" tabIndex={-1} ref={statusRef} data-result>
        {result ? (
          <>
            <p class="verdict">
              {result.total}問中{result.correct}問正解（{percent(result.score)}）。
              {result.passed ? '合格です。' : `合格ライン（${percent(passMark)}）まであと少しです。解説を読んで、もう一度挑戦してみましょう。`}
            </p>
            <p>挑戦 {record?.attempts ?? 1}回目・最高スコア {percent(Math.max(record?.best ?? 0, result.score))}</p>
          </>
        ) : missing.length ? (
          <p class="error">未回答の問題があります（{missing.map(number).join('、')}）。すべて答えてから採点してください。</p>
        ) : (
          <p>すべての問題に答えたら「採点する」を押してください。合格ラインは{percent(passMark)}です。</p>
        )}
      </div>
      {result ? (
        <button type="button" class="secondary" onClick={retry}>
          もう一度挑戦する
        </button>
      ) : (
        <button type="submit">採点する</button>
      )}
    </form>
  );
}
