/** Home page: overall progress bar and the start / "続きから" button. */
import type { CompletionRules } from '../lib/schema';
import { resumeSlug, summarize, type LessonRequirement } from '../lib/completion';
import { useProgress } from './use-progress';

interface Props {
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** Lesson URLs by slug, computed at build time (no URL is computed in the browser: SCORM packages rewrite them). */
  hrefs: Record<string, string>;
}

export default function HomeProgress({ requirements, rules, hrefs }: Props) {
  const { progress, loaded } = useProgress();
  const summary = summarize(progress, requirements, rules);
  const started = loaded && (progress.last !== null || Object.keys(progress.quizzes).length > 0);
  const target = started ? resumeSlug(progress, requirements, rules) : requirements[0]?.slug;
  const pct = Math.round(summary.ratio * 100);
  return (
    <div class="box home-progress">
      {/* A wrapper element, not a fragment: hydrating over the not-started HTML, Preact would otherwise
          reuse the button's <p> for the label without setting its id, leaving the progress bar unnamed. */}
      {started && (
        <div>
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
        </div>
      )}
      <p class="home-start">
        <a class="button" href={hrefs[target ?? ''] ?? hrefs[requirements[0]?.slug]} data-start>
          {started ? '続きから学ぶ' : '講座をはじめる'}
        </a>
      </p>
    </div>
  );
}
