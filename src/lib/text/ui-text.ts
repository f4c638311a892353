/**
 * Japanese UI text of the interactive islands. It is passed to islands as props (in data-props, or
 * in a lesson's practice.json), not bundled into their JavaScript, and gives a single place to
 * adjust wording. `{name}` marks a value filled in by `fill`.
 */

import type { AssessmentText } from '../course/assessment';
import type { ReminderEvery } from '../progress/document';
import type { ImportError } from '../progress/files';

export const QUIZ_TEXT = {
  single: '一つ選択',
  multiple: 'すべて選択',
  truefalse: '正しいか誤りかを選択',
  number: '問{n}',
  legend: '問{n}（{hint}）',
  correct: '正解です。',
  incorrect: '不正解です。',
  yourChoice: 'あなたの選択「{text}」{mark}：{feedback}',
  /** After each choice of a question with several right answers: whether that one was right. */
  choiceRight: '（正解）',
  choiceWrong: '（誤り）',
  rightAnswer: '正解「{text}」：{feedback}',
  best: 'これまでの最高スコア：{score}（挑戦 {attempts}回）',
  score: '{total}問中{correct}問正解（{score}）。',
  passed: '合格です。',
  failed: '合格ライン（{pass}）には届きませんでした。解説を読んで、もう一度挑戦してみましょう。',
  attempt: '挑戦 {attempts}回目・最高スコア {best}',
  missing: '未回答の問題があります（{list}）。すべて答えてから採点してください。',
  ready: 'すべての問題に答えたら「採点する」を押してください。{total}問中{need}問以上（{pass}）の正解で合格です。',
  /** The same when the pass mark needs every answer (four questions and 80 %). */
  readyAll: 'すべての問題に答えたら「採点する」を押してください。合格には{total}問すべての正解が必要です（合格ライン{pass}）。',
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
  tooLong:
    '上限の{max}文字を{over}文字超えています。短くすると保存されます（超えている間は、前に保存した内容が残ります。いま書いている文章も下書きとして残ります）。',
  /** Announced once when the text goes over the limit (the count beside the box changes with every key). */
  tooLongAlert: '上限の{max}文字を超えました。短くすると保存されます。',
  /** Over the limit and as long as the box takes (what a draft can keep): a longer paste stopped there. */
  tooLongCut:
    '上限の{max}文字を{over}文字超えています。短くすると保存されます（超えている間は、前に保存した内容が残ります。いま書いている文章も下書きとして残ります）。この欄には{cap}文字までしか入らないため、それより後ろの部分は入っていません。',
  count: '{count} / {max}文字',
  conflict: '別のタブか別の端末で、このふりかえりに違う内容が保存されていました。どちらを残すか選んでください（選ぶまで、両方とも残ります）。',
  useOther: 'こちらの内容を使う',
  keepMine: 'いま表示している内容を残す',
  away: 'このふりかえりは書き終えています。文章は、書いたときに使っていた端末のブラウザに保存されています（LMSに記録できる量を超えたためです）。ここに書くと、新しい内容として保存されます。',
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
  commitments: 'もし〜なら、〜する（行動計画）',
  commitmentDay: '（リマインダー：{date}）',
};
export type PlanText = typeof PLAN_TEXT;

/** The reminder list on the plan page and the calendar (.ics) file made from it. */
/** When the calendar file's builder could not be loaded (the reminders, the if-then plan and the challenge say the same). */
const CALENDAR_RETRY = 'カレンダー用ファイルを作成できませんでした。インターネットに接続されているか確かめてから、もう一度ボタンを押してください。';

