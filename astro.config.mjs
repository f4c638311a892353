// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import AstroPWA from '@vite-pwa/astro';
import fs from 'node:fs';
import yaml from 'js-yaml';

/**
 * Deploy base path, e.g. COURSE_BASE=/course/ for https://example.org/course/.
 * Normalised to start and end with a slash so every generated link is a directory URL
 * (the service worker's precache keys rely on trailing slashes).
 */
const rawBase = process.env.COURSE_BASE ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const contentDir = process.env.COURSE_CONTENT_DIR ?? './content';
/** Course metadata for the web app manifest (the same file the content collection validates). */
const course = /** @type {{ course: { title: string; subtitle: string; description: string } }} */ (
  yaml.load(fs.readFileSync(`${contentDir}/course.yaml`, 'utf8'))
).course;

export default defineConfig({
  base,
  trailingSlash: 'always',
  outDir: process.env.COURSE_OUT_DIR ?? './dist',
  // Separate caches let tests build fixture courses without touching the main build's data store.
  cacheDir: process.env.COURSE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  integrations: [
    {
      name: 'course-client-directives',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) =>
          addClientDirective({ name: 'frame', entrypoint: './src/lms/frame-directive.ts' }),
      },
    },
    mdx(),
    preact(),
    AstroPWA({
      // We register the service worker ourselves (src/lms/pwa.ts): no workbox-window in the bundle,
      // no registration inside iframes, and an update prompt that saves the learner's typing first.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: base,
        name: `${course.title} — ${course.subtitle}`,
        short_name: 'ネットワーキング講座',
        description: course.description,
        lang: 'ja',
        dir: 'ltr',
        start_url: base,
        scope: base,
        display: 'standalone',
        theme_color: '#1c5d99',
        background_color: '#fdfcf9',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every page and asset of the course, nothing else (the manifest is added by the plugin).
        globPatterns: ['**/*.{html,js,css,svg,png}'],
        // signals.module is only loaded when an island receives a signal prop, which ours never do.
        // 404.html would be precached as "404/", a URL no host serves, which fails the install.
        globIgnores: ['**/icon-maskable.svg', '**/signals.module.*.js', '404.html', 'embed/**', 'launch/**'],
        navigateFallback: null,
        // The review page carries every question of the course; a synthetic 500-lesson course
        // (npm run bench) makes it ~4.3 MB. Allow that rather than failing the build.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  devToolbar: { enabled: false },
  vite: {
    // URLs that JS builds at run time (Vite's dynamic-import helper) are relative to the chunk, so
    // the SCORM packages, which rewrite HTML/CSS URLs to relative ones, need no absolute base in JS.
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
    build: {
      // terser squeezes ~5 % more out of the shared runtime than esbuild (lesson JS budget: 15 KiB gzip).
      minify: 'terser',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true, pure_getters: true } },
      rollupOptions: {
        output: {
          // One shared chunk for the runtime every page needs (Preact, nanostores, progress logic):
          // fewer requests and better gzip than Rollup's default split (measured: -2.6 KiB per lesson).
          manualChunks(id) {
            // What every lesson page runs goes into one shared chunk; everything else (plan,
            // review, certificate, import/export, embed bridge, SCORM) is split by Rollup as usual
            // and loads only on the pages that use it. Lesson JS budget: 15 KiB gzip.
            if (
              /node_modules\/(preact|nanostores)\//.test(id) ||
              /\/src\/stores\/(progress|app)\.ts$/.test(id) ||
              /\/src\/lib\/(progress|scoring|completion|messages|reflection|ui-text|review|dates|paths)\.ts$/.test(id) ||
              /\/src\/lms\/(storage|pwa)\.ts$/.test(id) ||
              /\/src\/islands\/(use-progress|CourseStatus|Toc|Quiz|QuizQuestion|Reflection)\.tsx?$/.test(id)
            )
              return 'course';
          },
        },
      },
    },
  },
});
