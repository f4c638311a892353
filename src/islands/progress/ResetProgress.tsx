/** Erases all progress on this device, after an explicit confirmation step. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { resetProgress } from '../../stores/learner';

export default function ResetProgress() {
  const [step, setStep] = useState<'idle' | 'confirm' | 'done'>('idle');
  const cancel = useRef<HTMLButtonElement>(null);
  const open = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Keyboard focus follows the dialog (the button that opened it disappears) and comes back after.
  useEffect(() => {
    if (step === 'confirm') cancel.current?.focus();
    else if (wasOpen.current) open.current?.focus();
    wasOpen.current = step === 'confirm';
  }, [step]);
  return (
    <div class="reset" data-reset>
      {step === 'confirm' ? (
        <div role="alertdialog" aria-labelledby="reset-q" class="notice">
          <p id="reset-q">
            {/* One version per delivery; global.css shows the one <html data-kept> names (see SavedWhere.astro). */}
            <span data-saved="browser">クイズの結果とふりかえりの文章を含む、この端末のすべての学習記録を消去します。</span>
            <span data-saved="host" hidden>
              クイズの結果とふりかえりの文章を含む、この端末と、この講座を埋め込んでいるサイトに保存された学習記録をすべて消去します。
            </span>
            <span data-saved="lms" hidden>
              クイズの結果とふりかえりの文章を含む、この端末と、受講している学習管理システム（LMS）に保存された学習記録をすべて消去します。LMSに記録された修了状況と成績はそのまま残ります。
            </span>
            元に戻せません。よろしいですか。
          </p>
          <button type="button" onClick={() => (resetProgress(), setStep('done'))}>
            消去する
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setStep('idle')} ref={cancel}>
            やめる
          </button>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => setStep('confirm')} ref={open}>
          学習記録をリセット
        </button>
      )}
      <p role="status" aria-live="polite">
        {step === 'done' ? '学習記録を消去しました。' : ''}
      </p>
    </div>
  );
}
