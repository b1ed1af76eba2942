import type { LibraryDocument } from './api';

/** English defaults of the source documents' enumerations (translations under their keys). */
export const CLASSIFICATION_LABELS: Record<LibraryDocument['classification'], string> = {
  unclassified: 'Unclassified',
  declassified: 'Declassified',
  redacted_release: 'Redacted release',
  leaked: 'Leaked',
};

export const EXTRACTION_LABELS: Record<LibraryDocument['text']['status'], string> = {
  none: 'No PDF read',
  pending: 'Reading the PDF…',
  done: 'Text read',
  failed: 'Reading failed',
};
