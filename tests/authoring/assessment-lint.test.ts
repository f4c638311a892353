import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  containsWord,
  displayWidth,
  formatReport,
  formatViolation,
  graphemes,
  isAllOrNothing,
  lintCourse,
  plainSentences,
  resolveConfig,
  type LintConfig,
  type LintLesson,
  type LintQuestion,
  type RuleId,
} from '../../scripts/authoring/assessment-lint';
import { lessonSchema } from '../../src/lib/course/schema';

// A small course that follows every rule: keys spread a-d, options of equal length, multiple-response
// items with 2 or 3 keys in varying places, true/false balanced, pre and final items paired.
const letters = 'abcdef';
const opt = (qid: string, i: number, correct: boolean) => ({
  id: letters[i],
  text: `${qid}の行動${letters[i]}を選ぶ`,
  correct,
  feedback: correct ? 'そのとおりです。相手の立場から考えられています。' : '惜しいです。ほかの方法も考えてみましょう。',
});
const single = (id: string, key: number, objective = 1, n = 4): LintQuestion => ({
  id,
  objective,
  type: 'single',
  prompt: `${id}の場面で、最も適切な行動はどれですか。`,
  options: Array.from({ length: n }, (_, i) => opt(id, i, i === key)),
});
const multiple = (id: string, keys: number[], objective = 1): LintQuestion => ({
  id,
  objective,
  type: 'multiple',
  prompt: `${id}の場面で、当てはまるものをすべて選んでください。`,
  options: Array.from({ length: 4 }, (_, i) => opt(id, i, keys.includes(i))),
});
const truefalse = (id: string, isTrue: boolean, objective = 1): LintQuestion => ({
  id,
  objective,
  type: 'truefalse',
  prompt: `次の説明は正しいですか。${id}の場面では、先に相手の話を聞くとよいと言えます。`,
  options: [
    { id: 'true', text: '正しい', correct: isTrue, feedback: isTrue ? 'そのとおりです。' : 'ここは誤りです。' },
    { id: 'false', text: '誤り', correct: !isTrue, feedback: isTrue ? 'ここは正しい説明です。' : 'そのとおりです。' },
  ],
});
const lesson = (order: number, questions: LintQuestion[], pre: LintQuestion[], final: LintQuestion[]): LintLesson => ({
  file: `content/lessons/0${order}-lesson.mdx`,
  slug: `lesson-${order}`,
  order,
  objectives: ['目的を説明できる', '相手を選べる'],
  quiz: { questions },
  checks: { pre, final },
});
const id = (l: number, kind: string, n: number) => `l0${l}-${kind}${n}`;
const goodCourse = (): LintLesson[] => [
  lesson(
    1,
    [single(id(1, 'q', 1), 0, 1), single(id(1, 'q', 2), 1, 2), single(id(1, 'q', 3), 2, 1), single(id(1, 'q', 4), 3, 2), multiple(id(1, 'q', 5), [0, 1])],
    [truefalse(id(1, 'p', 1), true)],
    [truefalse(id(1, 'f', 1), false)],
  ),
  lesson(
    2,
    [single(id(2, 'q', 1), 1, 1), single(id(2, 'q', 2), 2, 2), single(id(2, 'q', 3), 3, 1), single(id(2, 'q', 4), 0, 2), multiple(id(2, 'q', 5), [1, 2, 3])],
    [truefalse(id(2, 'p', 1), true, 2)],
    [truefalse(id(2, 'f', 1), false, 2)],
  ),
  lesson(
    3,
    [single(id(3, 'q', 1), 2, 1), single(id(3, 'q', 2), 3, 2), single(id(3, 'q', 3), 0, 1), single(id(3, 'q', 4), 1, 2), multiple(id(3, 'q', 5), [0, 2])],
    [truefalse(id(3, 'p', 1), false)],
    [truefalse(id(3, 'f', 1), true)],
  ),
];

