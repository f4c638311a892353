/** The SCORM 1.2 status modes: part of the authoring contract (course.yaml scorm.status12), so kept below both the schema and the SCORM mapping. */

/**
 * How SCORM 1.2 reports status in its one element, cmi.core.lesson_status: "<when finished>-<otherwise>".
 * The four choices LMS admins know from authoring tools (Articulate, Adapt, iSpring):
 *  - completed-incomplete: "completed" once every lesson is complete (the default: Moodle's
 *    activity form pre-selects the completion rule "Completed", which checks for exactly
 *    `completed` — mod/scorm/mod_form.php data_preprocessing, classes/completion/custom_completion.php);
 *  - passed-incomplete: "passed" once every lesson is complete (every quiz is passed then);
 *  - passed-failed / completed-failed: as above, and "failed" while every quiz has been tried
 *    and at least one is below the pass mark.
 * SCORM 2004 always keeps completion and success apart.
 */
export const STATUS12_MODES = ['completed-incomplete', 'passed-incomplete', 'passed-failed', 'completed-failed'] as const;
export type Status12Mode = (typeof STATUS12_MODES)[number];
export const DEFAULT_STATUS12: Status12Mode = 'completed-incomplete';
