/**
 * The components lesson authors may use in MDX, without importing them:
 * <Source>, <KeyPoints>, <Scenario title="…">, <Evidence /> (the lesson's research findings), and the practice activities, each naming an
 * activity of the lesson's `activities:` by id: <Conversation id="l04-a1" />, <Sorting id="l03-a1" />,
 * <Matching id="l02-a1" />, <MessageBuilder id="l05-a1" /> (docs/authoring.md). Keep this set small and stable.
 */
import Source from './Source.astro';
import KeyPoints from './KeyPoints.astro';
import Scenario from './Scenario.astro';
import Evidence from './Evidence.astro';
import Conversation from './Conversation.astro';
import Sorting from './Sorting.astro';
import Matching from './Matching.astro';
import MessageBuilder from './MessageBuilder.astro';

export const mdxComponents = { Source, KeyPoints, Scenario, Evidence, Conversation, Sorting, Matching, MessageBuilder };
