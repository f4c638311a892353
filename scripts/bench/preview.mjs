/** `astro preview` of a build folder on a localhost port, started and stopped by the benchmark. */
import { spawn } from 'node:child_process';
import { log, sleep } from './util.mjs';

/**
 * Starts `npx astro preview` for `outDir` on `port` and resolves once it answers with 200.
 * Returns { url, stop }. `stop()` ends the process group it started (npx and astro) and is safe
 * to call twice.
 */
export async function startPreview({ root, outDir, port, timeoutMs = 60_000 }) {
  const child = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', 'localhost', '--ignore-lock'], {
    cwd: root,
    env: { ...process.env, COURSE_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() reaches astro behind npx
  });
  let output = '';
  let exited = null;
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };

  const url = `http://localhost:${port}/`;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (exited) throw new Error(`astro preview exited (${JSON.stringify(exited)}):\n${output}`);
    try {
      const res = await fetch(url);
      // Only accept the answer once astro has announced this port (not some other server on it).
      if (res.ok && output.includes(`:${port}/`)) {
        log(`preview server ready on ${url}`);
        return { url, stop };
      }
    } catch {}
    await sleep(250);
  }
  await stop();
  throw new Error(`astro preview did not answer on ${url} within ${timeoutMs / 1000}s:\n${output}`);
}
