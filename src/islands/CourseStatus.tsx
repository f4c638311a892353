/**
 * On every page: loads progress, records the lesson visit, starts the PWA (src/lms/pwa.ts), and
 * tells the learner — politely and without blocking — when saved data could not be read, progress
 * cannot be kept, the network is gone or a new version is waiting.
 */
import { useEffect } from 'preact/hooks';
import { $storage, recordVisit } from '../stores/progress';
import { $hostDropped, $online, $update, applyUpdate } from '../stores/app';
import { fill } from '../lib/ui-text';
import { isWarning, noticeCodes, type NoticeCode } from '../lib/messages';
import { startPwa } from '../lms/pwa';
import { useAtom, useProgress } from './use-progress';

interface Props {
  /** Lesson slug to record as visited (and as "続きから"), if this page is a lesson. */
  visit?: string;
  /** NOTICE_TEXT, passed as a prop so the Japanese text travels in the HTML, not in the JS bundle. */
  texts: Record<NoticeCode, string>;
  /** Text of the button that loads a waiting new version. */
  updateLabel: string;
}

export default function CourseStatus({ visit, texts, updateLabel }: Props) {
  const { loaded } = useProgress();
  const storage = useAtom($storage);
  const dropped = useAtom($hostDropped).length;
  const notices = noticeCodes(storage, useAtom($online), dropped);
  const update = useAtom($update);
  useEffect(() => {
    if (loaded && visit) recordVisit(visit);
  }, [loaded, visit]);
  // This island is on every page: it also starts connection tracking and the service worker.
  useEffect(startPwa, []);
  return (
    <div role="status" aria-live="polite" class="notices">
      {notices.map((code) => (
        <p key={code} class={isWarning(code) ? 'notice' : 'notice info'} data-notice={code}>
          {fill(texts[code], { n: dropped })}
        </p>
      ))}
      {update && (
        <p class="notice info" data-notice="update">
          {texts.update}{' '}
          <button type="button" onClick={applyUpdate}>
            {updateLabel}
          </button>
        </p>
      )}
    </div>
  );
}
