/** @jest-environment jsdom */
import { MemoryRouter } from 'react-router-dom';

import { render, screen } from '../../tests/render';
import { StoryLink } from './StoryLink';

describe('StoryLink', () => {
  it('links the story to its edit view when the Content Manager opens it for the user', () => {
    render(
      <MemoryRouter>
        <StoryLink documentId="abc123" title="Election interference assessed" canOpen />
      </MemoryRouter>
    );
    expect(
      screen.getByRole('link', { name: 'Election interference assessed' }).getAttribute('href')
    ).toBe('/content-manager/collection-types/plugin::intelligence-stories.story/abc123');
  });

  it('names it without a link otherwise, or when the server did not say', () => {
    render(
      <MemoryRouter>
        <StoryLink documentId="abc123" title="A colleague’s story" canOpen={false} />
        <StoryLink documentId="def456" title="Not known" canOpen={undefined} />
      </MemoryRouter>
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByText('A colleague’s story')).toBeTruthy();
    expect(screen.getByText('Not known')).toBeTruthy();
  });
});