const allQuestions = (c: LintLesson[]) => c.flatMap((l) => [...l.quiz.questions, ...(l.checks?.pre ?? []), ...(l.checks?.final ?? [])]);
const find = (c: LintLesson[], qid: string) => allQuestions(c).find((q) => q.id === qid)!;
/** The rules that fired, as "rule questionId" (or "rule file" for lesson and course findings). */
const fired = (c: LintLesson[], config?: LintConfig) => lintCourse(c, config).violations.map((v) => `${v.rule} ${v.questionId ?? v.file}`);
const only = (c: LintLesson[], rule: RuleId, config?: LintConfig) => lintCourse(c, config).violations.filter((v) => v.rule === rule);
const withConfig = (raw: unknown) => {
  const { config, errors } = resolveConfig(raw);
  expect(errors).toEqual([]);
  return config;
};
/** Moves a single-choice item's key to position `to` (swapping option texts, as an author reorders). */
function moveKey(q: LintQuestion, to: number) {
  const from = q.options.findIndex((o) => o.correct);
  const a = q.options[from];
  const b = q.options[to];
  q.options[from] = { ...b, id: a.id };
  q.options[to] = { ...a, id: b.id };
}

describe('the good course', () => {
  it('breaks no rule', () => {
    expect(fired(goodCourse())).toEqual([]);
  });

  it('is a valid course by the authoring schema (so the fixtures stay realistic)', () => {
    for (const l of goodCourse()) {
      const { file: _, ...data } = l;
      const basis = (q: LintQuestion) => ({ ...q, basis: 'この問いの答えを決める本文の一節です。' });
      const finding = (n: number) => ({
        id: `l0${l.order}-e${n}`,
        title: '研究の結果',
        belief: 'よくある思い込み',
        finding: 'わかったこと',
        action: 'こうしてみる',
        sources: ['study2020'],
      });
      const r = lessonSchema.safeParse({
        ...data,
        quiz: { questions: data.quiz.questions.map(basis) },
        checks: { pre: (data.checks?.pre ?? []).map(basis), final: (data.checks?.final ?? []).map(basis) },
        evidence: [finding(1), finding(2)],
        title: 'レッスン',
        summary: '要約',
        minutes: 5,
        reflections: [{ id: `l0${l.order}-r1`, prompt: '振り返り' }],
      });
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    }
  });

  it('reports statistics over all items and per set', () => {
    const r = lintCourse(goodCourse());
    expect(r.questions).toEqual({ all: 21, quiz: 15, pre: 3, final: 3 });
    expect(r.keyPosition.all.single).toEqual([{ options: 4, items: 12, counts: [3, 3, 3, 3], shares: [0.25, 0.25, 0.25, 0.25] }]);
    expect(r.keyPosition.pre.trueFalse).toEqual({ items: 3, trueKeys: 2, trueShare: 2 / 3 });
    expect(r.keyPosition.all.trueFalse.trueShare).toBe(0.5);
    expect(r.multipleResponse.quiz).toEqual({ items: 3, keyCounts: { 2: 2, 3: 1 }, correctByPosition: [2, 2, 2, 1] });
    expect(r.keyLongest.all).toMatchObject({ items: 12, longest: 0, shortest: 0, overRatio: [] });
    expect(r.objectiveCoverage.lessons).toEqual({ lessons: 3, objectives: 6, uncovered: 0, withoutPre: 0, withoutFinal: 0, unpaired: 0 });
    expect(Object.values(r.rules).every((x) => x.enabled && x.violations === 0)).toBe(true);
  });

  it('accepts older content without objectives or checks (and names each unnamed item)', () => {
    const c = goodCourse().map(({ checks: _, ...l }) => ({ ...l, quiz: { questions: l.quiz.questions.map(({ objective: __, ...q }) => q) } }));
    const r = lintCourse(c);
    expect(r.questions).toEqual({ all: 15, quiz: 15, pre: 0, final: 0 });
    expect(r.violations.every((v) => v.rule === 'objective-coverage' && /names no objective/.test(v.message))).toBe(true);
    expect(r.violations).toHaveLength(15);
  });
});

