/**
 * Scrolling inside a fixed-height frame (the SCORM launcher's course frame, docs/embedding.md):
 * where the frame's own document must scroll so that an element is visible, so that focusing it
 * never has to scroll the host page (an LMS page that then hides its own controls). Pure.
 */

/** A vertical band in the frame's viewport coordinates (px). */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * The frame document's new scroll position that brings `box` into `view` — the part of the frame
 * the learner can see, below its sticky bar (viewport coordinates) — or null when it is in view
 * already. A box taller than the view is aligned to its top; the result is never negative.
 */
export function revealTop(box: Band, view: Band & { scrollY: number; margin?: number }): number | null {
  const margin = view.margin ?? 8;
  const top = view.top + margin;
  const bottom = Math.max(top, view.bottom - margin);
  if (box.top >= top && box.bottom <= bottom) return null;
  const fits = box.bottom - box.top <= bottom - top;
  const delta = box.top < top || !fits ? box.top - top : box.bottom - bottom;
  return Math.max(0, Math.round(view.scrollY + delta));
}

/**
 * The part of a frame's viewport that is inside the viewport of every ancestor: `frames` lists,
 * from the frame outwards, each frame element's top (in its parent's viewport) and that parent's
 * viewport height. A frame partly below the fold of the host page is only visible above it.
 */
export function visibleBand(height: number, frames: readonly { top: number; parentHeight: number }[]): Band {
  let band: Band = { top: 0, bottom: height };
  let offset = 0;
  for (const f of frames) {
    offset += f.top;
    band = { top: Math.max(band.top, -offset), bottom: Math.min(band.bottom, f.parentHeight - offset) };
  }
  return band.bottom > band.top ? band : { top: 0, bottom: height };
}
