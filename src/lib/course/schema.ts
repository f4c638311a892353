/**
 * The authoring contract: zod schemas for course metadata and lesson frontmatter.
 * `src/content.config.ts` plugs them into Astro's content collections; the pure logic in
 * `src/lib` derives its types from them so no shape is written twice.
 */
import { z } from 'astro/zod';
import { activitySchema } from '../activities/schema';
import { DEFAULT_STATUS12, STATUS12_MODES } from '../lms/status12';

const stableId = (pattern: RegExp, example: string) => z.string().regex(pattern, { message: `must look like "${example}" and never change once published` });

/** One answer option of a quiz question. */
const optionSchema = z.object({
  /** Option id, unique within its question: a-d, or "true"/"false" for true/false questions. */
  id: z.string().regex(/^([a-f]|true|false)$/, { message: 'option id must be a-f, "true" or "false"' }),
  /** What the learner reads next to the radio/checkbox. */
  text: z.string().min(1),
  /** Whether choosing this option is right. */
  correct: z.boolean(),
  /** Shown after submitting when this option was chosen: why it is right, or what would be better. */
  feedback: z.string().min(1),
});

/** Question ids: lesson quiz (q), pre-check (p) and final check (f) items, e.g. "l05-q2", "l05-p1", "l05-f1". */
const QUESTION_ID = /^l\d{2}-[qpf]\d+$/;

