import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { RULE_CODES, type RuleCode, type RuleLevel } from '../../../shared/contracts/rules';
import type { RuleLevels, RuleTableMeta } from '../../../shared/contracts/settings';
import { usePluginLabel } from '../hooks/usePluginLabel';
import { ColumnHeads } from './ColumnHeads';

/** What each rule asks, in a line (docs/rules.md has the sources and the details). */
export const RULE_SUMMARIES: Record<RuleCode, string> = {
  R1: 'The story cites at least one source document',
  R2: 'Every citation names a document and a page within it',
  R3: 'Every anonymous quote says why anonymity was granted',
  R4: 'Attributions are specific, not "a source" or "officials say"',
  R5: 'Each anonymous quote rests on a source an editor knows',
  R6: 'A standards editor approved the exact current quote',
  R7: 'Anonymous quotes give information, not opinion',
  R8: 'A story with anonymous quotes carries a byline',
  R9: 'No stealth edits: a changed story needs a correction or a stated reason',
  R10: 'Key judgments use ICD 203 likelihood terms',
  R11: "Quoted passages appear on the cited page of the document's PDF",
};

const LEVELS = {
  error: { label: 'Blocks publishing', backgroundColor: 'danger100', textColor: 'danger700' },
  warning: { label: 'Warns only', backgroundColor: 'warning100', textColor: 'warning700' },
  off: { label: 'Off', backgroundColor: 'neutral150', textColor: 'neutral700' },
} as const satisfies Record<RuleLevel, object>;

/**
 * The editorial rules, R1–R11 then the app's house rules, the level each is set to and who may
 * override it for one publish. Read-only: the levels are the app's configuration
 * (`config/plugins.ts`), so loosening the newsroom's sourcing rules is a reviewed change and a
 * deploy, not a toggle in the panel.
 */
export const RuleLevelsTable = ({
  levels,
  meta = { houseRules: [], overrides: {} },
}: {
  levels: RuleLevels;
  meta?: RuleTableMeta;
}) => {
  const label = usePluginLabel();
  const { locale } = useIntl();
  const french = locale.startsWith('fr');
  const rows = [
    ...RULE_CODES.map((code) => ({
      code,
      summary: label(`rules.${code}`, RULE_SUMMARIES[code]),
      house: false,
    })),
    ...meta.houseRules.map((rule) => ({
      code: rule.code,
      summary: `${french ? rule.title.fr : rule.title.en}: ${
        french ? rule.description.fr : rule.description.en
      }`,
      house: true,
    })),
  ];
  return (
    <Table colCount={4} rowCount={rows.length + 1}>
      <ColumnHeads
        labels={[
          label('rules.code', 'Rule'),
          label('rules.summary', 'What it asks'),
          label('rules.level', 'Level'),
          label('rules.override', 'Who may override'),
        ]}
      />
      <Tbody>
        {rows.map(({ code, summary, house }) => {
          const value = levels[code] ?? 'error';
          const level = LEVELS[value];
          return (
            <Tr key={code}>
              <Td>
                <Typography fontWeight="bold">{code}</Typography>
                {house ? (
                  <Typography variant="pi" textColor="neutral600" tag="div">
                    {label('rules.house', 'House rule')}
                  </Typography>
                ) : null}
              </Td>
              <Td>
                <Typography>{summary}</Typography>
              </Td>
              <Td>
                <Badge backgroundColor={level.backgroundColor} textColor={level.textColor}>
                  {label(`rules.level.${value}`, level.label)}
                </Badge>
              </Td>
              <Td>
                <Typography variant="pi">
                  {meta.overrides[code] ?? label('rules.override.none', 'No one')}
                </Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
