import type { Editor, SourceIdentity, SourceInput } from './api';

export const IDENTITY_FIELDS: Array<keyof SourceIdentity> = [
  'identity',
  'role',
  'affiliation',
  'contact',
  'verificationNotes',
];

/** English defaults of the identity fields' labels (translations under `register.<field>`). */
export const IDENTITY_LABELS: Record<keyof SourceIdentity, string> = {
  identity: 'Who the source is',
  role: 'Role',
  affiliation: 'Affiliation',
  contact: 'How to reach them',
  verificationNotes: 'How their access was verified',
};

export type SourceFormValues = { alias: string; editorsWhoKnow: number[] } & Record<
  keyof SourceIdentity,
  string
>;

export const emptySourceForm = (): SourceFormValues => ({
  alias: '',
  editorsWhoKnow: [],
  identity: '',
  role: '',
  affiliation: '',
  contact: '',
  verificationNotes: '',
});

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && [...a].sort().every((id, index) => id === [...b].sort()[index]);

/**
 * What to send for a source. A new source sends every filled field. A change sends only what the
 * editor changed: an identity field nobody revealed is blank in the form and stays as stored
 * unless something is typed into it, so saving an alias never erases an identity.
 */
export const sourcePayload = (
  values: SourceFormValues,
  initial: SourceFormValues | null
): SourceInput => {
  const payload: SourceInput = {};
  if (!initial || values.alias !== initial.alias) {
    payload.alias = values.alias.trim();
  }
  if (
    !initial
      ? values.editorsWhoKnow.length > 0
      : !sameIds(values.editorsWhoKnow, initial.editorsWhoKnow)
  ) {
    payload.editorsWhoKnow = values.editorsWhoKnow;
  }
  for (const field of IDENTITY_FIELDS) {
    const value = values[field];
    if (initial ? value !== initial[field] : value.trim().length > 0) {
      payload[field] = value.trim().length > 0 ? value : null;
    }
  }
  return payload;
};

/** "Firstname Lastname", or the username, or the id: how the register names an editor. */
export const editorName = ({ id, firstname, lastname, username }: Editor) =>
  [firstname, lastname].filter(Boolean).join(' ') || username || `#${id}`;
