import { describe, expect, it } from 'vitest';
import { NOTICE_TEXT, isWarning, noticeCodes, type NoticeCode } from '../../src/lib/text/notices';
import { decodeProgress, emptyProgress, encodeProgress, type DecodeWarning } from '../../src/lib/progress/document';

/** Every code, written out; `satisfies` makes the compiler (astro check) flag a code missing here. */
const CODES = {
  corrupt: true,
  'corrupt-kept': true,
  'invalid-parts': true,
  'invalid-parts-kept': true,
  'foreign-course': true,
  'foreign-course-kept': true,
  'future-version': true,
  'memory-only': true,
  'write-failed': true,
  'host-storage': true,
  offline: true,
  'offline-elsewhere': true,
  update: true,
  'update-blocked': true,
  'host-partial': true,
  'host-partial-lost': true,
} satisfies Record<NoticeCode, true>;
const codes = Object.keys(CODES) as NoticeCode[];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('NOTICE_TEXT', () => {
  it('has exactly one entry per notice code', () => {
    expect(Object.keys(NOTICE_TEXT).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s has non-empty Japanese text', (code) => {
    const text = NOTICE_TEXT[code];
    expect(typeof text).toBe('string');
    expect(text.trim().length).toBeGreaterThan(10);
    expect(text).toMatch(JAPANESE);
    expect(text).toMatch(/[。）]$/);
  });

  it('texts are distinct', () => {
    expect(new Set(Object.values(NOTICE_TEXT)).size).toBe(codes.length);
  });

  it('covers every warning decodeProgress actually raises', () => {
    const raised = new Set<DecodeWarning>();
    const course = 'networking-ja';
    for (const raw of ['not json', encodeProgress(emptyProgress('other', 1)), JSON.stringify({ v: 99 }), JSON.stringify({ v: 1, lessons: { goals: 5 } })])
      for (const w of decodeProgress(raw, course, 1).warnings) raised.add(w);
    expect([...raised].sort()).toEqual(['corrupt', 'foreign-course', 'future-version', 'invalid-parts']);
    for (const w of raised) expect(NOTICE_TEXT[w]).toMatch(JAPANESE);
  });
});

describe('isWarning', () => {
  it('host storage, offline and update are informational; problems with saved data warn', () => {
    expect(codes.filter((c) => !isWarning(c)).sort()).toEqual(['host-storage', 'offline', 'offline-elsewhere', 'update']);
  });
  it('offline comes first; "saved on this device" only with local storage', () => {
    expect(noticeCodes({ kind: 'local', warnings: ['corrupt'], writeFailed: false }, false)).toEqual(['offline', 'corrupt']);
    expect(noticeCodes({ kind: 'memory', warnings: [], writeFailed: false }, false)).toEqual(['offline-elsewhere', 'memory-only']);
  });
  it('says what an LMS host could not keep, and whether it is lost when the page closes', () => {
    expect(noticeCodes({ kind: 'local', warnings: [], writeFailed: false }, true, 2)).toEqual(['host-partial']);
    expect(noticeCodes({ kind: 'host', warnings: [], writeFailed: false }, true, 2)).toEqual(['host-partial-lost', 'host-storage']);
  });
});

describe('noticeCodes', () => {
  it('lists load warnings first, then the storage notice', () => {
    expect(noticeCodes({ kind: null, warnings: [], writeFailed: false })).toEqual([]);
    expect(noticeCodes({ kind: 'local', warnings: [], writeFailed: false })).toEqual([]);
    expect(noticeCodes({ kind: 'local', warnings: ['corrupt'], writeFailed: true })).toEqual(['corrupt', 'write-failed']);
    expect(noticeCodes({ kind: 'host', warnings: ['invalid-parts'], writeFailed: false })).toEqual(['invalid-parts', 'host-storage']);
    expect(noticeCodes({ kind: 'host', warnings: [], writeFailed: true })).toEqual(['write-failed', 'host-storage']);
  });

  it('memory storage says memory-only and never write-failed', () => {
    expect(noticeCodes({ kind: 'memory', warnings: [], writeFailed: false })).toEqual(['memory-only']);
    expect(noticeCodes({ kind: 'memory', warnings: ['future-version'], writeFailed: true })).toEqual(['future-version', 'memory-only']);
  });

  it('does not alias the warnings array it was given', () => {
    const warnings: DecodeWarning[] = ['corrupt'];
    noticeCodes({ kind: 'memory', warnings, writeFailed: false });
    expect(warnings).toEqual(['corrupt']);
  });
});

describe('noticeCodes: what happened to unreadable saved data, and full storage', () => {
  const base = { kind: 'local' as const, warnings: [] as DecodeWarning[], writeFailed: false };
  it('promises a backup only when there is one', () => {
    expect(noticeCodes({ ...base, warnings: ['corrupt'], original: 'backed-up' })).toEqual(['corrupt']);
    expect(noticeCodes({ ...base, warnings: ['corrupt'], original: 'kept', writeFailed: true })).toEqual(['corrupt-kept']);
    expect(noticeCodes({ ...base, warnings: ['invalid-parts'], original: 'kept' })).toEqual(['invalid-parts-kept']);
    expect(noticeCodes({ ...base, warnings: ['foreign-course'], original: 'kept' })).toEqual(['foreign-course-kept']);
    expect(NOTICE_TEXT.corrupt).toContain('別に保管してあります');
    expect(NOTICE_TEXT['corrupt-kept']).not.toContain('保管してあります');
    expect(NOTICE_TEXT['corrupt-kept']).toContain('ダウンロード');
  });
  it('full storage is a write failure with the space needed, not private mode', () => {
    expect(noticeCodes({ ...base, writeFailed: true })).toEqual(['write-failed']);
    expect(NOTICE_TEXT['write-failed']).toContain('{kb}KB');
    expect(NOTICE_TEXT['memory-only']).toContain('プライベートモード');
  });
});
