/**
 * Every island of the course by name: the Preact components that src/components/Island.astro
 * renders on the server and mount.ts starts in the browser. Each is its own chunk, loaded only on
 * a page that has it and only when it starts. A new island is one line here.
 */
export const ISLANDS = {
  Quiz: () => import('../lesson/Quiz'),
  Reflection: () => import('../lesson/Reflection'),
  Conversation: () => import('../activities/Conversation'),
  Placement: () => import('../activities/Placement'),
  MessageBuilder: () => import('../activities/MessageBuilder'),
  PreCheck: () => import('../checks/PreCheck'),
  FinalCheck: () => import('../checks/FinalCheck'),
  FinalGaps: () => import('../checks/FinalGaps'),
  GainReport: () => import('../checks/GainReport'),
  Plan: () => import('../plan/Plan'),
  PlanCommitments: () => import('../plan/PlanCommitments'),
  Reminders: () => import('../plan/Reminders'),
  Certificate: () => import('../plan/Certificate'),
  HomeProgress: () => import('../progress/HomeProgress'),
  ResetProgress: () => import('../progress/ResetProgress'),
  ConclusionSummary: () => import('../progress/ConclusionSummary'),
  ProgressTransfer: () => import('../progress/ProgressTransfer'),
  ReviewDue: () => import('../review/ReviewDue'),
  ReviewSession: () => import('../review/ReviewSession'),
  Challenge: () => import('../challenge/Challenge'),
} as const;

export type IslandName = keyof typeof ISLANDS;

/** When an island starts: at once, when the browser is idle, or when it comes near the viewport. */
export type IslandStart = 'load' | 'idle' | 'visible';
