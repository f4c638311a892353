// @ts-check
/**
 * The offline PWA as an Astro integration: after the build, Workbox's `generateSW` writes `sw.js`
 * (precache of every page, script, stylesheet, icon, the manifest and the course index) into the
 * build folder. The web app manifest itself is a page (src/pages/manifest.webmanifest.ts), so it
 * also exists in `astro dev`. Registration and the update prompt are ours (src/delivery/pwa.ts).
 *
 * Why not @vite-pwa/astro: its 1.x line declares Astro <= 5 as its peer. Workbox itself is the
 * maintained core of that plugin and needs nothing from Astro but the finished build folder.
 */
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/**
 * @param {{ base: string }} options  the deploy base path ("/" or "/course/")
 * @returns {import('astro').AstroIntegration}
 */
export default function coursePwa({ base }) {
  return {
    name: 'course-pwa',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          swDest: `${outDir}/sw.js`,
          // Every page and asset of the course, nothing else.
          globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
          // 404.html would be precached as a URL no host serves; embed/, launch/ (and the launch
          // page's script) and the launcher's lms-catalog.json are for hosts and LMSs, which never
          // run the worker; the maskable SVG is only the source of its PNG; astro-client is the
          // stand-in no page loads (src/islands/runtime/astro-client.ts).
          globIgnores: [
            'sw.js',
            'workbox-*.js',
            '**/icon-maskable.svg',
            '404.html',
            'embed/**',
            'launch/**',
            '_astro/launch.astro_*.js',
            '_astro/astro-client.*.js',
            'lms-catalog.json',
          ],
          // Page keys are directory URLs ("lessons/goals/"), the URLs learners navigate to; with
          // trailingSlash: 'always' they are the only URLs the site links.
          manifestTransforms: [
            async (entries) => ({
              manifest: entries.map((e) => ({
                ...e,
                url: e.url === 'index.html' ? base : e.url.replace(/(^|\/)index\.html$/, '$1'),
              })),
              warnings: [],
            }),
          ],
          // Hashed _astro/ files never change under the same name: no revision needed.
          dontCacheBustURLsMatching: /^_astro\//,
          navigateFallback: null,
          // The new worker waits until the learner presses the update button (SKIP_WAITING message).
          skipWaiting: false,
          // The first worker takes over the page it was installed from: a learner who goes offline
          // on their first page still gets its quiz, reflections and activities from the offline
          // copy (uncontrolled, their code and practice file came from the network, and failed).
          // Nothing to replace then; an update still waits for the learner (skipWaiting above).
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          // The review page carries every question of the course; a synthetic 500-lesson course
          // (npm run bench) makes it several MB. Allow that rather than failing the build.
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          mode: 'production',
          sourcemap: false,
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`sw.js: ${count} files precached (${(size / 1024).toFixed(1)} KiB)`);
      },
    },
  };
}
