/** Plan page: the lessons where the (first) final check found gaps, each a link back to the lesson. */
import { learningGain, type GainLesson } from '../../lib/course/gain';
import { fill, type GapsText } from '../../lib/text/ui-text';
import { useProgress } from '../runtime/use-progress';

interface Props {
  lessons: (GainLesson & { order: number; title: string; href: string })[];
  finalHref: string;
  /** GAPS_TEXT from src/lib/text/ui-text.ts. */
  t: GapsText;
}

export default function FinalGaps({ lessons, finalHref, t }: Props) {
  const { progress, loaded } = useProgress();
  if (!loaded) return <p>{t.loading}</p>;
  const gain = learningGain(progress.checks, lessons);
  if (!gain.final)
    return (
      <p data-gaps="none">
        {t.notYet}
        <a href={finalHref}>{t.take}</a>
      </p>
    );
  if (!gain.gaps.length) return <p data-gaps="0">{t.none}</p>;
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  return (
    <>
      <p>{t.intro}</p>
      <ul data-gaps={gain.gaps.length}>
        {gain.gaps.map((slug) => {
          const l = bySlug.get(slug)!;
          return (
            <li key={slug}>
              <a href={l.href}>{fill(t.lesson, { order: l.order, title: l.title })}</a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
