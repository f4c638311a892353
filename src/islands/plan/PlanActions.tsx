/** Export buttons of the plan: print / PDF first (what most learners want), Markdown file, clipboard; the outcome is announced. */
import { useState } from 'preact/hooks';
import { PLAN_FILE } from '../../lib/plan/plan';
import { fill, type PlanText } from '../../lib/text/ui-text';
import { download } from '../runtime/download';

interface Props {
  /** Builds the Markdown text (only when a button is pressed). */
  markdown: () => string;
  t: PlanText;
}

export default function PlanActions({ markdown, t }: Props) {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const save = () => {
    download(PLAN_FILE, markdown(), 'text/markdown;charset=utf-8');
    setMessage({ text: fill(t.downloaded, { file: PLAN_FILE }) });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setMessage({ text: t.copied });
    } catch {
      setMessage({ text: t.copyFailed, error: true });
    }
  };
  return (
    <div class="plan-actions no-print">
      <p class="actions">
        <button type="button" onClick={() => print()}>
          {t.print}
        </button>
        <button type="button" class="secondary" onClick={save}>
          {t.download}
        </button>
        <button type="button" class="secondary" onClick={copy}>
          {t.copy}
        </button>
      </p>
      <p role="status" aria-live="polite" class={message?.error ? 'error' : ''} data-plan-message>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
