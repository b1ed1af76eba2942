/**
 * The Content Manager names its inputs by dotted paths (`anonymousQuotes.0.anonymityReason`);
 * the rules report paths as editors read them (`anonymousQuotes[0].anonymityReason`).
 */
export const toFieldName = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** The entry of a repeatable a path is in (`anonymousQuotes[1].quote` → 1), if any. */
export const entryIndexOf = (path: string) => {
  const match = /^\w+\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

const waitFor = async <T>(find: () => T | null, frames: number): Promise<T | null> => {
  for (let frame = 0; frame <= frames; frame += 1) {
    const found = find();
    if (found) {
      return found;
    }
    await nextFrame();
  }
  return null;
};

/**
 * The edit view's accordions (Radix: the root carries `data-orientation` and no `data-state`), each
 * with its entries' triggers in order. The Content Manager gives them no field name.
 */
const accordions = (root: ParentNode) => {
  const byRoot = new Map<Element, HTMLButtonElement[]>();
  root
    .querySelectorAll<HTMLButtonElement>('button[aria-controls][aria-expanded]')
    .forEach((trigger) => {
      const accordion = trigger.closest('[data-orientation]:not([data-state])');
      if (accordion) {
        byRoot.set(accordion, [...(byRoot.get(accordion) ?? []), trigger]);
      }
    });
  return [...byRoot.values()];
};

/**
 * Scrolls to and focuses the edit view's input for a violation. A collapsed entry of a repeatable
 * (a quote, a citation, a byline) renders no inputs, and the Content Manager's own `?field=`
 * cannot open one while the story has other repeatables: so the entry is opened as an editor
 * would, by its trigger, trying each repeatable's entry at that position until the input shows,
 * and closing again any it opened in vain.
 */
export const focusField = async (path: string, root: ParentNode = document) => {
  const name = toFieldName(path);
  // A rule may point at a component as a whole (`bylines`): its first input will do.
  const find = () =>
    root.querySelector<HTMLElement>(`[name="${name}"]`) ??
    root.querySelector<HTMLElement>(`[name^="${name}."]`);
  let input = find();
  const index = entryIndexOf(path);
  let opened = false;
  if (!input && index !== null) {
    for (const triggers of accordions(root)) {
      const trigger = triggers[index];
      if (!trigger) {
        continue;
      }
      const wasOpen = trigger.getAttribute('aria-expanded') === 'true';
      if (!wasOpen) {
        trigger.click();
      }
      input = await waitFor(find, 10);
      if (input) {
        opened = !wasOpen;
        break;
      }
      if (!wasOpen) {
        trigger.click();
      }
    }
  }
  if (!input) {
    return false;
  }
  input.scrollIntoView({ block: 'center' });
  input.focus();
  if (opened) {
    // The entry's opening animation moves the input after it is first shown.
    const shown = input;
    setTimeout(() => shown.scrollIntoView({ block: 'center' }), 300);
  }
  return true;
};

/** Scrolls to and focuses an element of the checklist by its id, e.g. a quote's decision. */
export const focusById = (id: string, root: Document = document) => {
  const element = root.getElementById(id);
  if (!element) {
    return false;
  }
  element.scrollIntoView({ block: 'center' });
  element.focus();
  return true;
};
