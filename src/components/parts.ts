/**
 * Marks the part of the lesson being read in the part bar (PartBar.astro) with
 * aria-current="location": the last part whose start has passed the upper third of the window, or,
 * at the very end of the page (where the last part may never reach that line), the last part in
 * view. A window as tall as the page (a frame that grows with its content while its host scrolls)
 * has no such place: nothing is marked there. Runs on scroll and resize and changes the attribute
 * only when the part changes; where the bar scrolls sideways (a phone), it scrolls the marked part into
 * the bar. Started by the table of contents' script (Toc.astro).
 */
export function markParts(nav: HTMLElement): void {
  const links = [...nav.querySelectorAll('a')];
  const starts = links.map((a) => document.getElementById(a.hash.slice(1)));
  let marked: Element | undefined;
  const update = () => {
    const h = document.documentElement.scrollHeight;
    const line = h <= innerHeight + 2 ? -1 : scrollY + innerHeight < h - 2 ? innerHeight / 3 : innerHeight;
    let current: Element | undefined;
    links.forEach((a, i) => (starts[i]?.getBoundingClientRect().top ?? line) < line && (current = a));
    if (current === marked) return;
    marked?.removeAttribute('aria-current');
    current?.setAttribute('aria-current', 'location');
    marked = current;
    // On a phone the bar is one line that scrolls sideways: bring the marked part into it.
    const bar = current?.closest('ol');
    if (current instanceof HTMLElement && bar && bar.scrollWidth > bar.clientWidth) {
      const left = current.offsetLeft;
      if (left < bar.scrollLeft || left + current.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = left - 8;
    }
  };
  addEventListener('scroll', update, { passive: true });
  addEventListener('resize', update);
  update();
}
