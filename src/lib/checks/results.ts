/** Reading a stored check record (src/lib/checks/record.ts). Pure; kept apart so that every page's first view does not load it. */
import type { CheckRecord, CheckResult } from './record';

/** Whether the check was submitted at least once. */
export const taken = (c: CheckRecord | undefined): c is CheckRecord & { at: number } => !!c && c.at !== null;

/** The result that measures learning: the first submission (null while never submitted). */
export const firstResult = (c: CheckRecord | undefined): CheckResult | null => (!taken(c) ? null : (c.first ?? { at: c.at, marks: c.marks, score: c.score }));
