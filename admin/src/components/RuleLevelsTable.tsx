import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';

import { RULE_CODES, type RuleCode, type RuleLevel } from '../../../shared/contracts/rules';
import type { RuleLevels } from '../../../shared/contracts/settings';
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
 * The editorial rules and the level each is set to. Read-only: the levels are the app's
 * configuration (`config/plugins.ts`), so loosening the newsroom's sourcing rules is a reviewed
 * change and a deploy, not a toggle in the panel.
 */
export const RuleLevelsTable = ({ levels }: { levels: RuleLevels }) => {
  const label = usePluginLabel();
  return (
    <Table colCount={3} rowCount={RULE_CODES.length + 1}>
      <ColumnHeads
        labels={[
          label('rules.code', 'Rule'),
          label('rules.summary', 'What it asks'),
          label('rules.level', 'Level'),
        ]}
      />
      <Tbody>
        {RULE_CODES.map((code) => {
          const level = LEVELS[levels[code]];
          return (
            <Tr key={code}>
              <Td>
                <Typography fontWeight="bold">{code}</Typography>
              </Td>
              <Td>
                <Typography>{label(`rules.${code}`, RULE_SUMMARIES[code])}</Typography>
              </Td>
              <Td>
                <Badge backgroundColor={level.backgroundColor} textColor={level.textColor}>
                  {label(`rules.level.${levels[code]}`, level.label)}
                </Badge>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
