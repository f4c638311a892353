/**
 * Loads progress on every page, records the lesson visit, and tells the learner — politely and
 * without blocking — when saved data could not be read or progress cannot be kept.
 */
import { useEffect } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $notices, recordVisit } from '../stores/progress';
import { NOTICE_TEXT, isWarning } from '../lib/messages';
import { useProgress } from './use-progress';

interface Props {
  /** Lesson slug to record as visited (and as "続きから"), if this page is a lesson. */
  visit?: string;
}

export default function CourseStatus({ visit }: Props) {
  const { loaded } = useProgress();
  const notices = useStore($notices);
  useEffect(() => {
    if (loaded && visit) recordVisit(visit);
  }, [loaded, visit]);
  return (
    <div role="status" aria-live="polite" class="notices">
      {notices.map((code) => (
        <p key={code} class={isWarning(code) ? 'notice' : 'notice info'} data-notice={code}>
          {NOTICE_TEXT[code]}
        </p>
      ))}
    </div>
  );
}
