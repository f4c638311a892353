/** What the service worker downloads on install: the precache manifest inside the built sw.js. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSize } from './util.mjs';

/** Precache URLs listed in sw.js ({url:"…",revision:…} entries, as workbox-build writes them). */
function precacheUrls(swSource) {
  return [...swSource.matchAll(/\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?\s*:\s*(?:null|"[^"]*")\s*\}/g)].map((m) => m[1]);
}

/** Maps a precache URL (relative to the base, "/" for the start page) to a file in the build. */
function urlToFile(outDir, url) {
  const rel = url.replace(/^\/+/, '').split(/[?#]/)[0];
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.map((c) => path.join(outDir, c)).find((f) => fs.existsSync(f)) ?? null;
}

/**
 * Totals of the precache: { files, raw, gzip, missing[], worker: { files, raw, gzip } }.
 * `worker` is the service worker script itself plus the workbox runtime it imports; they are
 * fetched on registration but are not part of the precache list.
 */
export function precacheTotals(outDir) {
  const swFile = path.join(outDir, 'sw.js');
  if (!fs.existsSync(swFile)) return null;
  const sw = fs.readFileSync(swFile, 'utf8');
  const totals = { files: 0, raw: 0, gzip: 0, missing: [], worker: { files: 0, raw: 0, gzip: 0 } };
  for (const url of precacheUrls(sw)) {
    const file = urlToFile(outDir, url);
    if (!file) {
      totals.missing.push(url);
      continue;
    }
    const buf = fs.readFileSync(file);
    totals.files += 1;
    totals.raw += buf.length;
    totals.gzip += gzipSize(buf);
  }
  const workerFiles = ['sw.js', ...[...sw.matchAll(/["']\.\/(workbox-[\w-]+)["']/g)].map((m) => `${m[1]}.js`)];
  for (const f of new Set(workerFiles)) {
    const p = path.join(outDir, f);
    if (!fs.existsSync(p)) continue;
    const buf = fs.readFileSync(p);
    totals.worker.files += 1;
    totals.worker.raw += buf.length;
    totals.worker.gzip += gzipSize(buf);
  }
  return totals;
}
