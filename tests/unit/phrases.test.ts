import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/lib/text/phrases';

describe('phrases (where a Japanese title may break)', () => {
  it('never inside a katakana word, and the text comes back unchanged', () => {
    const title = '効果的なコミュニケーションスキルを磨く';
    const parts = phrases(title);
    expect(parts.join('')).toBe(title);
    expect(parts.length).toBeGreaterThan(1);
    // No break falls inside コミュニケーション or スキル.
    const ends = parts.map((_, i) => parts.slice(0, i + 1).join('').length);
    for (const word of ['コミュニケーション', 'スキル']) {
      const start = title.indexOf(word);
      expect(
        ends.some((e) => e > start && e < start + word.length),
        word,
      ).toBe(false);
    }
  });
  it('splits between phrases of a longer title', () => {
    expect(phrases('業界のイベントやセミナーを活用する')).toEqual(['業界の', 'イベントや', 'セミナーを', '活用する']);
  });
  it('an empty text has no phrases', () => {
    expect(phrases('')).toEqual([]);
  });
});
