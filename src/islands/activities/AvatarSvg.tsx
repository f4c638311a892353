/**
 * A cast member's portrait in the conversation island: a <use> of the drawing the server made once for
 * this conversation (components/art/Portraits.astro), so a person looks the same as everywhere else
 * in the course and the drawing code (src/lib/art/avatar.ts) stays on the server. Decorative
 * (aria-hidden): the name is always written next to it.
 */
export default function AvatarSvg({ symbol, size = 40 }: { symbol: string; size?: number }) {
  return (
    <svg class="art art-avatar" viewBox="-24 -110 48 48" width={size} height={size} aria-hidden="true" focusable="false">
      <use href={`#${symbol}`} />
    </svg>
  );
}
