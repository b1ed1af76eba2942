import { createAdminRole, createAdminUser } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const READ = 'plugin::intelligence-stories.settings.read';
const UPDATE = 'plugin::intelligence-stories.settings.update';

const VALID = {
  publisherName: 'The Test Gazette',
  publisherUrl: 'https://gazette.example',
  publisherLogoUrl: 'https://gazette.example/logo.png',
  correctionsPolicyUrl: 'https://gazette.example/corrections-policy',
  unnamedSourcesPolicyUrl: 'https://gazette.example/anonymous-sources',
  storyUrlTemplate: 'https://gazette.example/{documentId}/{slug}',
};

describe('publisher settings (admin routes)', () => {
  let app: TestApp;
  let reader: { token: string };
  let editor: { token: string };

  beforeAll(async () => {
    app = await bootStrapi();
    reader = await createAdminUser(app, { role: await createAdminRole(app, [{ action: READ }]) });
    editor = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: READ }, { action: UPDATE }]),
    });
  });

  afterAll(async () => {
    await app?.destroy();
  });

  const getSettings = (token: string) =>
    app.request().get('/intelligence-stories/settings').set('Authorization', `Bearer ${token}`);
  const putSettings = (token: string, body: unknown) =>
    app
      .request()
      .put('/intelligence-stories/settings')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);
  const stored = () =>
    app.strapi.store({ type: 'plugin', name: 'intelligence-stories', key: 'settings' }).get({});

  it('starts empty, and is saved whole in the plugin store', async () => {
    const empty = await getSettings(reader.token).expect(200);
    expect(empty.body.data).toEqual({
      publisherName: null,
      publisherUrl: null,
      publisherLogoUrl: null,
      correctionsPolicyUrl: null,
      unnamedSourcesPolicyUrl: null,
      storyUrlTemplate: null,
    });

    const saved = await putSettings(editor.token, VALID).expect(200);
    expect(saved.body.data).toEqual(VALID);
    expect(await stored()).toEqual(VALID);
    expect((await getSettings(reader.token).expect(200)).body.data).toEqual(VALID);

    // A PUT replaces the settings: what is left out is cleared.
    const partial = await putSettings(editor.token, { publisherName: 'The Test Gazette' });
    expect(partial.status).toBe(200);
    expect(partial.body.data.publisherUrl).toBeNull();
    await putSettings(editor.token, VALID).expect(200);
  });

  it.each([
    ['a URL without scheme', { publisherUrl: 'gazette.example' }, 'publisherUrl', /http\(s\)/],
    [
      'a javascript: URL',
      { correctionsPolicyUrl: 'javascript:alert(1)' },
      'correctionsPolicyUrl',
      /http\(s\)/,
    ],
    [
      'a template without placeholder',
      { storyUrlTemplate: 'https://gazette.example/x' },
      'storyUrlTemplate',
      /\{slug\}/,
    ],
    [
      'an ftp template',
      { storyUrlTemplate: 'ftp://gazette.example/{slug}' },
      'storyUrlTemplate',
      /http\(s\)/,
    ],
    [
      'a name too long',
      { publisherName: 'x'.repeat(201) },
      'publisherName',
      /200 characters at most/,
    ],
    ['a name that is not text', { publisherName: 42 }, 'publisherName', /string/],
    [
      'an unknown setting',
      { correctionsPolicy: 'https://gazette.example' },
      '',
      /unknown setting\(s\): correctionsPolicy/,
    ],
  ])(
    'refuses %s with a 400 naming the field, and writes nothing',
    async (_label, body, field, message) => {
      const res = await putSettings(editor.token, { ...VALID, ...body }).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(message);
      if (field) {
        expect(
          res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))
        ).toEqual([field]);
      }
      expect(await stored()).toEqual(VALID);
    }
  );

  it('needs the read permission to read and the update permission to change', async () => {
    const nobody = await createAdminUser(app, { role: await createAdminRole(app, []) });
    await getSettings(nobody.token).expect(403);
    await putSettings(nobody.token, { ...VALID, publisherName: 'Hijacked' }).expect(403);
    await putSettings(reader.token, { ...VALID, publisherName: 'Hijacked' }).expect(403);
    expect(await stored()).toEqual(VALID);
  });

  it('shows the rule levels in force, read-only, to readers of the settings', async () => {
    const rules = (token: string) =>
      app
        .request()
        .get('/intelligence-stories/settings/rules')
        .set('Authorization', `Bearer ${token}`);
    const defaults = await rules(reader.token).expect(200);
    // R1–R11, then the playground's house rule (playground/src/house-rules) at its own level.
    expect(defaults.body.data).toEqual(
      Object.fromEntries(
        ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'LEAK-HASH'].map(
          (code) => [code, 'error']
        )
      )
    );

    // What the app's config says, as the gate reads it.
    const configKey = 'plugin::intelligence-stories';
    const config = app.strapi.config.get(configKey) as { rules: Record<string, string> };
    try {
      app.strapi.config.set(configKey, {
        ...config,
        rules: { ...config.rules, R10: 'warning', R11: 'off' },
      });
      expect((await rules(reader.token).expect(200)).body.data).toMatchObject({
        R1: 'error',
        R10: 'warning',
        R11: 'off',
      });
    } finally {
      app.strapi.config.set(configKey, config);
    }

    const nobody = await createAdminUser(app, { role: await createAdminRole(app, []) });
    await rules(nobody.token).expect(403);
    // No route writes them.
    await app
      .request()
      .put('/intelligence-stories/settings/rules')
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ R6: 'off' })
      .expect(405);
  });
});
