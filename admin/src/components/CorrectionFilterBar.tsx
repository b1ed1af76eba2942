import {
  DatePicker,
  Field,
  Flex,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { CORRECTION_KINDS, CORRECTION_KIND_LABELS } from '../../../shared/contracts/corrections';
import { usePluginLabel } from '../hooks/usePluginLabel';
import {
  dateToDay,
  dayToDate,
  type CorrectionFilterQuery,
  type CorrectionFilters,
} from '../utils/correction-filters';

type Props = {
  filters: CorrectionFilters;
  /** The URL keys to change; every change goes back to the first page. */
  onChange: (patch: CorrectionFilterQuery, replace?: boolean) => void;
};

/**
 * The corrections page's search (story titles and correction texts), kind and dates. It holds no
 * state: the page keeps the filters in its URL and passes them in.
 */
export const CorrectionFilterBar = ({ filters, onChange }: Props) => {
  const { locale } = useIntl();
  const label = usePluginLabel();
  const clear = label('filters.clear', 'Clear');
  const set = (patch: CorrectionFilterQuery, replace = false) =>
    onChange({ ...patch, page: '1' }, replace);

  return (
    <Flex gap={2} alignItems="flex-end" wrap="wrap">
      <Searchbar
        name="q"
        value={filters.q}
        // Typing replaces the history entry instead of adding one per key, as ListSearch does.
        onChange={(event) => set({ q: event.target.value }, true)}
        onClear={() => set({ q: '' })}
        clearLabel={clear}
        placeholder={label('corrections.search', 'Search story titles and correction texts')}
      >
        {label('corrections.search', 'Search story titles and correction texts')}
      </Searchbar>
      <SingleSelect
        aria-label={label('corrections.kind', 'Kind')}
        placeholder={label('corrections.kind.all', 'All kinds')}
        value={filters.kind ?? ''}
        onChange={(value) => set({ kind: String(value) })}
        onClear={() => set({ kind: '' })}
      >
        {CORRECTION_KINDS.map((kind) => (
          <SingleSelectOption key={kind} value={kind}>
            {label(`kind.${kind}`, CORRECTION_KIND_LABELS[kind])}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {(['from', 'to'] as const).map((end) => (
        <Field.Root key={end} name={end}>
          <Field.Label>
            {end === 'from'
              ? label('corrections.from', 'Issued from')
              : label('corrections.to', 'Issued until')}
          </Field.Label>
          <DatePicker
            locale={locale}
            value={dayToDate(filters[end])}
            onChange={(date) => set({ [end]: date ? dateToDay(date) : '' })}
            onClear={() => set({ [end]: '' })}
            clearLabel={clear}
            // The two ends cannot cross: the server would refuse an end before the start.
            {...(end === 'to' && filters.from ? { minDate: dayToDate(filters.from) } : {})}
            {...(end === 'from' && filters.to ? { maxDate: dayToDate(filters.to) } : {})}
          />
        </Field.Root>
      ))}
    </Flex>
  );
};
