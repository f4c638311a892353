/**
 * A lesson's practice data (src/pages/lessons/[slug]/practice.json.ts: the props of its practice
 * islands by key), fetched once per page and shared by the islands that need it (mount.ts starts
 * the lesson's islands with it; the review page reads the quizzes' questions from it).
 */
type Props = Record<string, unknown>;

/** The practice files being fetched or fetched, by URL. */
const files = new Map<string, Promise<Record<string, Props>>>();

/** Props from a practice file: `from` is "<url of the JSON file>#<key>" (fetched once per page). */
export function practice(from: string): Promise<Props> {
  const hash = from.indexOf('#');
  const url = new URL(from.slice(0, hash), document.baseURI).href;
  const key = from.slice(hash + 1);
  let file = files.get(url);
  if (!file) {
    file = fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
    // A failed fetch is tried again next time, not remembered.
    file.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file.then((data) => data[key] ?? Promise.reject(new Error(`${url} has no "${key}"`)));
}
