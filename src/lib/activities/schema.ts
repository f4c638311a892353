/**
 * The authoring contract of the practice activities (lesson frontmatter `activities:`): a
 * branching conversation, sorting, matching and a message builder. Each activity has a stable id
 * ("l04-a1") under which the learner's work is saved; its MDX component names it
 * (<Conversation id="l04-a1" />). Rules that zod cannot express are explained in words.
 */
import { z } from 'astro/zod';
import { graphProblems } from './conversation';

const activityId = z.string().regex(/^l\d{2}-a\d+$/, { message: 'must look like "l04-a1" and never change once published' });
const localId = z.string().regex(/^[a-z0-9-]{1,24}$/, { message: 'must be 1-24 lowercase letters, digits or hyphens' });
const text = z.string().min(1);

/** Fields every activity has. */
const common = {
  /** Stable id such as "l04-a1"; the learner's work is saved under it. */
  id: activityId,
  /** Heading shown above the activity. */
  title: text,
  /** What the learner is asked to do (shown first, also without JavaScript). */
  instructions: text,
};

/** One line of a conversation that the learner answers, or an ending. */
const conversationNode = z.object({
  /** Node id, unique within the conversation. */
  id: localId,
  /** Who speaks this line (e.g. 大野さん). Absent on a narration line. */
  speaker: z.string().optional(),
  /** The line itself (also narration such as 「大野さんは少し考えてから…」). */
  line: text,
  /** 2-4 responses the learner can choose; absent on an ending. */
  choices: z
    .array(
      z.object({
        /** What the learner says or does. */
        text,
        /** Why this response helps or what it misses (shown after choosing, like quiz feedback). */
        feedback: text,
        /** The node this choice leads to. */
        next: localId,
      }),
    )
    .min(2)
    .max(4)
    .optional(),
  /** Present on an ending: how the conversation ended and what to try next. */
  ending: z
    .object({
      /** 1 = the best ending (only reachable by applying the lesson's idea), higher = weaker. */
      rank: z.number().int().min(1).max(4),
      /** Short verdict, e.g. 「次につながる会話になりました」. */
      verdict: text,
      /** What happened and what to try next time (never scolding). */
      text,
    })
    .optional(),
});

/** 会話シミュレーション: a branching conversation (lessons 4 and 7). */
const conversationSchema = z.object({
  kind: z.literal('conversation'),
  ...common,
  /** Who the learner plays (e.g. 坂本さん), shown in the instructions and the transcript. */
  role: text,
  /** Id of the first node. */
  start: localId,
  nodes: z.array(conversationNode).min(3).max(40),
});

/** 分類: put each item into one of 2-4 categories (lessons 3 and 9). */
const sortingSchema = z.object({
  kind: z.literal('sorting'),
  ...common,
  categories: z
    .array(z.object({ id: localId, label: text }))
    .min(2)
    .max(4),
  items: z
    .array(
      z.object({
        id: localId,
        /** The situation or behaviour to sort. */
        text,
        /** Id of the category it belongs to. */
        category: localId,
        /** Why it belongs there (shown after checking). */
        feedback: text,
      }),
    )
    .min(4)
    .max(12),
});

/** 組み合わせ: match each prompt (left) to one answer (right) (lessons 2 and 6). */
const matchingSchema = z.object({
  kind: z.literal('matching'),
  ...common,
  /** The left column: 3-6 prompts, each with its one right answer. */
  pairs: z
    .array(
      z.object({
        id: localId,
        /** E.g. a goal (転職を考えている) or someone's 困りごと. */
        prompt: text,
        /** Id of the matching answer in `answers`. */
        answer: localId,
        /** Why this answer fits (shown after checking). */
        feedback: text,
      }),
    )
    .min(3)
    .max(6),
  /** The right column: every pair's answer, plus at most two that fit none (distractors). */
  answers: z
    .array(z.object({ id: localId, text }))
    .min(3)
    .max(8),
});

/** メッセージ作成: fill-in fields composed into a polite message to copy (lesson 5). */
const messageSchema = z.object({
  kind: z.literal('message'),
  ...common,
  /** The parts the learner fills in, in order (e.g. お礼・近況・用件・都合伺い). */
  fields: z
    .array(
      z.object({
        id: localId,
        /** Label of the field (e.g. お礼). */
        label: text,
        /** What to write here, shown under the label. */
        hint: text,
        /** An example shown in the empty field. */
        placeholder: z.string().default(''),
        /** Whether the message is complete only once this has text. */
        required: z.boolean().default(true),
      }),
    )
    .min(2)
    .max(8),
  /**
   * The message with {fieldId} where each field's text goes, e.g. "{name}様\n\nご無沙汰しております。{thanks}".
   * Every field appears in it; lines whose fields are all empty are left out.
   */
  template: text,
});

