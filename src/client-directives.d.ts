/** Types for the custom client directive registered in astro.config.mjs. */
export {};

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate only inside a frame (src/lms/frame-directive.ts). */
    'client:frame'?: boolean;
  }
}
