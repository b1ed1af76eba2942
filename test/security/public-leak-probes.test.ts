import crypto from 'crypto';

import {
  createAdminUser,
  createApiToken,
  createEndUser,
  grantRolePermission,
} from '../helpers/auth';
import { GOOD_QUOTE } from '../helpers/sourcing';
import { createStory, sharedSourceDocument } from '../helpers/stories';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { QUERY_ACTIONS } from '../../server/src/graphql';
import {
  comparedProbes,
  refusedQueries,
  type ComparedProbe,
  type GraphqlProbeIds,
} from './graphql-probes';
import {
  allProbes,
  PUBLIC_ROUTES,
  type Probe,
  type PublicRoute,
  type RouteIds,
  type SecretPath,
} from './probes';
import { INTROSPECTION, selection, type FullType } from './walk/graphql';

const READ_ACTIONS = [
  'plugin::intelligence-stories.story.find',
  'plugin::intelligence-stories.story.findOne',
  'plugin::intelligence-stories.source-document.find',
  'plugin::intelligence-stories.source-document.findOne',
  'plugin::intelligence-stories.story.jsonld',
  'plugin::intelligence-stories.correction.find',
  'plugin::intelligence-stories.correction.rss',
  'plugin::intelligence-stories.correction.jsonFeed',
];
const ENCRYPTED = ['identity', 'role', 'affiliation', 'contact', 'verificationNotes'] as const;
const TEXT_OPERATORS = ['$startsWith', '$startsWithi', '$eq', '$containsi', '$endsWith', '$in'];
// Names that only private attributes carry: none may appear in a successful public response.
const PRIVATE_NAMES = [
  'editorNotes',
  'lastPublishedContent',
  'lastPublishedAt',
  'howSourceKnows',
  'informationNotOpinion',
  'confidentialSource',
  'approvalState',
  'approvedBy',
  'approvedAt',
  'approvedFingerprint',
  'approvalComment',
  'issuedBy',
  'createdBy',
  'updatedBy',
  'isenc:',
];

const marker = (name: string) => `Zq${name.slice(0, 6)}${crypto.randomBytes(8).toString('hex')}`;
const WRONG = 'Wrongprefix-000000';

type Caller = { name: string; headers: Record<string, string>; isReadOnlyToken?: true };
type Outcome = { status: number; identity: string; text: string };

