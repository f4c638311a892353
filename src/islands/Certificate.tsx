/**
 * The certificate page (修了証): once every lesson is complete, a printable certificate with the
 * learner's name (typed once, kept on this device); before that, what is still missing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CompletionRules } from '../lib/schema';
import type { LessonRequirement } from '../lib/completion';
import { certificateState } from '../lib/certificate';
import { NAME_MAX } from '../lib/progress';
import { formatDateJa } from '../lib/date-format';
import { percent } from '../lib/scoring';
import { fill, type CertificateText } from '../lib/ui-text';
import { setLearnerName } from '../stores/learner';
import { useProgress } from './use-progress';
import { useHydrated } from './use-progress';

interface Props {
  course: string;
  lessons: { slug: string; order: number; title: string; href: string }[];
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** CERTIFICATE_TEXT from src/lib/ui-text.ts. */
  t: CertificateText;
}

export default function Certificate({ course, lessons, requirements, rules, t }: Props) {
  const { progress, loaded } = useProgress();
  const hydrated = useHydrated();
  const stored = progress.profile.name?.text ?? '';
  const [name, setName] = useState(stored);
  const [saved, setSaved] = useState(false);
  useEffect(() => setName(stored), [stored]);
  if (!hydrated || !loaded) return <p>{t.loading}</p>;

  const state = certificateState(progress, requirements, rules);
  if (!state.complete) {
    const lessonOf = (slug: string) => lessons.find((l) => l.slug === slug)!;
    return (
      <div data-certificate-missing>
        <p>{fill(t.missing, { count: state.missing.length })}</p>
        <ul>
          {state.missing.map((m) => {
            const l = lessonOf(m.slug);
            const parts = [m.quiz && fill(t.quiz, { pass: percent(rules.passMark) }), m.reflections.length > 0 && t.reflection].filter(Boolean);
            return (
              <li key={m.slug} data-missing={m.slug}>
                <a href={l.href}>{fill(t.lesson, { order: l.order, title: l.title })}</a>：{parts.join(t.separator)}
              </li>
            );
          })}
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
          maxLength={NAME_MAX}
          value={name}
          aria-describedby="learner-name-hint"
          onInput={(e) => (setName((e.currentTarget as HTMLInputElement).value), setSaved(false))}
          onChange={() => setSaved(setLearnerName(name))}
        />
        <p id="learner-name-hint" class="meta-line">
          <span>{t.nameHint}</span>
          <span role="status" aria-live="polite">
            {saved ? t.saved : ''}
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
        <p>{fill(t.statement, { course, total: requirements.length })}</p>
        <dl>
          <dt>{t.date}</dt>
          <dd data-certificate-date>{formatDateJa(state.completedAt)}</dd>
          <dt>{t.score}</dt>
          <dd data-certificate-score>{percent(state.averageScore)}</dd>
        </dl>
        <p class="certificate-course">{course}</p>
      </section>
    </div>
  );
}
