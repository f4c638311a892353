import { describe, expect, it } from 'vitest';
import { EXIT_BUDGET, exitBytes, partBytes, posted } from '../../src/lib/lms/exit-request';

/** The real multipart body a FormData of these fields makes (Node's encoder; its boundary length is read from the body). */
async function formBytes(fields: [string, string][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  const body = new Uint8Array(await new Response(form).arrayBuffer());
  const boundary = new TextDecoder().decode(body).split('\r\n')[0].length - 2;
  return { bytes: body.length, boundary };
}

describe("Moodle's SCORM 2004 exit request", () => {
  it("posts collection elements unless they hold Moodle's default, top-level elements only when changed since launch", () => {
    expect(posted('cmi.interactions.3.result', 'correct', undefined)).toBe(true);
    expect(posted('cmi.objectives.0.success_status', 'unknown', undefined)).toBe(false);
    expect(posted('cmi.objectives.0.completion_status', 'completed', undefined)).toBe(true);
    expect(posted('cmi.location', 'goals', 'goals')).toBe(false);
    expect(posted('cmi.location', 'maintain', 'goals')).toBe(true);
    expect(posted('cmi.exit', '', undefined)).toBe(false);
  });

  it("is measured as a multipart encoder makes it: one part per element (names with __), UTF-8 values, Moodle's own fields", async () => {
    const values: [string, string][] = [
      ['cmi.interactions.0.id', 'l04-q2'],
      ['cmi.interactions.0.learner_response', 'a[,]d'],
      ['cmi.suspend_data', '{"reflections":{"l04-r1":{"text":"相手の話に質問を返す"}}}'],
      ['cmi.objectives.0.success_status', 'unknown'],
    ];
    const fields: [string, string][] = [
      ['id', '999999'],
      ['a', '999999'],
      ['sesskey', 'xxxxxxxxxx'],
      ['attempt', '999'],
      ['scoid', '9999999'],
      ['cmi__total_time', 'PT9999H59M59.99S'],
      ...values.filter(([k, v]) => posted(k, v, undefined)).map(([k, v]): [string, string] => [k.replace(/\./g, '__'), v]),
      ['unloading', '1'],
    ];
    const real = await formBytes(fields);
    expect(exitBytes(values, () => undefined, real.boundary)).toBe(real.bytes);
    expect(partBytes('cmi.suspend_data', 'あ') - partBytes('cmi.suspend_data', '')).toBe(3);
  });

  it("the budget leaves room under Chrome's 64 KiB beacon quota", () => {
    expect(EXIT_BUDGET).toBeLessThan(64 * 1024);
  });
});
