/**
 * Sorting (分類) and matching (組み合わせ): one <select> per item (no dragging needed), saved as
 * chosen; 「答え合わせ」 shows per-item feedback and announces the score; 「選び直す」 keeps the
 * choices so the learner changes the wrong ones. The best share is kept.
 */
import { useRef, useState } from 'preact/hooks';
import type { PlacementTask } from '../../lib/activities/placement';
import { cleanPlacement, scorePlacement } from '../../lib/activities/placement';
import { fill, type PlacementText } from '../../lib/text/ui-text';
import { saveCheck, savePlacement } from '../../stores/activities';
import { useProgress } from '../runtime/use-progress';

type Props = PlacementTask & { id: string; kind: 'sorting' | 'matching'; t: PlacementText };

export default function Placement({ id, kind, items, options, t }: Props) {
  const { progress } = useProgress();
  const record = progress.activities[id];
  const state = record?.kind === kind ? (record.state as { placed: Record<string, string>; checked: boolean }) : { placed: {}, checked: false };
  const task = { items, options };
  const placed = cleanPlacement(task, state.placed);
  const result = scorePlacement(task, placed);
  const checked = state.checked && result.complete;
  const [missing, setMissing] = useState(0);
  const status = useRef<HTMLDivElement>(null);
  const select = (item: string) => document.getElementById(`${id}-${item}`) as HTMLSelectElement | null;

  const place = (item: string, option: string) => {
    const next = { ...placed };
    if (option) next[item] = option;
    else delete next[item];
    savePlacement(id, kind, next);
    if (missing) setMissing(scorePlacement(task, next).items.filter((i) => !i.chosen).length);
  };
  const check = () => {
    const gaps = result.items.filter((i) => !i.chosen);
    setMissing(gaps.length);
    if (gaps.length) return void select(gaps[0].id)?.focus();
    saveCheck(id, kind, placed, result.share, true);
    requestAnimationFrame(() => status.current?.focus());
  };
  const retry = () => {
    savePlacement(id, kind, placed);
    const first = result.items.find((i) => !i.correct) ?? result.items[0];
    requestAnimationFrame(() => select(first.id)?.focus());
  };
  const label = (option: string) => options.find((o) => o.id === option)?.text ?? '';
  const best = record?.best != null && !checked ? Math.round(record.best * items.length) : null;

  return (
    <div class="placement">
      <ol class="place-items">
        {result.items.map((r, i) => (
          <li key={r.id} data-item={r.id}>
            <label for={`${id}-${r.id}`}>{items[i].text}</label>
            <select
              id={`${id}-${r.id}`}
              value={r.chosen}
              disabled={checked}
              aria-describedby={checked ? `${id}-${r.id}-fb` : undefined}
              onChange={(e) => place(r.id, (e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{t.choose}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                </option>
              ))}
            </select>
            {/* A choice longer than the narrowest phone's select shows (about 10 characters) is written out below it. */}
            {[...label(r.chosen)].length > 10 && (
              <p class="chosen-full" aria-hidden="true">
                {label(r.chosen)}
              </p>
            )}
            {checked && (
              <div class={`feedback ${r.correct ? 'ok' : 'ng'}`} id={`${id}-${r.id}-fb`} data-item-feedback={r.correct ? 'correct' : 'incorrect'}>
                <p class="verdict">{r.correct ? t.right : fill(t.wrong, { answer: label(items[i].answer) })}</p>
                <p>{items[i].feedback}</p>
              </div>
            )}
          </li>
        ))}
      </ol>
      {/* The score takes the focus (read once); the hints before it are announced. */}
      <div class="result" tabIndex={-1} ref={status} data-placement-result>
        {checked && (
          <p class="verdict">
            {fill(t.score, { total: result.total, right: result.right })}
            {result.right === result.total ? t.allRight : t.someWrong}
          </p>
        )}
        <div role="status">
          {checked ? null : missing ? (
            <p class="error">{fill(t.missing, { n: missing })}</p>
          ) : best !== null ? (
            <p data-activity-best>{fill(t.best, { total: items.length, right: best })}</p>
          ) : null}
        </div>
      </div>
      <button type="button" class={checked ? 'secondary' : ''} onClick={checked ? retry : check}>
        {checked ? t.retry : t.check}
      </button>
    </div>
  );
}
