/**
 * Stands in for @astrojs/preact's browser half, which Astro builds even when no page uses it: this
 * course starts its islands itself (src/components/Island.astro, mount.ts), so `client:*`
 * directives are not used. A page that uses one anyway gets this error instead of a second,
 * heavier island runtime.
 */
export default () => () => {
  throw new Error('client:* directives are not used in this course: render the component with src/components/Island.astro instead.');
};