export const REMINDER_TEXT = {
  person: '{n}人目',
  who: '相手（名前やメモ）',
  placeholder: '例：前の部署でお世話になった佐藤さん',
  every: '連絡の頻度',
  remove: '削除',
  removeLabel: '{n}人目を削除',
  removed: '{n}人目を削除しました。',
  add: '相手を追加する',
  max: '登録できるのは{max}人までです。',
  saved: '保存しました',
  failed: '保存できませんでした。入力した内容はこの画面に残っています。',
  download: 'カレンダー用ファイル（.ics）をダウンロード',
  downloaded: '「{file}」を作成しました。カレンダーアプリで開くと、{count}人分のリマインダーが登録されます。最初の通知は{date}です。',
  none: '少なくとも1人分、相手の名前かメモを入力すると、カレンダー用ファイルを作れます。',
  calendarRetry: CALENDAR_RETRY,
  calendarReload: '入力した内容は保存済みです。うまくいかない場合は、ページを再読み込みしてください。',
  withPlan: '日付のある行動計画{count}件も入っています。',
  calendar: 'ネットワーキングの連絡リマインダー',
  summary: '{who}に連絡する',
  description: 'マイ・ネットワーキングプランのリマインダーです（{every}）。近況をたずねたり、役に立ちそうな情報を共有したりして、つながりを温めましょう。',
  everyLabels: { monthly: '毎月', bimonthly: '2か月ごと', quarterly: '3か月ごと', halfyearly: '半年ごと' } satisfies Record<ReminderEvery, string>,
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
  /** After the last question of the session. */
  last: '復習を終える',
  up: '次は{days}日後（{date}）に出題します。',
  done: 'この問題の復習は完了です。',
  again: '明日（{date}）もう一度出題します。',
  finished: '今日の復習は以上です。お疲れさまでした。',
  home: 'トップページへ戻る',
  failed: '問題を読み込めませんでした。通信状態を確かめて、もう一度読み込んでください。',
  retry: 'もう一度読み込む',
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
  statement: 'あなたは「{course}」の全{total}レッスンを学び、すべての確認クイズと練習、ふりかえりを終えて、本講座を修了したことをここに証します。',
  date: '修了日',
  score: 'クイズの平均スコア',
  print: '印刷・PDFで保存',
  missing: '修了証は、すべてのレッスンを完了すると表示されます。あと{count}レッスンです。',
  quiz: '確認クイズの合格（{pass}以上）',
  reflection: 'ふりかえり（必須）の記入',
  /** {kinds}: the kinds of the practices still to do, from `kinds` (練習（分類）). */
  activity: '練習（{kinds}）',
  kinds: { conversation: '会話', sorting: '分類', matching: '組み合わせ', message: 'メッセージ作成' },
  kindSeparator: '・',
  lesson: 'レッスン{order}「{title}」',
  separator: '、',
};
export type CertificateText = typeof CERTIFICATE_TEXT;

/** The pre-check page (事前チェック) and the invitation to it on the home page. */
export const PRECHECK_TEXT = {
  loading: '学習記録を読み込んでいます…',
  from: 'レッスン{order}「{title}」より',
  clear: '選択を取り消す',
  clearLabel: '問{n}の選択を取り消す',
  ready: '答えたら「送信する」を押してください。わからない問題は、空けたままでかまいません（とばした問題として記録します）。',
  answered: '{total}問中{answered}問に答えています。わからない問題は空けたままでかまいません。',
  none: 'まだ1問も答えていません。受けない場合は「事前チェックをとばす」を押してください。',
  submit: '送信する',
  skip: '事前チェックをとばす',
  skipped: '事前チェックはとばしました。受けたくなったら、いつでもここから受けられます。',
  take: '事前チェックを受ける',
  started: 'すでにレッスンをはじめているので、講座をはじめる前とは少し違う結果になることがあります。それでも、いまの出発点を知る手がかりになります。',
  done: '事前チェックを受けました（{date}）。{total}問中{answered}問に答え、{right}問が正解でした。',
  origin: 'はじめは答えられなくて当然です。ここが、あなたの出発点です。',
  watch: '特に注目して学ぶとよいレッスン',
  watchIntro: '正解でなかった問題や、とばした問題のレッスンです。問題の場面を思い出しながら読んでみてください。',
  watchNone: 'どの問題にも正解していました。レッスンでは、なぜそれがよいのかを自分の言葉で説明できるかを確かめてみてください。',
  known: 'すでに手がかりをつかめているレッスン：{list}',
  lesson: 'レッスン{order}「{title}」',
  separator: '、',
  start: 'レッスン1からはじめる',
  invite:
    'はじめる前に、事前チェック（{count}問・約{minutes}分）で、いまの自分の出発点を確かめてみませんか。成績には含まれません。とばして、すぐに講座をはじめてもかまいません。',
  inviteLink: '事前チェックを受ける',
};
export type PrecheckText = typeof PRECHECK_TEXT;

