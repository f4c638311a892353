/**
 * The message builder (メッセージ作成): the learner's field texts composed into a polite message
 * from the author's template. Pure.
 */
import type { MessageActivity } from './schema';

/** Longest text of one field in the editor (the stored bound is higher). */
export const MESSAGE_FIELD_MAX = 400;

const PLACEHOLDER = /\{([a-z0-9-]+)\}/g;

/**
 * The message: every {field} of the template replaced by its text (trimmed; inner line breaks
 * kept). A line whose fields are all empty is left out, so an optional part the learner skipped
 * leaves no gap or dangling words; lines without fields stay. Blank lines never pile up, and the
 * message never starts or ends with one.
 */
export function composeMessage(template: string, values: Readonly<Record<string, string>>): string {
  const value = (id: string) => (Object.hasOwn(values, id) ? values[id].trim() : '');
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const ids = [...line.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (ids.length && ids.every((id) => !value(id))) continue;
    const text = line.replace(PLACEHOLDER, (_, id: string) => value(id));
    if (!text.trim() && (!lines.length || !lines[lines.length - 1].trim())) continue;
    lines.push(text);
  }
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.join('\n');
}

/** Required fields still empty (by id, in order). */
export const missingFields = (a: Pick<MessageActivity, 'fields'>, values: Readonly<Record<string, string>>) =>
  a.fields.filter((f) => f.required && !(Object.hasOwn(values, f.id) && values[f.id].trim())).map((f) => f.id);
