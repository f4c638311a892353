/** The import confirmation's table: what the file holds next to what it would replace. */
import type { CompletionRules } from '../../lib/course/schema';
import type { LessonRequirement } from '../../lib/course/completion';
import type { Progress } from '../../lib/progress/document';
import { overview, type ProgressOverview } from '../../lib/progress/files';
import { formatDateJa } from '../../lib/text/dates';
import { fill, type TransferText } from '../../lib/text/ui-text';

interface Props {
  id: string;
  incoming: Progress;
  current: Progress;
  requirements: LessonRequirement[];
  rules: CompletionRules;
  t: TransferText;
}

export default function ImportSummary({ id, incoming, current, requirements, rules, t }: Props) {
  const rows: [string, (o: ProgressOverview) => string][] = [
    [t.completed, (o) => fill(t.of, { n: o.completed, total: o.total })],
    [t.quizzes, (o) => fill(t.lessons, { n: o.quizzes })],
    [t.reflections, (o) => fill(t.items, { n: o.reflections })],
    [t.reviews, (o) => fill(t.questions, { n: o.reviews })],
    [t.reminders, (o) => fill(t.people, { n: o.reminders })],
    [t.learner, (o) => o.name || '—'],
    [t.updated, (o) => formatDateJa(o.updatedAt)],
  ];
  const file = overview(incoming, requirements, rules);
  const here = overview(current, requirements, rules);
  return (
    <table id={id} data-import-summary>
      <caption>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.item}</th>
          <th scope="col">{t.file}</th>
          <th scope="col">{t.current}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{cell(file)}</td>
            <td>{cell(here)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
