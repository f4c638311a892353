/** A broken lesson must fail the build with a message naming the file and the field. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-fixture-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Fixture builds run two at a time (the tests below are concurrent): a build leaves a core idle
 * much of the time (start-up, content sync, waiting on files), so two share a 2-core machine well;
 * more would only queue for the CPU. Timeouts are per test and generous; nothing here is timed.
 */
const BUILDS_AT_ONCE = 2;
let running = 0;
const queue: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  // A finished build hands its slot straight to the next in line, so there are never more than BUILDS_AT_ONCE.
  if (running >= BUILDS_AT_ONCE) await new Promise<void>((r) => queue.push(r));
  else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

/** Copies the real course into a fixture folder, lets `edit` break it, and builds it. */
const buildFixture = (name: string, edit: (dir: string) => void) => slot(() => buildFixtureNow(name, edit));
async function buildFixtureNow(name: string, edit: (dir: string) => void) {
  // A copy of the project (sharing node_modules) so the fixture's .astro/ and caches stay apart.
  const root = path.join(tmp, name);
  for (const f of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    fs.cpSync(path.resolve(f), path.join(root, f), { recursive: true });
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  const dir = path.join(root, 'content');
  fs.cpSync(path.resolve('content'), dir, { recursive: true });
  edit(dir);
  try {
    await run('npx', ['astro', 'build'], {
      cwd: root,
      env: { ...process.env, COURSE_CONTENT_DIR: dir, COURSE_OUT_DIR: path.join(root, 'dist'), COURSE_CACHE_DIR: path.join(root, '.cache') },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { ok: true, output: '' };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { ok: false, output: `${err.stdout}\n${err.stderr}` };
  }
}

const lessonFile = (dir: string) => path.join(dir, 'lessons', fs.readdirSync(path.join(dir, 'lessons')).find((f) => f.startsWith('03-'))!);

describe.concurrent('authoring errors fail the build clearly', () => {
  it('a wrong field type names the file and the field', async () => {
    const { ok, output } = await buildFixture('wrong-type', (dir) => {
      const f = lessonFile(dir);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^minutes: \d+$/m, 'minutes: 九分'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/03-participate\.mdx/);
    expect(output).toMatch(/minutes/);
  }, 120_000);

  it('a missing title names the field', async () => {
    const { ok, output } = await buildFixture('missing-title', (dir) => {
      const f = lessonFile(dir);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^title: .*$/m, ''));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/title/);
    expect(output).toMatch(/Required/);
  }, 120_000);

  it('a single-choice question with two correct options is explained', async () => {
    const { ok, output } = await buildFixture('two-correct', (dir) => {
      const f = lessonFile(dir);
      const text = fs.readFileSync(f, 'utf8');
      // Make the first single question's options all correct.
      fs.writeFileSync(f, text.replace(/correct: false/, 'correct: true'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/exactly one correct option|exactly the options/);
  }, 120_000);

  it('two lessons with the same slug name both files (Astro alone would drop one silently)', async () => {
    const { ok, output } = await buildFixture('same-slug', (dir) => {
      const f = lessonFile(dir);
      const text = fs
        .readFileSync(f, 'utf8')
        .replace(/^order: \d+$/m, 'order: 99')
        .replace(/l03-/g, 'l99-');
      fs.writeFileSync(path.join(dir, 'lessons', '99-copy.mdx'), text);
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/03-participate\.mdx" and "content\/lessons\/99-copy\.mdx" have the same slug: participate/);
  }, 120_000);

  it('a conversation choice leading nowhere names the lesson, the activity and the node (dangling target)', async () => {
    const { ok, output } = await buildFixture('dangling', (dir) => {
      const f = path.join(dir, 'lessons', '04-communication.mdx');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('next: intro-weak', 'next: intro-lost'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/04-communication\.mdx/);
    expect(output).toMatch(/conversation l04-a1: node "start" has a choice leading to "intro-lost", which does not exist \(dangling target\)/);
  }, 180_000);

  it('an activity component of the wrong kind names the file and the right component', async () => {
    const { ok, output } = await buildFixture('wrong-kind', (dir) => {
      const f = lessonFile(dir);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('<Sorting id="l03-a1" />', '<Matching id="l03-a1" />'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/03-participate\.mdx: <Matching id="l03-a1" \/>: activity "l03-a1" is a sorting, not a matching; use <Sorting id="l03-a1" \/>/);
  }, 180_000);

  it('an activity id the lesson does not have names the file and the ids it has', async () => {
    const { ok, output } = await buildFixture('unknown-activity', (dir) => {
      const f = lessonFile(dir);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('<Sorting id="l03-a1" />', '<Sorting id="l03-a9" />'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(
      /03-participate\.mdx: <Sorting id="l03-a9" \/> names activity "l03-a9", which is not in this lesson's `activities:` \(this lesson has: l03-a1\)/,
    );
  }, 180_000);

  it('completion.activities naming an activity no lesson has is refused', async () => {
    const { ok, output } = await buildFixture('unknown-required', (dir) => {
      const f = path.join(dir, 'course.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('activities: all', 'activities: [l04-a1, l08-a9]'));
    });
    expect(ok).toBe(false);
    expect(output).toMatch(/completion\.activities lists "l08-a9", which no lesson has/);
  }, 180_000);

  it('the unbroken fixture builds (so the failures above are caused by the edits)', async () => {
    const { ok, output } = await buildFixture('intact', () => {});
    expect(output).toBe('');
    expect(ok).toBe(true);
  }, 240_000);
});
