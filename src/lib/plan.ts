/**
 * The learner's networking plan (マイ・ネットワーキングプラン): every reflection, grouped by lesson
 * with its prompt, plus the reminder list, as data for the plan page and as a Markdown file.
 * Japanese wording comes in as templates (PLAN_TEXT in ui-text.ts), so it stays out of the JavaScript.
 */
import type { Progress, ReminderEvery } from './progress';
import { fill } from './ui-text';

/** What the plan needs to know about a lesson (passed to the plan island as props). */
export interface PlanLesson {
  slug: string;
  order: number;
  title: string;
  /** The lesson page, where the answers are written. */
  href: string;
  prompts: { id: string; prompt: string }[];
}

/** How many prompts have an answer, of how many. */
export function planCount(p: Progress, lessons: readonly PlanLesson[]): { answered: number; total: number } {
  const ids = lessons.flatMap((l) => l.prompts.map((q) => q.id));
  return { answered: ids.filter((id) => answerOf(p, id)).length, total: ids.length };
}

/** The saved answer to a prompt, trimmed ('' when none). */
export const answerOf = (p: Progress, id: string) => (Object.hasOwn(p.reflections, id) ? p.reflections[id].text.trim() : '');

export interface PlanMarkdownText {
  /** Document title. */
  title: string;
  /** Line under the title: {course} and {date}. */
  byline: string;
  /** Line with the learner's name, {name} (left out when no name is saved). */
  author: string;
  /** Lesson heading: {order}, {title}. */
  lesson: string;
  /** Shown for a prompt not answered yet. */
  empty: string;
  /** Heading of the reminder list. */
  reminders: string;
  /** One reminder: {who}, {every}. */
  reminder: string;
}

/**
 * Makes any text the learner wrote plain Markdown text, so it can never become a heading, a list,
 * a quote, a rule, a code block, a link, an image, emphasis or raw HTML in the exported file:
 * every character with a meaning in Markdown is escaped with a backslash (CommonMark allows that
 * for all ASCII punctuation), spaces around lines are dropped (four would start a code block), and
 * line breaks are kept as hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/[\\`*_{}[\]()#+\-.!|<>&~=:"']/g, '\\$&'))
    .map((line, i, all) => (i < all.length - 1 && line && all[i + 1] ? `${line}  ` : line))
    .join('\n');
}
/** One line of learner text (a name, a person to remind): escaped, and on one line. */
const inline = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

/** The plan as a Markdown document. */
export function planMarkdown(
  p: Progress,
  lessons: readonly PlanLesson[],
  o: { course: string; date: string; t: PlanMarkdownText; every: Record<ReminderEvery, string> },
): string {
  const { t } = o;
  const name = p.profile.name?.text;
  const out = [`# ${t.title}`, '', fill(t.byline, { course: o.course, date: o.date }), ...(name ? ['', fill(t.author, { name: inline(name) })] : []), ''];
  for (const l of lessons) {
    out.push(`## ${fill(t.lesson, { order: l.order, title: l.title })}`, '');
    for (const q of l.prompts) {
      const text = answerOf(p, q.id);
      out.push(`### ${q.prompt}`, '', text ? escapeMarkdown(text) : t.empty, '');
    }
  }
  const people = p.profile.reminders?.people ?? [];
  if (people.length) {
    out.push(`## ${t.reminders}`, '');
    for (const r of people) out.push(`- ${fill(t.reminder, { who: inline(r.who), every: o.every[r.every] })}`);
    out.push('');
  }
  return out.join('\n');
}

/** File name of the Markdown download. */
export const PLAN_FILE = 'networking-plan.md';