/** The final check page (修了テスト). */
export const FINAL_TEXT = {
  loading: '学習記録を読み込んでいます…',
  locked: '修了テストは、すべてのレッスンを完了すると受けられます。あと{count}レッスンです。',
  lesson: 'レッスン{order}「{title}」',
  from: 'レッスン{order}「{title}」より',
  ready: 'すべての問題に答えたら「採点する」を押してください。',
  missing: '未回答の問題があります（{list}）。すべて答えてから採点してください。',
  listSeparator: '、',
  submit: '採点する',
  score: '修了テストの結果：{total}問中{correct}問正解（{score}）でした。',
  passed: '合格ライン（{pass}）に届きました。',
  failed: '合格ライン（{pass}）には届きませんでした。解説を読み、レッスンを見直してから、もう一度受けてみましょう。',
  date: '受けた日：{date}',
  results: 'レッスンごとの結果と解説',
  review: 'レッスン{order}を見直す',
  retry: 'もう一度受ける',
  next: 'この結果は「おわりに」と修了証で、事前チェックからの伸びとして確かめられます。見直すとよいレッスンは、マイプランにも表示されます。',
  gain: '学習の伸びを見る（おわりに）',
  certificate: '修了証へ',
  plan: 'マイ・ネットワーキングプランへ',
};
export type FinalText = typeof FINAL_TEXT;

/** The learning gain (事前チェック → 修了テスト) on the conclusion and the certificate. */
export const GAIN_TEXT = {
  loading: '学習記録を読み込んでいます…',
  none: '修了テストを受けると、事前チェックからの伸びがレッスンごとにここに表示されます。',
  take: '修了テストへ',
  caption: 'レッスンごとの結果（事前チェック → 修了テスト）',
  lesson: 'レッスン',
  before: '事前チェック',
  after: '修了テスト',
  trend: '変化',
  right: '正解',
  wrong: '不正解',
  skipped: 'とばした',
  notTaken: '受けていない',
  count: '{total}問中{right}問正解',
  trends: { up: '伸びた', down: '下がった', kept: 'はじめから正解', gap: '見直したい', unknown: '比較なし' },
  row: 'レッスン{order}',
  unknownSide: '記録なし（とばした・受けていない）',
  summary: '事前チェックでは{preTotal}問中{preRight}問、修了テストでは{postTotal}問中{postRight}問が正解でした。',
  summaryNoPre: '修了テストでは{postTotal}問中{postRight}問が正解でした。事前チェックを受けていないので、始める前との比較はありません。',
  first: '伸びは、初回の修了テストの結果で示しています（解説を読んだあとの結果は、答えを覚えているかどうかも含んでしまうためです）。',
};
export type GainText = typeof GAIN_TEXT;

/** The plan page: lessons where the final check found gaps. */
export const GAPS_TEXT = {
  heading: '修了テストで見つかった見直しどころ',
  loading: '学習記録を読み込んでいます…',
  notYet: '修了テストを受けると、見直すとよいレッスンがここに表示されます。',
  take: '修了テストへ',
  intro: '初回の修了テストで正解できなかった問題のあるレッスンです。ポイントと「場面で考える」を読み直し、そのレッスンで書いたふりかえりも見直してみましょう。',
  none: '初回の修了テストでは、すべてのレッスンの問題に正解しました。あとはプランを実行に移すだけです。',
  lesson: 'レッスン{order}「{title}」を見直す',
};
export type GapsText = typeof GAPS_TEXT;

