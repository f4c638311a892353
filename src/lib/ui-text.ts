/**
 * Japanese UI text of the interactive islands. It is passed to islands as props, so it travels in
 * the (already compressed) HTML instead of the JavaScript bundle — the lesson page has a 15 KiB JS
 * budget — and gives a single place to adjust wording. `{name}` marks a value filled in by `fill`.
 */

import type { ReminderEvery } from './progress';
import type { ImportError } from './transfer';

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
  failed: '合格ライン（{pass}）には届きませんでした。解説を読んで、もう一度挑戦してみましょう。',
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
  pending: '保存待ち…',
  saved: '保存しました',
  failed: 'この端末に保存できませんでした。内容はこの画面に残っています。',
  tooLong: '{max}文字を{over}文字超えています。短くすると保存されます（超えている間は、前に保存した内容が残ります。いま書いている文章も下書きとして残ります）。',
  count: '{count} / {max}文字',
  conflict: '別のタブか別の端末で、このふりかえりに違う内容が保存されていました。どちらを残すか選んでください（選ぶまで、両方とも残ります）。',
  useOther: 'こちらの内容を使う',
  keepMine: 'いま表示している内容を残す',
};
export type ReflectionText = typeof REFLECTION_TEXT;

/** The plan page (マイ・ネットワーキングプラン) and its Markdown file. */
export const PLAN_TEXT = {
  title: 'マイ・ネットワーキングプラン',
  loading: '学習記録を読み込んでいます…',
  count: 'ふりかえり{total}件のうち、{answered}件を書きました。',
  empty: '（まだ書いていません）',
  edit: 'レッスン{order}で書き直す',
  write: 'レッスン{order}で書く',
  byline: '講座「{course}」のふりかえりから作成（{date}）',
  author: '作成者：{name}',
  lesson: 'レッスン{order}　{title}',
  reminders: '連絡を取り直す人',
  reminder: '{who}（{every}）',
  download: 'Markdownファイルで保存',
  print: '印刷・PDFで保存',
  copy: 'クリップボードにコピー',
  downloaded: '「{file}」を作成しました。ダウンロードしたファイルはメモアプリやエディターで開けます。',
  copied: 'プランをクリップボードにコピーしました。メモアプリなどに貼り付けられます。',
  copyFailed: 'コピーできませんでした。このブラウザではクリップボードが使えないようです。Markdownファイルで保存してください。',
};
export type PlanText = typeof PLAN_TEXT;

/** The reminder list on the plan page and the calendar (.ics) file made from it. */
export const REMINDER_TEXT = {
  person: '{n}人目',
  who: '相手（名前やメモ）',
  placeholder: '例：前の部署でお世話になった佐藤さん',
  every: '連絡の頻度',
  remove: '削除',
  removeLabel: '{n}人目を削除',
  add: '相手を追加する',
  max: '登録できるのは{max}人までです。',
  saved: '保存しました',
  failed: '保存できませんでした。入力した内容はこの画面に残っています。',
  download: 'カレンダー用ファイル（.ics）をダウンロード',
  downloaded: '「{file}」を作成しました。カレンダーアプリで開くと、{count}人分のリマインダーが登録されます。最初の通知は{date}です。',
  none: '少なくとも1人分、相手の名前かメモを入力すると、カレンダー用ファイルを作れます。',
  calendar: 'ネットワーキングの連絡リマインダー',
  summary: '{who}に連絡する',
  description:
    'マイ・ネットワーキングプランのリマインダーです（{every}）。近況をたずねたり、役に立ちそうな情報を共有したりして、つながりを温めましょう。',
  everyLabels: { monthly: '毎月', bimonthly: '2か月ごと', quarterly: '3か月ごと', halfyearly: '半年ごと' } satisfies Record<
    ReminderEvery,
    string
  >,
};
export type ReminderText = typeof REMINDER_TEXT;

/** The review page (復習) and the review count on the home page. */
export const REVIEW_TEXT = {
  loading: '復習する問題を確認しています…',
  due: '復習する問題が{count}問あります。',
  start: '復習する',
  none: 'いま復習する問題はありません。',
  upcoming: '次の復習は{date}からです。',
  idle: 'クイズで間違えた問題は、翌日からここで復習できます。',
  position: '{total}問中{n}問目・レッスン{order}「{title}」より',
  submit: '答える',
  choose: '答えを選んでから「答える」を押してください。',
  next: '次の問題へ',
  up: '次は{days}日後（{date}）に出題します。',
  done: 'この問題の復習は完了です。',
  again: '明日（{date}）もう一度出題します。',
  finished: '今日の復習は以上です。お疲れさまでした。',
  home: 'トップページへ戻る',
};
export type ReviewText = typeof REVIEW_TEXT;

