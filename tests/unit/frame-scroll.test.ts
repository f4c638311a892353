import { describe, expect, it } from 'vitest';
import { revealTop, visibleBand } from '../../src/lib/lms/frame-scroll';

describe('revealing an element inside a fixed-height frame', () => {
  const view = { top: 40, bottom: 600, scrollY: 1000, margin: 8 };
  it('leaves a visible element alone', () => {
    expect(revealTop({ top: 100, bottom: 300 }, view)).toBeNull();
  });
  it('scrolls down just enough for an element below the view', () => {
    expect(revealTop({ top: 700, bottom: 800 }, view)).toBe(1000 + 800 - 592);
  });
  it('scrolls up to an element above the view, or hidden under the sticky bar', () => {
    expect(revealTop({ top: -300, bottom: -200 }, view)).toBe(1000 - 300 - 48);
    expect(revealTop({ top: 20, bottom: 60 }, view)).toBe(1000 + 20 - 48);
  });
  it('aligns an element taller than the view to its top, and never scrolls above the start', () => {
    expect(revealTop({ top: 400, bottom: 1400 }, view)).toBe(1000 + 400 - 48);
    expect(revealTop({ top: -5000, bottom: -4900 }, { ...view, scrollY: 100 })).toBe(0);
  });
});

describe('the visible part of a frame', () => {
  it('is the whole frame when every ancestor shows it whole', () => {
    expect(
      visibleBand(666, [
        { top: 0, parentHeight: 666 },
        { top: 100, parentHeight: 800 },
      ]),
    ).toEqual({ top: 0, bottom: 666 });
  });
  it('ends at the fold of the host page (Moodle: a 666 px frame 250 px down a page seen 800 px high)', () => {
    expect(
      visibleBand(666, [
        { top: 0, parentHeight: 666 },
        { top: 250, parentHeight: 800 },
      ]),
    ).toEqual({ top: 0, bottom: 550 });
  });
  it('starts below the top when the host page is scrolled past the frame top', () => {
    expect(visibleBand(666, [{ top: -100, parentHeight: 800 }])).toEqual({ top: 100, bottom: 666 });
  });
  it('falls back to the whole frame when none of it is visible', () => {
    expect(visibleBand(666, [{ top: 900, parentHeight: 800 }])).toEqual({ top: 0, bottom: 666 });
  });
});
