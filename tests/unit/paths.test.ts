import { describe, expect, it } from 'vitest';
import { lessonPath, pathWithin, withBase } from '../../src/lib/course/paths';

describe('withBase', () => {
  it('joins base and path into a directory-style URL', () => {
    expect(withBase('/course/', 'lessons/goals')).toBe('/course/lessons/goals/');
    expect(withBase('/', 'conclusion')).toBe('/conclusion/');
  });

  it('adds the missing slash after the base and strips leading slashes of the path', () => {
    expect(withBase('/course', 'lessons/goals')).toBe('/course/lessons/goals/');
    expect(withBase('/course/', '/lessons/goals')).toBe('/course/lessons/goals/');
    expect(withBase('/course/', '///lessons')).toBe('/course/lessons/');
    expect(withBase('', 'x')).toBe('/x/');
  });

  it('returns the base itself for an empty path', () => {
    expect(withBase('/course/')).toBe('/course/');
    expect(withBase('/course')).toBe('/course/');
    expect(withBase('/course/', '')).toBe('/course/');
    expect(withBase('/course/', '/')).toBe('/course/');
    expect(withBase('/')).toBe('/');
  });

  it('keeps a trailing slash, file names, queries and fragments as they are', () => {
    expect(withBase('/course/', 'lessons/')).toBe('/course/lessons/');
    expect(withBase('/course/', 'favicon.svg')).toBe('/course/favicon.svg');
    expect(withBase('/course/', 'manifest.webmanifest')).toBe('/course/manifest.webmanifest');
    expect(withBase('/course/', 'fonts/NotoSansJP.WOFF2')).toBe('/course/fonts/NotoSansJP.WOFF2');
    expect(withBase('/course/', 'lessons/goals/?print=1')).toBe('/course/lessons/goals/?print=1');
    expect(withBase('/course/', 'lessons/goals#quiz')).toBe('/course/lessons/goals#quiz');
  });
});

describe('lessonPath', () => {
  it('is the lesson page under the base', () => {
    expect(lessonPath('/course/', 'goals')).toBe('/course/lessons/goals/');
    expect(lessonPath('/', 'first-contact')).toBe('/lessons/first-contact/');
    expect(lessonPath('/sub/dir', 'l-02')).toBe('/sub/dir/lessons/l-02/');
  });
});

describe('pathWithin', () => {
  it('is the page path relative to the course root, without index.html', () => {
    expect(pathWithin('/course/', '/course/')).toBe('');
    expect(pathWithin('/course/', '/course')).toBe('');
    expect(pathWithin('/course', '/course/lessons/goals/')).toBe('lessons/goals/');
    expect(pathWithin('/lms/pkg/', '/lms/pkg/conclusion/index.html')).toBe('conclusion/');
    expect(pathWithin('/lms/pkg/', '/lms/pkg/index.html')).toBe('');
  });
  it('is null outside the root', () => {
    expect(pathWithin('/course/', '/other/')).toBeNull();
    expect(pathWithin('/course/', '/courses/')).toBeNull();
  });
});
