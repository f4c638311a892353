/**
 * Keeps the notices region (Notices.astro) in step with the stores: which notices
 * apply is decided in src/lib/text/notices.ts; this only writes them, as text, into the live region.
 * Unchanged notices are left in place so screen readers do not hear them again.
 */
import { noticeCodes, isWarning, type NoticeCode } from '../lib/text/notices';
import { fill } from '../lib/text/ui-text';
import { $hostDropped, $online, $update, $updateBlocked, applyUpdate } from '../stores/app';
import { $storage, ensureStarted, keptOriginal, releaseOriginal } from '../stores/progress';

/** Offers the unreadable original as a file, then lets saving resume (see StorageState.original). */
function downloadOriginal() {
  const raw = keptOriginal();
  if (raw === null) return;
  const a = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([raw], { type: 'application/json' })),
    download: 'networking-progress-original.json',
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  releaseOriginal();
}

export function showNotices(region: HTMLElement): void {
  const template = region.querySelector('template')!.content;
  // The version for who keeps the progress (<html data-kept>), else the general one.
  const text = (code: NoticeCode) =>
    (template.querySelector(`[data-code="${code}"][data-keeper="${document.documentElement.dataset.kept}"]`) ?? template.querySelector(`[data-code="${code}"]`))
      ?.textContent ?? '';
  const render = () => {
    const dropped = $hostDropped.get().length;
    const storage = $storage.get();
    const codes: NoticeCode[] = storage.kind === null ? [] : noticeCodes(storage, $online.get(), dropped);
    if ($update.get()) codes.push($updateBlocked.get() ? 'update-blocked' : 'update');
    // Characters are stored as UTF-16: about 2 bytes each.
    const kb = Math.max(1, Math.ceil((storage.needed * 2) / 1024));
    const shown = [...region.querySelectorAll<HTMLElement>('p[data-notice]')];
    for (const p of shown) if (!codes.includes(p.dataset.notice as NoticeCode)) p.remove();
    for (const code of codes) {
      let p = region.querySelector<HTMLElement>(`p[data-notice="${code}"]`);
      const body = fill(text(code), { n: dropped, kb });
      if (!p) {
        p = document.createElement('p');
        p.dataset.notice = code;
        p.className = isWarning(code) ? 'notice' : 'notice info';
        region.append(p);
      }
      if (p.firstChild?.textContent !== body) {
        p.replaceChildren(body);
        const action =
          code === 'update' || code === 'update-blocked'
            ? (['[data-update-button]', applyUpdate] as const)
            : code.endsWith('-kept')
              ? (['[data-original-button]', downloadOriginal] as const)
              : null;
        if (action) {
          const button = template.querySelector(action[0])!.cloneNode(true) as HTMLButtonElement;
          button.addEventListener('click', action[1]);
          p.append(' ', button);
        }
      }
    }
  };
  ensureStarted();
  for (const store of [$storage, $online, $update, $updateBlocked, $hostDropped]) store.listen(render);
  render();
}
