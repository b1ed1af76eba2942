/** @jest-environment jsdom */
import { render, screen } from '../../tests/render';
import type { Editor } from '../utils/api';
import { emptySourceForm, type SourceFormValues } from '../utils/source-form';
import { SourceFormModal } from './SourceFormModal';

const EDITORS: Editor[] = [
  { id: 1, firstname: 'Ada', lastname: 'Standards', username: null },
  { id: 2, firstname: null, lastname: null, username: 'night-desk' },
];

const STORED: SourceFormValues = { ...emptySourceForm(), alias: 'Source A', editorsWhoKnow: [1] };

const open = (props: Partial<Parameters<typeof SourceFormModal>[0]> = {}) => {
  const onSubmit = jest.fn();
  const rendered = render(
    <SourceFormModal
      open
      onOpenChange={jest.fn()}
      initial={STORED}
      identityRevealed={false}
      editors={EDITORS}
      errors={{}}
      busy={false}
      onSubmit={onSubmit}
      {...props}
    />
  );
  return { ...rendered, onSubmit };
};

describe('SourceFormModal', () => {
  it('sends only the alias when only the alias changed, so an unrevealed identity is kept', async () => {
    const { user, onSubmit } = open();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);
    expect(
      screen.getByText(/The identity is not shown. Fields left blank keep their stored values/)
    ).toBeTruthy();

    const alias = screen.getByLabelText(/^Alias/);
    await user.clear(alias);
    await user.type(alias, 'Source B');
    await user.click(save);

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ alias: 'Source B' });
  });

  it('names editors by name or username and sends the new set', async () => {
    const { user, onSubmit } = open();
    await user.click(screen.getByRole('combobox', { name: /Editors who know/ }));
    await user.click(screen.getByRole('option', { name: 'night-desk' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSubmit).toHaveBeenCalledWith({ editorsWhoKnow: [1, 2] });
  });

  it('creates a source with every filled field and nothing for the blank ones', async () => {
    const { user, onSubmit } = open({ initial: null });
    expect(screen.getByRole('heading', { name: 'New confidential source' })).toBeTruthy();
    await user.type(screen.getByLabelText(/^Alias/), 'Source C');
    await user.type(screen.getByLabelText(/Who the source is/), 'A deputy director');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSubmit).toHaveBeenCalledWith({ alias: 'Source C', identity: 'A deputy director' });
  });

  it("shows the server's refusal beside the field it names", () => {
    open({ errors: { identity: 'identity must be at most 1000 characters' } });
    const field = screen.getByLabelText(/Who the source is/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('identity must be at most 1000 characters')).toBeTruthy();
  });
});
