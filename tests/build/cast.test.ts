/**
 * One cast for the whole course (content guide): every person a lesson names (〇〇さん) is in
 * content/cast.yaml, and no surname stands for two people.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const cast = yaml.load(fs.readFileSync('content/cast.yaml', 'utf8')) as { name: string; lessons: number[] }[];
const GENERIC = ['佐藤', '鈴木', '田中', '山田', '皆'];
const dir = 'content/lessons';

describe('the cast', () => {
  it('lists each surname once', () => {
    const names = cast.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    it(`${file}: everyone named is in content/cast.yaml, with this lesson`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/<Source>[\s\S]*?<\/Source>/g, '');
      const order = Number(/^order: (\d+)/m.exec(text)![1]);
      const named = new Set(
        [...text.matchAll(/([\u4e00-\u9fff\u3005]{1,3}|[\u30a1-\u30fa\u30fc]{2,6})さん/g)].map((m) => m[1]).filter((n) => !GENERIC.includes(n)),
      );
      const missing = [...named].filter((n) => !cast.some((c) => c.name === n && c.lessons.includes(order)));
      expect(missing).toEqual([]);
    });
  }
});
