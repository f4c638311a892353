/** URL helpers that respect the configured base path (e.g. "/course/"). */

/** Joins the site base and a path into a directory-style URL: withBase('/course/', 'lessons/goals') → '/course/lessons/goals/'. */
export function withBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  if (!p) return b;
  return /[?#]|\.[a-z0-9]+$/i.test(p) || p.endsWith('/') ? b + p : `${b}${p}/`;
}

/** The page URL of a lesson. */
export const lessonPath = (base: string, slug: string) => withBase(base, `lessons/${slug}`);

/**
 * A page's path relative to the course root ("" for the home page, "lessons/goals/"), from the
 * root's absolute path and the page's pathname (both as in a URL; index.html is dropped). Null
 * when the page is not below the root.
 */
export function pathWithin(rootPath: string, pathname: string): string | null {
  const root = rootPath.endsWith('/') ? rootPath : `${rootPath}/`;
  if (!pathname.startsWith(root)) return pathname === root.slice(0, -1) ? '' : null;
  return pathname.slice(root.length).replace(/(^|\/)index\.html$/, '$1');
}
