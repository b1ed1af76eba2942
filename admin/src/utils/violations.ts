/**
 * The Content Manager names its inputs by dotted paths (`anonymousQuotes.0.anonymityReason`);
 * the rules report paths as editors read them (`anonymousQuotes[0].anonymityReason`).
 */
export const toFieldName = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** Scrolls to and focuses the edit view's input for a violation, if the page shows it. */
export const focusField = (path: string, root: ParentNode = document) => {
  const name = toFieldName(path);
  // A rule may point at a component as a whole (`bylines`): fall back to its first input.
  const input =
    root.querySelector<HTMLElement>(`[name="${name}"]`) ??
    root.querySelector<HTMLElement>(`[name^="${name}."]`);
  if (!input) {
    return false;
  }
  input.scrollIntoView({ block: 'center' });
  input.focus();
  return true;
};
