/** Home page: how many review questions are due, with the way to the review page. */
import { dueReviews, nextDue } from '../lib/review-queue';
import { formatDateJa } from '../lib/date-format';
import { fill, type ReviewText } from '../lib/ui-text';
import { useProgress } from './use-progress';
import { useHydrated } from './use-progress';

interface Props {
  /** Every question id of the course (orphaned review items are not counted). */
  ids: string[];
  href: string;
  /** REVIEW_TEXT from src/lib/ui-text.ts. */
  t: ReviewText;
}

export default function ReviewDue({ ids, href, t }: Props) {
  const { progress, loaded } = useProgress();
  const hydrated = useHydrated();
  if (!hydrated || !loaded) return null;
  const now = Date.now();
  const due = dueReviews(progress, now, ids).length;
  const next = due ? null : nextDue(progress, now, ids);
  if (!due && !next) return null;
  return (
    <p class="review-due" data-review-due={due}>
      {due ? (
        <>
          {fill(t.due, { count: due })} <a href={href}>{t.start}</a>
        </>
      ) : (
        fill(t.upcoming, { date: formatDateJa(next!) })
      )}
    </p>
  );
}