/** The certificate page (修了証). */
export const CERTIFICATE_TEXT = {
  loading: '学習記録を読み込んでいます…',
  name: '修了証に記載するお名前',
  nameHint: '入力すると自動で保存されます。あとから変えられます。',
  nameTooLong: '{max}文字までです。超えた分は修了証に載りません。',
  saved: '保存しました',
  failed: '保存できませんでした。入力した内容はこの画面に残っています。',
  title: '修了証',
  honorific: '{name} 様',
  noName: 'お名前を入力すると、ここに表示されます',
  statement: 'あなたは「{course}」の全{total}レッスンを学び、すべての確認クイズとふりかえりを終えて、本講座を修了したことをここに証します。',
  date: '修了日',
  score: 'クイズの平均スコア',
  print: '印刷・PDFで保存',
  missing: '修了証は、すべてのレッスンを完了すると表示されます。あと{count}レッスンです。',
  quiz: '確認クイズの合格（{pass}以上）',
  reflection: 'ふりかえり（必須）の記入',
  lesson: 'レッスン{order}「{title}」',
  separator: '、',
};
export type CertificateText = typeof CERTIFICATE_TEXT;

/** The progress file page (進捗の書き出し・読み込み). */
export const TRANSFER_TEXT = {
  loading: '学習記録を読み込んでいます…',
  exportHeading: '書き出す',
  exportHelp:
    'いまの学習記録を一つのファイル（.json）に保存します。ファイルにはふりかえりの文章もそのまま入っているので、人と共有しないようご注意ください。',
  importHeading: '読み込む',
  importHelp: '書き出したファイルを選ぶと、中身を確認してから、この端末の学習記録と置き換えるかどうかをおたずねします。',
  export: '進捗ファイルを書き出す',
  exported: '「{file}」を書き出しました。別のブラウザや端末でこのページを開き、読み込んでください。',
  choose: '読み込む進捗ファイル（.json）',
  errors: {
    'too-large': 'ファイルが大きすぎます（上限は1MBです）。この講座で書き出した進捗ファイルを選んでください。',
    'not-json': 'ファイルを読み取れませんでした。壊れているか、進捗ファイルではない可能性があります。',
    'not-progress': 'この講座の進捗ファイルではないようです。「進捗ファイルを書き出す」で作ったファイルを選んでください。',
    'foreign-course': '別の講座の進捗ファイルです。この講座には読み込めません。',
    'newer-version':
      'より新しいバージョンの講座で書き出されたファイルです。ページを再読み込みして講座を最新にしてから、もう一度お試しください。',
    damaged: 'ファイルの一部が壊れているため、読み込めませんでした。元のブラウザや端末で、もう一度書き出してください。',
  } satisfies Record<ImportError, string>,
  unchanged: 'いまの学習記録は変更していません。',
  question: 'このファイルの内容で、この端末の学習記録を置き換えます。いまの記録は消えて元に戻せません。よろしいですか。',
  caption: 'ファイルの内容と、置き換えられるいまの記録',
  item: '項目',
  file: 'ファイルの内容',
  current: 'この端末の記録',
  completed: '完了したレッスン',
  quizzes: '受けたクイズ',
  reflections: '書いたふりかえり',
  reviews: '復習待ちの問題',
  reminders: '連絡リマインダー',
  learner: '修了証のお名前',
  updated: '最終更新',
  lessons: '{n}レッスン',
  items: '{n}件',
  questions: '{n}問',
  people: '{n}人',
  of: '{n} / {total}',
  replace: '置き換える',
  cancel: 'やめる',
  replaced: '読み込みました。学習記録をファイルの内容に置き換えました。',
  failed: 'この端末に保存できませんでした。ファイルの内容はこのページを開いている間だけ使えます。',
  cancelled: '読み込みをやめました。いまの学習記録はそのままです。',
};
export type TransferText = typeof TRANSFER_TEXT;

/** Replaces `{name}` placeholders: fill('問{n}', { n: 2 }) → '問2'. Unknown names stay visible. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
