/**
 * The Preact twin of components/art/Avatar.astro for islands (the conversation's cast): the same
 * drawing from the same avatarStyle, so a person rendered in the browser looks as on the server.
 * Decorative (aria-hidden): the name is always written next to it. The palette classes come from
 * src/styles/palette.css, which the lesson page (the only page with a conversation) imports. Not imported
 * here: the island registry is on every page, and Vite would then attach the palette to every page.
 */
import { avatarStyle, BADGE_SHOULDERS, HAIR } from '../../lib/art/avatar';

export default function AvatarSvg({ name, size = 40 }: { name: string; size?: number }) {
  const look = avatarStyle(name);
  const hair = HAIR[look.hairShape];
  return (
    <svg class="art art-avatar" viewBox="-24 -110 48 48" width={size} height={size} aria-hidden="true" focusable="false">
      <circle class="b1" cy="-86" r="24" />
      {hair.back && <path class={look.hair} d={hair.back} />}
      <path class={look.shirt} d={BADGE_SHOULDERS} />
      <circle class={look.skin} cy="-89" r="9" />
      <path class={look.hair} d={hair.front} />
    </svg>
  );
}
