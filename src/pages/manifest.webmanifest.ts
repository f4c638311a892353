/**
 * The web app manifest (manifest.webmanifest): the installable PWA's name, icons and scope, from
 * content/course.yaml and the deploy base path. A static file in the build; precached by the
 * service worker (scripts/pwa.mjs).
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../layouts/course-data';

export const GET: APIRoute = async () => {
  const course = await getCourse();
  const base = import.meta.env.BASE_URL;
  const manifest = {
    id: base,
    name: `${course.title} — ${course.subtitle}`,
    short_name: course.shortTitle,
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
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};
