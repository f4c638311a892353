/**
 * Counting text as the learner sees it: grapheme clusters (Intl.Segmenter), so that 👨‍👩‍👧‍👦, a flag
 * 🇯🇵 or a decomposed が (か + ゛) is one character, and limits never cut inside a character.
 * Without Intl.Segmenter (very old browsers) code points are counted instead.
 */

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'grapheme' }) : null;

/** The characters of a text, as a person counts them. */
export const graphemes = (text: string): string[] => (segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : [...text]);

/** How many characters a text has, as a person counts them. */
export const charCount = (text: string): number => {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
};

/** The text cut to at most `max` characters, never inside one (so が stays が, not か). */
export const fitGraphemes = (text: string, max: number): string => (charCount(text) <= max ? text : graphemes(text).slice(0, max).join(''));

/**
 * The text cut to at most `units` UTF-16 code units (a stored bound), at a character boundary: a
 * 👨‍👩‍👧‍👦 (11 units) is kept whole or left out, never half.
 */
export const fitUnits = (text: string, units: number): string => {
  if (text.length <= units) return text;
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > units) break;
    out += g;
  }
  return out;
};
