/** Home page: overall progress bar, the start / "続きから" button and, before lesson 1, the invitation to the pre-check. */
import type { CompletionRules } from '../../lib/course/schema';
import { resumeSlug, summarize, type LessonRequirement } from '../../lib/course/completion';
import { useProgress } from '../runtime/use-progress';

interface Props {
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** Lesson URLs by slug, computed at build time (no URL is computed in the browser: SCORM packages rewrite them). */
  hrefs: Record<string, string>;
  /** The pre-check page and its invitation (PRECHECK_TEXT.invite, filled in at build time). */
  precheck: { href: string; invite: string; link: string };
  /** Each lesson as the resume button names it (「レッスン4　効果的な…」), by slug. */
  titles: Record<string, string>;
}

export default function HomeProgress({ requirements, rules, hrefs, precheck, titles }: Props) {
  const { progress, loaded } = useProgress();
  const summary = summarize(progress, requirements, rules);
  const started = loaded && (progress.last !== null || Object.keys(progress.quizzes).length > 0);
  const target = started ? resumeSlug(progress, requirements, rules) : requirements[0]?.slug;
  const pct = Math.round(summary.ratio * 100);
  // Offered until the learner has taken or skipped it, or has started the lessons without it.
  const invite = !started && !progress.checks.pre;
  return (
    <div class="box home-progress">
      {/* A wrapper element, not a fragment: hydrating over the not-started HTML, Preact would otherwise
          reuse the button's <p> (and its class) for the progress sentence. */}
      {started && (
        <div>
          <p>
            学習の進み具合：{summary.total}レッスン中{summary.completed}レッスン完了（{pct}%）
          </p>
          {/* The sentence above says it all: the bar only draws it (a progressbar labelled by that
              sentence made a screen reader read the progress twice). */}
          <div class="progressbar" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </div>
        </div>
      )}
      {invite && (
        <p data-precheck-invite>
          {precheck.invite}
          <a href={precheck.href}>{precheck.link}</a>
        </p>
      )}
      <p class="home-start">
        <a class="button" href={hrefs[target ?? ''] ?? hrefs[requirements[0]?.slug]} data-start>
          {started ? '続きから学ぶ' : '講座をはじめる'}
          {/* Which lesson the button opens, so a learner back after a week knows where they are. */}
          {started && target && titles[target] && <span class="resume-to">{titles[target]}</span>}
        </a>
      </p>
    </div>
  );
}