describe('no confidential value leaks through the public API, by any spelling', () => {
  let app: TestApp;
  let ids: RouteIds;
  let callers: Caller[];
  let markers: string[];
  let storySecrets: SecretPath[];
  let documentSecrets: SecretPath[];
  let correctionSecrets: SecretPath[];
  let storyDrafts: SecretPath[];
  let documentDrafts: SecretPath[];
  const tally = new Map<string, { probes: number; statuses: Map<number, number> }>();
  let probeCount = 0;
  let requestCount = 0;

  beforeAll(async () => {
    app = await bootStrapi();
    const chief = await createAdminUser(app);
    const approver = await createAdminUser(app);
    const secrets = {
      editorNotes: marker('notes'),
      howSourceKnows: marker('how'),
      approvalComment: marker('comment'),
      alias: marker('alias'),
      draftTitle: marker('drafttitle'),
      draftOnlyTitle: marker('draftonly'),
      documentDraftTitle: marker('docdraft'),
      correctionLateReason: marker('late'),
      ...Object.fromEntries(ENCRYPTED.map((field) => [field, marker(field)])),
    } as Record<string, string>;

    // The story with everything: a linked, approved source, private notes, a correction.
    const sourceDocumentId = await sharedSourceDocument(app);
    const source = await app.strapi.documents(UIDS.confidentialSource).create({
      data: {
        alias: secrets.alias,
        ...(Object.fromEntries(ENCRYPTED.map((field) => [field, secrets[field]])) as Record<
          (typeof ENCRYPTED)[number],
          string
        >),
        editorsWhoKnow: [chief.user.id],
      },
    });
    const story = await app.strapi.documents(UIDS.story).create({
      data: {
        title: 'Report points to interference',
        slug: 'report-points-to-interference',
        kind: 'news',
        editorNotes: secrets.editorNotes,
        bylines: [{ name: 'A. Reporter' }],
        sourceDocuments: [sourceDocumentId],
        citations: [
          { sourceDocument: sourceDocumentId, page: 3, passage: 'A passage', passageType: 'quote' },
        ],
        anonymousQuotes: [
          {
            ...GOOD_QUOTE,
            howSourceKnows: secrets.howSourceKnows,
            confidentialSource: source.documentId,
          },
        ],
      },
    });
    await app.strapi
      .plugin('intelligence-stories')
      .service('approvals')
      .decide(story.documentId, 0, 'approved', {
        userId: approver.user.id,
        comment: secrets.approvalComment,
      });
    await app.strapi.documents(UIDS.story).publish({ documentId: story.documentId });
    const issued = await app
      .request()
      .post(`/intelligence-stories/stories/${story.documentId}/corrections`)
      .set('Authorization', `Bearer ${chief.token}`)
      .send({ kind: 'clarification', text: 'The second paragraph now names the report in full.' });
    expect(issued.status).toBe(201);
    // An unpublished change: the draft's title must not be reachable.
    await app.strapi
      .documents(UIDS.story)
      .update({ documentId: story.documentId, data: { title: secrets.draftTitle } });
    // A plain published story and a draft-only one, so result sets have an order to keep.
    await createStory(app, { title: 'A second published story', slug: 'second-story' });
    await createStory(app, { title: secrets.draftOnlyTitle }, { publish: false });
    // A source document with an unpublished change.
    await app.strapi.documents(UIDS.sourceDocument).update({
      documentId: sourceDocumentId,
      data: { title: secrets.documentDraftTitle },
    });
    // Admin authorship columns, which Strapi keeps private.
    for (const uid of [UIDS.story, UIDS.sourceDocument]) {
      const table = app.strapi.getModel(uid).collectionName!;
      await app.strapi.db
        .connection(table)
        .update({ created_by_id: chief.user.id, updated_by_id: chief.user.id });
    }

    const quote = (await app.strapi.documents(UIDS.story).findOne({
      documentId: story.documentId,
      status: 'published',
      populate: ['anonymousQuotes'],
    }))!.anonymousQuotes![0] as { approvedFingerprint: string };
    const [chiefRow] = await app.strapi.db
      .connection('admin_users')
      .where({ id: chief.user.id })
      .select('password');
    const passwordHash = String(chiefRow.password);

    const text = (
      path: string[],
      match: string,
      column?: string,
      operators = TEXT_OPERATORS
    ): SecretPath => ({ path, match, nonMatch: WRONG, column, operators });
    const flag = (path: string[], operator = '$notNull'): SecretPath => ({
      path,
      match: 'true',
      nonMatch: 'false',
      operators: [operator],
    });
    const quotePath = (...rest: string[]) => ['anonymousQuotes', ...rest];
    const sourcePath = (...rest: string[]) => quotePath('confidentialSource', ...rest);
    const adminSecrets = (prefix: string[]) => [
      text([...prefix, 'email'], chief.user.email, 'email'),
      text([...prefix, 'password'], passwordHash, 'password', ['$startsWith', '$eq']),
      text([...prefix, 'resetPasswordToken'], 'x', 'reset_password_token', ['$notNull']),
    ];

    storySecrets = [
      text(['editorNotes'], secrets.editorNotes, 'editor_notes'),
      flag(['editorNotes']),
      flag(['lastPublishedAt']),
      flag(['lastPublishedContent']),
      text(quotePath('howSourceKnows'), secrets.howSourceKnows, 'how_source_knows'),
      text(quotePath('approvalComment'), secrets.approvalComment, 'approval_comment'),
      text(quotePath('approvedFingerprint'), quote.approvedFingerprint, 'approved_fingerprint'),
      { ...text(quotePath('approvalState'), 'approved', 'approval_state'), nonMatch: 'rejected' },
      { ...flag(quotePath('informationNotOpinion'), '$eq') },
      flag(quotePath('approvedAt')),
      // The quote-to-source link itself.
      flag(sourcePath('id')),
      text(sourcePath('documentId'), source.documentId, 'document_id', ['$eq', '$startsWith']),
      text(sourcePath('alias'), secrets.alias, 'alias'),
      // Identity fields hold ciphertext: the only prefix that could match is the envelope's.
      ...ENCRYPTED.map((field) =>
        text(
          sourcePath(field),
          'isenc:v2:',
          field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          ['$startsWith', '$containsi', '$notNull']
        )
      ),
      ...adminSecrets(sourcePath('editorsWhoKnow')),
      ...adminSecrets(quotePath('approvedBy')),
      ...adminSecrets(['createdBy']),
      ...adminSecrets(['updatedBy']),
      ...adminSecrets(['sourceDocuments', 'createdBy']),
    ];
    documentSecrets = [...adminSecrets(['createdBy']), ...adminSecrets(['updatedBy'])];
    correctionSecrets = [
      ...adminSecrets(['issuedBy']),
      ...adminSecrets(['createdBy']),
      ...adminSecrets(['supersedes', 'issuedBy']),
    ];
    const draftTitle = (value: string): SecretPath => ({
      path: ['title'],
      match: value,
      nonMatch: WRONG,
      operators: ['$startsWith', '$eq', '$containsi'],
    });
    storyDrafts = [draftTitle(secrets.draftTitle), draftTitle(secrets.draftOnlyTitle)];
    documentDrafts = [draftTitle(secrets.documentDraftTitle)];

    markers = [
      ...Object.values(secrets),
      quote.approvedFingerprint,
      chief.user.email,
      approver.user.email,
      passwordHash,
    ];

    ids = {
      storySlug: 'report-points-to-interference',
      storyDocumentId: story.documentId,
      sourceDocumentId,
    };

    for (const action of READ_ACTIONS) {
      await grantRolePermission(app, 'public', action);
      await grantRolePermission(app, 'authenticated', action);
    }
    const { jwt } = await createEndUser(app);
    callers = [
      { name: 'anonymous (Public role)', headers: {} },
      { name: 'users-permissions user', headers: { Authorization: `Bearer ${jwt}` } },
      {
        name: 'read-only API token',
        isReadOnlyToken: true,
        headers: { Authorization: `Bearer ${await createApiToken(app, 'read-only')}` },
      },
    ];
  }, 120_000);

  afterAll(async () => {
    await app?.destroy();
    const lines = [...tally.entries()].map(
      ([family, { probes, statuses }]) =>
        `  ${family}: ${probes} probes → ${[...statuses.entries()].map(([status, count]) => `${count}× ${status}`).join(', ')}`
    );
    console.log(
      `Leak probes (${app.database.client}): ${probeCount} probes, ${requestCount} requests\n${lines.join('\n')}`
    );
  });

  const call = async (route: PublicRoute, caller: Caller, query?: string): Promise<Outcome> => {
    requestCount += 1;
    const url = `${route.path(ids)}${query ? `?${query}` : ''}`;
    const res = await app.request().get(url).set(caller.headers);
    const body = res.body as { data?: Array<{ documentId: string }> };
    const error = (res.body as { error?: { name: string; message: string } }).error;
    // A 400's details echo the request back; what must not vary is the status and the message.
    const identity =
      res.status !== 200
        ? `${res.status} ${error?.name} ${error?.message}`
        : route.kind === 'list'
          ? JSON.stringify(body.data!.map(({ documentId }) => documentId))
          : res.text;
    return { status: res.status, identity, text: res.text };
  };

  // A marker the probe itself sent (an error echoing the request) is not a leak.
  const leaks = (outcome: Outcome, query: string) => {
    const sent = decodeURIComponent(query);
    const found = markers.filter((value) => !sent.includes(value) && outcome.text.includes(value));
    if (outcome.status === 200) {
      found.push(...PRIVATE_NAMES.filter((name) => outcome.text.includes(name)));
    }
    return found;
  };

  const count = (probe: Probe, outcome: Outcome) => {
    const entry = tally.get(probe.family) ?? { probes: 0, statuses: new Map<number, number>() };
    entry.probes += 1;
    entry.statuses.set(outcome.status, (entry.statuses.get(outcome.status) ?? 0) + 1);
    tally.set(probe.family, entry);
    probeCount += 1;
  };

  const secretsOf = (route: PublicRoute) => {
    switch (route.model) {
      case 'story':
        return allProbes(storySecrets, storyDrafts);
      case 'source-document':
        return allProbes(documentSecrets, documentDrafts);
      default:
        // Corrections of a draft-only story do not exist; the story drafts' titles must still not match.
        return allProbes(correctionSecrets, []);
    }
  };

  describe.each(PUBLIC_ROUTES.map((route) => [route.name, route] as const))('%s', (_, route) => {
    it.each([0, 1, 2])(
      'answers every probe alike, without a secret (caller %i)',
      async (index) => {
        const caller = callers[index];
        const unfiltered = await call(route, caller);
        const refused = route.readOnlyToken === false && caller.isReadOnlyToken === true;
        const allowed = refused ? [403] : [200, 400];
        expect(unfiltered.status).toBe(refused ? 403 : 200);
        expect(leaks(unfiltered, '')).toEqual([]);
        if (route.kind === 'list' && !refused) {
          // Published only, newest first: the drafts are not there.
          expect(JSON.parse(unfiltered.identity).length).toBeGreaterThan(0);
        }

        const failures: string[] = [];
        const probes = secretsOf(route);
        for (const probe of probes) {
          const matching = await call(route, caller, probe.match);
          count(probe, matching);
          const leaked = leaks(matching, probe.match);
          if (!allowed.includes(matching.status)) {
            failures.push(`${probe.name}: status ${matching.status}`);
          }
          if (leaked.length > 0) {
            failures.push(`${probe.name}: response contains ${leaked.join(', ')}`);
          }
          if (
            probe.sameAsUnfiltered &&
            matching.status === 200 &&
            matching.identity !== unfiltered.identity
          ) {
            failures.push(`${probe.name}: a 200 that differs from the unfiltered answer`);
          }
          if (probe.nonMatch !== undefined) {
            const other = await call(route, caller, probe.nonMatch);
            const otherLeaked = leaks(other, probe.nonMatch);
            if (otherLeaked.length > 0) {
              failures.push(
                `${probe.name} (non-matching): response contains ${otherLeaked.join(', ')}`
              );
            }
            if (other.status !== matching.status || other.identity !== matching.identity) {
              failures.push(
                `${probe.name}: matching and non-matching values answer differently (${matching.status} vs ${other.status})`
              );
            }
          }
        }
        expect(failures).toEqual([]);
        expect(probes.length).toBeGreaterThan(50);
      },
      600_000
    );
  });

  it.each([0, 1, 2])(
    'has no Content API route for confidential sources or the plugin logs (caller %i)',
    async (index) => {
      for (const path of [
        '/api/intelligence-stories/confidential-sources',
        '/api/intelligence-stories/confidential-sources/access-log',
        `/api/intelligence-stories/confidential-sources/${ids.storyDocumentId}`,
        '/api/intelligence-stories/source-access-log-entries',
        '/api/intelligence-stories/change-log-entries',
        '/api/confidential-sources',
        '/intelligence-stories/confidential-sources',
      ]) {
        requestCount += 1;
        const res = await app.request().get(path).set(callers[index].headers);
        // 404 on the Content API; 401 on the admin API, which these callers cannot use.
        expect([401, 404]).toContain(res.status);
        expect(leaks({ status: res.status, identity: '', text: res.text }, '')).toEqual([]);
      }
    }
  );

  it('can tell a match from a miss: the same oracle on a public field answers them differently', async () => {
    const route = PUBLIC_ROUTES.find(({ name }) => name === 'GET /stories')!;
    const matching = await call(route, callers[0], 'filters[title][$startsWith]=Report');
    const missing = await call(route, callers[0], `filters[title][$startsWith]=${WRONG}`);
    expect(matching.status).toBe(200);
    expect(JSON.parse(matching.identity)).toEqual([ids.storyDocumentId]);
    expect(missing.identity).toBe('[]');
  });

  describe('GraphQL', () => {
    let types: Map<string, FullType>;
    let probeIds: GraphqlProbeIds;
    let graphqlProbes = 0;
    const graphqlFindings: string[] = [];

    const graphql = (caller: Caller, query: string) => {
      requestCount += 1;
      return app.request().post('/graphql').set(caller.headers).send({ query });
    };

    /**
     * One GraphQL probe, counted with the REST ones (family `GraphQL`), its answer scanned for
     * every marker and, when it carries data without errors, for every private field name.
     */
    const probeGraphql = async (caller: Caller, query: string) => {
      const res = await graphql(caller, query);
      const body = res.body as GraphqlBody;
      const clean = res.status === 200 && !body.errors;
      const outcome = { status: clean ? 200 : res.status, identity: res.text, text: res.text };
      count({ family: 'GraphQL', name: query, match: query, sameAsUnfiltered: false }, outcome);
      graphqlProbes += 1;
      // leaks() reads what was sent as a URL query; a GraphQL query is sent as it is.
      const leaked = leaks(outcome, encodeURIComponent(query));
      if (leaked.length > 0) {
        graphqlFindings.push(`${caller.name} | ${query}: ${leaked.join(', ')}`);
      }
      return body;
    };

    beforeAll(async () => {
      const schema = (await graphql(callers[0], INTROSPECTION)).body.data.__schema as {
        types: FullType[];
      };
      types = new Map(schema.types.map((type) => [type.name, type]));
      const source = await app.strapi.documents(UIDS.confidentialSource).findFirst({});
      const drafts = await app.strapi.documents(UIDS.story).findMany({ status: 'draft' });
      const published = await app.strapi.documents(UIDS.story).findMany({ status: 'published' });
      const publishedIds = new Set(published.map(({ documentId }) => documentId));
      const correction = await app.strapi.documents(UIDS.correction).findFirst({});
      probeIds = {
        ...ids,
        draftOnlyStoryId: drafts.find(({ documentId }) => !publishedIds.has(documentId))!
          .documentId,
        confidentialSourceId: source!.documentId,
        correctionId: correction!.documentId,
        wrong: WRONG,
      };
    });

    afterAll(() => {
      console.log(
        `GraphQL leak probes (${app.database.client}): ${graphqlProbes} probes, ${graphqlFindings.length} leaks`
      );
    });

    it('names only the plugin’s public read-only types, queries and fields in its schema', async () => {
      const res = await graphql(
        callers[0],
        '{ __schema { mutationType { fields { name } } queryType { fields { name args { name } } } types { name fields { name args { name } } inputFields { name } } } }'
      );
      graphqlProbes += 1;
      expect(res.status).toBe(200);
      const schema = res.body.data.__schema as {
        mutationType: { fields: Array<{ name: string }> } | null;
        queryType: { fields: Array<{ name: string; args: Array<{ name: string }> }> };
        types: Array<{
          name: string;
          fields: Array<{ name: string; args: Array<{ name: string }> }> | null;
          inputFields: Array<{ name: string }> | null;
        }>;
      };
      // The schema is really there: Strapi's own types are served.
      expect(schema.types.map(({ name }) => name)).toContain('UsersPermissionsUser');
      const pluginTypes = schema.types
        .map(({ name }) =>
          name.replace(/^(Intelligence)(PageInfo|PaginationArg)$/, 'Intelligence shared $2')
        )
        .filter((name) =>
          /intelligence|confidential|anonymous|sourcedocument|^stor(y|ies)|correction|changelog|accesslog|byline|citation|keyjudgment|quotedecision/i.test(
            name
          )
        );
      expect(pluginTypes.sort()).toEqual(
        [
          'IntelligenceAnonymousQuote',
          'IntelligenceByline',
          'IntelligenceCitation',
          'IntelligenceCitedDocument',
          'IntelligenceClassification',
          'IntelligenceConfidence',
          'IntelligenceCorrectedStory',
          'IntelligenceCorrection',
          'IntelligenceCorrectionConnection',
          'IntelligenceCorrectionKind',
          'IntelligenceDocumentFile',
          'IntelligenceKeyJudgment',
          'IntelligenceLikelihood',
          'Intelligence shared PageInfo',
          'Intelligence shared PaginationArg',
          'IntelligencePassageType',
          'IntelligenceSourceDocument',
          'IntelligenceSourceDocumentConnection',
          'IntelligenceStory',
          'IntelligenceStoryConnection',
          'IntelligenceStoryCorrection',
          'IntelligenceStoryKind',
        ].sort()
      );
      const names = schema.types.flatMap((type) => [
        ...(type.fields ?? []).flatMap((field) => [
          field.name,
          ...field.args.map(({ name }) => name),
        ]),
        ...(type.inputFields ?? []).map(({ name }) => name),
      ]);
      for (const name of [
        ...PRIVATE_NAMES.filter((privateName) => !privateName.includes(':')),
        'identity',
        'affiliation',
        'verificationNotes',
        'confidentialSources',
        'editorsWhoKnow',
        'draftFingerprint',
        'held',
      ]) {
        expect(names).not.toContain(name);
      }
      // Shadow CRUD stays off for every plugin type: none of its generated queries is there.
      const queries = schema.queryType.fields;
      expect(
        queries
          .map(({ name }) => name)
          .filter((name) =>
            /confidential|stor(y|ies)|sourcedocument|correction|changelog|accesslog|quotedecision/i.test(
              name
            )
          )
          .sort()
      ).toEqual([...Object.keys(QUERY_ACTIONS)].sort());
      for (const query of queries.filter(({ name }) => name in QUERY_ACTIONS)) {
        expect([query.name, query.args.map(({ name }) => name)]).toEqual([
          query.name,
          expect.not.arrayContaining(['filters', 'sort', 'status', 'publicationFilter']),
        ]);
      }
      // Read-only: no mutation of the plugin's.
      expect(
        (schema.mutationType?.fields ?? [])
          .map(({ name }) => name)
          .filter((name) =>
            /intelligence|confidential|stor(y|ies)|sourcedocument|correction/i.test(name)
          )
      ).toEqual([]);
    });

    it.each([0, 1, 2])(
      'answers each type’s introspection without a private field (caller %i)',
      async (index) => {
        for (const type of Object.keys(Object.fromEntries(types)).filter((name) =>
          name.startsWith('Intelligence')
        )) {
          const body = await probeGraphql(
            callers[index],
            `{ __type(name: ${JSON.stringify(type)}) { name fields { name } inputFields { name } enumValues { name } } }`
          );
          expect(body.errors).toBeUndefined();
        }
      }
    );

    it.each([0, 1, 2])(
      'answers queries for drafts, sources and private filters with errors only (caller %i)',
      async (index) => {
        const caller = callers[index];
        const pairs: Array<[string, string?]> = [
          ['{ stories(status: DRAFT) { documentId title editorNotes } }'],
          ['{ story(documentId: "ID") { title } }'.replace('ID', ids.storyDocumentId)],
          ['{ sourceDocuments(status: DRAFT) { documentId title } }'],
          ['{ confidentialSources { documentId alias identity } }'],
          ['{ intelligenceStoriesStories { documentId } }'],
          ...['identity', 'alias', 'documentId'].map((field): [string, string] => [
            `{ stories(filters: { anonymousQuotes: { confidentialSource: { ${field}: { startsWith: "isenc:v2" } } } }) { documentId } }`,
            `{ stories(filters: { anonymousQuotes: { confidentialSource: { ${field}: { startsWith: "${WRONG}" } } } }) { documentId } }`,
          ]),
          [
            '{ stories(filters: { editorNotes: { notNull: true } }) { documentId } }',
            '{ stories(filters: { editorNotes: { null: true } }) { documentId } }',
          ],
          [
            '{ stories(filters: { anonymousQuotes: { confidentialSource: { id: { notNull: true } } } }) { documentId } }',
            '{ stories(filters: { anonymousQuotes: { confidentialSource: { id: { null: true } } } }) { documentId } }',
          ],
          ...refusedQueries(probeIds).map((query): [string] => [query]),
        ];
        for (const [query, other] of pairs) {
          const body = await probeGraphql(caller, query);
          expect([query, (body.errors?.length ?? 0) > 0]).toEqual([query, true]);
          expect([query, body.data ?? null]).toEqual([query, null]);
          if (other) {
            const otherBody = await probeGraphql(caller, other);
            expect(
              JSON.stringify(otherBody).replace(WRONG, 'isenc:v2').replace('"null"', '"notNull"')
            ).toBe(JSON.stringify(body));
          }
        }
      }
    );

    it.each([0, 1, 2])(
      'answers every argument, nested selection and oracle as REST does, published only (caller %i)',
      async (index) => {
        const caller = callers[index];
        const failures: string[] = [];
        const probes = comparedProbes(probeIds);
        for (const probe of probes) {
          const selected = probe.type ? selection(types, probe.type, 1) : '';
          const body = await probeGraphql(caller, `{ probe: ${probe.field} ${selected} }`);
          requestCount += 1;
          const rest = await app.request().get(probe.rest).set(caller.headers);
          const got = graphqlIdentity(body, probe.kind);
          const expected = restIdentity(rest, probe.kind);
          if (got !== expected) {
            failures.push(
              `${probe.name}: GraphQL ${got.slice(0, 200)} ≠ REST ${expected.slice(0, 200)}`
            );
          }
        }
        expect(failures).toEqual([]);
        expect(probes.length).toBeGreaterThan(50);
      },
      600_000
    );

    // Last of the GraphQL probes: their count and their findings, as the REST ones are reported.
    it('counted its GraphQL probes and found 0 leaks', () => {
      expect(graphqlProbes).toBeGreaterThan(300);
      expect(graphqlFindings).toEqual([]);
    });
  });
});

