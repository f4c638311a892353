/**
 * The choices of a check form (pre-check, final check) while it is being answered: kept as a draft
 * as they are made (restored after a reload or an update). Options ticked in the server-rendered
 * form before the island hydrated arrive as change events (early-input.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckSet } from '../../lib/checks/record';
import { isObj, readAnswers } from '../../lib/progress/read';
import { saveCheckDraft } from '../../stores/checks';

export function useCheckAnswers(set: CheckSet, loaded: boolean, draft: string | undefined) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const choose = (next: Record<string, string[]>) => {
    setAnswers(next);
    saveCheckDraft(set, next);
  };
  useEffect(() => {
    if (!loaded || !draft) return;
    try {
      const saved = JSON.parse(draft) as unknown;
      const restored = isObj(saved) ? readAnswers(saved) : null;
      if (restored) setAnswers((now) => (Object.keys(now).length ? now : restored));
    } catch {
      /* a damaged draft is just not restored */
    }
  }, [loaded, draft]);
  return { answers, choose, clear: () => setAnswers({}) };
}
