/**
 * Loads progress on every page, records the lesson visit, and tells the learner — politely and
 * without blocking — when saved data could not be read or progress cannot be kept.
 */
import { useEffect } from 'preact/hooks';
import { $storage, recordVisit } from '../stores/progress';
import { $online, $update, applyUpdate } from '../stores/app';
import { isWarning, noticeCodes, type NoticeCode } from '../lib/messages';
import { useAtom, useProgress } from './use-progress';

interface Props {
  /** Lesson slug to record as visited (and as "続きから"), if this page is a lesson. */
  visit?: string;
  /** NOTICE_TEXT, passed as a prop so the Japanese text travels in the HTML, not in the JS bundle. */
  texts: Record<NoticeCode, string>;
}

export default function CourseStatus({ visit, texts }: Props) {
  const { loaded } = useProgress();
  const notices = noticeCodes(useAtom($storage), useAtom($online));
  const update = useAtom($update);
  useEffect(() => {
    if (loaded && visit) recordVisit(visit);
  }, [loaded, visit]);
  return (
    <div role="status" aria-live="polite" class="notices">
      {notices.map((code) => (
        <p key={code} class={isWarning(code) ? 'notice' : 'notice info'} data-notice={code}>
          {texts[code]}
        </p>
      ))}
      {update && (
        <p class="notice info" data-notice="update">
          {texts.update}{' '}
          <button type="button" onClick={applyUpdate}>
            新しいバージョンを読み込む
          </button>
        </p>
      )}
    </div>
  );
}
