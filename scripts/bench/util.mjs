/** Small helpers shared by the benchmark modules: logging, sizes, statistics, processes, ports. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

/** Progress messages go to stderr so stdout carries only the Markdown report. */
export const log = (...args) => console.error('[bench]', ...args);

export const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

export const kib = (bytes) => (bytes == null ? '–' : (bytes / 1024).toFixed(1));
export const mib = (bytes) => (bytes == null ? '–' : (bytes / 1024 / 1024).toFixed(1));
export const seconds = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(1));

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** All files below a folder, as paths relative to it (forward slashes). */
export function walk(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(dir, r) : [r];
  });
}

/** File count and total bytes of a folder. */
export function folderSize(dir) {
  const files = walk(dir);
  return { files: files.length, bytes: files.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0) };
}

/**
 * Runs a command to completion and returns { ms, cpuMs, code, output, lines } (output = stdout +
 * stderr, kept in memory so a failed build can show its last lines; lines = [{ ms, text }], each
 * output line with the time it arrived, from the command's start). Never rejects.
 * `cpuMs` is the user + system CPU time of the command and its children, from bash's `times`
 * builtin (null if bash is missing): unlike wall time it hardly moves when other programs share
 * the machine, so it is the steadier figure for comparing builds.
 */
export function timeCommand(cmd, args, { cwd, env }) {
  const MARK = '__bench_times__';
  const quoted = [cmd, ...args].map((a) => `'${String(a).replaceAll("'", "'\\''")}'`).join(' ');
  const hasBash = fs.existsSync('/bin/bash') || fs.existsSync('/usr/bin/bash');
  const [file, argv] = hasBash ? ['bash', ['-c', `${quoted}; s=$?; echo ${MARK} >&2; times >&2; exit $s`]] : [cmd, args];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const lines = [];
    const partial = { stdout: '', stderr: '' };
    const onData = (stream) => (d) => {
      output += d;
      const now = performance.now() - start;
      const parts = (partial[stream] + d).split('\n');
      partial[stream] = parts.pop();
      for (const text of parts) lines.push({ ms: now, text });
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));
    const done = (code, extra = '') => {
      const ms = performance.now() - start;
      const at = output.lastIndexOf(MARK);
      const cpuMs = at >= 0 ? childCpuMs(output.slice(at + MARK.length)) : null;
      const markLine = lines.findIndex((l) => l.text === MARK);
      resolve({ ms, cpuMs, code, output: (at >= 0 ? output.slice(0, at) : output) + extra, lines: markLine >= 0 ? lines.slice(0, markLine) : lines });
    };
    child.on('error', (e) => done(-1, `\n${e.message}`));
    child.on('close', (code) => done(code));
  });
}

/** Children's user + system time from bash's `times` output (second line: "0m25.310s 0m3.120s"). */
export function childCpuMs(timesOutput) {
  const lines = timesOutput.trim().split('\n');
  const m = lines[1]?.match(/^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  return m ? (Number(m[1]) * 60 + Number(m[2]) + (Number(m[3]) * 60 + Number(m[4]))) * 1000 : null;
}

export const tail = (text, lines = 30) => text.trim().split('\n').slice(-lines).join('\n');

/** Whether nothing listens on a localhost port (checked on IPv4 and, when available, IPv6). */
async function portIsFree(port) {
  const tryListen = (host) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', (e) => resolve(e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT'));
      srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
    });
  return (await tryListen('127.0.0.1')) && (await tryListen('::1'));
}

/** The first free port in [min, max] that is not in `exclude`. */
export async function freePort([min, max], exclude = []) {
  for (let p = min; p <= max; p++) if (!exclude.includes(p) && (await portIsFree(p))) return p;
  throw new Error(`no free port in ${min}-${max}`);
}

/** Waits until a port is free again (after a process that used it was stopped). */
export async function waitPortFree(port, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await portIsFree(port)) return;
    await sleep(200);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Local timestamp for file names: YYYYMMDD-HHMM. */
export function stamp(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** The checked-out commit, read from .git without running git (null when unknown). */
export function currentCommit(root) {
  try {
    const gitDir = path.join(root, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim().slice(0, 12);
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    return line ? line.slice(0, 12) : null;
  } catch {
    return null;
  }
}

/**
 * Things to undo if the benchmark is interrupted (preview server, Lighthouse's Chromium): each is
 * a function; add it while the resource lives, delete it once released.
 */
export const cleanups = new Set();

export async function runCleanups() {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch {}
  }
}

/**
 * The gist of a failed build's output: from the first error line, the next lines that are not
 * stack frames, build-log noise or blank, joined into one line (at most `max` lines).
 */
export function errorSummary(output, max = 8) {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const start = lines.findIndex((l) => /\[ERROR\]|\berror\b/i.test(l));
  if (start < 0) return tail(output, 3).replace(/\s*\n\s*/g, ' ');
  return lines
    .slice(start)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^(Location|Stack trace):?$/.test(l) && !/^\S+:\d+:\d+$/.test(l))
    .slice(0, max)
    .join(' ')
    .replace(/^\d\d:\d\d:\d\d\s+/, '');
}
