/**
 * JavaScript of each practice activity, read from the build (exact, no browser): for every lesson
 * page, the first view (module scripts, eager islands, inline scripts — the lesson budget), what
 * the quiz and reflections load on scroll, and the code ONLY the page's activity island loads
 * (its component chunk and imports not already loaded by the rest of the page). The same
 * accounting as tests/build/budget.test.ts, which holds each activity to 3 KiB gzip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSize } from './util.mjs';

const ACTIVITY = /\/(Conversation|Placement|MessageBuilder)\.[\w-]+\.js$/;
const KIND = { Conversation: 'conversation', MessageBuilder: 'message' };

function withImports(dir, roots) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !fs.existsSync(path.join(dir, file))) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g))
      visit(path.posix.join(path.posix.dirname(file), m[1]));
  };
  roots.forEach(visit);
  return seen;
}

/** Per lesson page: first view, quiz/reflection on scroll, and the activity's own code (gzip bytes). */
export function activityWeights(dir) {
  const gz = (files) => [...files].reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(dir, f))), 0);
  const lessons = path.join(dir, 'lessons');
  const rows = [];
  for (const slug of fs.readdirSync(lessons).sort()) {
    const page = path.join('lessons', slug, 'index.html');
    const html = fs.readFileSync(path.join(dir, page), 'utf8');
    const file = (u) => u.replace(/^\//, '');
    const first = new Set();
    const visible = [];
    for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) first.add(file(m[1]));
    const chunks = fs.readdirSync(path.join(dir, '_astro'));
    for (const m of html.matchAll(/<course-island\b[^>]*>/g)) {
      // The island's code: the chunk the build names after its component (mount.ts imports it when it starts).
      const name = /\sdata-name="(\w+)"/.exec(m[0])?.[1];
      const chunk = chunks.find((f) => f.startsWith(`${name}.`) && f.endsWith('.js'));
      if (!chunk) continue;
      if (/\sdata-when="visible"/.test(m[0])) visible.push(`_astro/${chunk}`);
      else first.add(`_astro/${chunk}`);
    }
    const firstView = withImports(dir, first);
    const inline = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].reduce(
      (s, m) => s + (m[1].trim() ? gzipSize(m[1]) : 0),
      0,
    );
    const minus = (set, ...others) => new Set([...set].filter((f) => !others.some((o) => o.has(f))));
    const practice = minus(
      withImports(
        dir,
        visible.filter((u) => !ACTIVITY.test(`/${u}`)),
      ),
      firstView,
    );
    const islands = visible.filter((u) => ACTIVITY.test(`/${u}`));
    const own = minus(withImports(dir, islands), firstView, practice);
    const name = islands[0]?.match(ACTIVITY)?.[1];
    rows.push({
      slug,
      activity: name ? (KIND[name] ?? (html.includes('data-activity="sorting"') ? 'sorting' : 'matching')) : null,
      firstViewJsGzip: gz(firstView) + inline,
      quizAndReflectionsGzip: gz(practice),
      activityJsGzip: gz(own),
      activityFiles: [...own].map((f) => path.basename(f)),
    });
  }
  return rows;
}
