/**
 * Japanese text split into phrases (文節) where a line may break, by BudouX (Google's small
 * machine-learned segmenter; build time only, nothing of it reaches the browser). Titles rendered with
 * these breaks (components/Phrases.astro) never wrap inside a word such as コミュニケーション, in
 * every browser: CSS `word-break: auto-phrase` does the same only in Chromium builds that ship the
 * phrase data, and not in Safari, which most Japanese phones use.
 */
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/** The phrases of a text, in order; joined they give the text back unchanged. */
export function phrases(text: string): string[] {
  return text ? parser.parse(text) : [];
}