describe('key-position', () => {
  const allInD = () => {
    const c = goodCourse();
    for (const q of allQuestions(c)) if (q.type === 'single') moveKey(q, 3);
    return c;
  };

  it('fails when one position holds too many keys, naming the keys to move', () => {
    const v = only(allInD(), 'key-position');
    expect(v).toHaveLength(1);
    expect(v[0].file).toBe('content/lessons/');
    expect(v[0].questionId).toBeUndefined();
    expect(v[0].message).toMatch(/d holds 12 \(100%\)/);
    expect(v[0].message).toMatch(/a holds 0 \(0%\)/);
    expect(v[0].message).toContain('l01-q1, l01-q2, l01-q3, l01-q4, l02-q1');
  });

  it('also fails on an under-used position alone', () => {
    const c = goodCourse();
    // a: 1 key of 12 (8 %), the others 3-4: nothing is over 35 %, but a is below 15 %.
    moveKey(find(c, 'l02-q4'), 1);
    moveKey(find(c, 'l03-q3'), 2);
    const v = only(c, 'key-position');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/a holds 1 \(8%\)/);
  });

  it('stays quiet below minItems, and the window is tunable', () => {
    const c = allInD();
    expect(only(c, 'key-position', withConfig({ 'key-position': { options: { 4: { minItems: 13 } } } }))).toEqual([]);
    expect(only(c, 'key-position', withConfig({ 'key-position': { options: { 4: { min: 0, max: 1 } } } }))).toEqual([]);
    // A tighter window makes the good course fail.
    expect(only(goodCourse(), 'key-position', withConfig({ 'key-position': { options: { 4: { min: 0.26 } } } }))).toHaveLength(1);
  });

  it('judges each option count on its own', () => {
    const c = goodCourse();
    // Three 3-option items all keyed a: too few (6 needed) to judge, and the 4-option items stay balanced.
    c[0].quiz.questions.push(single('l01-q6', 0, 1, 3), single('l01-q7', 0, 1, 3), single('l01-q8', 0, 1, 3));
    const r = lintCourse(c);
    expect(r.keyPosition.all.single.map((p) => [p.options, p.items])).toEqual([
      [3, 3],
      [4, 12],
    ]);
    expect(only(c, 'key-position')).toEqual([]);
    c[1].quiz.questions.push(single('l02-q6', 0, 1, 3), single('l02-q7', 0, 1, 3), single('l02-q8', 0, 1, 3));
    expect(only(c, 'key-position')[0].message).toMatch(/6 single-choice items with 3 options/);
  });

  it('checks the true/false balance', () => {
    const c = goodCourse();
    for (const l of c) for (const q of [...l.checks!.pre!, ...l.checks!.final!]) q.options.forEach((o) => (o.correct = o.id === 'true'));
    const v = only(c, 'key-position');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/6 of 6 true\/false statements are true \(100%/);
    expect(v[0].message).toContain('l01-p1, l01-f1');
    expect(only(c, 'key-position', withConfig({ 'key-position': { trueFalse: { minItems: 7 } } }))).toEqual([]);
  });
});

