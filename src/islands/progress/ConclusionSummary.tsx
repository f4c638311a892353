/** Conclusion page: each lesson's status and best score, and the course totals. */
import type { CompletionRules } from '../../lib/course/schema';
import { summarize, type LessonRequirement, type LessonStatus } from '../../lib/course/completion';
import { percent } from '../../lib/course/scoring';
import { useProgress } from '../runtime/use-progress';

interface Props {
  lessons: { slug: string; order: number; title: string; href: string }[];
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** STATUS_LABEL, as a prop so the text stays out of the shared bundle. */
  labels: Record<LessonStatus, string>;
}

export default function ConclusionSummary({ lessons, requirements, rules, labels }: Props) {
  const { progress, loaded } = useProgress();
  if (!loaded) return <p>学習記録を読み込むと、ここにレッスンごとの結果が表示されます。</p>;
  const s = summarize(progress, requirements, rules);
  return (
    <div data-summary>
      <p>
        {s.total}レッスン中{s.completed}レッスン完了
        {s.averageScore !== null && `・クイズの平均スコア ${percent(s.averageScore)}`}
        {s.allComplete ? '。すべてのレッスンを修了しました。' : '。'}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">レッスン</th>
            <th scope="col">状態</th>
            <th scope="col">最高スコア</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((l) => {
            const q = progress.quizzes[l.slug];
            return (
              <tr key={l.slug}>
                <td>
                  <a href={l.href}>
                    {l.order}. {l.title}
                  </a>
                </td>
                <td>{labels[s.statuses[l.slug]]}</td>
                <td>{q ? `${percent(q.best)}（${q.attempts}回）` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
