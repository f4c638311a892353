/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Release label shown in the footer (defaults to package.json's version). */
  readonly COURSE_RELEASE?: string;
  /** Extra allowlisted embedding origins, comma separated (see docs/embedding.md). */
  readonly COURSE_EMBED_ORIGINS?: string;
  /** How the SCORM 1.2 package reports status, overriding course.yaml scorm.status12 (docs/lms-admins.md). */
  readonly COURSE_SCORM12_STATUS?: string;
}
