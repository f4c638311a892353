/**
 * Sorting (分類) and matching (組み合わせ) have the same shape for the learner: each item (a
 * behaviour, a goal) is placed on one option (a category, an answer). Pure scoring of a placement.
 */
import type { MatchingActivity, SortingActivity } from './schema';

/** One thing to place, with the id of the option it belongs to and why. */
interface Placeable {
  id: string;
  text: string;
  /** The right option's id. */
  answer: string;
  feedback: string;
}
export interface PlacementTask {
  items: Placeable[];
  options: { id: string; text: string }[];
}

/** Sorting and matching content as one shape: items to place and the options to place them on. */
export function placementTask(a: SortingActivity | MatchingActivity): PlacementTask {
  if (a.kind === 'sorting')
    return {
      items: a.items.map((i) => ({ id: i.id, text: i.text, answer: i.category, feedback: i.feedback })),
      options: a.categories.map((c) => ({ id: c.id, text: c.label })),
    };
  return {
    items: a.pairs.map((p) => ({ id: p.id, text: p.prompt, answer: p.answer, feedback: p.feedback })),
    options: a.answers.map((x) => ({ id: x.id, text: x.text })),
  };
}

export interface PlacementResult {
  /** Per item, in the task's order: what was chosen ('' = nothing) and whether it is right. */
  items: { id: string; chosen: string; correct: boolean }[];
  right: number;
  total: number;
  /** right / total (0-1). */
  share: number;
  /** Whether every item has an option chosen. */
  complete: boolean;
}

/** Scores a placement (item id → option id); choices of items or options that do not exist count as nothing chosen. */
export function scorePlacement(task: PlacementTask, placed: Readonly<Record<string, string>>): PlacementResult {
  const options = new Set(task.options.map((o) => o.id));
  const items = task.items.map((i) => {
    const chosen = Object.hasOwn(placed, i.id) && options.has(placed[i.id]) ? placed[i.id] : '';
    return { id: i.id, chosen, correct: chosen === i.answer };
  });
  const right = items.filter((i) => i.correct).length;
  const total = items.length;
  return { items, right, total, share: total ? right / total : 0, complete: items.every((i) => i.chosen !== '') };
}

/** Only the placements of items and options the task has (a saved placement after an author's change). */
export function cleanPlacement(task: PlacementTask, placed: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    scorePlacement(task, placed)
      .items.filter((i) => i.chosen)
      .map((i) => [i.id, i.chosen]),
  );
}
