/**
 * Japanese UI text of the interactive islands. It is passed to islands as props, so it travels in
 * the (already compressed) HTML instead of the JavaScript bundle — the lesson page has a 15 KiB JS
 * budget — and gives a single place to adjust wording. `{name}` marks a value filled in by `fill`.
 */

export const QUIZ_TEXT = {
  single: '一つ選択',
  multiple: 'すべて選択',
  truefalse: '正しいか誤りかを選択',
  number: '問{n}',
  legend: '問{n}（{hint}）',
  correct: '正解です。',
  incorrect: '不正解です。',
  yourChoice: 'あなたの選択「{text}」：{feedback}',
  rightAnswer: '正解「{text}」：{feedback}',
  best: 'これまでの最高スコア：{score}（挑戦 {attempts}回）',
  score: '{total}問中{correct}問正解（{score}）。',
  passed: '合格です。',
  failed: '合格ライン（{pass}）まであと少しです。解説を読んで、もう一度挑戦してみましょう。',
  attempt: '挑戦 {attempts}回目・最高スコア {best}',
  missing: '未回答の問題があります（{list}）。すべて答えてから採点してください。',
  ready: 'すべての問題に答えたら「採点する」を押してください。合格ラインは{pass}です。',
  listSeparator: '、',
  retry: 'もう一度挑戦する',
  submit: '採点する',
};
export type QuizText = typeof QUIZ_TEXT;

export const REFLECTION_TEXT = {
  required: '（必須）',
  optional: '（任意）',
  pending: '入力中…',
  saved: '保存しました',
  failed: 'この端末に保存できませんでした。内容はこの画面に残っています。',
  tooLong: '{max}文字を{over}文字超えています。短くすると保存されます（超えている間は、前に保存した内容が残ります）。',
  count: '{count} / {max}文字',
};
export type ReflectionText = typeof REFLECTION_TEXT;

/** Replaces `{name}` placeholders: fill('問{n}', { n: 2 }) → '問2'. Unknown names stay visible. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