describe('key-longest', () => {
  const lengthenKeys = (c: LintLesson[], extra = 'を丁寧に') => {
    for (const q of allQuestions(c)) if (q.type === 'single') q.options.forEach((o) => o.correct && (o.text += extra));
    return c;
  };

  it('fails when the key is usually the strictly longest option', () => {
    const v = only(lengthenKeys(goodCourse()), 'key-longest');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/longest option in 12 of 12 single-choice items \(100%; allowed at most 35%\)/);
  });

  it('counts ties as not longest, and reports the shortest', () => {
    const c = goodCourse();
    for (const q of allQuestions(c)) if (q.type === 'single') q.options.forEach((o) => !o.correct && (o.text += 'を丁寧に'));
    const r = lintCourse(c);
    expect(r.keyLongest.all).toMatchObject({ longest: 0, shortest: 12, shortestShare: 1 });
    expect(only(c, 'key-longest')).toEqual([]);
  });

  it('the share is tunable', () => {
    const c = goodCourse();
    // 4 of 12 keys longest = 33 %: under the default 35 %, over 30 %.
    for (const qid of ['l01-q1', 'l01-q2', 'l02-q1', 'l03-q1']) find(c, qid).options.forEach((o) => o.correct && (o.text += 'も'));
    expect(only(c, 'key-longest')).toEqual([]);
    expect(only(c, 'key-longest', withConfig({ 'key-longest': { maxShare: 0.3 } }))).toHaveLength(1);
  });

  it('names a question whose key is far longer than every distractor', () => {
    const c = goodCourse();
    const q = find(c, 'l02-q3');
    q.options[3].text = 'l02-q3の行動dを、相手の話を最後まで聞いてから丁寧に選ぶ';
    const v = only(c, 'key-longest');
    expect(v.map((x) => [x.file, x.questionId])).toEqual([['content/lessons/02-lesson.mdx', 'l02-q3']]);
    expect(v[0].message).toMatch(/key \(31 characters\) is 2\.4× as long as the longest distractor \(13; allowed 1\.5×\)/);
    expect(only(c, 'key-longest', withConfig({ 'key-longest': { maxRatio: 3 } }))).toEqual([]);
  });

  it('counts characters as a reader sees them (graphemes)', () => {
    expect(graphemes('が'.normalize('NFD'))).toBe(1);
    expect(graphemes('👍🏽')).toBe(1);
    expect(graphemes('👨‍👩‍👧')).toBe(1);
    expect(graphemes(' 名刺を渡す ')).toBe(5);
    const c = goodCourse();
    // 13 graphemes but 30 UTF-16 code units: by .length this key would look 2.3× too long.
    const q = find(c, 'l01-q1');
    q.options[0].text = 'ガ'.normalize('NFD').repeat(4) + '👍🏽'.repeat(9);
    expect('ガ'.normalize('NFD').repeat(4).length + '👍🏽'.repeat(9).length).toBe(44);
    expect(graphemes(q.options[0].text)).toBe(13);
    expect(only(c, 'key-longest')).toEqual([]);
  });
});

describe('tell-words', () => {
  const plant = (c: LintLesson[], word: string, qids: string[]) => {
    for (const qid of qids) find(c, qid).options.find((o) => !o.correct)!.text += `${word}`;
    return c;
  };

  it('fails for a word in enough wrong options and in no key, naming each question', () => {
    const c = plant(goodCourse(), '必ず', ['l01-q1', 'l02-q2', 'l03-p1']);
    const v = only(c, 'tell-words');
    expect(v.map((x) => x.questionId)).toEqual(['l01-q1', 'l02-q2', 'l03-p1']);
    expect(v[0].message).toMatch(/「必ず」 is in wrong option b; course-wide it is in 3 wrong options and in no key/);
    const t = lintCourse(c).tellWords.find((w) => w.word === '必ず')!;
    expect(t).toMatchObject({ wrong: { all: 3, quiz: 2, pre: 1, final: 0 }, keys: { all: 0 }, questionIds: ['l01-q1', 'l02-q2', 'l03-p1'] });
  });

  it('stays quiet when the word is in a key too, or in fewer wrong options', () => {
    const c = plant(goodCourse(), '必ず', ['l01-q1', 'l02-q2', 'l03-q3']);
    expect(only(plant(goodCourse(), '必ず', ['l01-q1', 'l02-q2']), 'tell-words')).toEqual([]);
    expect(only(c, 'tell-words', withConfig({ 'tell-words': { minWrong: 4 } }))).toEqual([]);
    find(c, 'l02-q1').options.find((o) => o.correct)!.text += '必ず';
    expect(only(c, 'tell-words')).toEqual([]);
  });

  it('counts the correct options of a multiple-response item as keys', () => {
    const c = plant(goodCourse(), 'いつも', ['l01-q1', 'l02-q2', 'l03-q3']);
    expect(only(c, 'tell-words')).toHaveLength(3);
    find(c, 'l02-q5').options[1].text += 'いつも';
    expect(only(c, 'tell-words')).toEqual([]);
  });

  it('uses the configured word list and leaves out the exception phrases', () => {
    const c = plant(goodCourse(), 'だけでなく', ['l01-q1', 'l02-q2', 'l03-q3']);
    expect(only(c, 'tell-words')).toEqual([]);
    expect(containsWord('資料を読むだけにする', 'だけ', ['だけでなく'])).toBe(true);
    expect(containsWord('読むだけでなく話す', 'だけ', ['だけでなく'])).toBe(false);
    expect(containsWord('ｽｸﾞﾆ返信する', 'スグニ')).toBe(true); // NFKC: half-width kana match
    const d = plant(goodCourse(), 'ひたすら', ['l01-q1', 'l02-q2', 'l03-q3']);
    expect(only(d, 'tell-words')).toEqual([]);
    expect(only(d, 'tell-words', withConfig({ 'tell-words': { words: ['ひたすら'] } }))).toHaveLength(3);
  });
});

