/** The pre-check once sent: how many were answered and right, and which lessons to watch for — no answers. */
import type { CheckItem } from '../../lib/checks/edits';
import type { CheckRecord } from '../../lib/checks/record';
import { formatDateJa } from '../../lib/text/dates';
import { learningGain, precheckAdvice } from '../../lib/course/gain';
import { fill, type PrecheckText } from '../../lib/text/ui-text';

interface Props {
  record: CheckRecord & { at: number };
  items: CheckItem[];
  start: string;
  t: PrecheckText;
}

export default function PreCheckResult({ record, items, start, t }: Props) {
  const lessons = [...new Map(items.map((i) => [i.lesson.slug, i.lesson])).values()];
  const ids = (slug: string) => items.filter((i) => i.lesson.slug === slug).map((i) => i.question.id);
  const gain = learningGain(
    { pre: record },
    lessons.map((l) => ({ slug: l.slug, pre: ids(l.slug), final: [] })),
  );
  const { watch, known } = precheckAdvice(gain);
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const name = (slug: string) => fill(t.lesson, { order: bySlug.get(slug)!.order, title: bySlug.get(slug)!.title });
  const answered = Object.keys(record.marks).length;
  const right = Object.values(record.marks).filter((m) => m === 1).length;
  return (
    <div data-precheck="done">
      <div class="result">
        <p tabIndex={-1}>
          {fill(t.done, { date: formatDateJa(record.at), total: items.length, answered, right })}
          {/* Said to a learner who got fewer than half right, not to one who knew almost everything. */}
          {right * 2 < items.length && t.origin}
        </p>
      </div>
      <h2 id="watch-heading">{t.watch}</h2>
      {watch.length ? (
        <>
          <p>{t.watchIntro}</p>
          <ul aria-labelledby="watch-heading" data-watch>
            {watch.map((slug) => (
              <li key={slug}>
                <a href={bySlug.get(slug)!.href}>{name(slug)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t.watchNone}</p>
      )}
      {known.length > 0 && watch.length > 0 && <p data-known>{fill(t.known, { list: known.map(name).join(t.separator) })}</p>}
      <p>
        <a class="button" href={start}>
          {t.start}
        </a>
      </p>
    </div>
  );
}
