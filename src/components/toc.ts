/**
 * Writes each lesson's status and each unit's count of completed lessons into the table of
 * contents (Toc.astro), from the progress store and the shared course index; the rules are
 * src/lib/course/completion.ts. Every other link to a lesson on the page marked `data-slug` (the
 * home page's lesson cards) gets the same status badge, and a lesson page says when the lesson is
 * complete. Runs again whenever progress changes
 * (another tab, a quiz passed).
 */
import { summarize, type LessonStatus } from '../lib/course/completion';
import { fill } from '../lib/text/ui-text';
import { $courseIndex, loadCourseIndex } from '../stores/course';
import { $progress, $storage, ensureStarted } from '../stores/progress';

export function showTocStatus(nav: HTMLElement): void {
  const labels = JSON.parse(nav.dataset.labels!) as { status: Record<LessonStatus, string>; unitDone: string };
  /** What the lesson page's closing line should say now (a delayed fill writes the latest). */
  let doneText = '';
  const render = () => {
    const index = $courseIndex.get();
    if (!index || $storage.get().kind === null) return;
    const { statuses } = summarize($progress.get(), index.lessons, index.rules);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-slug]')) {
      const status = statuses[a.dataset.slug!];
      let badge = a.querySelector<HTMLElement>('.status');
      if (!status) {
        badge?.remove();
        continue;
      }
      if (!badge) a.append((badge = Object.assign(document.createElement('span'), { className: 'status' })));
      badge.dataset.status = status;
      badge.textContent = labels.status[status];
    }
    // A lesson page's closing line (lessons/[slug].astro): said once the lesson is complete. Live
    // from its first render on, so completing the lesson now is announced and opening a completed one is not.
    // The sentence is filled after the next frame: the action that completed the lesson (a quiz's
    // 採点する) moves the focus in that frame, and a screen reader cuts short what was said before.
    const done = document.querySelector<HTMLElement>('[data-lesson-done]');
    if (done) {
      const text = statuses[done.dataset.lessonDone!] === 'complete' ? done.dataset.text! : '';
      const live = done.hasAttribute('role');
      doneText = text;
      if (done.textContent !== text) {
        if (live && text) requestAnimationFrame(() => setTimeout(() => (done.textContent = doneText)));
        else done.textContent = text;
      }
      done.setAttribute('role', 'status');
    }
    for (const span of nav.querySelectorAll<HTMLElement>('[data-unit-done]')) {
      const unit = index.units[Number(span.dataset.unitDone)];
      if (!unit) continue;
      const done = unit.lessons.filter((s) => statuses[s] === 'complete').length;
      span.textContent = fill(labels.unitDone, { done, count: span.dataset.count! });
    }
  };
  ensureStarted();
  $progress.listen(render);
  $storage.listen(render);
  $courseIndex.listen(render);
  void loadCourseIndex();
  render();
}
