/**
 * Autosave for a field the learner types into (reflections, the certificate name, reminders, plan
 * items, message fields): saved `delay` ms after the last change, at once on blur and whenever the
 * page flushes (pagehide, hidden tab, update, host hand-over: onFlush in src/stores/app.ts), never
 * in the middle of an IME composition (the unconverted kana is not the learner's text yet), and
 * shown again when the stored value changes elsewhere while the field is not being edited.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onFlush } from '../../stores/app';

export type SaveState = 'idle' | 'pending' | 'saved' | 'failed' | 'invalid';

interface Options<T> {
  /** The stored value (from $progress). */
  stored: T;
  /** Whether progress has been loaded (the first stored value arrives with it). */
  loaded: boolean;
  /** Saves a value now; `urgent` on pagehide and flushes. Returns the state to show: saved, failed, or invalid (kept, e.g. as a draft, but not saved as such). */
  save: (value: T, urgent: boolean) => SaveState;
  delay?: number;
  /** Equality of values (default ===). */
  same?: (a: T, b: T) => boolean;
}

export function useAutosave<T>({ stored, loaded, save, delay = 800, same = Object.is }: Options<T>) {
  const [value, setValue] = useState(stored);
  const [state, setState] = useState<SaveState>('idle');
  const latest = useRef(value);
  const dirty = useRef(false);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const saveRef = useRef(save);
  saveRef.current = save;

  /**
   * The stored value this field last took into account. An effect runs after paint, or at the start
   * of the next render when that comes first, so a render's `stored` can be older than what the field
   * has saved since (typing, then a blur that saves, then a click, all within one frame): only a
   * stored value that changed since is taken in, never the older one that render saw.
   */
  const seen = useRef(stored);
  useEffect(() => {
    if (same(seen.current, stored)) return;
    seen.current = stored;
    if (!dirty.current && !same(latest.current, stored)) {
      latest.current = stored;
      setValue(stored);
    }
  }, [stored, loaded]);

  /** Saves now if there is something unsaved; returns whether the input is safe. */
  const flush = (urgent = false): boolean => {
    clearTimeout(timer.current);
    if (!dirty.current) return true;
    const result = saveRef.current(latest.current, urgent);
    if (result !== 'failed') dirty.current = false;
    setState(result);
    return result !== 'failed';
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => onFlush(() => flushRef.current(true)), []);

  /** The learner changed the value (typing, choosing). */
  const change = (next: T) => {
    latest.current = next;
    setValue(next);
    dirty.current = true;
    clearTimeout(timer.current);
    setState('pending');
    if (!composing.current) timer.current = setTimeout(() => flushRef.current(), delay);
  };

  return {
    value,
    state,
    change,
    /** Blur: save at once (unless an IME composition is still open). */
    blur: () => !composing.current && flush(),
    /**
     * Props for a text input or textarea: IME composition start/end. Lower case on purpose: Preact
     * lower-cases an `on…` prop only when the element has that `on…` property, and elements have no
     * `oncompositionstart`, so `onCompositionStart` would listen for an event named
     * "CompositionStart" that never fires (and the unconverted kana would be autosaved).
     */
    ime: {
      oncompositionstart: () => {
        composing.current = true;
        clearTimeout(timer.current);
      },
      // The converted text reaches `change` through the field's own input handler, which builds the
      // whole value (a string, or an object or list holding this field): browsers fire an input event
      // with it before compositionend (Chromium, Safari) or right after (Firefox). What waited for the
      // composition to end is the save. (Passing the field's text itself here replaced an object value
      // with a string: Japanese typed into a challenge day, the plan or a message was never saved.)
      oncompositionend: () => {
        composing.current = false;
        if (!dirty.current) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flushRef.current(), delay);
      },
    },
    /** Shows a value that is saved already (e.g. a resolved conflict): nothing left to save. */
    replace: (next: T) => {
      clearTimeout(timer.current);
      latest.current = next;
      setValue(next);
      dirty.current = false;
      setState('saved');
    },
    /** Whether the field holds input that is not saved yet. */
    dirty: () => dirty.current,
    flush,
  };
}
