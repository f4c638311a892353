// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import fs from 'node:fs';
import yaml from 'js-yaml';
import courseHeaders from './scripts/headers.mjs';
import coursePwa from './scripts/pwa.mjs';
import plainImports from './scripts/plain-imports.mjs';

/**
 * Deploy base path, e.g. COURSE_BASE=/course/ for https://example.org/course/.
 * Normalised to start and end with a slash so every generated link is a directory URL
 * (the service worker's precache keys rely on trailing slashes).
 */
const rawBase = process.env.COURSE_BASE ?? '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** Origins allowed to embed the course (course.yaml embed.allowedOrigins + COURSE_EMBED_ORIGINS), for the frame-ancestors header. */
const course = /** @type {{ course: { embed?: { allowedOrigins?: string[] } } }} */ (
  yaml.load(fs.readFileSync(`${process.env.COURSE_CONTENT_DIR ?? './content'}/course.yaml`, 'utf8'))
).course;
const embedOrigins = [...(course.embed?.allowedOrigins ?? []), ...(process.env.COURSE_EMBED_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean)];

/**
 * Shared chunks (see build.rolldownOptions below). `course`: what every page runs at first view —
 * nanostores, the progress store and model, the course index, notices and table of contents, PWA
 * registration, and the islands' starter (src/islands/runtime/mount.ts, islands.ts, practice.ts).
 * `ui`: Preact, its hooks and what the islands of lessons, the plan and home all share (use-progress,
 * early-input, autosave, progress edits, scoring, review schedule, date and count formats), loaded by
 * the pages' islands (on a lesson page only once the quiz or a reflection scrolls into view): one file
 * compresses better than seven, and every page that loads Preact needed most of them anyway.
 */
const FIRST_VIEW = [
  /node_modules\/nanostores\//,
  /\/src\/stores\/(progress|app|course)\.ts$/,
  /\/src\/lib\/(progress\/(document|versions|read|backend)|course\/(completion|course-index)|text\/(notices|ui-text)|activities\/record|checks\/record|plan\/items|lms\/events)\.ts$/,
  /\/src\/storage\/backends\.ts$/,
  /\/src\/components\/(notices|toc|parts)\.ts$/,
  /\/src\/islands\/runtime\/(mount|islands|practice)\.ts$/,
  /\/src\/delivery\/(page|pwa)\.ts$/,
];
const UI = [
  /node_modules\/preact\//,
  /\/src\/islands\/runtime\/(use-progress|early-input|use-autosave)\.tsx?$/,
  /\/src\/lib\/(progress\/edits|course\/scoring|plan\/review-schedule|text\/(dates|count))\.ts$/,
];

export default defineConfig({
  base,
  trailingSlash: 'always',
  outDir: process.env.COURSE_OUT_DIR ?? './dist',
  // Separate caches let tests build fixture courses without touching the main build's data store.
  cacheDir: process.env.COURSE_CACHE_DIR ?? './node_modules/.astro',
  // Stylesheets are always files: a lesson's look (styles/look-lesson.css) is shared by every lesson page, and a
  // file is cached and precached once instead of being repeated inside each page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), preact(), coursePwa({ base }), courseHeaders({ base, origins: embedOrigins })],
  devToolbar: { enabled: false },
  // Lessons have no code blocks; Shiki's inline styles would also break the CSP below.
  markdown: { syntaxHighlight: false },
  // A strict Content-Security-Policy on every page (a <meta> element; docs/deploying.md gives the same
  // policy as an HTTP header, with frame-ancestors, which a meta policy cannot carry). Astro hashes
  // every script and style it emits; nothing may come from another origin.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
      ],
    },
  },
  vite: {
    plugins: [
      {
        // No preload helper in the browser build: an island's chunk and its imports load when it
        // starts (src/islands/runtime/mount.ts). The helper and its list of every chunk's
        // dependencies cost ~1 KiB gzip on every page's first view. (Astro sets its own
        // modulePreload for the build, so this is set per environment.)
        name: 'course-no-module-preload',
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
      // …nor its wrapper around each dynamic import (scripts/plain-imports.mjs).
      plainImports(),
    ],
    resolve: {
      // Islands are started by src/islands/runtime/mount.ts, not by Astro's client directives (see the file's header).
      alias: [{ find: /^@astrojs\/preact\/client\.js$/, replacement: fileURLToPath(new URL('./src/islands/runtime/astro-client.ts', import.meta.url)) }],
    },
    // URLs that Vite writes into JS (asset URLs, its dynamic-import handling) are relative to the
    // chunk, so the SCORM packages, which rewrite HTML/CSS URLs to relative ones, need no absolute
    // base in JS. (scripts/plain-imports.mjs works with either setting.)
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
    build: {
      // terser squeezes a few % more out of the shared runtime than the default minifier (first-view budget: 12 KiB gzip).
      minify: 'terser',
      sourcemap: process.env.COURSE_SOURCEMAP === '1',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true, pure_getters: true } },
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Two shared chunks (FIRST_VIEW, UI above): fewer requests and better gzip than the
            // default split. Everything else (quiz, reflection, activities when they scroll into
            // view; plan, review, certificate, embed bridge, SCORM) is split as usual and loads
            // only where and when it is used.
            // Lesson first view budget: 12 KiB gzip (tests/build/budget.test.ts).
            groups: [
              { name: 'course', test: (id) => FIRST_VIEW.some((re) => re.test(id)) },
              { name: 'ui', test: (id) => UI.some((re) => re.test(id)) },
            ],
          },
        },
      },
    },
  },
});
