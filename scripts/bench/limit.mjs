/**
 * The limit page (issue 21): the same lesson's visible content as plain static HTML with one Preact
 * quiz island and nothing else. Built here, by Astro with @astrojs/preact (a stock `client:visible`
 * island), in a temporary project, from the course build the bench just made: the lesson page's
 * <body> with every script removed and every island left as the HTML the server rendered, its
 * stylesheets, and in place of the quiz a small Preact quiz of the same questions (choose, then
 * 採点する shows the score). Lighthouse then measures the real lesson and this page side by side:
 * what the course's own machinery (progress store, notices, contents, islands runtime, the other
 * islands) costs over the least a lesson with a quiz can be.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, tail, timeCommand } from './util.mjs';

const QUIZ = `import { useState } from 'preact/hooks';

interface Option { id: string; text: string; correct: boolean }
interface Question { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: Option[] }

/** A minimal quiz: choose, then 採点する shows how many were right. */
export default function Quiz({ questions }: { questions: Question[] }) {
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [score, setScore] = useState<number | null>(null);
  const pick = (q: Question, id: string, on: boolean) =>
    setChosen({ ...chosen, [q.id]: q.type === 'multiple' ? (on ? [...(chosen[q.id] ?? []), id] : (chosen[q.id] ?? []).filter((x) => x !== id)) : [id] });
  const right = (q: Question) => {
    const keys = q.options.filter((o) => o.correct).map((o) => o.id).sort().join();
    return [...(chosen[q.id] ?? [])].sort().join() === keys;
  };
  return (
    <form class="quiz" onSubmit={(e) => { e.preventDefault(); setScore(questions.filter(right).length); }}>
      {questions.map((q, i) => (
        <fieldset key={q.id}>
          <legend>問{i + 1}</legend>
          <p>{q.prompt}</p>
          {q.options.map((o) => (
            <label class="choice" key={o.id}>
              <input type={q.type === 'multiple' ? 'checkbox' : 'radio'} name={q.id} value={o.id} onChange={(e) => pick(q, o.id, (e.target as HTMLInputElement).checked)} />
              <span>{o.text}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit">採点する</button>
      <div role="status">{score === null ? '' : \`\${questions.length}問中\${score}問正解\`}</div>
    </form>
  );
}
`;

/**
 * Builds the limit page of `lesson` (a slug) from the course build in `courseDir`. Returns
 * { root, outDir, ms } (serve outDir with `astro preview` from root), or throws with the build's output.
 */
export async function buildLimitPage({ root, courseDir, lesson }) {
  const html = fs.readFileSync(path.join(courseDir, 'lessons', lesson, 'index.html'), 'utf8');
  const practice = JSON.parse(fs.readFileSync(path.join(courseDir, 'lessons', lesson, 'practice.json'), 'utf8'));
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1];
  if (!body) throw new Error(`lessons/${lesson}/index.html has no <body>`);
  const staticBody = body.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  // The quiz island is replaced by the Preact quiz; every other island stays as its server-rendered HTML.
  const quiz = /<course-island\b[^>]*data-name="Quiz"[^>]*>[\s\S]*?<\/form><\/course-island>/.exec(staticBody);
  if (!quiz) throw new Error(`lessons/${lesson}/index.html: no quiz island found`);
  const unwrap = (s) => s.replace(/<course-island\b[^>]*>/g, '').replace(/<\/course-island>/g, '');
  const before = unwrap(staticBody.slice(0, quiz.index));
  const after = unwrap(staticBody.slice(quiz.index + quiz[0].length));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'course-limit-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src/components'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'public/css'), { recursive: true });
  for (const [i, s] of styles.entries()) fs.copyFileSync(path.join(courseDir, s), path.join(dir, 'public/css', `${i}.css`));
  // The course's dependencies (astro, @astrojs/preact, preact), so that Vite bundles them as in the course.
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'course-limit-page', private: true, type: 'module', dependencies }));
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport preact from '@astrojs/preact';\nexport default defineConfig({ integrations: [preact()], trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });\n`,
  );
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact' } }));
  fs.writeFileSync(path.join(dir, 'src/components/Quiz.tsx'), QUIZ);
  fs.writeFileSync(path.join(dir, 'src/parts.json'), JSON.stringify({ before, after, questions: practice.quiz.questions }));
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? lesson;
  fs.writeFileSync(
    path.join(dir, 'src/pages/index.astro'),
    `---
import Quiz from '../components/Quiz';
import parts from '../parts.json';
---
<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title.replace(/[<>{}]/g, '')}</title>
${styles.map((_, i) => `    <link rel="stylesheet" href="/css/${i}.css" />`).join('\n')}
  </head>
  <body>
    <Fragment set:html={parts.before} />
    <Quiz client:visible questions={parts.questions} />
    <Fragment set:html={parts.after} />
  </body>
</html>
`,
  );
  log(`building the limit page of lessons/${lesson}/ in ${dir} …`);
  const { ms, code, output } = await timeCommand('npx', ['astro', 'build'], { cwd: dir, env: { ...process.env, COURSE_OUT_DIR: '' } });
  const outDir = path.join(dir, 'dist');
  if (code !== 0 || !fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`the limit page did not build (exit ${code}):\n${tail(output)}`);
  return { root: dir, outDir, ms };
}
