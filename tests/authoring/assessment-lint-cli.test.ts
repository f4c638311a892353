/**
 * `npm run lint:content` as authors run it: the CLI on a fixture course with planted tells must
 * fail naming each one, and on the real course it must pass.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../scripts/authoring/assessment-lint';
import { lessonSchema } from '../../src/lib/course/schema';

const FIXTURE = 'tests/fixtures/tells-course';
const LESSONS = `${FIXTURE}/lessons`;

/**
 * A Node that runs TypeScript directly (22.6+): this one when vitest runs on Node 24, else the
 * project's Node 24 (NODE24, or /opt/node24/bin/node). None at all fails the test rather than skipping it.
 */
function typeStrippingNode(): string {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 6)) return process.execPath;
  const candidate = process.env.NODE24 ?? '/opt/node24/bin/node';
  if (fs.existsSync(candidate)) return candidate;
  throw new Error(
    `scripts/authoring/lint-content.ts needs Node ≥ 22.6 (the project uses Node 24); this is ${process.version}. Set NODE24 to a Node 24 binary.`,
  );
}

function lint(contentDir: string, ...args: string[]) {
  const env = { ...process.env, COURSE_CONTENT_DIR: contentDir };
  const r = spawnSync(typeStrippingNode(), ['--experimental-strip-types', 'scripts/authoring/lint-content.ts', ...args], { encoding: 'utf8', env });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assessment-lint-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const frontmatter = (file: string) => {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return yaml.load(lines.slice(1, lines.indexOf('---', 1)).join('\n'));
};

describe('the fixture course with tells', () => {
  it('is a valid course by the authoring schema, but for the planted missing objective (which the build rejects too), so only the planted tells are wrong with it', () => {
    const files = fs.readdirSync(LESSONS);
    expect(files).toHaveLength(3);
    for (const f of files) {
      const r = lessonSchema.safeParse(frontmatter(path.join(LESSONS, f)));
      const issues = (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
      expect(issues, f).toEqual(f.startsWith('01-') ? ['quiz.questions.2.objective: Invalid input: expected number, received undefined'] : []);
    }
  });

  it('fails and names the file and question of each planted tell', () => {
    const { code, out, err } = lint(FIXTURE);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    const line = (start: string) => lines.find((l) => l.startsWith(start));
    // Keys always in d, and always the longest: course-wide, listing the items.
    expect(line(`${LESSONS}/ [key-position] `)).toMatch(/d holds 13 \(100%\).*d keys: l01-q1, l01-q4, l01-p1, l01-f1, l02-q1/);
    expect(line(`${LESSONS}/ [key-longest] `)).toMatch(/longest option in 13 of 13 single-choice items/);
    expect(line(`${LESSONS}/02-goals.mdx l02-q4 [key-longest] `)).toMatch(/1\.8× as long as the longest distractor/);
    // 必ず only in wrong options.
    for (const at of ['01-importance.mdx l01-p1', '02-goals.mdx l02-q1', '03-participate.mdx l03-f1'])
      expect(line(`${LESSONS}/${at} [tell-words] `), at).toMatch(/「必ず」 is in wrong option/);
    // Every multiple-response item 3 of 4, with d always correct.
    expect(line(`${LESSONS}/ [multiple-response] all 3`)).toMatch(/have 3 correct options \(l01-q2, l02-q3, l03-q3\)/);
    expect(line(`${LESSONS}/ [multiple-response] option d`)).toBeDefined();
    expect(line(`${LESSONS}/01-importance.mdx l01-q4 [stem-style] `)).toContain(
      '「この年になって今さら人脈を広げても意味がない」である。」 ends in plain form',
    );
    expect(line(`${LESSONS}/01-importance.mdx l01-q3 [objective-coverage] `)).toMatch(/names no objective/);
    // 質問 in every key that asks something, and in no wrong option: the reverse tell.
    for (const at of ['02-goals.mdx l02-q2', '03-participate.mdx l03-q1', '03-participate.mdx l03-q3', '03-participate.mdx l03-p1'])
      expect(line(`${LESSONS}/${at} [tell-words] `), at).toMatch(/「質問」 is in the key/);
    expect(lines.at(-1)).toBe('assessment lint: 18 questions, 14 violations');
  });

  it('--json gives the report, with exactly the planted violations', () => {
    const { code, out } = lint(FIXTURE, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as LintReport;
    expect(report.violations.map((v) => `${v.file} ${v.questionId ?? '-'} ${v.rule}`)).toEqual([
      `${LESSONS}/ - key-position`,
      `${LESSONS}/ - key-longest`,
      `${LESSONS}/ - multiple-response`,
      `${LESSONS}/ - multiple-response`,
      `${LESSONS}/01-importance.mdx l01-q3 objective-coverage`,
      `${LESSONS}/01-importance.mdx l01-q4 stem-style`,
      `${LESSONS}/01-importance.mdx l01-p1 tell-words`,
      `${LESSONS}/02-goals.mdx l02-q1 tell-words`,
      `${LESSONS}/02-goals.mdx l02-q2 tell-words`,
      `${LESSONS}/02-goals.mdx l02-q4 key-longest`,
      `${LESSONS}/03-participate.mdx l03-q1 tell-words`,
      `${LESSONS}/03-participate.mdx l03-q3 tell-words`,
      `${LESSONS}/03-participate.mdx l03-p1 tell-words`,
      `${LESSONS}/03-participate.mdx l03-f1 tell-words`,
    ]);
    expect(report.questions).toEqual({ all: 18, quiz: 12, pre: 3, final: 3 });
    expect(report.multipleResponse.all.keyCounts).toEqual({ 3: 3 });
  });

  it('reads the thresholds from the course folder: rules switched off there pass', () => {
    const dir = path.join(tmp, 'switched-off');
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const off = ['key-position', 'key-longest', 'tell-words', 'multiple-response', 'stem-style', 'objective-coverage'];
    // Both ways of switching a rule off: the short one and enabled: false.
    fs.writeFileSync(path.join(dir, 'assessment-lint.yaml'), off.map((r, i) => (i % 2 ? `${r}: false` : `${r}: { enabled: false }`)).join('\n'));
    const { code, out } = lint(dir);
    expect(out.trim().split('\n').at(-1)).toBe('assessment lint: 18 questions, 0 violations');
    expect(code).toBe(0);
  });

  it('a misspelt setting stops the lint naming the file and the setting', () => {
    const dir = path.join(tmp, 'typo');
    fs.cpSync(FIXTURE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'assessment-lint.yaml'), 'tell-words:\n  minWorng: 5\n');
    const { code, out, err } = lint(dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/assessment-lint\.yaml: tell-words\.minWorng: unknown setting \(known here: enabled, minWrong, words, except, keyWords, minKeys\)/);
  });

  it('a lesson without frontmatter stops the lint naming the file', () => {
    const dir = path.join(tmp, 'no-frontmatter');
    fs.cpSync(FIXTURE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'lessons', '04-empty.mdx'), '# only a heading\n');
    const { code, err } = lint(dir);
    expect(code).toBe(2);
    expect(err).toMatch(/lessons\/04-empty\.mdx: no frontmatter/);
  });
});

describe('the real course', () => {
  it('its thresholds file is valid', () => {
    const { code, err } = lint('content', '--json');
    expect(err).toBe('');
    expect(code).not.toBe(2);
  });

  // Fails until the rewritten quizzes and checks land: the lint is the rewrite's acceptance test.
  it('passes the assessment lint', () => {
    const { code, out } = lint('content', '--json');
    const report = JSON.parse(out) as LintReport;
    expect(report.violations.map((v) => `${v.file} ${v.questionId ?? ''} [${v.rule}] ${v.message}`)).toEqual([]);
    expect(code).toBe(0);
  });
});
