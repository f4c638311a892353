/**
 * Reading the course content for the reader validation (docs/assessment-validation.md): every
 * lesson's frontmatter and body, straight from content/lessons/*.mdx (no build needed).
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/** The lessons in course order: { file, data (frontmatter), body (MDX after the frontmatter) }. */
export function readLessons(contentDir = process.env.COURSE_CONTENT_DIR ?? 'content') {
  const dir = path.join(contentDir, 'lessons');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const lines = text.split(/\r?\n/);
      const end = lines.indexOf('---', 1);
      return { file: path.join(dir, f), data: yaml.load(lines.slice(1, end).join('\n')), body: lines.slice(end + 1).join('\n') };
    })
    .sort((a, b) => a.data.order - b.data.order);
}

/** Every question with the set it belongs to: pre (事前チェック), quiz (a lesson's 確認クイズ), final (修了テスト). */
export function questions(lessons) {
  const out = [];
  for (const set of ['pre', 'quiz', 'final'])
    for (const l of lessons) {
      const items = set === 'quiz' ? l.data.quiz.questions : l.data.checks[set];
      for (const q of items) out.push({ set, lesson: l.data.order, slug: l.data.slug, ...q });
    }
  return out;
}

/** The ids of a question's correct options, sorted. */
export const keyOf = (q) =>
  q.options
    .filter((o) => o.correct)
    .map((o) => o.id)
    .sort();
