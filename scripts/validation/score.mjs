/**
 * Scores the validation readers' answers against the course's keys (docs/assessment-validation.md)
 * and prints a Markdown report: per reader and set (pre-check, lesson quizzes, final check) the
 * share correct, then the per-item table (each reader's answer, right or wrong, confidence).
 *
 *   node scripts/validation/score.mjs <answers-dir> [--items]
 *
 * <answers-dir> holds one JSON file per reader:
 *   { "reader": "r1", "persona": "20代の新入社員", "kind": "without" | "with",
 *     "answers": { "l01-p1": { "choice": ["b"], "confidence": "high" | "medium" | "low" }, … } }
 * A multiple-response answer counts as right only when it is exactly the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keyOf, questions, readLessons } from './content.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/validation/score.mjs <answers-dir> [--items]');
  process.exit(2);
}
const items = questions(readLessons());
const readers = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const right = (r, q) => {
  const a = r.answers[q.id];
  return !!a && same([...(a.choice ?? [])].sort(), keyOf(q));
};
const SETS = [
  ['pre', '事前チェック'],
  ['quiz', '確認クイズ'],
  ['final', '修了テスト'],
];
const pct = (n, d) => (d ? `${Math.round((100 * n) / d)} %` : '–');

const lines = [
  `| reader | persona | kind | ${SETS.map(([, n]) => n).join(' | ')} | all | right with high confidence |`,
  `|---|---|---|${SETS.map(() => '---|').join('')}---|---|`,
];
for (const r of readers) {
  const cells = SETS.map(([s]) => {
    const qs = items.filter((q) => q.set === s);
    const n = qs.filter((q) => right(r, q)).length;
    return `${n}/${qs.length} (${pct(n, qs.length)})`;
  });
  const all = items.filter((q) => right(r, q)).length;
  const sure = items.filter((q) => right(r, q) && r.answers[q.id]?.confidence === 'high').length;
  lines.push(`| ${r.reader} | ${r.persona} | ${r.kind} | ${cells.join(' | ')} | ${all}/${items.length} (${pct(all, items.length)}) | ${sure} |`);
}
for (const kind of ['without', 'with']) {
  const group = readers.filter((r) => r.kind === kind);
  if (!group.length) continue;
  const cells = SETS.map(([s]) => {
    const qs = items.filter((q) => q.set === s);
    const n = group.reduce((sum, r) => sum + qs.filter((q) => right(r, q)).length, 0);
    return pct(n, qs.length * group.length);
  });
  lines.push(
    `| **all ${kind}** | ${group.length} readers | ${kind} | ${cells.join(' | ')} | ${pct(
      group.reduce((s, r) => s + items.filter((q) => right(r, q)).length, 0),
      items.length * group.length,
    )} | |`,
  );
}
console.log(lines.join('\n'));

if (process.argv.includes('--items')) {
  const mark = (r, q) => {
    const a = r.answers[q.id];
    if (!a) return '—';
    const c = { high: 'H', medium: 'M', low: 'L' }[a.confidence] ?? '?';
    return `${(a.choice ?? []).join('') || '∅'} ${right(r, q) ? '✓' : '✗'} ${c}`;
  };
  console.log(`\n| item | key | ${readers.map((r) => r.reader).join(' | ')} | right (without) |`);
  console.log(`|---|---|${readers.map(() => '---|').join('')}---|`);
  for (const q of items) {
    const without = readers.filter((r) => r.kind === 'without');
    console.log(
      `| ${q.id} | ${keyOf(q).join('')} | ${readers.map((r) => mark(r, q)).join(' | ')} | ${without.filter((r) => right(r, q)).length}/${without.length} |`,
    );
  }
}
