import { ANONYMOUS_QUOTE_UID } from '../../../shared/contracts/uids';

/**
 * The input type the plugin registers for an anonymous quote's confidential source
 * (`app.addFields`): the Content Manager renders a field whose layout type names a registered
 * input with that input instead of its own.
 */
export const SOURCE_FIELD_TYPE = 'intelligence-stories-confidential-source';

const SOURCE_FIELD = 'confidentialSource';

type Field = { name: string; type?: string };
type EditLayout = {
  components: Record<string, { layout: Field[][] } & Record<string, unknown>>;
} & Record<string, unknown>;

/**
 * An edit-view layout hook (`Admin/CM/pages/EditView/mutate-edit-view-layout`): the quote's source
 * field gets the plugin's input. The Content Manager's relation input would open a linked source
 * in its own edit view, which no role may read (the register stays out of the Content Manager),
 * and fetch each newly picked source from there: "Whoops! Something went wrong" and a "Policy
 * Failed" notification. The plugin's input shows the alias and links to the register page.
 */
export const withSourceFieldInput = <TArgs extends { layout: EditLayout }>(args: TArgs): TArgs => {
  const quote = args.layout.components?.[ANONYMOUS_QUOTE_UID];
  if (!quote) {
    return args;
  }
  const layout = quote.layout.map((row) =>
    row.map((field) =>
      field.name === SOURCE_FIELD ? { ...field, type: SOURCE_FIELD_TYPE } : field
    )
  );
  return {
    ...args,
    layout: {
      ...args.layout,
      components: { ...args.layout.components, [ANONYMOUS_QUOTE_UID]: { ...quote, layout } },
    },
  };
};
