/** The learner's predictions beside what happened: a summary, bars and a table (the bars are decorative; the table carries the data). */
import type { ActionOption, Comparison } from '../../lib/challenge/schedule';
import type { ChallengeDay, Slot } from '../../lib/challenge/week';
import { fill, type ChallengeText } from '../../lib/text/ui-text';

interface Props {
  comparison: Comparison;
  days: (ChallengeDay & { slot: Slot })[];
  actions: Map<string, ActionOption>;
  t: ChallengeText;
}

export default function ChallengeCompare({ comparison: c, days, actions, t }: Props) {
  const pct = (n: number | null) => (n === null ? '—' : fill(t.percent, { n }));
  const verdict =
    c.predicted === null || c.actual === null
      ? ''
      : c.actual - c.predicted >= 10
        ? t.compareUnder
        : c.predicted - c.actual >= 10
          ? t.compareOver
          : t.compareEven;
  return (
    <section class="box challenge-compare" aria-labelledby="challenge-compare" data-compare>
      <h2 id="challenge-compare">{t.compareHeading}</h2>
      {c.finished && <p data-finished>{t.finished}</p>}
      {c.recorded === 0 ? (
        <p>{t.compareNone}</p>
      ) : (
        <>
          <p data-summary>
            {c.predicted === null
              ? fill(t.compareSummaryNoPredict, { n: c.recorded, actual: pct(c.actual) })
              : fill(t.compareSummary, { n: c.recorded, predicted: pct(c.predicted), actual: pct(c.actual) })}
            {verdict && ` ${verdict}`}
          </p>
          {c.predicted !== null && (
            <div class="compare-bars" aria-hidden="true">
              <span class="label">{t.predictedLabel}</span>
              <span class="bar predicted" data-w={Math.round((c.predicted ?? 0) / 10)} />
              <span class="label">{t.actualLabel}</span>
              <span class="bar actual" data-w={Math.round((c.actual ?? 0) / 10)} />
            </div>
          )}
        </>
      )}
      {/* .stack: on a phone each day is a card, its estimate and result after their column's name (global.css). */}
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">{t.tableDay}</th>
            <th scope="col">{t.tableAction}</th>
            <th scope="col">{t.tablePredict}</th>
            <th scope="col">{t.tableResult}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d, i) => (
            <tr key={d.slot} data-row={d.slot}>
              <th scope="row">{fill(t.day, { n: i + 1 })}</th>
              <td>{actions.get(d.action)?.action}</td>
              <td data-label={t.tablePredict}>{pct(d.predict)}</td>
              <td data-label={t.tableResult}>{d.status === 'skipped' ? t.statusSkipped : d.outcome ? t.outcomes[d.outcome] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
