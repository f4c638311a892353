/**
 * A minimal static file server for tests that need control over what is deployed: the PWA update
 * test switches the served build (A → B) on the same origin, and the iframe tests serve host pages.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.zip': 'application/zip',
};

export interface StaticServer {
  url: string;
  port: number;
  /** Serve another folder from now on (a "deployment"). */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 or localhost at a free port. Directory URLs map to index.html. */
export async function serve(root: string, { host = 'localhost', mount = '/', port: wanted = 0 } = {}): Promise<StaticServer> {
  let dir = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(mount)) return void res.writeHead(404).end('not found');
    rel = rel.slice(mount.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) {
        const notFound = path.join(dir, '404.html');
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        return void res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(wanted, host === 'localhost' ? '127.0.0.1' : host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}${mount}`,
    port,
    setRoot: (d) => void (dir = path.resolve(d)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
