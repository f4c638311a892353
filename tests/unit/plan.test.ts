import { describe, expect, it } from 'vitest';
import { answerOf, planCount, planMarkdown, type PlanLesson } from '../../src/lib/plan';
import { emptyProgress } from '../../src/lib/progress';
import { withName, withReflection, withReminders } from '../../src/lib/progress-edits';
import { PLAN_TEXT, REMINDER_TEXT } from '../../src/lib/ui-text';

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
    const p = withReminders(withName(base, '山田 花子', at(2)), [{ id: 'a', who: '佐藤さん', every: 'quarterly' }, { id: 'b', who: '高橋さん', every: 'monthly' }], at(3));
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
