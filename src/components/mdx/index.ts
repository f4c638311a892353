/**
 * The components lesson authors may use in MDX, without importing them:
 * <Source>, <KeyPoints>, <Scenario title="…">. Keep this set small and stable.
 */
import Source from './Source.astro';
import KeyPoints from './KeyPoints.astro';
import Scenario from './Scenario.astro';

export const mdxComponents = { Source, KeyPoints, Scenario };
