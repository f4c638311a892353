/**
 * Branching conversations (会話シミュレーション): graph checks for authors and the walk a learner
 * takes through one. Pure; the schema (src/lib/activities/schema.ts) calls `graphProblems` so a broken
 * conversation fails the build with a sentence naming the node.
 */

/** The parts of a conversation the graph logic needs. */
export interface GraphNode {
  id: string;
  /** Choices leading on; absent on an ending. */
  choices?: readonly { next: string }[];
  /** Present on an ending. */
  ending?: { rank: number };
}
export interface Graph {
  start: string;
  nodes: readonly GraphNode[];
}

/**
 * Everything wrong with a conversation graph, as sentences an author can act on: duplicate node
 * ids, a missing start, a choice pointing nowhere (dangling target), a node no path reaches, a
 * node that is neither a line with choices nor an ending, a loop, and a path that never ends.
 * Empty when the graph is sound.
 */
export function graphProblems(g: Graph): string[] {
  const problems: string[] = [];
  const byId = new Map<string, GraphNode>();
  for (const n of g.nodes) {
    if (byId.has(n.id)) problems.push(`node "${n.id}" is defined twice`);
    byId.set(n.id, n);
  }
  for (const n of g.nodes) {
    const hasChoices = !!n.choices?.length;
    if (hasChoices === !!n.ending)
      problems.push(`node "${n.id}" needs either choices (a line the learner answers) or an ending, not ${hasChoices ? 'both' : 'neither'}`);
    for (const c of n.choices ?? [])
      if (!byId.has(c.next)) problems.push(`node "${n.id}" has a choice leading to "${c.next}", which does not exist (dangling target)`);
  }
  if (!byId.has(g.start)) {
    problems.push(`start node "${g.start}" does not exist`);
    return problems;
  }
  // Depth-first walk from the start: finds loops (a node reached again on its own path) and what is reachable.
  const reached = new Set<string>();
  const onPath = new Set<string>();
  const loops = new Set<string>();
  const visit = (id: string) => {
    const n = byId.get(id);
    if (!n) return;
    if (onPath.has(id)) return void loops.add(id);
    if (reached.has(id)) return;
    reached.add(id);
    onPath.add(id);
    for (const c of n.choices ?? []) visit(c.next);
    onPath.delete(id);
  };
  visit(g.start);
  for (const id of loops) problems.push(`the conversation loops back to node "${id}": every path must move on to an ending`);
  for (const n of g.nodes) if (!reached.has(n.id)) problems.push(`node "${n.id}" cannot be reached from the start "${g.start}" (unreachable node)`);
  if (!g.nodes.some((n) => n.ending && reached.has(n.id))) problems.push('no ending can be reached: a conversation needs at least one ending');
  // Without loops every path is finite; a path "without an ending" is one that stops at a node with no choices and no ending (reported above).
  return problems;
}

/** Where a learner's path of choices leads. */
export interface Walk<N extends GraphNode> {
  /** The lines answered so far, each with the index of the choice made. */
  steps: { node: N; choice: number }[];
  /** The node reached: the next line to answer, or an ending. */
  current: N;
  /** The part of the path that was followed (a saved path is cut where the conversation no longer matches it). */
  path: number[];
}

/**
 * Follows a path of choice indexes from the start. A saved path that no longer fits the
 * conversation (an author changed it) is followed as far as it fits, never past an ending.
 * Assumes a graph without problems (graphProblems), as the build guarantees.
 */
export function walk<N extends GraphNode>(g: { start: string; nodes: readonly N[] }, path: readonly number[]): Walk<N> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  let current = byId.get(g.start)!;
  const steps: Walk<N>['steps'] = [];
  for (const choice of path) {
    const next = current.choices?.[choice] && byId.get(current.choices[choice].next);
    if (!next) break;
    steps.push({ node: current, choice });
    current = next;
  }
  return { steps, current, path: steps.map((s) => s.choice) };
}

/** The people who speak in a conversation, in the order they first speak: its cast. */
export const castOf = (nodes: readonly { speaker?: string }[]): string[] => [...new Set(nodes.flatMap((n) => (n.speaker ? [n.speaker] : [])))];

/**
 * The element id of a cast member's portrait on the lesson page: the server draws each portrait once,
 * as an SVG group in a sprite (components/art/Portraits.astro), and the island's bubbles <use> it, so the
 * drawing code stays out of the browser's JavaScript.
 */
export const portraitId = (activityId: string, speaker: string, cast: readonly string[]) => `${activityId}-portrait-${cast.indexOf(speaker)}`;
