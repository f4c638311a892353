/**
 * The assessment lint for authors: `npm run lint:content` (Node 24: it runs this TypeScript file
 * directly). Reads every content/lessons/*.mdx frontmatter and content/assessment-lint.yaml
 * (thresholds; the defaults in scripts/authoring/assessment-lint.ts apply when it is missing), prints one
 * table per rule and one line per violation, and exits 1 when there are violations.
 *
 *   COURSE_CONTENT_DIR=tests/fixtures/tells-course npm run lint:content   another course
 *   npm run lint:content -- --json                                       the report as JSON
 *
 * Exit codes: 0 clean, 1 violations, 2 the content or the config file cannot be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { formatReport, lintCourse, resolveConfig, type LintLesson } from './assessment-lint.ts';

const CONFIG_FILE = 'assessment-lint.yaml';

/** A path as authors see it in messages: relative to where they ran the command, with forward slashes. */
const shown = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/') || '.';

class ContentError extends Error {}

/** The YAML between the first two `---` lines. */
function frontmatter(file: string): unknown {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  if (lines[0] !== '---' || end < 0) throw new ContentError(`${shown(file)}: no frontmatter (the file must start with a --- line and close it with another)`);
  try {
    return yaml.load(lines.slice(1, end).join('\n'));
  } catch (e) {
    throw new ContentError(`${shown(file)}: the frontmatter is not valid YAML: ${(e as Error).message}`);
  }
}

/**
 * Only what the lint needs is checked here; the full schema is the build's job (`astro build`
 * names every wrong field), so a lesson the build would reject can still be linted where it can.
 */
function toLesson(file: string, data: unknown): LintLesson {
  const d = (data ?? {}) as Partial<LintLesson>;
  if (!Array.isArray(d.quiz?.questions) || !Array.isArray(d.objectives))
    throw new ContentError(`${shown(file)}: the frontmatter needs "objectives" and "quiz.questions" lists (see docs/authoring.md)`);
  for (const q of [...d.quiz.questions, ...(d.checks?.pre ?? []), ...(d.checks?.final ?? [])])
    if (typeof q?.id !== 'string' || typeof q.prompt !== 'string' || !Array.isArray(q.options))
      throw new ContentError(`${shown(file)}: every question needs an id, a prompt and options (${JSON.stringify(q?.id ?? q)})`);
  return { file: shown(file), slug: String(d.slug ?? ''), order: Number(d.order ?? 0), objectives: d.objectives, quiz: d.quiz, checks: d.checks };
}

function main(): number {
  const dir = path.resolve(process.env.COURSE_CONTENT_DIR ?? './content');
  const lessonsDir = path.join(dir, 'lessons');
  if (!fs.existsSync(lessonsDir)) throw new ContentError(`${shown(lessonsDir)}: no such folder (COURSE_CONTENT_DIR picks the course)`);
  const lessons = fs
    .readdirSync(lessonsDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => path.join(lessonsDir, f))
    .map((f) => toLesson(f, frontmatter(f)));

  const configFile = path.join(dir, CONFIG_FILE);
  let raw: unknown;
  if (fs.existsSync(configFile))
    try {
      raw = yaml.load(fs.readFileSync(configFile, 'utf8'));
    } catch (e) {
      throw new ContentError(`${shown(configFile)}: not valid YAML: ${(e as Error).message}`);
    }
  const { config, errors } = resolveConfig(raw);
  if (errors.length) throw new ContentError(errors.map((e) => `${shown(configFile)}: ${e}`).join('\n'));

  const report = lintCourse(lessons, config);
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report));
  return report.violations.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(`assessment lint: ${e.message}`);
  process.exitCode = 2;
}
