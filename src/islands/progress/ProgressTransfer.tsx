/**
 * The data page (進捗の書き出し・読み込み): export progress as a JSON file; import one after
 * showing what it holds and what it replaces, and only when the learner confirms.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompletionRules } from '../../lib/course/schema';
import type { LessonRequirement } from '../../lib/course/completion';
import type { Progress } from '../../lib/progress/document';
import { IMPORT_MAX_BYTES, progressFile, progressFileName, readProgressFile } from '../../lib/progress/files';
import { fill, type TransferText } from '../../lib/text/ui-text';
import { replaceProgress } from '../../stores/learner';
import { useProgress } from '../runtime/use-progress';
import { useHydrated } from '../runtime/use-progress';
import { download } from '../runtime/download';
import ImportSummary from './ImportSummary';

interface Props {
  requirements: LessonRequirement[];
  rules: CompletionRules;
  /** TRANSFER_TEXT from src/lib/text/ui-text.ts. */
  t: TransferText;
}

type Message = { text: string; error?: boolean };

export default function ProgressTransfer({ requirements, rules, t }: Props) {
  const { progress, loaded } = useProgress();
  const hydrated = useHydrated();
  const [pending, setPending] = useState<Progress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // autoFocus is ignored for a dialog inserted after load: move focus to the safe choice ourselves.
  useEffect(() => {
    if (pending) cancelRef.current?.focus();
  }, [pending]);
  const say = (m: Message) => {
    setMessage(m);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const exportFile = () => {
    const name = progressFileName(Date.now());
    download(name, progressFile(progress), 'application/json');
    setMessage({ text: fill(t.exported, { file: name }) });
  };
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPending(null);
    if (!file) return;
    // A file the browser cannot read is treated like unreadable JSON.
    const text = file.size > IMPORT_MAX_BYTES ? '' : await file.text().catch(() => '');
    const result = readProgressFile(text, file.size, progress.courseId, Date.now());
    if (result.ok) {
      setMessage(null);
      setPending(result.progress);
    } else finish({ text: `${t.errors[result.error]}${t.unchanged}`, error: true });
  };
  const finish = (m: Message) => {
    setPending(null);
    if (fileRef.current) fileRef.current.value = '';
    say(m);
  };

  if (!hydrated || !loaded) return <p>{t.loading}</p>;
  return (
    <div class="transfer">
      <h2>{t.exportHeading}</h2>
      <p>{t.exportHelp}</p>
      <p>
        <button type="button" onClick={exportFile}>
          {t.export}
        </button>
      </p>
      <h2>{t.importHeading}</h2>
      <p>{t.importHelp}</p>
      <p>
        <label for="progress-file">{t.choose}</label>
        <br />
        <input id="progress-file" type="file" accept=".json,application/json" ref={fileRef} onChange={(e) => choose(e.currentTarget as HTMLInputElement)} />
      </p>
      {pending && (
        <div role="alertdialog" aria-labelledby="import-q" aria-describedby="import-summary" class="notice" data-import-confirm>
          <p id="import-q">{t.question}</p>
          <ImportSummary id="import-summary" incoming={pending} current={progress} requirements={requirements} rules={rules} t={t} />
          <button type="button" onClick={() => finish(replaceProgress(pending) ? { text: t.replaced } : { text: t.failed, error: true })}>
            {t.replace}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => finish({ text: t.cancelled })} ref={cancelRef}>
            {t.cancel}
          </button>
        </div>
      )}
      {/* Focused when it changes, so read once as the focused text (not a live region as well). */}
      <p tabIndex={-1} ref={statusRef} class={message?.error ? 'error' : ''} data-transfer-message>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