describe('tell-words: words that mark the key', () => {
  const inKeys = (c: LintLesson[], word: string, qids: string[]) => {
    for (const qid of qids) find(c, qid).options.find((o) => o.correct)!.text += word;
    return c;
  };
  it('fails for a key word in enough keys and in no wrong option, and stays quiet once a wrong option has it too', () => {
    const c = inKeys(goodCourse(), '尋ね', ['l01-q1', 'l02-q1', 'l03-q1', 'l03-p1']);
    const v = only(c, 'tell-words');
    expect(v.map((x) => x.questionId)).toEqual(['l01-q1', 'l02-q1', 'l03-q1', 'l03-p1']);
    expect(v[0].message).toMatch(/「尋ね」 is in the key .*; course-wide it is in 4 keys and in no wrong option/);
    expect(only(inKeys(goodCourse(), '尋ね', ['l01-q1', 'l02-q1', 'l03-q1']), 'tell-words')).toEqual([]);
    find(c, 'l02-q2').options.find((o) => !o.correct)!.text += '尋ね';
    expect(only(c, 'tell-words')).toEqual([]);
    expect(
      only(inKeys(goodCourse(), '確認', ['l01-q1', 'l02-q1', 'l03-q1', 'l03-p1']), 'tell-words', withConfig({ 'tell-words': { keyWords: ['確認'] } })),
    ).toHaveLength(4);
  });
});

describe('multiple-response', () => {
  it('fails when every multiple-response item has the same key count', () => {
    const c = goodCourse();
    find(c, 'l02-q5').options[3].correct = false;
    const v = only(c, 'multiple-response');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/all 3 multiple-response items have 2 correct options \(l01-q5, l02-q5, l03-q5\)/);
    expect(only(c, 'multiple-response', withConfig({ 'multiple-response': { minItems: 4 } }))).toEqual([]);
  });

  it('fails when one position is correct in every one of them', () => {
    const c = goodCourse();
    find(c, 'l02-q5').options[0].correct = true;
    const v = only(c, 'multiple-response');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/option a is correct in every one of the 3 multiple-response items/);
  });

  it('fails a multiple-response item with fewer than 2 correct options', () => {
    const c = goodCourse();
    find(c, 'l03-q5').options[2].correct = false;
    const v = only(c, 'multiple-response');
    expect(v.map((x) => x.questionId)).toEqual(['l03-q5']);
    expect(v[0].message).toMatch(/1 correct option \(at least 2 expected\)/);
    expect(only(c, 'multiple-response', withConfig({ 'multiple-response': { minCorrect: 1 } }))).toEqual([]);
  });
});

