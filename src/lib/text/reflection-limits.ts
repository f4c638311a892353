/** Reflection text rules (pure): length limit and how its state is described to the learner. */
import { charCount } from './count';

export { charCount };

/** Maximum characters a reflection may have (counted as the learner sees them: grapheme clusters). */
export const REFLECTION_MAX = 2000;

/** Formats a count the Japanese way, e.g. 2000 → "2,000". */
export const formatCount = (n: number) => n.toLocaleString('ja-JP');

/** How many characters over the limit a text is (0 when within). */
export const overBy = (text: string, max = REFLECTION_MAX) => Math.max(0, charCount(text) - max);
