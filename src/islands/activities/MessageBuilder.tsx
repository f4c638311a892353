/**
 * The message builder (メッセージ作成): a field per part of the message, autosaved as typed
 * (use-autosave.ts: IME-aware, flushed on pagehide); the composed message is shown live in a
 * read-only box and can be copied, with the outcome announced.
 */
import { useState } from 'preact/hooks';
import type { MessageActivity } from '../../lib/activities/schema';
import { MESSAGE_FIELD_MAX, composeMessage, missingFields } from '../../lib/activities/message';
import { fill, type MessageText } from '../../lib/text/ui-text';
import { saveMessage } from '../../stores/activities';
import { useProgress } from '../runtime/use-progress';
import { useAutosave } from '../runtime/use-autosave';

type Props = Pick<MessageActivity, 'id' | 'fields' | 'template'> & { t: MessageText };
type Values = Record<string, string>;

const NONE: Values = {};
const same = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);

export default function MessageBuilder({ id, fields, template, t }: Props) {
  const { progress, loaded } = useProgress();
  const record = progress.activities[id];
  const stored = record?.kind === 'message' ? (record.state as { fields: Values }).fields : NONE;
  const [copied, setCopied] = useState<{ text: string; error?: boolean } | null>(null);
  const field = useAutosave<Values>({
    stored,
    loaded,
    same,
    save: (values, urgent) => (saveMessage(id, values, missingFields({ fields }, values).length === 0, urgent) ? 'saved' : 'failed'),
  });
  const values = field.value;

  const message = composeMessage(template, values);
  const left = missingFields({ fields }, values);
  const copy = async () => {
    field.flush();
    try {
      await navigator.clipboard.writeText(message);
      setCopied({ text: t.copied });
    } catch {
      setCopied({ text: t.copyFailed, error: true });
    }
  };
  const labelOf = (fid: string) => fields.find((f) => f.id === fid)!.label;

  return (
    <div class="message-builder">
      {fields.map((f) => (
        <div class="message-field" key={f.id}>
          <label for={`${id}-${f.id}`}>
            <strong>{f.label}</strong>
            {f.required ? t.required : t.optional}
          </label>
          <p class="hint" id={`${id}-${f.id}-hint`}>
            {f.hint}
          </p>
          <textarea
            id={`${id}-${f.id}`}
            data-field={f.id}
            rows={2}
            maxLength={MESSAGE_FIELD_MAX}
            value={values[f.id] ?? ''}
            placeholder={f.placeholder}
            aria-describedby={`${id}-${f.id}-hint`}
            onInput={(e) => field.change({ ...values, [f.id]: (e.currentTarget as HTMLTextAreaElement).value })}
            onBlur={field.blur}
            {...field.ime}
          />
        </div>
      ))}
      <p class="meta-line">
        <span role="status" aria-live="polite" data-message-save={field.state} class={field.state === 'failed' ? 'error' : ''}>
          {field.state === 'saved' ? t.saved : field.state === 'failed' ? t.failed : ''}
        </span>
        <span data-fields-left>{left.length ? fill(t.fieldsLeft, { n: left.length, list: left.map(labelOf).join(t.separator) }) : t.complete}</span>
      </p>
      <label for={`${id}-message`}>
        <strong>{t.preview}</strong>
      </label>
      <textarea id={`${id}-message`} class="message-preview" readOnly rows={14} value={message} data-message />
      <p class="actions">
        <button type="button" onClick={copy}>
          {t.copy}
        </button>
      </p>
      <p role="status" aria-live="polite" class={copied?.error ? 'error' : ''} data-copy-message>
        {copied?.text ?? ''}
      </p>
    </div>
  );
}
