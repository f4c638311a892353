import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lessonParts } from '../../src/lib/course/parts';

const keys = (body: string, activities: string[] = []) => lessonParts(body, activities).map((p) => p.key);

describe('lessonParts (the part bar of a lesson)', () => {
  it('finds every part of a full lesson, in reading order, the practice part at its first activity', () => {
    const body =
      '<Source>\n本文\n</Source>\n\n<KeyPoints>\n- a\n</KeyPoints>\n\n<Scenario title="場面">\n…\n</Scenario>\n\n<Evidence />\n\n<Conversation id="l04-a1" />\n<Sorting id="l04-a2" />\n';
    expect(lessonParts(body, ['l04-a2', 'l04-a1'])).toEqual([
      { key: 'source', target: 'source' },
      { key: 'keypoints', target: 'keypoints' },
      { key: 'scenario', target: 'scenario' },
      { key: 'evidence', target: 'evidence' },
      { key: 'practice', target: 'l04-a1' },
      { key: 'quiz', target: 'quiz' },
      { key: 'reflection', target: 'reflection' },
    ]);
  });

  it('leaves out what a lesson does not have (no research, no activity), so no link points at nothing', () => {
    expect(keys('<Source>x</Source>\n<KeyPoints>\n- a\n</KeyPoints>\n')).toEqual(['source', 'keypoints', 'quiz', 'reflection']);
    expect(keys('')).toEqual(['quiz', 'reflection']);
  });

  it('follows the order the author placed the parts in', () => {
    expect(keys('<Evidence />\n<MessageBuilder id="l05-a1" />\n<KeyPoints>\n- a\n</KeyPoints>', ['l05-a1'])).toEqual([
      'evidence',
      'practice',
      'keypoints',
      'quiz',
      'reflection',
    ]);
  });

  it('does not mistake a longer component name or prose for a part', () => {
    expect(keys('<Sources>x</Sources> Source と KeyPoints について')).toEqual(['quiz', 'reflection']);
  });

  it('finds all seven parts in every lesson of the course', () => {
    const dir = path.resolve('content/lessons');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.mdx'))) {
      const [, front, ...rest] = fs.readFileSync(path.join(dir, f), 'utf8').split(/^---$/m);
      const ids = (yaml.load(front) as { activities: { id: string }[] }).activities.map((a) => a.id);
      expect(keys(rest.join('---'), ids), f).toEqual(['source', 'keypoints', 'scenario', 'evidence', 'practice', 'quiz', 'reflection']);
    }
  });
});