/** The certificate's parts about the final check. */
export const CERTIFICATE_FINAL_TEXT = {
  statement: 'あなたは「{course}」の全{total}レッスンを学び、すべての確認クイズとふりかえり、修了テストを終えて、本講座を修了したことをここに証します。',
  score: '修了テストの得点',
  take: '修了テストを受けること',
  pass: '修了テストで{pass}以上の得点をとること',
  link: '修了テスト',
  onlyTake: 'すべてのレッスンを完了しました。修了証は、修了テストを受けると表示されます。',
  onlyPass: 'すべてのレッスンを完了しました。修了証は、修了テストで{pass}以上の得点をとると表示されます。',
};
export type CertificateFinalText = typeof CERTIFICATE_FINAL_TEXT;

/** The completion and score rules in words (src/lib/course/assessment.ts, rulesInWords). */
export const ASSESSMENT_TEXT = {
  lessons: '修了には、全{n}レッスンの完了（確認クイズで{quizPass}以上と、必須のふりかえりの記入）',
  lessonsQuizOnly: '修了には、全{n}レッスンの完了（確認クイズで{quizPass}以上）',
  optional: 'が必要です。修了テストは任意です。',
  taken: 'と、修了テストを受けること（得点は問いません）が必要です。',
  passed: 'と、修了テストで{pass}以上の得点が必要です。',
  once: '修了テストは、すべてのレッスンを終えたあとに一度だけ受けられます。',
  retake: '修了テストは、すべてのレッスンを終えると受けられ、{pass}に届かなかったときは、選択肢の順番を変えてもう一度受けられます。',
  scoreFinal: '学習管理システム（LMS）や埋め込み先に送られる得点は、修了テストの得点です（受けるまでは0点）。',
  passFinal: '{pass}以上で合格として記録されます。',
  noPass: '合格・不合格の判定は送られません。',
  scoreQuizzes: '学習管理システム（LMS）や埋め込み先に送られる得点は、全レッスンの確認クイズの最高スコアの平均です。',
  passQuizzes: 'すべての確認クイズに合格すると、合格として記録されます。',
  precheck: '事前チェックは、始める前の出発点を確かめるためのもので、修了の条件にも得点にも含まれません。',
  lessonSteps: {
    quiz: ['クイズで合格ライン（{quizPass}）に届き', 'クイズで合格ライン（{quizPass}）に届く'],
    allPractice: ['練習を終え', '練習を終える'],
    somePractice: ['必須の練習を終え', '必須の練習を終える'],
    reflections: ['必須のふりかえりを書き', '必須のふりかえりを書く'],
  },
  lessonDone: '{steps}とレッスン完了です。',
} satisfies AssessmentText;

