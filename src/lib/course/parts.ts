/**
 * The parts of a lesson page in reading order (本文 → ポイント → 場面 → 研究 → 練習 → クイズ →
 * ふりかえり), for the part bar at the top of a lesson (components/PartBar.astro): each part the
 * lesson has, with the id of the element where it starts. Body parts are found in the lesson's MDX
 * source by their components (components/mdx/), in the order the author placed them; a part the
 * lesson does not use is left out, so the bar never links to nothing. Quiz and reflections are
 * sections of the lesson page itself and always come last.
 */

type PartKey = 'source' | 'keypoints' | 'scenario' | 'evidence' | 'practice' | 'quiz' | 'reflection';

export interface LessonPart {
  key: PartKey;
  /** The id of the element the part starts at (its link's fragment). */
  target: string;
}

/** Body components with the fixed id their element carries (one of each per lesson). */
const BODY: readonly [PartKey, string][] = [
  ['source', 'Source'],
  ['keypoints', 'KeyPoints'],
  ['scenario', 'Scenario'],
  ['evidence', 'Evidence'],
];
/**
 * The parts of a lesson whose MDX body is `body`: those the body uses, then the quiz and the
 * reflections. `activities` are the ids of the lesson's practice activities (its `activities:`);
 * each is placed in the body by a component naming it (`<Sorting id="l03-a1" />`), whose element
 * carries that id (components/mdx/ActivityBox.astro), whatever the kind of activity.
 */
export function lessonParts(body: string, activities: readonly string[] = []): LessonPart[] {
  const found: (LessonPart & { at: number })[] = [];
  for (const [key, tag] of BODY) {
    const at = body.search(new RegExp(`<${tag}[\\s/>]`));
    if (at >= 0) found.push({ key, target: key, at });
  }
  // The first activity in the body stands for 練習 (a lesson may have up to three).
  const placed = activities.map((id) => ({ id, at: body.indexOf(`id="${id}"`) })).filter((a) => a.at >= 0);
  const first = placed.sort((a, b) => a.at - b.at)[0];
  if (first) found.push({ key: 'practice', target: first.id, at: first.at });
  found.sort((a, b) => a.at - b.at);
  return [...found.map(({ key, target }) => ({ key, target })), { key: 'quiz', target: 'quiz' }, { key: 'reflection', target: 'reflection' }];
}
