/**
 * What the learner entered into an island's server-rendered fields (not what the server rendered):
 * read by start.ts just before hydrating (early-input.ts hands it over), and by mount.ts while an
 * island that could not start holds it. Part of the first view, so it imports nothing.
 */
export type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** A field the learner changed before hydration, and what they entered. */
export interface Entry {
  el: Field;
  value?: string;
  checked?: boolean;
}

/** The fields of an island that hold something the learner entered (not what the server rendered). */
export function entered(island: HTMLElement): Entry[] {
  const out: Entry[] = [];
  for (const el of island.querySelectorAll<Field>('input, textarea, select')) {
    // A field of an island nested inside this one is that island's.
    if (el.closest('course-island') !== island) continue;
    if (el instanceof HTMLSelectElement) {
      if ([...el.options].some((o) => o.selected !== o.defaultSelected)) out.push({ el, value: el.value });
    } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      if (el.checked !== el.defaultChecked) out.push({ el, checked: el.checked });
    } else if (!(el instanceof HTMLInputElement && (el.type === 'file' || el.type === 'hidden')) && el.value !== el.defaultValue) {
      out.push({ el, value: el.value });
    }
  }
  return out;
}

/** Puts an entry back into its field. */
export const put = ({ el, value, checked }: Entry) => {
  if (checked !== undefined) (el as HTMLInputElement).checked = checked;
  else if (value !== undefined) el.value = value;
};
