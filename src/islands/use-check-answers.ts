/**
 * The choices of a check form (pre-check, final check) while it is being answered: kept as a draft
 * as they are made (restored after a reload or an update), including options ticked in the
 * server-rendered form before the island hydrated.
 */
import { useEffect, useState, type MutableRef } from 'preact/hooks';
import type { CheckSet } from '../lib/checks';
import { isObj, readAnswers } from '../lib/read';
import { saveCheckDraft } from '../stores/checks';

export function useCheckAnswers(set: CheckSet, loaded: boolean, draft: string | undefined, form: MutableRef<HTMLFormElement | null>) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const choose = (next: Record<string, string[]>) => {
    setAnswers(next);
    saveCheckDraft(set, next);
  };
  useEffect(() => {
    const picked: Record<string, string[]> = {};
    for (const input of form.current?.querySelectorAll<HTMLInputElement>('input:checked') ?? []) (picked[input.name] ??= []).push(input.value);
    if (Object.keys(picked).length) choose(picked);
  }, []);
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
