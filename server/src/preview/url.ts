import type { PreviewUrlOptions, PreviewUrlParams } from '../services/preview';
import { getService } from '../utils/get-service';

export type { PreviewUrlOptions, PreviewUrlParams };

/**
 * For an app's `config/admin.ts` preview handler (docs/preview.md): the signed link to the
 * plugin's preview page of a story version, for the admin user whose request Strapi is answering,
 * or null (no preview) for another type or a user who may not read the story. It reaches the
 * plugin through the running Strapi, so the config file can import it before the plugin loads.
 */
export const storyPreviewUrl = (
  uid: string,
  params: PreviewUrlParams,
  options?: PreviewUrlOptions
): Promise<string | null> => getService('preview').urlFor(uid, params, options);
