import { describe, expect, it } from 'vitest';
import { answerOf, commitmentText, datedCommitments, planCount, planMarkdown, type PlanLesson } from '../../src/lib/plan/plan';
import { withPlanItems } from '../../src/lib/plan/edits';
import { PLAN_ITEMS_MAX, PLAN_TEXT_MAX, type PlanItem } from '../../src/lib/plan/items';
import { fitGraphemes } from '../../src/lib/text/count';
import { decodeProgress, emptyProgress, encodeProgress, mergeProgress } from '../../src/lib/progress/document';
import { withName, withReflection, withReminders } from '../../src/lib/progress/edits';
import { PLAN_TEXT, REMINDER_TEXT } from '../../src/lib/text/ui-text';

const lessons: PlanLesson[] = [
  { slug: 'importance', order: 1, title: 'ネットワーキングの重要性', href: '/lessons/importance/', prompts: [{ id: 'l01-r1', prompt: 'いまのつながりは？' }] },
  {
    slug: 'goals',
    order: 2,
    title: '目的を明確にする',
    href: '/lessons/goals/',
    prompts: [
      { id: 'l02-r1', prompt: '会いたい人は？' },
      { id: 'l02-r2', prompt: 'いつまでに？' },
    ],
  },
];
const options = { course: '人間関係の構築とキャリア', date: '2026年11月27日', t: PLAN_TEXT, every: REMINDER_TEXT.everyLabels };
const base = emptyProgress('networking-ja', 1);
const at = (now: number, session = 't') => ({ now, session });

describe('planCount / answerOf', () => {
  it('counts prompts with text (whitespace does not count)', () => {
    const p = withReflection(withReflection(base, 'l01-r1', ' 社内に偏っている ', at(2)), 'l02-r2', '   ', at(3));
    expect(planCount(p, lessons)).toEqual({ answered: 1, total: 3 });
    expect(answerOf(p, 'l01-r1')).toBe('社内に偏っている');
    expect(answerOf(p, 'l02-r2')).toBe('');
    expect(answerOf(p, 'constructor')).toBe('');
  });
});

