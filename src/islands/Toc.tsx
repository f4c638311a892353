/** Table of contents with each lesson's status (未着手 / 学習中 / 完了) once progress is loaded. */
import type { CompletionRules } from '../lib/schema';
import { summarize, type LessonRequirement, type LessonStatus } from '../lib/completion';
import { useProgress } from './use-progress';

interface Props {
  items: { slug: string; order: number; title: string; href: string }[];
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** Slug of the lesson being shown. */
  current?: string;
  homeHref: string;
  conclusionHref: string;
  /** Path of the page being shown, to mark home/conclusion as current. */
  currentPath: string;
  /** Link texts and status labels (STATUS_LABEL), passed as props to keep them out of the JS bundle. */
  labels: { home: string; conclusion: string; status: Record<LessonStatus, string> };
}

export default function Toc({ items, requirements, rules, current, homeHref, conclusionHref, currentPath, labels }: Props) {
  const { progress, loaded } = useProgress();
  const statuses = loaded ? summarize(progress, requirements, rules).statuses : null;
  const here = (href: string) => (href === currentPath ? 'page' : undefined);
  return (
    <ol>
      <li>
        <a href={homeHref} aria-current={here(homeHref)}>{labels.home}</a>
      </li>
      {items.map((item) => {
        const status = statuses?.[item.slug];
        return (
          <li key={item.slug}>
            <a href={item.href} aria-current={item.slug === current ? 'page' : undefined}>
              <span>
                {item.order}. {item.title}
              </span>
              {status && (
                <span class="status" data-status={status}>
                  {labels.status[status]}
                </span>
              )}
            </a>
          </li>
        );
      })}
      <li>
        <a href={conclusionHref} aria-current={here(conclusionHref)}>{labels.conclusion}</a>
      </li>
    </ol>
  );
}
