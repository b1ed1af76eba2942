import { Searchbar } from '@strapi/design-system';
import { useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

/**
 * A list's search box, kept in the URL's `q` as Strapi's own lists keep theirs; a new search goes
 * back to the first page, and typing replaces the history entry instead of adding one per key.
 */
export const ListSearch = ({ label }: { label: string }) => {
  const { formatMessage } = useIntl();
  const [{ query }, setQuery] = useQueryParams<{ q?: string; page?: string }>();
  return (
    <Searchbar
      name="q"
      value={query.q ?? ''}
      onChange={(event) => setQuery({ q: event.target.value, page: '1' }, 'push', true)}
      onClear={() => setQuery({ q: '', page: '1' })}
      clearLabel={formatMessage({
        id: getTranslation('desk.search.clear'),
        defaultMessage: 'Clear',
      })}
      placeholder={label}
    >
      {label}
    </Searchbar>
  );
};
