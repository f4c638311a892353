/**
 * The course's drawn people: the shared head shapes and the deterministic look of a named person.
 * Pure (no DOM, no CSS), used at build time only: components/art/AvatarShapes.astro (the portraits
 * of Avatar.astro and of the conversation's sprite, Portraits.astro) and LessonCover.astro draw from
 * the same strings, so a person looks the same everywhere.
 *
 * Coordinates: a figure stands on (0, 0); the head is a circle of radius 9 at (0, -89).
 * Colours are class names defined in src/styles/palette.css (fill: f1–f8 clothes and props, k1–k4
 * skin, h1–h3 hair), so light, dark and forced-colors schemes all come from CSS.
 */

export type HairShape = 'short' | 'crop' | 'bob' | 'long' | 'bun';

/** Hair: an optional back layer (drawn before the body and head) and a front layer over the head circle (0, -89, r 9). */
export const HAIR: Record<HairShape, { back?: string; front: string }> = {
  short: { front: 'M-9.8-87a10 10 0 1 1 19.6 0c-3-2.6-6.2-4.2-9.4-4.4-2.2 2.4-5.6 3.8-10.2 4.4z' },
  crop: { front: 'M-9.7-85.5a10 10 0 1 1 19.4 0c-.8-3-2-4.6-3.6-5.4-3.8 1.2-8.4 1.2-12.2 0-1.6.8-2.8 2.4-3.6 5.4z' },
  bob: {
    back: 'M-10.6-89a10.6 10.6 0 0 1 21.2 0v9a2.5 2.5 0 0 1-2.5 2.5h-16.2a2.5 2.5 0 0 1-2.5-2.5z',
    front: 'M-9.8-87a10 10 0 1 1 19.6 0c-6-.4-11-2.6-13.4-6-1.4 2.6-3.4 4.8-6.2 6z',
  },
  long: {
    back: 'M-10.6-89a10.6 10.6 0 0 1 21.2 0v19a4 4 0 0 1-4 4h-13.2a4 4 0 0 1-4-4z',
    front: 'M-9.8-87a10 10 0 1 1 19.6 0c-6-.4-11-2.6-13.4-6-1.4 2.6-3.4 4.8-6.2 6z',
  },
  bun: { back: 'M0-104.6a4.6 4.6 0 1 0 .1 0z', front: 'M-9.8-87.4a10 10 0 1 1 19.6 0c-3-2.2-6.2-3.2-9.8-3.2s-6.8 1-9.8 3.2z' },
};

/** A head-and-shoulders badge: a circle (0, -86, r 24) with shoulders that follow its lower edge. */
export const BADGE_SHOULDERS = 'M-15.9-68a16 10 0 0 1 31.8 0A24 24 0 0 1-15.9-68z';

export interface AvatarLook {
  /** Skin class: k1 (light) … k4 (deep). */
  skin: string;
  /** Hair class: h1 (black), h2 (dark brown), h3 (grey). */
  hair: string;
  /** Clothes class: f1 blue, f2 teal, f3 coral, f4 amber, f8 plum. */
  shirt: string;
  hairShape: HairShape;
}

/** Eight looks, chosen to sit well side by side: a range of skin tones, hair and clothes. */
const LOOKS: readonly AvatarLook[] = [
  { skin: 'k1', hair: 'h1', shirt: 'f1', hairShape: 'short' },
  { skin: 'k2', hair: 'h2', shirt: 'f2', hairShape: 'bob' },
  { skin: 'k3', hair: 'h1', shirt: 'f3', hairShape: 'crop' },
  { skin: 'k1', hair: 'h3', shirt: 'f8', hairShape: 'crop' },
  { skin: 'k4', hair: 'h1', shirt: 'f4', hairShape: 'bun' },
  { skin: 'k2', hair: 'h1', shirt: 'f8', hairShape: 'long' },
  { skin: 'k3', hair: 'h2', shirt: 'f1', hairShape: 'bob' },
  { skin: 'k1', hair: 'h2', shirt: 'f2', hairShape: 'short' },
];

/** 大野さん and 大野 are the same person: honorifics and spaces do not change the look. */
const key = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(さん|様|さま|くん|氏)$/, '');

/**
 * The look of the person called `name`: the same for the same name, everywhere. An FNV-1a hash of
 * the name with a final mix; the seed (0x811c9dc3) is one under which the speakers of each lesson
 * conversation (大野・久保; 同じ部署の先輩・電機メーカーの生産管理担当・林・木村) all look different.
 */
export function avatarStyle(name: string): AvatarLook {
  let h = 0x811c9dc3;
  for (const ch of key(name)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return LOOKS[(h >>> 0) % LOOKS.length]!;
}
