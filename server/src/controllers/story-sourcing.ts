import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

import type { ApproveQuote, Decision, RejectQuote } from '../../../shared/contracts/quotes';
import type {
  DeclareNonSubstantive,
  GetReadiness,
  OverrideRule,
} from '../../../shared/contracts/stories';
import { toRuleOverride } from '../rules/overrides';
import { editorLanguage } from '../utils/editor-language';
import { getService } from '../utils/get-service';
import { validateInLanguage } from '../validation/localized-errors';
import { requiredReaderText } from '../validation/rules';

const quoteParams = yup.object({
  documentId: yup.string().required(),
  quoteIndex: yup
    .string()
    .required()
    .matches(/^\d+$/, 'quoteIndex must be the position of the quote in the story, from 0'),
});

// The story revision the editor reviewed, as the readiness route gave it (null for a story last
// saved before revisions existed): a decision must not cover a change the editor has not seen.
const revision = yup
  .string()
  .nullable()
  .defined(
    'revision is required: send the revision of the story you reviewed, from the readiness route'
  );

const approveBody = yup
  .object({
    revision,
    comment: yup.string().nullable().max(2000, 'comment must be at most ${max} characters'),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

// A required explanation from the desk, e.g. why a quote is rejected: refused in the editor's
// language by its purpose (shared/messages/validation-messages, `explain.*`).
const explanation = (purpose: 'reject' | 'declaration' | 'override', min: number) =>
  requiredReaderText(
    yup
      .string()
      .test({
        name: `explain.${purpose}`,
        params: { min },
        message: `\${path} must be at least ${min} characters`,
        test: (value) => typeof value === 'string' && value.trim().length >= min,
      })
      .trim()
      .max(2000, '${path} must be at most ${max} characters')
  );

const rejectBody = yup
  .object({
    revision,
    comment: explanation('reject', 3),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

const declarationBody = yup
  .object({
    revision,
    reason: explanation('declaration', 10),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

const overrideBody = yup
  .object({
    revision,
    rule: yup
      .string()
      .required('rule is required: the code of the rule to override, e.g. R1 or LEAK-HASH')
      .max(40, 'rule must be a rule code'),
    reason: explanation('override', 20),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}');

/** Admin routes on a story's sourcing: readiness, quote decisions, non-substantive changes. */
const storySourcing = ({ strapi }: { strapi: Core.Strapi }) => {
  // The story's language version (`?locale=`, as the Content Manager's edit view names it); the
  // app's default when absent, refused when the app has no such locale.
  const localeOf = (ctx: Context) => getService('locales', { strapi }).resolve(ctx.query.locale);

  const decide = (decision: Decision, bodySchema: typeof approveBody) =>
    async function handle(ctx: Context) {
      const { documentId, quoteIndex } = await validateYupSchema(quoteParams)(ctx.params);
      const body = await validateInLanguage(
        bodySchema,
        ctx.request.body ?? {},
        editorLanguage(strapi)
      );
      ctx.body = {
        data: await getService('approvals', { strapi }).decide(
          documentId,
          Number(quoteIndex),
          decision,
          {
            userId: ctx.state.user.id,
            comment: body.comment,
            revision: body.revision,
            locale: await localeOf(ctx),
          }
        ),
      } satisfies ApproveQuote.Response | RejectQuote.Response;
    };

  return {
    async readiness(ctx: Context) {
      ctx.body = {
        data: await getService('readiness', { strapi }).evaluate(
          ctx.params.documentId,
          await localeOf(ctx)
        ),
      } satisfies GetReadiness.Response;
    },

    approveQuote: decide('approved', approveBody),
    rejectQuote: decide('rejected', rejectBody),

    /** A rule lifted for one publish: the service checks the permission the config names. */
    async overrideRule(ctx: Context) {
      const body = await validateInLanguage(
        overrideBody,
        ctx.request.body ?? {},
        editorLanguage(strapi)
      );
      const ability = ctx.state.userAbility as { can(action: string): boolean };
      const entry = await getService('change-log', { strapi }).overrideRule(ctx.params.documentId, {
        rule: body.rule,
        reason: body.reason,
        revision: body.revision,
        userId: ctx.state.user.id,
        may: (action) => ability.can(action),
        locale: await localeOf(ctx),
      });
      ctx.status = 201;
      ctx.body = { data: toRuleOverride(entry) } satisfies OverrideRule.Response;
    },

    async declareNonSubstantive(ctx: Context) {
      const body = await validateInLanguage(
        declarationBody,
        ctx.request.body ?? {},
        editorLanguage(strapi)
      );
      const entry = await getService('change-log', { strapi }).declareForDraft(
        ctx.params.documentId,
        {
          reason: body.reason,
          revision: body.revision,
          userId: ctx.state.user.id,
          locale: await localeOf(ctx),
        }
      );
      ctx.status = 201;
      ctx.body = {
        data: {
          documentId: entry.documentId,
          changes: entry.changes ?? null,
          declaredAt: entry.declaredAt,
        },
      } satisfies DeclareNonSubstantive.Response;
    },
  };
};

export default storySourcing;
