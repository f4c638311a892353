/**
 * The certificate page (修了証): once every lesson is complete, a printable certificate with the
 * learner's name (typed once, kept on this device); before that, what is still missing.
 */
import { charCount } from '../../lib/text/count';
import type { AssessmentRules, CompletionRules } from '../../lib/course/schema';
import type { LessonRequirement } from '../../lib/course/completion';
import { certificateState } from '../../lib/plan/certificate';
import { NAME_MAX } from '../../lib/progress/document';
import { formatDateJa } from '../../lib/text/dates';
import { percent } from '../../lib/course/scoring';
import { fill, type CertificateFinalText, type CertificateText } from '../../lib/text/ui-text';
import { setLearnerName } from '../../stores/learner';
import { useHydrated, useProgress } from '../runtime/use-progress';
import { useAutosave } from '../runtime/use-autosave';

interface Props {
  course: string;
  lessons: { slug: string; order: number; title: string; href: string }[];
  requirements: LessonRequirement[];
  /** Each practice activity's kind, by id (to name what is left: 練習（分類）). */
  kinds: Record<string, keyof CertificateText['kinds']>;
  rules: CompletionRules;
  assessment: AssessmentRules;
  /** The final check page (computed at build time). */
  finalHref: string;
  /** CERTIFICATE_TEXT and CERTIFICATE_FINAL_TEXT from src/lib/text/ui-text.ts. */
  t: CertificateText;
  c: CertificateFinalText;
}

export default function Certificate({ course, lessons, requirements, kinds, rules, assessment, finalHref, t, c }: Props) {
  const { progress, loaded } = useProgress();
  const hydrated = useHydrated();
  const stored = progress.profile.name?.text ?? '';
  // Saved as it is typed (and at once when the page goes away), counted in characters as shown.
  const field = useAutosave({ stored, loaded, save: (value, urgent) => (setLearnerName(value, urgent) ? 'saved' : 'failed') });
  const name = field.value;
  if (!hydrated || !loaded) return <p>{t.loading}</p>;

  const state = certificateState(progress, requirements, rules, assessment);
  if (!state.complete) {
    const lessonOf = (slug: string) => lessons.find((l) => l.slug === slug)!;
    const pass = percent(assessment.finalPassMark ?? 0);
    return (
      <div data-certificate-missing>
        <p>{state.missing.length ? fill(t.missing, { count: state.missing.length }) : fill(state.final === 'pass' ? c.onlyPass : c.onlyTake, { pass })}</p>
        <ul>
          {state.missing.map((m) => {
            const l = lessonOf(m.slug);
            const parts = [
              m.quiz && fill(t.quiz, { pass: percent(rules.passMark) }),
              m.reflections.length > 0 && t.reflection,
              m.activities.length > 0 && fill(t.activity, { kinds: [...new Set(m.activities.map((id) => t.kinds[kinds[id]]))].join(t.kindSeparator) }),
            ].filter(Boolean);
            return (
              <li key={m.slug} data-missing={m.slug}>
                <a href={l.href}>{fill(t.lesson, { order: l.order, title: l.title })}</a>：{parts.join(t.separator)}
              </li>
            );
          })}
          {state.final && (
            <li data-missing="final">
              <a href={finalHref}>{c.link}</a>：{fill(state.final === 'pass' ? c.pass : c.take, { pass })}
            </li>
          )}
        </ul>
      </div>
    );
  }
  return (
    <div data-certificate>
      <div class="no-print name-field">
        <label for="learner-name">{t.name}</label>
        <input
          id="learner-name"
          type="text"
          autocomplete="name"
          value={name}
          aria-describedby="learner-name-hint"
          aria-invalid={charCount(name.trim()) > NAME_MAX ? 'true' : undefined}
          onInput={(e) => field.change((e.currentTarget as HTMLInputElement).value)}
          onBlur={field.blur}
          {...field.ime}
        />
        <p id="learner-name-hint" class="meta-line">
          <span>{charCount(name.trim()) > NAME_MAX ? fill(t.nameTooLong, { max: NAME_MAX }) : t.nameHint}</span>
          <span role="status" aria-live="polite" data-save-state={field.state}>
            {field.state === 'saved' ? t.saved : field.state === 'failed' ? t.failed : ''}
          </span>
        </p>
        <button type="button" onClick={() => print()}>
          {t.print}
        </button>
      </div>
      <section class="certificate" aria-labelledby="certificate-title">
        <h2 id="certificate-title">{t.title}</h2>
        <p class={`certificate-name${name.trim() ? '' : ' placeholder'}`} data-certificate-name>
          {name.trim() ? fill(t.honorific, { name: name.trim() }) : t.noName}
        </p>
        <p>{fill(assessment.finalCheck === 'optional' ? t.statement : c.statement, { course, total: requirements.length })}</p>
        <dl>
          <dt>{t.date}</dt>
          <dd data-certificate-date>{formatDateJa(state.completedAt)}</dd>
          {state.finalScore !== null && (
            <>
              <dt>{c.score}</dt>
              <dd data-certificate-final>{percent(state.finalScore)}</dd>
            </>
          )}
          <dt>{t.score}</dt>
          <dd data-certificate-score>{percent(state.averageScore)}</dd>
        </dl>
        <p class="certificate-course">{course}</p>
      </section>
    </div>
  );
}
