// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

/**
 * Deploy base path, e.g. COURSE_BASE=/course/ for https://example.org/course/.
 * Normalised to start and end with a slash so every generated link is a directory URL
 * (the service worker's precache keys rely on trailing slashes).
 */
const rawBase = process.env.COURSE_BASE ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  base,
  trailingSlash: 'always',
  outDir: process.env.COURSE_OUT_DIR ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
});
