/**
 * A reflection prompt with autosave (use-autosave.ts). Text over the limit is never cut or lost: it
 * stays in the box and is kept as a draft (restored after a reload or an update) while the last
 * text within the limit stays saved. When another tab or device changed the same reflection in
 * the meantime, both texts are kept and the learner chooses.
 */
import { useRef } from 'preact/hooks';
import { STORED_TEXT_CAP, type Versioned } from '../../lib/progress/document';
import { REFLECTION_MAX, charCount, formatCount, overBy } from '../../lib/text/reflection-limits';
import { fill, type ReflectionText } from '../../lib/text/ui-text';
import { $progress } from '../../stores/progress';
import { resolveConflict, saveReflection, saveReflectionDraft } from '../../stores/reflection';
import { useProgress } from '../runtime/use-progress';
import { useAutosave, type SaveState } from '../runtime/use-autosave';
import { isEarlyInput } from '../runtime/early-input';

interface Props {
  id: string;
  prompt: string;
  placeholder: string;
  required: boolean;
  /** REFLECTION_TEXT from src/lib/text/ui-text.ts. */
  t: ReflectionText;
}

export default function Reflection({ id, prompt, placeholder, required, t }: Props) {
  const { progress, loaded } = useProgress();
  const record = progress.reflections[id];
  const draft = progress.drafts[`reflection:${id}`];
  // A draft newer than the saved text (an over-long text kept aside) is what the learner last typed.
  const shown = draft && (!record || draft.updatedAt > record.updatedAt) ? draft.value : (record?.text ?? '');
  // The stored version on screen when the learner started typing (what the edit is based on).
  const seen = useRef<Versioned | null | undefined>(undefined);
  const save = (text: string, urgent: boolean): SaveState => {
    if (overBy(text) > 0) return saveReflectionDraft(id, text, urgent) ? 'invalid' : 'failed';
    const ok = saveReflection(id, text, seen.current === undefined ? ($progress.get().reflections[id] ?? null) : seen.current, urgent);
    seen.current = undefined;
    return ok ? 'saved' : 'failed';
  };
  const field = useAutosave({ stored: shown, loaded, save });

  const onInput = (value: string) => {
    // Text typed before this island started went into an empty box: it is based on nothing saved.
    if (!field.dirty()) seen.current = isEarlyInput() ? null : ($progress.get().reflections[id] ?? null);
    field.change(value);
  };

  const over = overBy(field.value);
  const state = over > 0 ? 'too-long' : field.state;
  const other = loaded ? record?.other : undefined;
  return (
    <div class="reflection" data-reflection={id}>
      <label for={`${id}-text`}>
        <strong>{prompt}</strong>
        {required ? t.required : t.optional}
      </label>
      <textarea
        id={`${id}-text`}
        name={id}
        value={field.value}
        placeholder={placeholder}
        // As much as a draft keeps: what is on screen is what a reload brings back.
        maxLength={STORED_TEXT_CAP}
        aria-describedby={`${id}-meta`}
        aria-invalid={over > 0 ? 'true' : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={field.blur}
        {...field.ime}
      />
      {loaded && record?.away && !field.value && (
        <p class="meta-line" data-away>
          {t.away}
        </p>
      )}
      <div class="meta-line" id={`${id}-meta`}>
        {/* Shown, not announced: "saving…, saved" after every pause in typing would talk over the learner. Only problems are announced (below). */}
        <span data-save-state={state} class={over || state === 'failed' ? 'error' : ''}>
          {state === 'too-long'
            ? fill(field.value.length >= STORED_TEXT_CAP ? t.tooLongCut : t.tooLong, {
                max: formatCount(REFLECTION_MAX),
                over: formatCount(over),
                cap: formatCount(STORED_TEXT_CAP),
              })
            : state === 'idle' || state === 'invalid'
              ? ''
              : t[state]}
        </span>
        <span>{fill(t.count, { count: formatCount(charCount(field.value)), max: formatCount(REFLECTION_MAX) })}</span>
        <span class="visually-hidden" role="status" data-save-alert>
          {state === 'failed' ? t.failed : state === 'too-long' ? fill(t.tooLongAlert, { max: formatCount(REFLECTION_MAX) }) : ''}
        </span>
      </div>
      {other && (
        // biome-ignore lint/a11y/useSemanticElements: a group of two buttons and the other text, not form fields (a fieldset would imply them)
        <div class="conflict" role="group" aria-labelledby={`${id}-other`} data-conflict>
          <p id={`${id}-other`}>{t.conflict}</p>
          <blockquote class="conflict-text">{other.text}</blockquote>
          <p class="actions">
            <button type="button" onClick={() => resolveConflict(id, other.text) && field.replace(other.text)}>
              {t.useOther}
            </button>
            <button type="button" class="secondary" onClick={() => resolveConflict(id, field.value) && field.replace(field.value)}>
              {t.keepMine}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
