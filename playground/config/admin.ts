export default ({ env }) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // The Content Manager's "Open preview" for stories (docs/preview.md): the plugin serves the draft
  // as readers would see it, at a signed link made for the admin asking. An app outside this
  // repository imports the same builder:
  // `import { storyPreviewUrl } from 'strapi-plugin-intelligence-stories/strapi-server'`.
  preview: {
    enabled: true,
    config: {
      // What the admin's CSP lets the preview iframe load (frame-src): the page is served by this
      // server. A newsroom's own front end adds its origin here.
      allowedOrigins: ["'self'"],
      async handler(
        uid: string,
        params: { documentId?: string; locale?: string | null; status?: string | null }
      ) {
        return strapi.plugin('intelligence-stories').service('preview').urlFor(uid, params);
      },
    },
  },
});
