#!/usr/bin/env node
'use strict';

/**
 * An editor's journey over HTTP against a fresh Strapi app with the plugin installed from npm's
 * tarball (.ci/fresh-app.sh): the first admin registers, the Public role gets the actions the
 * README lists (one per line on stdin), a story citing a source document with an anonymous quote
 * is approved by a second admin, published, corrected, and the correction is in the public feed.
 *
 *   journey.js <base URL> <confidential-sources.json>  < public-actions
 *
 * Writes the confidential source's documentId to the second file, for the key rotation after.
 */
const fs = require('fs');

const [baseUrl, sourcesFile] = process.argv.slice(2);
const PLUGIN = 'plugin::intelligence-stories';
const PASSWORD = 'Fresh-app-journey-1';
let checks = 0;

const call = async (method, path, { token, body, expect = [200] } = {}) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!expect.includes(res.status)) {
    throw new Error(`${method} ${path}: ${res.status}, expected ${expect.join(' or ')}\n${text}`);
  }
  checks += 1;
  return text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
};

const check = (condition, what) => {
  if (!condition) {
    throw new Error(`journey: ${what}`);
  }
  checks += 1;
  console.log(`ok  ${what}`);
};

const cm = (uid) => `/content-manager/collection-types/${uid}`;

const main = async () => {
  const publicActions = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
  check(publicActions.length > 0, 'the README lists the Content API actions to grant');

  // The first admin, as the registration page creates it.
  const chief = (
    await call('POST', '/admin/register-admin', {
      body: {
        firstname: 'Chief',
        lastname: 'Editor',
        email: 'chief@newsroom.example',
        password: PASSWORD,
      },
      expect: [200, 201],
    })
  ).data;
  check(chief.token && chief.user.id, 'the first admin is registered');

  // The README: the public routes answer 403 until the Public role is granted the actions.
  await call('GET', '/api/intelligence-stories/stories', { expect: [403] });
  check(true, 'GET /api/intelligence-stories/stories answers 403 before the grant');

  const roles = (await call('GET', '/users-permissions/roles', { token: chief.token })).roles;
  const publicRole = roles.find(({ type }) => type === 'public');
  const { role } = await call('GET', `/users-permissions/roles/${publicRole.id}`, {
    token: chief.token,
  });
  const controllers = role.permissions[PLUGIN]?.controllers;
  check(controllers, 'the Public role lists the plugin under Users & Permissions');
  for (const action of publicActions) {
    const [controller, name] = action.slice(PLUGIN.length + 1).split('.');
    check(controllers[controller]?.[name], `the Public role offers ${action}`);
    controllers[controller][name].enabled = true;
  }
  await call('PUT', `/users-permissions/roles/${publicRole.id}`, {
    token: chief.token,
    body: { name: role.name, description: role.description, permissions: role.permissions },
  });

  // A second admin: four eyes, whoever edited the story last cannot approve its quotes.
  const superAdmin = (await call('GET', '/admin/roles', { token: chief.token })).data.find(
    ({ code }) => code === 'strapi-super-admin'
  );
  const invited = (
    await call('POST', '/admin/users', {
      token: chief.token,
      body: {
        firstname: 'Standards',
        lastname: 'Editor',
        email: 'standards@newsroom.example',
        roles: [superAdmin.id],
      },
      expect: [200, 201],
    })
  ).data;
  const standards = (
    await call('POST', '/admin/register', {
      body: {
        registrationToken: invited.registrationToken,
        userInfo: { firstname: 'Standards', lastname: 'Editor', password: PASSWORD },
      },
      expect: [200, 201],
    })
  ).data;
  check(standards.token, 'a second admin accepted the invitation');

  const report = (
    await call('POST', cm(`${PLUGIN}.source-document`), {
      token: chief.token,
      body: {
        title: 'Foreign Threats to the 2020 US Federal Elections',
        issuer: 'ODNI',
        pageCount: 15,
        classification: 'declassified',
      },
      expect: [200, 201],
    })
  ).data;
  await call('POST', `${cm(`${PLUGIN}.source-document`)}/${report.documentId}/actions/publish`, {
    token: chief.token,
    body: {},
  });

  const source = (
    await call('POST', '/intelligence-stories/confidential-sources', {
      token: chief.token,
      body: {
        alias: 'ADMIN-REP',
        identity: 'A representative of the administration',
        editorsWhoKnow: [chief.user.id],
      },
      expect: [201],
    })
  ).data;
  fs.writeFileSync(sourcesFile, JSON.stringify({ documentId: source.documentId }));

  const cited = { connect: [{ documentId: report.documentId }] };
  const story = (
    await call('POST', cm(`${PLUGIN}.story`), {
      token: chief.token,
      body: {
        title: 'Report points to Russian interference in 2020 election',
        slug: 'report-points-to-russian-interference',
        kind: 'news',
        bylines: [{ name: 'Staff reporter' }],
        sourceDocuments: cited,
        citations: [
          {
            sourceDocument: cited,
            page: 4,
            passage: 'Russia sought to denigrate the candidate',
            passageType: 'paraphrase',
          },
        ],
        anonymousQuotes: [
          {
            quote: 'There will be more soon.',
            attribution: 'a representative of the Biden administration',
            anonymityReason:
              'The representative was not authorized to discuss possible sanctions before they were announced.',
            howSourceKnows: 'Works on the administration’s response to Russia.',
            informationNotOpinion: true,
            confidentialSource: { connect: [{ documentId: source.documentId }] },
          },
        ],
      },
      expect: [200, 201],
    })
  ).data;
  check(story.documentId, 'a story citing the report, with an anonymous quote, is saved');

  const readiness = (path, token) =>
    call('GET', `/intelligence-stories/stories/${story.documentId}/${path}`, { token });
  const before = (await readiness('readiness', chief.token)).data;
  check(
    !before.ready && before.errors.every(({ code }) => code === 'R6'),
    `before approval only R6 refuses publishing (${before.errors.map(({ code }) => code)})`
  );

  await call('POST', `/intelligence-stories/stories/${story.documentId}/quotes/0/approve`, {
    token: chief.token,
    body: { revision: before.revision },
    expect: [403],
  });
  check(true, 'the story’s last editor cannot approve its quote');
  await call('POST', `/intelligence-stories/stories/${story.documentId}/quotes/0/approve`, {
    token: standards.token,
    body: { revision: before.revision },
  });
  const after = (await readiness('readiness', chief.token)).data;
  check(after.ready, 'the second admin’s approval makes the story ready');

  await call('POST', `${cm(`${PLUGIN}.story`)}/${story.documentId}/actions/publish`, {
    token: chief.token,
    body: {},
  });
  const published = (
    await call('GET', '/api/intelligence-stories/stories/report-points-to-russian-interference')
  ).data;
  check(published.title === story.title, 'the published story is public');

  const correction = 'An earlier version misstated the report’s date of release.';
  await call('POST', `/intelligence-stories/stories/${story.documentId}/corrections`, {
    token: chief.token,
    body: { kind: 'correction', text: correction },
    expect: [201],
  });
  const feed = await call('GET', '/api/intelligence-stories/corrections.json');
  check(
    feed.items?.some((item) => JSON.stringify(item).includes(correction)),
    'the correction is in /api/intelligence-stories/corrections.json'
  );
  const rss = await call('GET', '/api/intelligence-stories/corrections.rss');
  check(String(rss).includes('misstated the report'), 'and in /corrections.rss');

  console.log(`journey: ${checks} checks passed`);
};

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
