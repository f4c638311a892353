import { describe, expect, it } from 'vitest';
import { charCount, fitGraphemes, fitUnits, graphemes } from '../../src/lib/text/count';

const family = '👨‍👩‍👧‍👦';
const flag = '🇯🇵';
const ga = 'か\u3099'; // decomposed が

describe('counting text as the learner sees it', () => {
  it('counts a family emoji, a flag and a decomposed が as one character each', () => {
    expect(charCount(family)).toBe(1);
    expect(charCount(flag)).toBe(1);
    expect(charCount(ga)).toBe(1);
    expect(charCount(`${ga}んばる`)).toBe(4);
    expect(graphemes(`a${flag}${ga}`)).toEqual(['a', flag, ga]);
  });

  it("the issue's cases stay within a 2,000-character limit", () => {
    expect(charCount(family.repeat(300))).toBe(300); // was 2,100 code points
    expect(charCount(flag.repeat(1000))).toBe(1000); // was 2,000 code points
    expect(charCount(ga.repeat(1000))).toBe(1000);
  });

  it('never cuts inside a character, and leaves text within the limit untouched', () => {
    expect(fitGraphemes(`${ga}${ga}${ga}`, 2)).toBe(`${ga}${ga}`);
    expect(fitGraphemes(`${flag}${family}`, 1)).toBe(flag);
    const s = '山田 花子';
    expect(fitGraphemes(s, 5)).toBe(s);
    expect(fitGraphemes('', 3)).toBe('');
  });

  it('keeps a text within a stored bound in code units, dropping a character that does not fit whole', () => {
    expect(fitUnits(`ab${family}`, 12)).toBe('ab');
    expect(fitUnits(`ab${family}`, 13)).toBe(`ab${family}`);
    expect(fitUnits(`${flag}${flag}`, 7)).toBe(flag);
    expect(fitUnits(flag, 3)).toBe('');
    expect(fitUnits('あいう', 3)).toBe('あいう');
    expect(fitUnits(family.repeat(130), 480)).toBe(family.repeat(43));
  });
});
