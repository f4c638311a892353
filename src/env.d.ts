/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Release label shown in the footer (defaults to package.json's version). */
  readonly COURSE_RELEASE?: string;
  /** Extra allowlisted embedding origins, comma separated (see docs/embedding.md). */
  readonly COURSE_EMBED_ORIGINS?: string;
}

