/**
 * Keeps the notices region (Notices.astro) in step with the stores: which notices
 * apply is decided in src/lib/messages.ts; this only writes them, as text, into the live region.
 * Unchanged notices are left in place so screen readers do not hear them again.
 */
import { noticeCodes, isWarning, type NoticeCode } from '../lib/messages';
import { fill } from '../lib/ui-text';
import { $hostDropped, $online, $update, applyUpdate } from '../stores/app';
import { $storage, ensureStarted } from '../stores/progress';

export function showNotices(region: HTMLElement): void {
  const template = region.querySelector('template')!.content;
  const text = (code: NoticeCode) => template.querySelector(`[data-code="${code}"]`)?.textContent ?? '';
  const render = () => {
    const dropped = $hostDropped.get().length;
    const codes: NoticeCode[] = $storage.get().kind === null ? [] : noticeCodes($storage.get(), $online.get(), dropped);
    if ($update.get()) codes.push('update');
    const shown = [...region.querySelectorAll<HTMLElement>('p[data-notice]')];
    for (const p of shown) if (!codes.includes(p.dataset.notice as NoticeCode)) p.remove();
    for (const code of codes) {
      let p = region.querySelector<HTMLElement>(`p[data-notice="${code}"]`);
      const body = fill(text(code), { n: dropped });
      if (!p) {
        p = document.createElement('p');
        p.dataset.notice = code;
        p.className = isWarning(code) ? 'notice' : 'notice info';
        region.append(p);
      }
      if (p.firstChild?.textContent !== body) {
        p.replaceChildren(body);
        if (code === 'update') {
          const button = template.querySelector('[data-update-button]')!.cloneNode(true) as HTMLButtonElement;
          button.addEventListener('click', applyUpdate);
          p.append(' ', button);
        }
      }
    }
  };
  ensureStarted();
  for (const store of [$storage, $online, $update, $hostDropped]) store.listen(render);
  render();
}
