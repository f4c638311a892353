/**
 * The learning gain per lesson (事前チェック → 修了テスト) on the conclusion and the certificate: a
 * small bar chart (SVG sized by attributes: the CSP allows no inline styles) and, beside it, a
 * table with the same data for screen readers and anyone who prefers numbers.
 */
import { learningGain, type GainLesson, type Tally } from '../../lib/course/gain';
import { fill, type GainText } from '../../lib/text/ui-text';
import { useProgress } from '../runtime/use-progress';

interface Props {
  lessons: (GainLesson & { order: number; title: string; href: string })[];
  finalHref: string;
  /** GAIN_TEXT from src/lib/text/ui-text.ts. */
  t: GainText;
}

/** Chart geometry in SVG units (the chart scales to its column; about 1 unit = 1 px in the course's text column). */
const ROW = 32;
const LABEL = 90;
const BAR = 480;

export default function GainReport({ lessons, finalHref, t }: Props) {
  const { progress, loaded } = useProgress();
  if (!loaded) return <p>{t.loading}</p>;
  const gain = learningGain(progress.checks, lessons);
  if (!gain.final)
    return (
      <p data-gain="none">
        {t.none}
        <a href={finalHref}>{t.take}</a>
      </p>
    );
  const cell = (x: Tally | null, side: 'before' | 'after') =>
    !x
      ? side === 'before' && gain.pre === 'taken'
        ? t.skipped
        : t.notTaken
      : x.total === 1
        ? x.right
          ? t.right
          : t.wrong
        : fill(t.count, { total: x.total, right: x.right });
  const { before, after } = gain;
  // An unknown side (skipped, not taken) has a dashed track: it is not the same as 0 right.
  const bar = (x: Tally | null, y: number, cls: string) => (
    <>
      <rect class={x ? 'gain-track' : 'gain-track gain-unknown'} x={LABEL} y={y} width={BAR} height={9} rx={2} />
      {x && x.right > 0 && <rect class={cls} x={LABEL} y={y} width={(BAR * x.right) / x.answered} height={9} rx={2} />}
    </>
  );
  return (
    <div data-gain>
      <p data-gain-summary>
        {before
          ? fill(t.summary, { preTotal: before.total, preRight: before.right, postTotal: after!.total, postRight: after!.right })
          : fill(t.summaryNoPre, { postTotal: after!.total, postRight: after!.right })}
      </p>
      {(progress.checks.final?.attempts ?? 0) > 1 && <p>{t.first}</p>}
      <div class="gain">
        <div class="gain-chart" aria-hidden="true">
          {/* biome-ignore lint/a11y/noSvgWithoutTitle: decorative (inside aria-hidden); the table beside it carries the same data */}
          <svg viewBox={`0 0 ${LABEL + BAR + 4} ${lessons.length * ROW + 6}`} width={LABEL + BAR + 4} height={lessons.length * ROW + 6} focusable="false">
            {gain.lessons.map((g, i) => (
              <g key={g.slug}>
                <text class="gain-label" x={LABEL - 10} y={i * ROW + 19}>
                  {fill(t.row, { order: lessons[i].order })}
                </text>
                {bar(g.before, i * ROW + 5, 'gain-before')}
                {bar(g.after, i * ROW + 16, 'gain-after')}
              </g>
            ))}
          </svg>
          <p class="gain-legend">
            <span class="swatch gain-before" />
            {t.before}
            <span class="swatch gain-after" />
            {t.after}
            <span class="swatch gain-unknown" />
            {t.unknownSide}
          </p>
        </div>
        <table class="gain-table stack">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.lesson}</th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
              <th scope="col">{t.trend}</th>
            </tr>
          </thead>
          <tbody>
            {gain.lessons.map((g, i) => (
              <tr key={g.slug} data-gain-row={g.slug} data-trend={g.trend}>
                <th scope="row">
                  <a href={lessons[i].href}>
                    {lessons[i].order}. {lessons[i].title}
                  </a>
                </th>
                <td data-label={t.before}>{cell(g.before, 'before')}</td>
                <td data-label={t.after}>{cell(g.after, 'after')}</td>
                <td data-label={t.trend}>{t.trends[g.trend]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
