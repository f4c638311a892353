/** Content-Security-Policy helpers for pages (see security.csp in astro.config.mjs). */
import { createHash } from 'node:crypto';

/**
 * The policy source of an inline script: Astro hashes the scripts it processes, not `is:inline`
 * ones. Register it with `Astro.csp?.insertScriptHash(...)` in a layout's or page's frontmatter
 * (it must run before the <head> is rendered, where the policy's <meta> goes).
 */
export const scriptHash = (code: string) => `sha256-${createHash('sha256').update(code).digest('base64')}` as const;
