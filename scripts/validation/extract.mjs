/**
 * Writes what the validation readers get (docs/assessment-validation.md):
 *   <out>/questions.md  every question of the pre-check, the lesson quizzes and the final check,
 *                       with its options but no key, no feedback, no lesson text;
 *   <out>/lessons.md    the text of every lesson page as a learner reads it (objectives, the
 *                       article's section, key points, scenario, research findings, activities
 *                       with their feedback, reflection prompts), without its questions.
 *
 *   node scripts/validation/extract.mjs [out-dir]        (default: validation/)
 */
import fs from 'node:fs';
import path from 'node:path';
import { questions, readLessons } from './content.mjs';

const out = process.argv[2] ?? 'validation';
fs.mkdirSync(out, { recursive: true });
const lessons = readLessons();

const HINT = { single: '一つ選ぶ', multiple: '当てはまるものをすべて選ぶ', truefalse: '正しいか誤りかを選ぶ' };
const SET = { pre: '事前チェック', quiz: '確認クイズ', final: '修了テスト' };
const q = [];
let set = '';
for (const item of questions(lessons)) {
  if (item.set !== set) q.push(`\n## ${SET[(set = item.set)]}\n`);
  q.push(`### ${item.id}（${HINT[item.type]}）\n\n${item.prompt.trim()}\n`);
  for (const o of item.options) q.push(`- ${o.id}: ${o.text}`);
  q.push('');
}
fs.writeFileSync(path.join(out, 'questions.md'), `# 設問（${questions(lessons).length}問）\n${q.join('\n')}\n`);

/** The MDX body as plain reading text: component tags dropped, their content kept. */
const plain = (body) =>
  body
    .replace(/<Source>\s*/g, '【本文（記事より）】\n')
    .replace(/<KeyPoints>\s*/g, '【ポイント】\n')
    .replace(/<Scenario title="([^"]*)">\s*/g, '【場面で考える：$1】\n')
    .replace(/<Evidence\s*\/>/g, '')
    .replace(/<\/?[A-Z][^>]*>/g, '')
    .replace(/\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function activityText(a) {
  const lines = [`【練習：${a.title}】`, a.instructions?.trim() ?? ''];
  if (a.kind === 'conversation')
    for (const n of a.nodes) {
      lines.push(`〈${n.id}〉${n.speaker ? `${n.speaker}：` : ''}${(n.line ?? '').trim()}`);
      for (const c of n.choices ?? []) lines.push(`  - 選択肢「${c.text}」→ 解説：${c.feedback}`);
      if (n.ending) lines.push(`  結末：${n.ending.verdict}。${n.ending.text.trim()}`);
    }
  if (a.kind === 'sorting') for (const i of a.items) lines.push(`- ${i.text} → ${a.categories.find((c) => c.id === i.category)?.label}：${i.feedback}`);
  if (a.kind === 'matching') for (const p of a.pairs) lines.push(`- ${p.prompt} → ${a.answers.find((x) => x.id === p.answer)?.text}：${p.feedback}`);
  if (a.kind === 'message') for (const f of a.fields) lines.push(`- ${f.label}：${f.hint ?? ''}（例：${f.placeholder ?? ''}）`);
  return lines.join('\n');
}

function evidenceText(e) {
  return `【研究からわかること：${e.title}】\nよくある思い込み：${e.belief}\nわかったこと：${e.finding.trim()}\nこうしてみる：${e.action.trim()}`;
}

const pages = lessons.map((l) => {
  const d = l.data;
  return [
    `# レッスン${d.order}：${d.title}`,
    `ねらい：\n${d.objectives.map((o) => `- ${o}`).join('\n')}`,
    plain(l.body),
    ...(d.evidence ?? []).map(evidenceText),
    ...(d.activities ?? []).map(activityText),
    `【ふりかえり】\n${d.reflections.map((r) => `- ${r.prompt.trim()}`).join('\n')}`,
  ].join('\n\n');
});
fs.writeFileSync(path.join(out, 'lessons.md'), `${pages.join('\n\n---\n\n')}\n`);
console.log(`${out}/questions.md (${questions(lessons).length} questions) and ${out}/lessons.md (${lessons.length} lessons) written`);
