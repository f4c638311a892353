/**
 * SCORM data mapping (pure): how the course's progress becomes CMI data in SCORM 1.2 and
 * SCORM 2004 4th edition, and how the progress document is squeezed into suspend_data.
 * The browser side (API discovery, one session per launch) is src/delivery/scorm-launcher.ts.
 */
import type { ProgressReport } from './embed-protocol';
import { encodeProgress, type Progress } from './progress';

export type ScormVersion = '1.2' | '2004';

/** suspend_data limits in characters: SCORM 1.2 CMIString4096, SCORM 2004 4th ed. SPM 64,000. */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

/** SCORM 1.2 CMITimespan "HHHH:MM:SS.SS". */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. "PT1H2M3.45S". */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}

/** SCORM 1.2 has one status for completion and success together. */
export function lessonStatus12(r: ProgressReport): 'passed' | 'failed' | 'completed' | 'incomplete' {
  if (r.success === 'failed') return 'failed';
  if (r.status === 'completed') return r.success === 'passed' ? 'passed' : 'completed';
  return 'incomplete';
}

/**
 * The CMI elements to set for a progress report, in a sensible order. `exit` is "suspend" while
 * the course is unfinished, so the LMS resumes with suspend_data next time.
 */
export function cmiValues(version: ScormVersion, r: ProgressReport, opts: { sessionMs?: number; ending?: boolean } = {}): [string, string][] {
  const raw = String(Math.round(r.score * 100));
  const unfinished = r.status !== 'completed';
  const out: [string, string][] = [];
  if (version === '1.2') {
    out.push(['cmi.core.lesson_status', lessonStatus12(r)]);
    out.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', raw]);
    if (r.lesson) out.push(['cmi.core.lesson_location', r.lesson]);
    if (opts.ending) {
      out.push(['cmi.core.exit', unfinished ? 'suspend' : '']);
      out.push(['cmi.core.session_time', timespan12(opts.sessionMs ?? 0)]);
    }
  } else {
    out.push(['cmi.completion_status', r.status]);
    out.push(['cmi.success_status', r.success]);
    out.push(['cmi.progress_measure', String(r.total ? Math.round((r.completed / r.total) * 100) / 100 : 0)]);
    out.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', raw]);
    out.push(['cmi.score.scaled', String(Math.round(r.score * 10000) / 10000)]);
    if (r.lesson) out.push(['cmi.location', r.lesson]);
    if (opts.ending) {
      out.push(['cmi.exit', unfinished ? 'suspend' : 'normal']);
      out.push(['cmi.session_time', duration2004(opts.sessionMs ?? 0)]);
    }
  }
  return out;
}

export interface Compacted {
  /** What goes into suspend_data (a progress document the course can decode). */
  data: string;
  /**
   * What was left out to fit the limit (it stays only in the browser): reflection ids, the ids
   * of message builders whose texts were left out, and "plan" / "reviews" / "reminders" /
   * "visits" / "activities" (every activity's state) when those parts had to go too.
   */
  dropped: string[];
}

/**
 * Fits the progress document into `limit` characters, keeping what tracking needs. First it drops
 * what the LMS does not need (the answers of the last quiz attempts and of the checks), then
 * reflections, longest first, the texts of message builders, the if-then plan, the review schedule
 * and the learner's reminder list. Quiz results, check results, visits and the last location are
 * kept as long as at all possible; every activity record keeps `done`, `best` and `last`
 * (completion and LMS interactions need them) — at the very last its state goes too (`slim`, see
 * ActivityRecord).
 */
export function compactForSuspend(p: Progress, limit: number): Compacted {
  const slim: Progress = structuredClone(p);
  for (const q of Object.values(slim.quizzes)) q.last = null;
  // Likewise the choices of the pre-check and final check: their marks and scores (the gain, the
  // final check's score) stay.
  for (const c of Object.values(slim.checks)) if (c) c.answers = {};
  // Drafts (input not saved as such yet) and the other side of a conflict stay in this browser.
  slim.drafts = {};
  for (const r of Object.values(slim.reflections)) delete r.other;
  const fits = () => encodeProgress(slim).length <= limit;
  const dropped: string[] = [];
  const byLength = Object.entries(slim.reflections).sort((a, b) => b[1].text.length - a[1].text.length);
  for (const [id] of byLength) {
    if (fits()) break;
    delete slim.reflections[id];
    dropped.push(id);
  }
  dropped.sort();
  // A message builder's texts next: the record stays (done counts for completion), its fields stay in this browser.
  const slimmed = (id: string) => {
    const a = slim.activities[id];
    slim.activities[id] = { ...a, state: a.kind === 'conversation' ? { path: [] } : a.kind === 'message' ? { fields: {} } : { placed: {}, checked: false }, slim: true };
  };
  for (const [id, a] of Object.entries(slim.activities).sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (fits()) break;
    if (a.kind !== 'message' || a.slim) continue;
    slimmed(id);
    dropped.push(id);
  }
  if (!fits() && slim.plan) {
    slim.plan = null;
    dropped.push('plan');
  }
  if (!fits() && Object.keys(slim.reviews).length) {
    slim.reviews = {};
    dropped.push('reviews');
  }
  if (!fits() && slim.profile.reminders) {
    delete slim.profile.reminders;
    dropped.push('reminders');
  }
  if (!fits() && Object.keys(slim.lessons).length) {
    for (const slug of Object.keys(slim.lessons)) if (!fits()) delete slim.lessons[slug];
    dropped.push('visits');
  }
  // Last resort: what the other activities hold beyond done and best.
  if (!fits() && Object.values(slim.activities).some((a) => !a.slim)) {
    for (const id of Object.keys(slim.activities)) if (!slim.activities[id].slim) slimmed(id);
    dropped.push('activities');
  }
  return { data: encodeProgress(slim), dropped };
}
