/** Event names shared by the course and its same-origin hosts (kept apart so nothing else is bundled with them). */

/** A same-origin host (the SCORM launcher) dispatches this on the course frame's window before it ends, so the course saves what is being typed. */
export const FLUSH_EVENT = 'course:flush';