/** The progress file page (進捗の書き出し・読み込み). */
export const TRANSFER_TEXT = {
  loading: '学習記録を読み込んでいます…',
  exportHeading: '書き出す',
  exportHelp: 'いまの学習記録を一つのファイル（.json）に保存します。ファイルにはふりかえりの文章もそのまま入っているので、人と共有しないようご注意ください。',
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
    'newer-version': 'より新しいバージョンの講座で書き出されたファイルです。ページを再読み込みして講座を最新にしてから、もう一度お試しください。',
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

/** The part bar at the top of a lesson (components/PartBar.astro; parts: src/lib/course/parts.ts). */
export const PART_TEXT = {
  label: 'このレッスンの流れ',
  source: '本文',
  keypoints: 'ポイント',
  scenario: '場面',
  evidence: '研究',
  practice: '練習',
  quiz: 'クイズ',
  reflection: 'ふりかえり',
};

/** The branching conversation (会話シミュレーション) of a lesson. */
export const CONVERSATION_TEXT = {
  kind: '会話シミュレーション',
  transcript: 'ここまでの会話',
  you: '{role}（あなた）',
  choices: '{role}として、どうしますか',
  feedback: 'この選択について：',
  ending: '結末：{verdict}。',
  endings: '結末は{count}通りあります。',
  best: 'これまでにたどり着いたいちばんよい結末：「{verdict}」',
  back: 'ひとつ戻る',
  restart: '最初からやり直す',
  backDone: 'ひとつ前の場面に戻りました。',
  restartDone: '会話を最初からやり直します。',
};
export type ConversationText = typeof CONVERSATION_TEXT;

/** Sorting (分類) and matching (組み合わせ) in a lesson. */
export const PLACEMENT_TEXT = {
  sorting: '分類',
  matching: '組み合わせ',
  choose: '選んでください',
  check: '答え合わせ',
  missing: 'まだ選んでいない項目が{n}件あります。すべて選んでから答え合わせをしてください。',
  score: '{total}件中{right}件が正解です。',
  allRight: 'すべて正解です。',
  someWrong: '説明を読んで、「選び直す」から違っていた項目を選び直してみましょう。',
  best: 'これまでの最高：{total}件中{right}件',
  right: '正解です。',
  wrong: '正しくは「{answer}」です。',
  retry: '選び直す',
};
export type PlacementText = typeof PLACEMENT_TEXT;

/** The message builder (メッセージ作成) in a lesson. */
export const MESSAGE_TEXT = {
  kind: 'メッセージ作成',
  required: '（必須）',
  optional: '（任意）',
  preview: 'できあがった文面',
  copy: '文面をコピー',
  copied: '文面をクリップボードにコピーしました。メールやチャットに貼り付けて使えます。',
  copyFailed: 'コピーできませんでした。「できあがった文面」の欄を選択してコピーしてください。',
  fieldsLeft: 'あと{n}欄で完成です（{list}）。',
  complete: 'すべての欄が埋まりました。送る前に、相手と場面に合っているか読み返しましょう。',
  saved: '保存しました',
  failed: 'この端末に保存できませんでした。内容はこの画面に残っています。',
  separator: '、',
};
export type MessageText = typeof MESSAGE_TEXT;

/** The if-then plan (もし〜なら、〜する) on the plan page. */
export const COMMITMENT_TEXT = {
  item: '行動計画 {n}',
  remind: 'リマインダーの日付（任意）',
  remindHint: '日付を入れると、カレンダー用ファイル（.ics）にその日の予定として入ります（朝9時に通知）。',
  preview: 'この行動計画：',
  previewEmpty: '「〜する」を書くと、ここに一文で表示されます。',
  add: '行動計画を追加',
  remove: '削除',
  removeLabel: '行動計画 {n} を削除',
  removed: '行動計画 {n} を削除しました。',
  count: '3〜5個を目安に書きましょう。いま{n}個です。',
  max: '行動計画は{max}個までです。',
  examples: '例（各レッスンの場面から）',
  example: 'レッスン{lesson}：{text}',
  useExample: 'この例を下書きに使う',
  useExampleLabel: 'この例を下書きに使う（レッスン{lesson}の例）',
  exampleUsed: '例を行動計画 {n} に入れました。自分の場面に合わせて書き換えてください。',
  calendar: 'カレンダー用ファイル（.ics）を保存',
  calendarDone: '「{file}」を作成しました。日付のある行動計画{count}件と、連絡のリマインダー{people}件が入っています。',
  calendarNone: '日付のある行動計画も、連絡のリマインダーもまだありません。日付を入れてから保存してください。',
  calendarDescription: 'マイ・ネットワーキングプランの行動計画（もし〜なら、〜する）',
  saved: '保存しました',
  failed: 'この端末に保存できませんでした。内容はこの画面に残っています。',
};
export type CommitmentText = typeof COMMITMENT_TEXT;

/** Replaces `{name}` placeholders: fill('問{n}', { n: 2 }) → '問2'. Unknown names stay visible. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** The 1週間チャレンジ page (src/islands/challenge). */
export const CHALLENGE_TEXT = {
  setupHeading: 'この1週間の行動を決める',
  setupIntro: '受けたレッスンから、小さな行動を1日に一つずつ、やさしいものから順に並べました。このままでも、日ごとに選び直してもかまいません。',
  fromAll: 'まだ完了したレッスンが少ないので、すべてのレッスンから選んでいます。',
  start: '始める日',
  day: '{n}日目',
  dayOf: '{n}日目・{date}',
  choose: '{n}日目の行動',
  lessonOf: 'レッスン{lesson}',
  begin: 'この7日間で始める',
  begun: '1週間チャレンジを始めました。1日目は{date}です。',
  /** The days' section (for screen readers: the days are its h3s). */
  daysHeading: '7日間の記録',
  before: 'やる前に',
  predict: '相手が応じてくれる見込み',
  predictHint: '「{yes}」となる見込みを、感じたとおりに選んでください。',
  notYet: 'まだ決めていない',
  percent: '{n}%',
  worry: 'どうなると思いますか',
  worryPlaceholder: '例：忙しそうなので、断られると思う',
  after: 'やってみたら',
  outcome: '相手はどうでしたか',
  outcomes: { yes: '応じてくれた', partly: '一部応じてくれた', no: '応じてもらえなかった' },
  note: 'どんなことがありましたか',
  notePlaceholder: '例：思ったより喜んでくれて、来週の打ち合わせで続きを話すことになった',
  done: 'やってみた',
  skip: 'この日はスキップする',
  reopen: '予定に戻す',
  move: 'この行動をする日',
  /** Under a day's date field (the range moveWindow allows). */
  moveRange: '{min}から{max}までの日に移せます。',
  moveOut: 'この日付には移せません。{min}から{max}までの日を選んでください。',
  moveBack: '選んだ日付には移せないため、この日は{date}のままです。',
  /** Said (not shown) once a day has moved to its place by date; {date} spoken in full (12月20日 日曜日). */
  moved: '{date}に移しました。{n}日目です。',
  statusPlanned: '予定',
  statusDone: 'やってみた',
  statusSkipped: 'スキップ',
  saved: '保存しました',
  failed: '保存できませんでした。入力した内容はこの画面に残っています。',
  compareHeading: '予想と、実際の結果',
  compareNone: 'やってみた日の結果を記録すると、ここに予想と並べて表示されます。',
  compareSummary: '記録した{n}日分の見込みの平均は{predicted}、実際に応じてもらえた割合は{actual}でした（一部応じてくれた日は半分と数えています）。',
  compareSummaryNoPredict: '記録した{n}日分のうち、実際に応じてもらえた割合は{actual}でした（一部応じてくれた日は半分と数えています）。',
  compareUnder: '予想より、相手は応じてくれました。人は、相手が応じてくれる見込みを低く見積もりがちです。ここまでのあなたの記録でも、そうだったようです。',
  compareOver:
    '予想ほどには応じてもらえませんでした。頼み方や場面を変えると結果も変わります。うまくいかなかった日のメモを読み返して、次の一回に生かしましょう。',
  compareEven: '予想と実際がほぼ同じでした。予想を立ててから動く練習そのものが、声をかける不安を小さくしていきます。',
  finished: '7日間が終わりました。よく続けましたね。',
  tableDay: '日',
  tableAction: '行動',
  tablePredict: '予想',
  tableResult: '結果',
  predictedLabel: '予想',
  actualLabel: '実際',
  calendar: 'カレンダー用ファイル（.ics）を保存',
  calendarName: '1週間チャレンジ',
  calendarRetry: CALENDAR_RETRY,
  calendarReload: '記録した内容は保存済みです。うまくいかない場合は、ページを再読み込みしてください。',
  calendarDone: '「{file}」を保存しました。カレンダーアプリで開くと、7日分の予定（各日の朝9時に通知）が入ります。',
  calendarDescription: '1週間チャレンジ：やる前に、相手が応じてくれる見込みを講座のページに書いてから、やってみましょう。',
  print: '印刷・PDFで保存',
  restart: '最初からやり直す',
  restartConfirm: '記録した内容も含めて、7日間を最初から決め直します。よろしいですか。',
  restartYes: 'やり直す',
  restartNo: 'やめる',
  loading: '読み込んでいます…',
};
export type ChallengeText = typeof CHALLENGE_TEXT;