/** One quiz question (lesson quiz, pre-check or final check item). */
export const questionSchema = z
  .object({
    /** Stable id such as "l05-q2" (quiz), "l05-p1" (pre-check) or "l05-f1" (final check); saved answers are keyed by it. */
    id: stableId(QUESTION_ID, 'l05-q2'),
    /** Which of the lesson's objectives this question measures: 1 = the first listed objective. */
    objective: z.number().int().min(1).max(3),
    /** single = radio buttons, multiple = checkboxes (「すべて選択」), truefalse = 正しい／誤り. */
    type: z.enum(['single', 'multiple', 'truefalse']),
    /** The question stem (plain text). */
    prompt: z.string().min(1),
    /** 2-6 options; see the refinements below for per-type rules. */
    options: z.array(optionSchema).min(2).max(6),
    /**
     * The passage of this lesson that decides the key: copied verbatim (line breaks and ** may
     * differ) from the lesson's text — its body, key points, scenario, research findings or
     * activities. The build fails naming the file and question when the lesson does not contain it.
     */
    basis: z.string().min(8, { message: 'basis: copy the passage of the lesson that decides the key (at least 8 characters)' }),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: option ids must be unique` });
    if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: mark at least one option correct: true` });
    if (q.type !== 'multiple' && correct > 1)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: a ${q.type} question has exactly one correct option` });
    if (q.type === 'truefalse' && (q.options.length !== 2 || !ids.includes('true') || !ids.includes('false')))
      ctx.addIssue({ code: 'custom', path: ['options'], message: `question ${q.id}: a truefalse question has exactly the options "true" and "false"` });
  });

/** A free-text reflection prompt. */
const reflectionSchema = z.object({
  /** Stable id such as "l04-r1"; the learner's text is keyed by it. */
  id: stableId(/^l\d{2}-r\d+$/, 'l04-r1'),
  /** The question the learner answers in their own words. */
  prompt: z.string().min(1),
  /** Hint or example line shown in the empty text box. */
  placeholder: z.string().default(''),
  /** Whether the lesson counts as complete only once this has text. */
  required: z.boolean().default(true),
});

/**
 * One research finding or technique of a lesson's 研究からわかること section (<Evidence /> in the
 * body): the common belief it corrects, what was found (how strongly, who was studied), what to
 * do differently, and the studies it rests on (ids in content/sources.yaml).
 */
const evidenceSchema = z.object({
  /** Stable id such as "l04-e1". */
  id: stableId(/^l\d{2}-e\d+$/, 'l04-e1'),
  /** A short heading: the finding in one line. */
  title: z.string().min(1).max(60),
  /** The common belief it corrects, as a reasonable person would hold it (よくある思い込み). */
  belief: z.string().min(1),
  /** What was found, how strongly (a number where there is one) and who was studied (2-4 sentences). */
  finding: z.string().min(1),
  /** What to do differently at work (こうしてみる). */
  action: z.string().min(1),
  /** Ids of the studies in content/sources.yaml, cited under the finding. */
  sources: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'source ids look like "huang2017"' })).min(1),
});

/**
 * A small real-world action for the 1週間チャレンジ (one-week challenge): one a day, escalating by
 * level, each with what counts as a "yes" so the learner can predict it beforehand and record it after.
 */
const challengeActionSchema = z.object({
  /** Stable id such as "l04-c1"; the learner's plan and records are keyed by it. */
  id: stableId(/^l\d{2}-c\d+$/, 'l04-c1'),
  /** 1 (easiest, e.g. a specific thank-you) to 5 (boldest, e.g. a direct ask): the suggested week climbs through them. */
  level: z.number().int().min(1).max(5),
  /** The action, concrete enough to do today: 「〜する」. */
  action: z.string().min(1).max(80),
  /** What the other person's positive response is (the "yes" the learner predicts 0-100 beforehand), e.g. 相手が快く答えてくれる. */
  yes: z.string().min(1).max(40),
});

/** Frontmatter of `content/lessons/NN-slug.mdx`. */
export const lessonSchema = z
  .object({
    /** URL segment and progress key (lowercase a-z, 0-9, -). Never change it once published. */
    slug: z.string().regex(/^[a-z0-9-]+$/, { message: 'slug must be lowercase letters, digits and hyphens' }),
    /** Position in the course, 1-based; must be unique. */
    order: z.number().int().positive(),
    /** Lesson title (the article's section heading). */
    title: z.string().min(1),
    /** One line shown in the table of contents, on the home page and in the conclusion's recap. */
    summary: z.string().min(1).max(120),
    /** Honest time estimate in minutes (reading ~500 chars/min + quiz + reflection). */
    minutes: z.number().int().min(1).max(60),
    /** 2-3 observable learning objectives. */
    objectives: z.array(z.string().min(1)).min(2).max(3),
    /** The lesson's quiz. */
    quiz: z.object({ questions: z.array(questionSchema).min(3).max(5) }),
    /** 1-2 reflection prompts. */
    reflections: z.array(reflectionSchema).min(1).max(2),
    /**
     * This lesson's items of the course-wide 事前チェック (pre) and 修了テスト (final): parallel
     * questions measuring the same objectives with different situations, so the final check is not
     * a memory test of the pre-check. Ids "l05-p1" (pre) and "l05-f1" (final).
     */
    checks: z.object({
      pre: z.array(questionSchema).min(1).max(2),
      final: z.array(questionSchema).min(1).max(2),
    }),
    /** Practice activities (conversation, sorting, matching, message builder); see src/lib/activities/schema.ts. */
    activities: z.array(activitySchema).max(3).default([]),
    /** 研究からわかること: 2-3 findings that correct a common belief about the lesson's topic (shown where the body has <Evidence />). */
    evidence: z.array(evidenceSchema).min(2).max(3),
    /** Actions this lesson offers to the 1週間チャレンジ (at most 2). */
    challenge: z.array(challengeActionSchema).max(2).default([]),
  })
  .superRefine((l, ctx) => {
    const checks = [...l.checks.pre, ...l.checks.final];
    const ids = [
      ...l.quiz.questions.map((q) => q.id),
      ...checks.map((q) => q.id),
      ...l.reflections.map((r) => r.id),
      ...l.activities.map((a) => a.id),
      ...l.evidence.map((e) => e.id),
      ...l.challenge.map((c) => c.id),
    ];
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['quiz'], message: `id "${dup}" is used twice in this lesson` });
    for (const q of l.quiz.questions)
      if (!/-q\d+$/.test(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['quiz'],
          message: `quiz question ${q.id}: lesson quiz ids look like "l05-q2" (p and f are for the pre-check and final check)`,
        });
    const n = l.objectives.length;
    for (const q of [...l.quiz.questions, ...checks])
      if (q.objective > n)
        ctx.addIssue({
          code: 'custom',
          path: ['quiz'],
          message: `question ${q.id}: objective: ${q.objective} does not exist (this lesson has ${n} objectives; 1 = the first)`,
        });
    for (let k = 1; k <= n; k++)
      if (!l.quiz.questions.some((q) => q.objective === k))
        ctx.addIssue({
          code: 'custom',
          path: ['quiz'],
          message: `objective ${k} (「${l.objectives[k - 1]}」) is measured by no quiz question: add one with objective: ${k}`,
        });
    const pre = new Set(l.checks.pre.map((q) => q.objective));
    for (const q of l.checks.final)
      if (!pre.has(q.objective))
        ctx.addIssue({
          code: 'custom',
          path: ['checks', 'final'],
          message: `final check item ${q.id} measures objective ${q.objective}, which no pre-check item measures: pre and final items must be parallel (same objectives)`,
        });
    for (const q of checks)
      if (!new RegExp(`^l\\d{2}-${l.checks.pre.includes(q) ? 'p' : 'f'}\\d+$`).test(q.id))
        ctx.addIssue({ code: 'custom', path: ['checks'], message: `check item ${q.id}: pre-check ids look like "l05-p1", final check ids like "l05-f1"` });
  });

/** One part of an if-then commitment on the plan page. */
const planField = z.object({
  /** The field's label (e.g. もし（いつ・どこで・どんなとき）). */
  label: z.string().min(1),
  /** What to write, shown under the label. */
  hint: z.string().min(1),
  /** An example shown in the empty field. */
  placeholder: z.string().default(''),
});

/** `content/course.yaml`: course-wide metadata. */
export const courseSchema = z.object({
  /** Namespaces saved progress (storage key, export files, LMS data). Never change it once published. */
  courseId: z.string().regex(/^[a-z0-9-]+$/),
  /** Course title shown in the header, the manifest and the certificate. */
  title: z.string().min(1),
  /** Subtitle shown under the title. */
  subtitle: z.string().default(''),
  /** Short name (at most 12 characters) under the icon of the installed app. */
  shortTitle: z.string().min(1).max(12),
  /** One-sentence description for meta tags and the web app manifest. */
  description: z.string().min(1),
  /** The article's introduction, verbatim: the course overview on the home page. */
  intro: z.string().min(1),
  /** What the learner can do after the course. */
  outcomes: z.array(z.string().min(1)).min(1),
  /** Heading of the conclusion page. */
  conclusionTitle: z.string().default('結論'),
  /** The article's conclusion, verbatim. */
  conclusion: z.string().min(1),
  /**
   * Units (chapters) grouping the lessons, e.g. { title: 基礎をつくる, lessons: [importance, goals] }.
   * Every lesson in exactly one unit (the build names any that is missing or listed twice). The
   * table of contents opens the current unit; in big courses it lists only that unit's lessons,
   * so every page stays small. Without units the course is one unit.
   */
  units: z.array(z.object({ title: z.string().min(1), lessons: z.array(z.string()).min(1) })).default([]),
  /** Embedding (iframe / LMS) settings. */
  embed: z
    .object({
      /**
       * Origins (e.g. "https://lms.example.ac.jp") allowed to talk to the course via postMessage.
       * COURSE_EMBED_ORIGINS (comma separated) adds more at build time. "*" trusts every origin.
       */
      allowedOrigins: z
        .array(z.string().regex(/^(\*|https?:\/\/[a-z0-9.-]+(:\d+)?)$/i, { message: 'must be an origin like "https://lms.example.org" (no path) or "*"' }))
        .default([]),
    })
    // prefault: an absent block is parsed as {} so the inner defaults apply (zod 4's default() would skip them).
    .prefault({}),
  /** SCORM packages (`npm run package`, docs/lms-admins.md). */
  scorm: z
    .object({
      /**
       * How the SCORM 1.2 package reports status in cmi.core.lesson_status, "<finished>-<otherwise>":
       * completed-incomplete (default: what Moodle's default completion rule "Completed" needs),
       * passed-incomplete, passed-failed or completed-failed ("failed" while every quiz was tried
       * and one is below the pass mark). COURSE_SCORM12_STATUS overrides it for one build.
       * SCORM 2004 always reports completion and success separately.
       */
      status12: z.enum(STATUS12_MODES).default(DEFAULT_STATUS12),
    })
    .prefault({}),
  /** Completion rules. */
  completion: z
    .object({
      /** Share of quiz points needed to pass a lesson's quiz (0-1). */
      passMark: z.number().min(0).max(1).default(0.8),
      /** Whether required reflections must have text for a lesson to be complete. */
      requireReflections: z.boolean().default(true),
      /**
       * Which practice activities a lesson needs to be complete: "all" (every activity of every
       * lesson), "none", or a list of activity ids (e.g. [l04-a1, l07-a1]); an id that no lesson
       * has fails the build. An activity counts once it is done: a conversation ended (any ending),
       * every item sorted or matched and checked (any score), every required message field filled.
       */
      activities: z
        .union([z.enum(['all', 'none']), z.array(z.string().regex(/^l\d{2}-a\d+$/, { message: 'activity ids look like "l04-a1"' }))])
        .default('none'),
    })
    .prefault({}),
  /**
   * The 事前チェック (pre-check) and 修了テスト (final check): what completing the course requires of
   * the final check, and which score embed hosts and the LMS receive. The pre-check never counts
   * for completion or a score: it measures where the learner starts. Shown to learners in words on
   * the home, final check and certificate pages (src/lib/course/assessment.ts, rulesInWords).
   */
  assessment: z
    .object({
      /**
       * What completion requires of the final check, besides every lesson being complete:
       * "optional" (nothing), "taken" (submitted once, any score) or "passed" (a score of at least
       * finalPassMark; below it the learner may take it again, with the options in a new order).
       * Without "passed" the final check can be taken once: it is a measurement, and a retake after
       * its feedback would measure memory of that feedback.
       */
      finalCheck: z.enum(['optional', 'taken', 'passed']).default('taken'),
      /**
       * Share of the final check's questions needed to pass it (0-1), or null for no pass mark:
       * then hosts and the LMS are told no pass/fail when the score is the final check's (success
       * "unknown"). Required when finalCheck is "passed".
       */
      finalPassMark: z.number().min(0).max(1).nullable().default(null),
      /**
       * The score hosts and the LMS receive (0-1; SCORM score.raw 0-100): "final" = the final
       * check's best score (0 until it is taken), "quizzes" = the mean of every lesson quiz's
       * best score (unattempted quizzes count as 0).
       */
      score: z.enum(['final', 'quizzes']).default('final'),
    })
    .prefault({})
    .superRefine((a, ctx) => {
      if (a.finalCheck === 'passed' && a.finalPassMark === null)
        ctx.addIssue({
          code: 'custom',
          path: ['finalPassMark'],
          message: 'finalCheck: passed needs a finalPassMark (e.g. 0.7 = 70 % of the final check questions)',
        });
    }),
  /**
   * The if-then plan (もし〜なら、〜する) that leads the plan page: implementation intentions the
   * learner writes from their reflections. Absent: the plan page has no commitments section.
   */
  plan: z
    .object({
      /** Heading of the section. */
      heading: z.string().min(1),
      /** Why and how to write commitments (shown above the fields). */
      intro: z.string().min(1),
      /** Label, hint and example (placeholder) of each part of a commitment. */
      fields: z.object({ when: planField, action: planField, with: planField }),
      /**
       * How one commitment reads: {when} and {action}, e.g. 「もし{when}、{action}。」; `actionOnly`
       * without a when (「{action}。」); `withPart` is added when the learner named someone (「相手：{with}」).
       */
      sentence: z.string().includes('{when}').includes('{action}'),
      actionOnly: z.string().includes('{action}'),
      withPart: z.string().includes('{with}'),
      /** A reminder shown with the fields (e.g. to check what may be shared outside the company). */
      note: z.string().default(''),
      /** Example commitments shown as hints, each tied to a lesson by its order (1-based). */
      examples: z
        .array(z.object({ lesson: z.number().int().positive(), when: z.string().min(1), action: z.string().min(1), with: z.string().default('') }))
        .max(8)
        .default([]),
    })
    .optional(),
});

/** One study in `content/sources.yaml` (the 参考文献 page lists them, lessons cite them by id). */
export const sourceSchema = z.object({
  /** Stable id cited by lessons, e.g. "huang2017". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'source ids look like "huang2017"' }),
  /** Authors as the publication lists them (e.g. "Huang, K., Yeomans, M., Brooks, A. W., Minson, J., & Gino, F."). */
  authors: z.string().min(1),
  /** How lessons name it in running text, e.g. "Huang ほか". */
  short: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  title: z.string().min(1),
  /** Journal or book, with volume and pages where known. */
  venue: z.string().min(1),
  /** Who was studied and anything a reader should know (e.g. 米国の大学生。日本での追試はない). */
  note: z.string().min(1),
  /** A stable address (doi.org) for the study, opened in a new tab. */
  url: z.string().url().optional(),
});

export type Option = z.infer<typeof optionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Question = z.infer<typeof questionSchema>;
type Course = z.infer<typeof courseSchema>;
export type CompletionRules = Omit<Course['completion'], 'activities'> & Partial<Pick<Course['completion'], 'activities'>>;
export type AssessmentRules = Course['assessment'];
export type PlanContent = NonNullable<Course['plan']>;
