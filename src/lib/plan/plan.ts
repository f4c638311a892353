/**
 * The learner's networking plan (マイ・ネットワーキングプラン): every reflection, grouped by lesson
 * with its prompt, plus the reminder list, as data for the plan page and as a Markdown file.
 * Japanese wording comes in as templates (PLAN_TEXT in ui-text.ts), so it stays out of the JavaScript.
 */
import type { Progress, ReminderEvery } from '../progress/document';
import type { PlanItem } from './items';
import { fill } from '../text/ui-text';

/** What the plan needs to know about a lesson (passed to the plan island as props). */
export interface PlanLesson {
  slug: string;
  order: number;
  title: string;
  /** The lesson page, where the answers are written. */
  href: string;
  prompts: { id: string; prompt: string }[];
}

/** How a commitment reads as one sentence (from course.yaml `plan:`). */
export interface CommitmentWording {
  /** With {when} and {action}, e.g. 「もし{when}、{action}。」 */
  sentence: string;
  /** Without a when, with {action}, e.g. 「{action}。」 */
  actionOnly: string;
  /** Added when the commitment names someone, with {with}, e.g. 「相手：{with}」 */
  withPart: string;
}

/**
 * One commitment as a sentence: 「もし〈when〉、〈action〉。相手：〈with〉」. Punctuation the learner
 * typed at the seams (a trailing 、 or 。) is not doubled; the part with whom is left out when
 * empty. Empty when the commitment has no action yet.
 */
export function commitmentText(item: Pick<PlanItem, 'when' | 'action' | 'with'>, w: CommitmentWording): string {
  const when = item.when
    .trim()
    .replace(/^もし/, '')
    .replace(/[、,，。]+$/, '');
  const action = item.action.trim().replace(/[。.．]+$/, '');
  if (!action) return '';
  const sentence = when ? fill(w.sentence, { when, action }) : fill(w.actionOnly, { action });
  const who = item.with.trim();
  return who ? `${sentence}${fill(w.withPart, { with: who })}` : sentence;
}

/** The commitments with an action and a reminder date, as calendar events (src/lib/plan/calendar.ts). */
export const datedCommitments = (items: readonly PlanItem[], w: CommitmentWording) =>
  items.filter((i) => i.remind && i.action.trim()).map((i) => ({ id: i.id, text: commitmentText(i, w), day: i.remind! }));

/** The commitments that say what to do (an action), in order. */
export const activeCommitments = (plan: { items: readonly PlanItem[] } | null) => (plan?.items ?? []).filter((i) => i.action.trim());

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
  /** Heading of the if-then commitments (first in the file). */
  commitments: string;
  /** After a commitment with a date: {date}. */
  commitmentDay: string;
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
  o: {
    course: string;
    date: string;
    t: PlanMarkdownText;
    every: Record<ReminderEvery, string>;
    wording?: CommitmentWording;
    formatDay?: (day: string) => string;
  },
): string {
  const { t } = o;
  const name = p.profile.name?.text;
  const out = [`# ${t.title}`, '', fill(t.byline, { course: o.course, date: o.date }), ...(name ? ['', fill(t.author, { name: inline(name) })] : []), ''];
  // The learner's if-then commitments come first: they are what to act on.
  const commitments = o.wording ? activeCommitments(p.plan) : [];
  if (commitments.length) {
    out.push(`## ${t.commitments}`, '');
    commitments.forEach((c, i) => {
      const day = c.remind ? ` ${fill(t.commitmentDay, { date: (o.formatDay ?? ((d) => d))(c.remind) })}` : '';
      out.push(`${i + 1}. ${inline(commitmentText(c, o.wording!))}${escapeMarkdown(day)}`);
    });
    out.push('');
  }
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