type GraphqlBody = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

/** REST's answers carry database ids, which the GraphQL types leave out. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(withoutIds);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, nested]) => [key, withoutIds(nested)])
    );
  }
  return value;
};

const listIdentity = (nodes: Array<{ documentId: string }>, total: unknown) =>
  JSON.stringify({ ids: nodes.map(({ documentId }) => documentId), total });

/** What a REST answer says, in terms a GraphQL answer can be compared with. */
const restIdentity = (
  res: {
    status: number;
    text: string;
    body: { data?: unknown; meta?: { pagination?: { total?: number } } };
  },
  kind: ComparedProbe['kind']
) => {
  const statuses: Record<number, string> = { 400: 'invalid', 403: 'refused', 404: 'null' };
  if (res.status !== 200) {
    return statuses[res.status] ?? `status ${res.status}`;
  }
  if (kind === 'list') {
    return listIdentity(
      res.body.data as Array<{ documentId: string }>,
      res.body.meta?.pagination?.total
    );
  }
  return JSON.stringify(withoutIds(kind === 'json' ? JSON.parse(res.text) : res.body.data));
};

const graphqlIdentity = (body: GraphqlBody, kind: ComparedProbe['kind']) => {
  // A value the schema cannot even express (a page beyond a 32-bit Int) fails validation: the same
  // refusal as REST's 400 for it.
  const codes: Record<string, string> = {
    BAD_USER_INPUT: 'invalid',
    GRAPHQL_VALIDATION_FAILED: 'invalid',
    FORBIDDEN: 'refused',
  };
  if (body.errors) {
    const code = body.errors[0].extensions?.code ?? '';
    return codes[code] ?? `error ${code} ${body.errors[0].message}`;
  }
  const value = body.data?.probe;
  if (value === null || value === undefined) {
    return 'null';
  }
  if (kind === 'list') {
    const { nodes, pageInfo } = value as {
      nodes: Array<{ documentId: string }>;
      pageInfo: { total: number };
    };
    return listIdentity(nodes, pageInfo.total);
  }
  return JSON.stringify(withoutIds(value));
};