function checkConversation(a: ConversationActivity, ctx: z.RefinementCtx) {
  for (const message of graphProblems(a)) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `conversation ${a.id}: ${message}` });
  if (!a.nodes.some((n) => n.ending?.rank === 1))
    ctx.addIssue({ code: 'custom', path: ['nodes'], message: `conversation ${a.id}: one ending needs rank: 1 (the best ending)` });
  if (a.nodes.filter((n) => n.ending).length < 2)
    ctx.addIssue({ code: 'custom', path: ['nodes'], message: `conversation ${a.id}: give at least two endings, so the learner's choices matter` });
}

function checkSorting(a: SortingActivity, ctx: z.RefinementCtx) {
  const cats = new Set(a.categories.map((c) => c.id));
  for (const i of a.items)
    if (!cats.has(i.category))
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `sorting ${a.id}: item "${i.id}" has category "${i.category}", which is not one of ${[...cats].join(', ')}`,
      });
  for (const c of a.categories)
    if (!a.items.some((i) => i.category === c.id))
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `sorting ${a.id}: no item belongs to category "${c.id}"` });
  uniqueIds(ctx, `sorting ${a.id}`, [...a.categories.map((c) => c.id), ...a.items.map((i) => i.id)]);
}

function checkMatching(a: MatchingActivity, ctx: z.RefinementCtx) {
  const ids = new Set(a.answers.map((x) => x.id));
  for (const p of a.pairs)
    if (!ids.has(p.answer))
      ctx.addIssue({ code: 'custom', path: ['pairs'], message: `matching ${a.id}: pair "${p.id}" points to answer "${p.answer}", which does not exist` });
  const used = new Set(a.pairs.map((p) => p.answer));
  if (used.size !== a.pairs.length)
    ctx.addIssue({ code: 'custom', path: ['pairs'], message: `matching ${a.id}: two pairs share one answer; each pair needs its own` });
  if (a.answers.length - used.size > 2) ctx.addIssue({ code: 'custom', path: ['answers'], message: `matching ${a.id}: at most two answers may fit no pair` });
  uniqueIds(ctx, `matching ${a.id}`, [...a.pairs.map((p) => p.id), ...a.answers.map((x) => x.id)]);
}

function checkMessage(a: MessageActivity, ctx: z.RefinementCtx) {
  const ids = a.fields.map((f) => f.id);
  const used = [...a.template.matchAll(/\{([a-z0-9-]+)\}/g)].map((m) => m[1]);
  for (const u of used)
    if (!ids.includes(u)) ctx.addIssue({ code: 'custom', path: ['template'], message: `message ${a.id}: the template uses {${u}}, which is not a field` });
  for (const id of ids)
    if (!used.includes(id)) ctx.addIssue({ code: 'custom', path: ['template'], message: `message ${a.id}: field "${id}" does not appear in the template` });
  uniqueIds(ctx, `message ${a.id}`, ids);
}

function uniqueIds(ctx: z.RefinementCtx, where: string, ids: string[]) {
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) ctx.addIssue({ code: 'custom', message: `${where}: id "${dup}" is used twice` });
}

/** One activity of a lesson (its `kind` says which). */
export const activitySchema = z
  .discriminatedUnion('kind', [conversationSchema, sortingSchema, matchingSchema, messageSchema])
  // Cross-field rules (graph, references) run on the union, so each kind keeps a plain object schema.
  .superRefine((a, ctx) => {
    if (a.kind === 'conversation') checkConversation(a, ctx);
    else if (a.kind === 'sorting') checkSorting(a, ctx);
    else if (a.kind === 'matching') checkMatching(a, ctx);
    else checkMessage(a, ctx);
  });

export type ConversationActivity = z.infer<typeof conversationSchema>;
export type SortingActivity = z.infer<typeof sortingSchema>;
export type MatchingActivity = z.infer<typeof matchingSchema>;
export type MessageActivity = z.infer<typeof messageSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type ActivityKind = Activity['kind'];
