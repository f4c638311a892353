/** Home page: overall progress bar and the start / "続きから" button. */
import type { CompletionRules } from '../lib/schema';
import { resumeSlug, summarize, type LessonRequirement } from '../lib/completion';
import { lessonPath } from '../lib/paths';
import { useProgress } from './use-progress';

interface Props {
  requirements: LessonRequirement[];
  rules: CompletionRules;
  base: string;
}

export default function HomeProgress({ requirements, rules, base }: Props) {
  const { progress, loaded } = useProgress();
  const summary = summarize(progress, requirements, rules);
  const started = loaded && (progress.last !== null || Object.keys(progress.quizzes).length > 0);
  const target = started ? resumeSlug(progress, requirements, rules) : requirements[0]?.slug;
  const pct = Math.round(summary.ratio * 100);
  return (
    <div class="box home-progress">
      {started && (
        <>
          <p id="overall-label">
            学習の進み具合：{summary.total}レッスン中{summary.completed}レッスン完了（{pct}%）
          </p>
          <div
            class="progressbar"
            role="progressbar"
            aria-labelledby="overall-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span style={{ width: `${pct}%` }} />
          </div>
        </>
      )}
      <p style={{ marginTop: '1rem', marginBottom: 0 }}>
        <a class="button" href={lessonPath(base, target ?? '')} data-start>
          {started ? '続きから学ぶ' : '講座をはじめる'}
        </a>
      </p>
    </div>
  );
}
