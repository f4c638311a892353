/** Home page: how many review questions are due, with the way to the review page. */
import { dueReviews, nextDue } from '../../lib/plan/review-due';
import { formatDateJa } from '../../lib/text/dates';
import { fill, type ReviewText } from '../../lib/text/ui-text';
import { useProgress } from '../runtime/use-progress';
import { useHydrated } from '../runtime/use-progress';

interface Props {
  /** Every question id of the course (orphaned review items are not counted). */
  ids: string[];
  href: string;
  /** REVIEW_TEXT from src/lib/text/ui-text.ts. */
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