describe('duplicate-options', () => {
  it('fails two options that read the same after normalising', () => {
    const c = goodCourse();
    const q = find(c, 'l02-q1');
    q.options[0].text = '「相手の話を聞く」。';
    q.options[2].text = ' 相手の話を　聞く、';
    const v = only(c, 'duplicate-options');
    expect(v.map((x) => x.questionId)).toEqual(['l02-q1']);
    expect(v[0].message).toMatch(/options a and c say the same/);
  });

  it('fails a pre/final item that repeats another prompt', () => {
    const c = goodCourse();
    find(c, 'l01-f1').prompt = `${find(c, 'l01-p1').prompt} `;
    const v = only(c, 'duplicate-options');
    expect(v.map((x) => x.questionId)).toEqual(['l01-f1']);
    expect(v[0].message).toMatch(/same as l01-p1's \(content\/lessons\/01-lesson\.mdx\)/);
    expect(only(c, 'duplicate-options', withConfig({ 'duplicate-options': { prompts: false } }))).toEqual([]);
    expect(lintCourse(c).duplicateOptions.final.repeatedPrompts).toBe(1);
  });
});

describe('stem-style', () => {
  it('lets です・ます sentences through', () => {
    for (const s of [
      'この場面で最も適切な行動はどれですか。',
      'よい選択です。相手の話を最後まで聞いています。',
      '名刺交換のあと、お礼のメールを送りました。',
      '次の一歩を考えてみましょう。',
      '当てはまるものをすべて選んでください。',
      '少し惜しいですね。そうすると関係が続きますよ。',
      '待っているだけでは、つながりは生まれにくいでしょう。',
      'この説明は正しいでしょうか？',
      '連絡が途絶えた相手にも、声をかけてみませんか。',
      '当てはまるものをすべて選んでください（複数選択）。',
      'ネットワーキングとは何か。',
      '入社3年目のグエンさんは、LinkedInを使っています',
    ])
      expect(plainSentences(s), s).toEqual([]);
  });

  it('flags sentences in plain form and quotes them', () => {
    for (const s of [
      'この考え方は適切である。',
      'ネットワーキングでは、出会った人全員と良好な関係を築けなくてもかまわない。',
      '試し続けるうちに、自分に合ったネットワークが形づくられていく。',
      'それは大切なことだ。',
      '相手はすぐに返信した。',
      '返信は来ないかもしれない。',
      '次に何をするだろうか。',
      'どう返信するか。',
      '名刺交換はマナーの一つだね。',
      '関係を続けることは難しい。',
    ])
      expect(plainSentences(s), s).toEqual([s]);
    expect(plainSentences('よい選択です。ただ、それだけでは足りない。次を考えましょう。')).toEqual(['ただ、それだけでは足りない。']);
  });

  it('ignores quoted plain speech', () => {
    expect(plainSentences('森さんは「今さら人脈を広げても意味がない」と話しています。')).toEqual([]);
    expect(plainSentences('松本さんは「それは違う。もう一度考えよう。」と言いました。')).toEqual([]);
    expect(plainSentences('例：「来月の勉強会に参加する」')).toEqual([]);
    expect(plainSentences('課長は『「任せる」とは言っていない』と話しました。')).toEqual([]);
  });

  it('names the question and the option whose feedback is plain', () => {
    const c = goodCourse();
    find(c, 'l02-q2').prompt = '野口さんの考え方は適切である。この場面で最も適切な行動はどれですか。';
    find(c, 'l03-f1').options[1].feedback = 'そのとおりだ。';
    expect(only(c, 'stem-style').map((v) => `${v.questionId}: ${v.message}`)).toEqual([
      'l02-q2: the stem is not in です・ます: 「野口さんの考え方は適切である。」 ends in plain form; end it with です／ます (〜ですか, 〜ますか).',
      'l03-f1: the feedback of option false is not in です・ます: 「そのとおりだ。」 ends in plain form; end it with です／ます (〜ですか, 〜ますか).',
    ]);
    expect(only(c, 'stem-style', withConfig({ 'stem-style': { feedback: false } })).map((v) => v.questionId)).toEqual(['l02-q2']);
    expect(only(c, 'stem-style', withConfig({ 'stem-style': { allowEndings: ['である', 'だ'] } }))).toEqual([]);
  });

  it('flags 「すべて正しい」「どれも違う」-style options', () => {
    for (const t of ['すべて正しい', '上記のすべて', 'どれも当てはまらない', '正しいものはない', 'いずれも誤り', '全て正解'])
      expect(isAllOrNothing(t), t).toBe(true);
    for (const t of ['参加者全員に、すべての資料を送る', '正しい手順を調べてから連絡する', '上司に相談する']) expect(isAllOrNothing(t), t).toBe(false);
    const c = goodCourse();
    find(c, 'l01-q5').options[3].text = '上記のすべて';
    const v = only(c, 'stem-style');
    expect(v.map((x) => x.questionId)).toEqual(['l01-q5']);
    expect(v[0].message).toMatch(/option d 「上記のすべて」/);
    expect(only(c, 'stem-style', withConfig({ 'stem-style': { allOrNothing: false } }))).toEqual([]);
  });
});

describe('objective-coverage', () => {
  it('fails a question without an objective or with one that does not exist', () => {
    const c = goodCourse();
    delete find(c, 'l01-q2').objective;
    find(c, 'l02-p1').objective = 3;
    // The pre item's partner is not reported as unpaired: its objective is unknown, not different.
    expect(fired(c)).toEqual(['objective-coverage l01-q2', 'objective-coverage l02-p1']);
    const v = only(c, 'objective-coverage');
    expect(v[0].message).toMatch(/names no objective: add "objective: N" \(1 = 「目的を説明できる」\)/);
    expect(v[1].message).toMatch(/objective: 3 does not exist: this lesson has 2 objectives/);
  });

  it('fails an objective that no lesson-quiz question measures', () => {
    const c = goodCourse();
    for (const q of c[2].quiz.questions) q.objective = 1;
    const v = only(c, 'objective-coverage');
    expect(v.map((x) => [x.file, x.questionId])).toEqual([['content/lessons/03-lesson.mdx', undefined]]);
    expect(v[0].message).toMatch(/objective 2 「相手を選べる」 is measured by no lesson-quiz question/);
  });

  it('fails pre and final items that are not parallel', () => {
    const c = goodCourse();
    find(c, 'l02-f1').objective = 1;
    expect(fired(c)).toEqual(['objective-coverage l02-p1', 'objective-coverage l02-f1']);
    expect(only(c, 'objective-coverage')[0].message).toMatch(/^this pre-check item measures objective 2, but no final-check item of the lesson does/);
    expect(lintCourse(c).objectiveCoverage.lessons.unpaired).toBe(2);
  });

  it('fails a lesson without pre or final items once the course has checks', () => {
    const c = goodCourse();
    c[1].checks = { pre: c[1].checks!.pre };
    delete c[2].checks;
    expect(fired(c)).toEqual([
      'objective-coverage content/lessons/02-lesson.mdx',
      'objective-coverage content/lessons/03-lesson.mdx',
      'objective-coverage content/lessons/03-lesson.mdx',
    ]);
    expect(only(c, 'objective-coverage', withConfig({ 'objective-coverage': { requireChecks: false } }))).toEqual([]);
    for (const l of c) delete l.checks;
    expect(fired(c)).toEqual([]);
  });
});

describe('configuration', () => {
  it('a missing or empty file means the defaults', () => {
    expect(resolveConfig(undefined)).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(resolveConfig(null).config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG['key-position'].options['4']).toEqual({ min: 0.15, max: 0.35, minItems: 8 });
  });

  it('overrides only what it names, and does not change the defaults', () => {
    const config = withConfig({ 'key-position': { options: { 4: { max: 0.4 } } }, 'tell-words': { words: ['ひたすら'] } });
    expect(config['key-position'].options['4']).toEqual({ min: 0.15, max: 0.4, minItems: 8 });
    expect(config['key-position'].options['3']).toEqual(DEFAULT_CONFIG['key-position'].options['3']);
    expect(config['tell-words'].words).toEqual(['ひたすら']);
    expect(DEFAULT_CONFIG['key-position'].options['4'].max).toBe(0.35);
    expect(DEFAULT_CONFIG['tell-words'].words).toContain('だけ');
  });

  it('names every setting it cannot use', () => {
    const { errors } = resolveConfig({
      'key-postion': {},
      'key-longest': { maxShare: '35%', maxRatio: -1 },
      'tell-words': { words: 'だけ' },
      'stem-style': { enabled: 'no' },
      'key-position': { options: { 7: { min: 0 } }, trueFalse: { min: 0.8, max: 0.6 } },
      'multiple-response': { minCorrect: 2, colour: 'red' },
      'duplicate-options': { prompts: true },
      'objective-coverage': { requireChecks: true },
    });
    expect(errors).toEqual([
      expect.stringMatching(/^key-postion: unknown setting \(known here: key-position, key-longest/),
      'key-longest.maxShare: expected a number ≥ 0',
      'key-longest.maxRatio: expected a number ≥ 0',
      'tell-words.words: expected a list of words',
      'stem-style.enabled: expected true or false',
      'key-position.options.7: option counts are 2 to 6',
      'multiple-response.colour: unknown setting (known here: enabled, minItems, minCorrect)',
      'key-position.trueFalse: min (0.8) is greater than max (0.6)',
    ]);
    expect(resolveConfig({ 'key-longest': { maxShare: 35 } }).errors).toEqual(['key-longest.maxShare: a share is between 0 and 1 (0.35 = 35 %)']);
    expect(resolveConfig(['key-position']).errors).toEqual(['the file: expected a mapping of settings']);
  });

  it('switches a rule off (statistics stay, violations go)', () => {
    const c = goodCourse();
    find(c, 'l01-q1').prompt = 'この考え方は適切である。';
    for (const raw of [{ 'stem-style': false }, { 'stem-style': { enabled: false } }]) {
      const r = lintCourse(c, withConfig(raw));
      expect(r.violations).toEqual([]);
      expect(r.rules['stem-style']).toEqual({ enabled: false, violations: 0 });
      expect(r.stemStyle.all.plain).toBe(1);
    }
    expect(only(c, 'stem-style')).toHaveLength(1);
  });
});

describe('violations and the table', () => {
  it('sort by file, then by question order; course-wide findings point to the lesson folder first', () => {
    const c = goodCourse();
    find(c, 'l03-q1').prompt = 'それは大切なことだ。';
    delete find(c, 'l01-f1').objective;
    find(c, 'l01-q2').prompt = '関係は続かない。';
    find(c, 'l01-p1').prompt = '次の説明は正しい。';
    find(c, 'l02-q5').options[3].correct = false;
    expect(fired(c)).toEqual([
      'multiple-response content/lessons/',
      'stem-style l01-q2',
      'stem-style l01-p1',
      'objective-coverage l01-f1',
      'stem-style l03-q1',
    ]);
  });

  it('one line per violation: file, question id, rule, message', () => {
    expect(formatViolation({ rule: 'tell-words', file: 'content/lessons/03-participate.mdx', questionId: 'l03-q2', message: '「必ず」 …' })).toBe(
      'content/lessons/03-participate.mdx l03-q2 [tell-words] 「必ず」 …',
    );
    expect(formatViolation({ rule: 'key-position', file: 'content/lessons/', message: 'm' })).toBe('content/lessons/ [key-position] m');
  });

  it('prints every rule, fits 100 columns, and ends with the summary line', () => {
    const c = goodCourse();
    for (const qid of ['l01-q1', 'l02-q2', 'l03-p1']) find(c, qid).options.find((o) => !o.correct)!.text += 'あきらめる';
    const r = lintCourse(c, withConfig({ 'duplicate-options': false }));
    const text = formatReport(r);
    const lines = text.split('\n');
    for (const rule of ['key-position', 'key-longest', 'tell-words', 'multiple-response', 'stem-style', 'objective-coverage'])
      expect(text).toContain(`## ${rule}: `);
    expect(text).toContain('## duplicate-options (switched off): ');
    expect(lines.filter((l) => !l.includes('[tell-words]')).every((l) => displayWidth(l) <= 100)).toBe(true);
    expect(text).toMatch(/\| あきらめる \|\s+3 \|\s+0 \|\s+2\/0 \|\s+1\/0 \|\s+0\/0 \| yes {2}\|/);
    expect(lines).toContain('| all   |       4 |    12 | 3 (25%) | 3 (25%) | 3 (25%) | 3 (25%) |');
    expect(lines).toContain(
      'content/lessons/01-lesson.mdx l01-q1 [tell-words] 「あきらめる」 is in wrong option b; course-wide it is in 3 wrong options and in no key, so it marks options as wrong. Rephrase without it, or use it in keys as well.',
    );
    expect(lines.at(-1)).toBe('assessment lint: 21 questions, 3 violations');
    expect(formatReport(lintCourse(goodCourse())).split('\n').slice(-3)).toEqual(['None.', '', 'assessment lint: 21 questions, 0 violations']);
  });

  it('measures table widths in terminal columns', () => {
    expect(displayWidth('だけ')).toBe(4);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('ｱｲ')).toBe(2);
    expect(displayWidth('a 3 (25%)')).toBe(9);
  });
});
