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