describe('planMarkdown', () => {
  it('has the title, the date, every lesson in order with each prompt and answer, and marks unanswered prompts', () => {
    const p = withReflection(withReflection(base, 'l02-r1', '業界の先輩に話を聞く。\n来月の勉強会で声をかける。', at(2)), 'l01-r1', '社内の人が中心', at(3));
    const md = planMarkdown(p, lessons, options);
    expect(md).toBe(
      [
        '# マイ・ネットワーキングプラン',
        '',
        '講座「人間関係の構築とキャリア」のふりかえりから作成（2026年11月27日）',
        '',
        '## レッスン1　ネットワーキングの重要性',
        '',
        '### いまのつながりは？',
        '',
        '社内の人が中心',
        '',
        '## レッスン2　目的を明確にする',
        '',
        '### 会いたい人は？',
        '',
        '業界の先輩に話を聞く。  \n来月の勉強会で声をかける。',
        '',
        '### いつまでに？',
        '',
        '（まだ書いていません）',
        '',
      ].join('\n'),
    );
  });

  it('adds the learner name and the reminder list when there are some', () => {
    const p = withReminders(
      withName(base, '山田 花子', at(2)),
      [
        { id: 'a', who: '佐藤さん', every: 'quarterly' },
        { id: 'b', who: '高橋さん', every: 'monthly' },
      ],
      at(3),
    );
    const md = planMarkdown(p, lessons, options);
    expect(md).toContain('\n\n作成者：山田 花子\n\n## レッスン1');
    expect(md.endsWith('## 連絡を取り直す人\n\n- 佐藤さん（3か月ごと）\n- 高橋さん（毎月）\n')).toBe(true);
  });

  it("the learner's text cannot turn into headings, rules or lists of the plan (its lines are kept as line breaks)", () => {
    const p = withReflection(base, 'l01-r1', '# 目標\n---\n  ## 小見出し\n- 箇条書きはそのまま', at(2));
    const md = planMarkdown(p, lessons, options);
    expect(md).toContain('\\# 目標  \n\\-\\-\\-  \n\\#\\# 小見出し  \n\\- 箇条書きはそのまま');
    expect(md.match(/^#{1,3} /gm)).toHaveLength(6); // the title, 2 lessons and 3 prompts: the plan's own headings only
  });
});

describe('if-then commitments (もし〜なら、〜する)', () => {
  const wording = { sentence: 'もし{when}、{action}。', actionOnly: '{action}。', withPart: '相手：{with}' };
  const item = (over: Partial<PlanItem> = {}): PlanItem => ({
    id: 'c1',
    when: '交流会で名刺を交換したら',
    action: '質問を一つする',
    with: '名刺を交換した人',
    remind: null,
    ...over,
  });

  it('reads as one sentence; seams typed by the learner are not doubled; the person is left out when empty', () => {
    expect(commitmentText(item(), wording)).toBe('もし交流会で名刺を交換したら、質問を一つする。相手：名刺を交換した人');
    expect(commitmentText(item({ when: 'もし会議が終わったら、', action: 'お礼を言う。', with: '' }), wording)).toBe('もし会議が終わったら、お礼を言う。');
    expect(commitmentText(item({ when: '  ', with: '' }), wording)).toBe('質問を一つする。');
    expect(commitmentText(item({ action: ' ' }), wording)).toBe('');
  });

  it('dated commitments are those with an action and a date', () => {
    const items = [item({ remind: '2026-12-04' }), item({ id: 'c2', action: '', remind: '2026-12-05' }), item({ id: 'c3' })];
    expect(datedCommitments(items, wording)).toEqual([{ id: 'c1', text: commitmentText(items[0], wording), day: '2026-12-04' }]);
  });

  it('the Markdown file starts with them (before the lessons), numbered, with the date, the learner text escaped', () => {
    let p = withPlanItems(
      base,
      [
        item({ action: '# 見出しにしない [リンク](x)', remind: '2026-12-04' }),
        item({ id: 'c2', when: '', action: '', with: '' }),
        item({ id: 'c3', with: '' }),
      ],
      at(2),
    );
    p = withReflection(p, 'l01-r1', 'ふりかえり', at(3));
    const md = planMarkdown(p, lessons, { ...options, wording, formatDay: (d) => `<${d}>` });
    const head = md.slice(0, md.indexOf('## レッスン1'));
    expect(head).toContain('## もし〜なら、〜する（行動計画）\n\n1. ');
    expect(head).toContain(
      '1. もし交流会で名刺を交換したら、\\# 見出しにしない \\[リンク\\]\\(x\\)。相手：名刺を交換した人（リマインダー：\\<2026\\-12\\-04\\>）\n2. もし交流会で名刺を交換したら、質問を一つする。\n',
    );
    expect(md.match(/^#{1,3} /gm)).toHaveLength(7); // the title, the commitments, 2 lessons and 3 prompts: the plan's own headings only
    expect(planMarkdown(p, lessons, options)).not.toContain('行動計画'); // without the wording (no plan block) nothing is added
  });

  it('withPlanItems: at most five, trimmed, cut in characters, empty rows left out; read back bounded', () => {
    const many = Array.from({ length: 7 }, (_, i) => item({ id: `c${i}`, when: ` ${'あ'.repeat(250)} ` }));
    const p = withPlanItems(base, [item({ id: 'e', when: '', action: ' ', with: '' }), ...many], at(2));
    expect(p.plan!.items).toHaveLength(PLAN_ITEMS_MAX);
    expect(p.plan!.items[0].when).toBe('あ'.repeat(PLAN_TEXT_MAX));
    const back = decodeProgress(encodeProgress(p), 'networking-ja', 10);
    expect(back).toEqual({ progress: p, warnings: [] });
    const emoji = withPlanItems(base, [item({ action: '👨‍👩‍👧‍👦'.repeat(PLAN_TEXT_MAX) })], at(2), fitGraphemes);
    expect(emoji.plan!.items[0].action.length).toBeLessThanOrEqual(PLAN_TEXT_MAX * 4);
    expect(decodeProgress(encodeProgress(emoji), 'networking-ja', 10)).toEqual({ progress: emoji, warnings: [] });
  });

  it('a damaged plan is dropped with a warning; the newer of two plans wins a merge', () => {
    const p = withPlanItems(base, [item()], at(2, 'tab1'));
    const doc = JSON.parse(encodeProgress(p));
    doc.plan.items[0].remind = '2026-13-01';
    expect(decodeProgress(JSON.stringify(doc), 'networking-ja', 10)).toMatchObject({ progress: { plan: null }, warnings: ['invalid-parts'] });
    const q = withPlanItems(base, [item({ action: '別の行動' })], at(5, 'tab2'));
    expect(mergeProgress(p, q).plan!.items[0].action).toBe('別の行動');
    expect(mergeProgress(q, p).plan).toEqual(mergeProgress(p, q).plan);
  });
});
