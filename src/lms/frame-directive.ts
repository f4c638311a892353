/**
 * Astro client directive `client:frame`: hydrates an island only when the page runs inside a frame
 * (LMS, iframe embed, SCORM launcher). Stand-alone pages never download the island's code.
 */
import type { ClientDirective } from 'astro';

const frameDirective: ClientDirective = async (load) => {
  if (window.self === window.top) return;
  const hydrate = await load();
  await hydrate();
};

export default frameDirective;
