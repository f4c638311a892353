import { describe, expect, it } from 'vitest';
import { REFLECTION_MAX, charCount, formatCount, overBy } from '../../src/lib/text/reflection-limits';

describe('charCount', () => {
  it('counts code points: a surrogate pair (emoji, rare kanji) is one character', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('人脈')).toBe(2);
    expect('😀'.length).toBe(2);
    expect(charCount('😀')).toBe(1);
    expect(charCount('𠮷野家')).toBe(3);
    expect(charCount('a😀b𠮷')).toBe(4);
  });
});

describe('overBy', () => {
  it('is 0 within the limit and the excess beyond it', () => {
    expect(REFLECTION_MAX).toBe(2000);
    expect(overBy('')).toBe(0);
    expect(overBy('あ'.repeat(2000))).toBe(0);
    expect(overBy('あ'.repeat(2001))).toBe(1);
    expect(overBy('あ'.repeat(2100))).toBe(100);
  });

  it('counts surrogate pairs as one character', () => {
    const emojis = '😀'.repeat(2000); // 4000 UTF-16 code units
    expect(overBy(emojis)).toBe(0);
    expect(overBy(`${emojis}😀`)).toBe(1);
  });

  it('accepts a custom limit', () => {
    expect(overBy('abcde', 3)).toBe(2);
    expect(overBy('abc', 3)).toBe(0);
    expect(overBy('😀😀😀😀', 3)).toBe(1);
  });
});

describe('formatCount', () => {
  it('groups digits the Japanese way', () => {
    expect(formatCount(2000)).toBe('2,000');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(REFLECTION_MAX)).toBe('2,000');
  });
});
