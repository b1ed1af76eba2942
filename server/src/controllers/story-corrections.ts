import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';

import {
  CORRECTION_KINDS,
  type CorrectionInput,
  type GetCarryOverCorrections,
  type IssueCorrection,
} from '../../../shared/contracts/corrections';
import { getService } from '../utils/get-service';

// Lengths and kinds are the correction schema's own, checked again on the write itself.
const issueBody = yup
  .object({
    kind: yup
      .mixed()
      .oneOf([...CORRECTION_KINDS], 'kind must be one of: ${values}')
      .required('kind is required'),
    text: yup.string().required('text: write the correction as readers will see it'),
    lateReason: yup.string().nullable(),
    supersedes: yup.string().nullable(),
    // A correction of another language version that this one carries over (checked on the write).
    carriedFrom: yup.string().nullable().max(64, 'carriedFrom must be a correction documentId'),
    translationOnly: yup.boolean(),
    // The language version corrected; checked against the app's locales when the correction is written.
    locale: yup.string().nullable(),
  })
  .noUnknown(true, 'unknown field(s): ${unknown}; issuedAt and issuedBy are set by the server');

const carryOverQuery = yup
  .object({ locale: yup.string() })
  .noUnknown(true, 'unsupported query parameter(s): ${unknown}');

const storyCorrections = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The factual corrections of the other language versions this one has not carried over yet. */
  async carryOver(ctx: Context) {
    const { locale } = (await validateYupSchema(carryOverQuery)(ctx.query)) as { locale?: string };
    ctx.body = {
      data: await getService('corrections', { strapi }).toCarryOver(
        ctx.params.documentId,
        await getService('locales', { strapi }).resolve(locale)
      ),
    } satisfies GetCarryOverCorrections.Response;
  },

  async issue(ctx: Context) {
    const input = (await validateYupSchema(issueBody)(ctx.request.body ?? {})) as CorrectionInput;
    ctx.status = 201;
    ctx.body = {
      data: await getService('corrections', { strapi }).issue(
        ctx.params.documentId,
        input,
        ctx.state.user.id
      ),
    } satisfies IssueCorrection.Response;
  },
});

export default storyCorrections;
