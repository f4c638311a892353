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
  // Separate caches let tests build fixture courses without touching the main build's data store.
  cacheDir: process.env.COURSE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  integrations: [mdx(), preact()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // terser squeezes ~5 % more out of the shared runtime than esbuild (lesson JS budget: 15 KiB gzip).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      rollupOptions: {
        output: {
          // One shared chunk for the runtime every page needs (Preact, nanostores, progress logic):
          // fewer requests and better gzip than Rollup's default split (measured: -2.6 KiB per lesson).
          manualChunks(id) {
            if (/node_modules\/(preact|nanostores|@nanostores)\//.test(id) || /\/src\/(lib|stores|lms)\//.test(id) || id.includes('/src/islands/use-progress'))
              return 'course';
          },
        },
      },
    },
  },
});
