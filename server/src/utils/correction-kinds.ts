import type { CorrectionKind } from '../types/content-types';

/** The correction schema's enumeration, with the names readers see in feeds and JSON-LD. */
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
  editors_note: "Editor's note",
  retraction: 'Retraction',
};

export const CORRECTION_KINDS = Object.keys(CORRECTION_KIND_LABELS) as CorrectionKind[];
