/** The plan page: every reflection by lesson with its prompt, links back to edit, and the export buttons. */
import { activeCommitments, answerOf, commitmentText, planCount, planMarkdown, type CommitmentWording, type PlanLesson } from '../../lib/plan/plan';
import { formatDateJa } from '../../lib/text/dates';
import { fill, type PlanText, type ReminderText } from '../../lib/text/ui-text';
import { useProgress } from '../runtime/use-progress';
import PlanActions from './PlanActions';

interface Props {
  lessons: PlanLesson[];
  course: string;
  /** PLAN_TEXT from src/lib/text/ui-text.ts. */
  t: PlanText;
  /** REMINDER_TEXT.everyLabels: how each reminder frequency is said. */
  every: ReminderText['everyLabels'];
  /** How an if-then commitment reads (course.yaml `plan:`); absent: no commitments. */
  wording?: CommitmentWording;
}

export default function Plan({ lessons, course, t, every, wording }: Props) {
  // The structure (lessons, prompts) is rendered on the server too, so the page does not jump
  // when the learner's answers arrive; until then every answer shows as not yet written.
  const { progress, loaded } = useProgress();
  const { answered, total } = planCount(progress, lessons);
  const people = progress.profile.reminders?.people ?? [];
  const day = (d: string) => formatDateJa(new Date(`${d}T00:00`).getTime());
  const markdown = () => planMarkdown(progress, lessons, { course, date: formatDateJa(Date.now()), t, every, wording, formatDay: day });
  const commitments = wording ? activeCommitments(progress.plan) : [];
  return (
    <div class="plan" data-plan aria-busy={!loaded}>
      <p data-plan-count>{loaded ? fill(t.count, { answered, total }) : t.loading}</p>
      <PlanActions markdown={markdown} t={t} />
      {commitments.length > 0 && (
        <section aria-labelledby="plan-commitments" class="plan-lesson print-only">
          <h2 id="plan-commitments">{t.commitments}</h2>
          <ol data-plan-commitments>
            {commitments.map((c) => (
              <li key={c.id}>
                {commitmentText(c, wording!)}
                {c.remind ? fill(t.commitmentDay, { date: day(c.remind) }) : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
      {lessons.map((l) => (
        <section key={l.slug} aria-labelledby={`plan-${l.slug}`} class="plan-lesson">
          <h2 id={`plan-${l.slug}`}>{fill(t.lesson, { order: l.order, title: l.title })}</h2>
          {l.prompts.map((q) => {
            const text = answerOf(progress, q.id);
            return (
              <div key={q.id} class="plan-item" data-plan-item={q.id}>
                <h3>{q.prompt}</h3>
                {text ? <p class="plan-answer">{text}</p> : <p class="plan-empty">{t.empty}</p>}
                <p class="no-print">
                  <a href={`${l.href}#${q.id}-text`}>{fill(text ? t.edit : t.write, { order: l.order })}</a>
                </p>
              </div>
            );
          })}
        </section>
      ))}
      {people.length > 0 && (
        <section aria-labelledby="plan-reminders" class="plan-lesson">
          <h2 id="plan-reminders">{t.reminders}</h2>
          <ul data-plan-reminders>
            {people.map((r) => (
              <li key={r.id}>{fill(t.reminder, { who: r.who, every: every[r.every] })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
