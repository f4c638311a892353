/**
 * A reflection prompt with autosave: debounced while typing, and at once on blur, pagehide and when
 * the page is hidden. Text over the limit is never cut: it stays in the box, unsaved, with a message.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REFLECTION_MAX, charCount, formatCount, overBy } from '../lib/reflection';
import { fill, type ReflectionText } from '../lib/ui-text';
import { saveReflection } from '../stores/progress';
import { FLUSH_EVENT } from '../stores/app';
import { useProgress } from './use-progress';

interface Props {
  id: string;
  prompt: string;
  placeholder: string;
  required: boolean;
  /** REFLECTION_TEXT from src/lib/ui-text.ts. */
  t: ReflectionText;
}

type SaveState = 'idle' | 'pending' | 'saved' | 'failed' | 'too-long';

export default function Reflection({ id, prompt, placeholder, required, t }: Props) {
  const { progress, loaded } = useProgress();
  const stored = progress.reflections[id]?.text ?? '';
  const [text, setText] = useState(stored);
  const [state, setState] = useState<SaveState>('idle');
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(text);
  latest.current = text;
  const box = useRef<HTMLTextAreaElement>(null);

  // This island hydrates when it scrolls into view: text typed into the server-rendered box before
  // that is the learner's input, not something to overwrite.
  useEffect(() => {
    const typed = box.current?.value ?? '';
    if (typed !== text) onInput(typed);
  }, []);

  // Show saved text once loaded, and edits made in another tab while this box is not being edited.
  useEffect(() => {
    if (!dirty.current) setText(stored);
  }, [stored, loaded]);

  const flush = () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    if (overBy(latest.current) > 0) return setState('too-long');
    dirty.current = false;
    setState(saveReflection(id, latest.current) ? 'saved' : 'failed');
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    const onHide = () => flushRef.current();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    addEventListener('pagehide', onHide);
    addEventListener(FLUSH_EVENT, onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onHide);
      removeEventListener(FLUSH_EVENT, onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const onInput = (value: string) => {
    setText(value);
    latest.current = value;
    dirty.current = true;
    clearTimeout(timer.current);
    if (overBy(value) > 0) return setState('too-long');
    setState('pending');
    timer.current = setTimeout(() => flushRef.current(), 800);
  };

  const over = overBy(text);
  return (
    <div class="reflection" data-reflection={id}>
      <label for={`${id}-text`}>
        <strong>{prompt}</strong>
        {required ? t.required : t.optional}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        name={id}
        value={text}
        placeholder={placeholder}
        aria-describedby={`${id}-meta`}
        aria-invalid={over > 0 ? 'true' : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={flush}
      />
      <div class="meta-line" id={`${id}-meta`}>
        <span role="status" aria-live="polite" data-save-state={state} class={over || state === 'failed' ? 'error' : ''}>
          {state === 'too-long'
            ? fill(t.tooLong, { max: formatCount(REFLECTION_MAX), over: formatCount(over) })
            : state === 'idle'
              ? ''
              : t[state]}
        </span>
        <span>{fill(t.count, { count: formatCount(charCount(text)), max: formatCount(REFLECTION_MAX) })}</span>
      </div>
    </div>
  );
}
