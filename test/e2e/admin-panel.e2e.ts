import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';

import {
  authorPresetPermissions,
  contentManagerPermissions,
  createAdminRole,
  createAdminUser,
  grantPublicPermission,
} from '../helpers/auth';
import { GOOD_QUOTE } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { hasChromium, launchBrowser, logIn } from './browser';

/**
 * The admin panel in a real browser (Debian's Chromium, driven by Playwright) against the
 * playground with its built admin: a reporter drafts, the checklist stops the publish, a
 * standards editor approves from the queue, the reporter publishes, an editor issues a correction
 * and readers see it; an Author sees none of the plugin. Screenshots go to docs/screenshots.
 */
const PASSWORD = 'Test-password-1';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const ADMIN_BUILD = path.join(__dirname, '..', '..', 'playground', 'dist', 'build', 'index.html');
const ready = hasChromium() && fs.existsSync(ADMIN_BUILD);
if (!ready) {
  console.log(
    'admin-panel e2e: skipped: needs /usr/bin/chromium (apt-get install chromium) and the playground admin build (npm run build --workspace playground)'
  );
}

const cm = contentManagerPermissions;
const plugin = (action: string) => ({ action: `plugin::intelligence-stories.${action}` });

(ready ? describe : describe.skip)('the admin panel in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let reporter: { token: string; user: { id: number; email: string } };
  let standards: { user: { id: number; email: string } };
  let desk: { user: { id: number; email: string } };
  let author: { user: { email: string } };
  let storyId: string;

  // One signed-in page per user for the whole run, as a person keeps their tab: Strapi limits
  // login attempts per account (5 in 5 minutes), and the reporter comes back more often than that.
  const pages = new Map<string, Page>();
  const pageFor = async (email: string) => {
    if (!pages.has(email)) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await logIn(page, app.baseUrl, email, PASSWORD);
      pages.set(email, page);
    }
    return pages.get(email)!;
  };
  const editView = (documentId: string) =>
    `${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}/${documentId}`;
  const checklist = (page: Page) =>
    page
      .locator('aside, div')
      .filter({ has: page.getByText('Sourcing checklist') })
      .last();
  const isPublished = async () =>
    Boolean(
      await app.strapi.documents(UIDS.story).findOne({ documentId: storyId, status: 'published' })
    );

  beforeAll(async () => {
    app = await bootStrapi();
    // A reporter is Strapi's Author (their own entries only) who may also publish and work on
    // sourcing: no Content Manager right on the register, which no role can hold.
    reporter = await createAdminUser(app, {
      role: await createAdminRole(app, [
        ...(await authorPresetPermissions(app)),
        cm(app, UIDS.story).publish,
        cm(app, UIDS.sourceDocument).publish,
        plugin('sourcing.read'),
        plugin('sourcing.manage'),
      ]),
    });
    standards = await createAdminUser(app, {
      role: await createAdminRole(app, [
        cm(app, UIDS.story).read,
        plugin('quotes.approve'),
        plugin('sourcing.read'),
        plugin('confidential-sources.read'),
        plugin('confidential-sources.manage'),
      ]),
    });
    // Every test admin is "Test Admin": the register names editors, so this one gets a name.
    await app.strapi.db.query('admin::user').update({
      where: { id: standards.user.id },
      data: { firstname: 'Sam', lastname: 'Standards' },
    });
    desk = await createAdminUser(app, {
      role: await createAdminRole(app, [
        cm(app, UIDS.story).read,
        plugin('corrections.issue'),
        plugin('sourcing.read'),
      ]),
    });
    author = await createAdminUser(app, { role: 'strapi-author' });
    await grantPublicPermission(app, 'plugin::intelligence-stories.story.findOne');
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('a standards editor registers the confidential source, reveals it, and the reveal is logged', async () => {
    const page = await pageFor(standards.user.email);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/register`);
    await page.getByRole('button', { name: 'New confidential source' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Alias/).fill('E2E-REP-1');
    await form.getByLabel(/Who the source is/).fill('IDENTITY-E2E deputy assistant secretary');
    await form.getByLabel(/^Role/).fill('Briefed on the assessment');
    await form.getByRole('combobox', { name: /Editors who know/ }).click();
    await page.getByRole('option', { name: 'Sam Standards' }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Save' }).click();

    // The new source's page: alias and who knows it, the identity hidden until asked for.
    await page.getByRole('heading', { name: 'E2E-REP-1' }).waitFor();
    await page.getByText('Known to Sam Standards').waitFor();
    expect(await page.getByText('IDENTITY-E2E').count()).toBe(0);
    const [stored] = await app.strapi
      .documents(UIDS.confidentialSource)
      .findMany({ filters: { alias: 'E2E-REP-1' } as never, populate: ['editorsWhoKnow'] });
    expect(stored.editorsWhoKnow!.map(({ id }) => id)).toEqual([standards.user.id]);
    // Stored encrypted: the database never holds the identity in clear.
    expect(stored.identity).not.toContain('IDENTITY-E2E');

    await page.getByRole('button', { name: 'Reveal identity' }).click();
    await page.getByText('IDENTITY-E2E deputy assistant secretary').waitFor();
    await page.getByRole('gridcell', { name: 'Revealed' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'source-register.png') });
    await page.getByRole('button', { name: 'Hide identity' }).click();
    expect(await page.getByText('IDENTITY-E2E').count()).toBe(0);
  });

  it('a reporter creates a source document in the Content Manager', async () => {
    const page = await pageFor(reporter.user.email);
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/${UIDS.sourceDocument}/create`
    );
    await page.getByLabel('title').fill('Foreign Threats to the 2020 US Federal Elections');
    await page.getByLabel('issuer').fill('ODNI');
    await page.getByLabel(/Page count/).fill('15');
    await page.getByRole('combobox', { name: 'classification' }).click();
    await page.getByRole('option', { name: 'declassified' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByText(/Published/)
      .first()
      .waitFor();
    const [document] = await app.strapi
      .documents(UIDS.sourceDocument)
      .findMany({ status: 'published' });
    expect(document).toMatchObject({ issuer: 'ODNI', pageCount: 15 });
  });

  it('the reporter drafts the story with an anonymous quote in the Content Manager', async () => {
    const page = await pageFor(reporter.user.email);
    await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}/create`);
    /** A repeatable component's box in the form, by the field's label. */
    const components = (field: string) =>
      page
        .locator('div')
        .filter({ has: page.locator('label', { hasText: new RegExp(`^${field}`) }) })
        .filter({ has: page.getByRole('button', { name: 'No entry yet. Click to add one.' }) })
        .last();

    await page.getByLabel(/^Title/).fill('Report points to Russian interference');
    await page.getByLabel(/^Slug/).fill('report-points-to-russian-interference');
    await page.getByRole('combobox', { name: 'kind' }).click();
    await page.getByRole('option', { name: 'news' }).click();
    await components('Bylines')
      .getByRole('button', { name: 'No entry yet. Click to add one.' })
      .click();
    await page.getByLabel(/^Name/).fill('A. Reporter');
    await page.getByRole('combobox', { name: /Source documents/ }).click();
    await page
      .getByRole('option', { name: /Foreign Threats to the 2020 US Federal Elections/ })
      .click();
    await components('Anonymous quotes')
      .getByRole('button', { name: 'No entry yet. Click to add one.' })
      .click();
    await page.getByLabel(/^Quote/).fill(GOOD_QUOTE.quote);
    await page.getByLabel(/^Attribution/).fill(GOOD_QUOTE.attribution);
    await page.getByLabel(/^Reason for anonymity/).fill(GOOD_QUOTE.anonymityReason);
    await page.getByLabel(/^How the source knows/).fill(GOOD_QUOTE.howSourceKnows);
    await page
      .getByRole('checkbox', { name: 'The source gives information, not opinion or an attack' })
      .check();
    await page.getByRole('combobox', { name: /^Confidential source/ }).click();
    // The source by its alias: the register's handle, never who the source is.
    await page.getByRole('option', { name: /E2E-REP-1/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // The saved story's address, with the language version it shows (Strapi i18n).
    await page.waitForURL(/collection-types\/[^/]+\/(?!create)[a-z0-9]+(\?.*)?$/);
    storyId = new URL(page.url()).pathname.split('/').pop()!;
    // Opened again, the saved quote shows its source by alias (loaded by the relation route).
    await page.reload();
    await page
      .getByRole('button', { name: new RegExp(GOOD_QUOTE.attribution) })
      .first()
      .click();
    await page.getByText('E2E-REP-1').first().waitFor();

    const draft = await app.strapi.documents(UIDS.story).findOne({
      documentId: storyId,
      populate: {
        bylines: true,
        sourceDocuments: true,
        anonymousQuotes: { populate: ['confidentialSource'] },
      },
    });
    expect(draft).toMatchObject({
      title: 'Report points to Russian interference',
      slug: 'report-points-to-russian-interference',
      kind: 'news',
      bylines: [expect.objectContaining({ name: 'A. Reporter' })],
      sourceDocuments: [
        expect.objectContaining({ title: 'Foreign Threats to the 2020 US Federal Elections' }),
      ],
      anonymousQuotes: [
        expect.objectContaining({
          ...GOOD_QUOTE,
          approvalState: 'pending',
          confidentialSource: expect.objectContaining({ alias: 'E2E-REP-1' }),
        }),
      ],
    });
  });

  it('the reporter records a key judgment in the source-document library', async () => {
    const page = await pageFor(reporter.user.email);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/library`);
    await page
      .getByRole('link', { name: 'Foreign Threats to the 2020 US Federal Elections' })
      .click();
    await page.getByRole('button', { name: 'Add a key judgment' }).click();
    const judgment = page.getByRole('group', { name: 'Key judgment 1' });
    await judgment
      .getByLabel(/Judgment 1/)
      .fill('Russian President Putin authorized influence operations against the 2020 election.');
    await judgment.getByLabel('Page').fill('3');
    await judgment.getByRole('combobox', { name: /Confidence/ }).click();
    await page.getByRole('option', { name: 'High confidence' }).click();
    await judgment.getByRole('combobox', { name: /Likelihood/ }).click();
    await page.getByRole('option', { name: /^Very likely/ }).click();
    await page.getByRole('button', { name: 'Save key judgments' }).click();
    await page.getByText('Key judgments saved to the draft').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'source-library.png') });

    const [draft] = await app.strapi
      .documents(UIDS.sourceDocument)
      .findMany({ status: 'draft', populate: ['keyJudgments'] });
    expect(draft.keyJudgments).toEqual([
      expect.objectContaining({ page: 3, confidence: 'high', likelihood: 'very_likely' }),
    ]);
  });

  it('shows the reporter what blocks publishing, and the gate refuses the publish', async () => {
    const page = await pageFor(reporter.user.email);
    await page.goto(editView(storyId));
    const panel = checklist(page);
    await panel.getByText('needs a standards editor').waitFor();
    await panel.getByText('R6', { exact: true }).waitFor();
    await panel.getByText(/Approval requested/).waitFor();
    // The reporter may not approve: no decision buttons for them.
    expect(await panel.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'checklist.png') });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByText(/cannot be published/)
      .first()
      .waitFor();
    expect(await isPublished()).toBe(false);
  });

  it('a standards editor approves the quote from the approval queue', async () => {
    const page = await pageFor(standards.user.email);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/approvals`);
    await page.getByText('There will be more soon.').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/^Nothing awaits a decision\./).waitFor();
  });

  it('the reporter publishes', async () => {
    const page = await pageFor(reporter.user.email);
    await page.goto(editView(storyId));
    await checklist(page).getByText('Ready to publish').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    for (let i = 0; i < 50 && !(await isPublished()); i += 1) {
      await page.waitForTimeout(200);
    }
    expect(await isPublished()).toBe(true);
  });

  it('an editor issues a correction, and readers see it', async () => {
    const page = await pageFor(desk.user.email);
    await page.goto(editView(storyId));
    const panel = checklist(page);
    await panel.getByRole('button', { name: 'Issue a correction' }).click();
    const text = 'An earlier version of this story gave the wrong date for the report’s release.';
    await page
      .getByRole('dialog')
      .getByLabel(/Text readers will see/)
      .fill(text);
    await page.getByRole('dialog').getByRole('button', { name: 'Issue' }).click();
    await panel.getByText(text).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'corrections-timeline.png') });

    const read = await app
      .request()
      .get('/api/intelligence-stories/stories/report-points-to-russian-interference')
      .expect(200);
    expect(read.body.data.corrections.map((c: { text: string }) => c.text)).toEqual([text]);

    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories`);
    await page.getByText('Report points to Russian interference').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'desk.png') });
  });

  const readerStory = () =>
    app
      .request()
      .get('/api/intelligence-stories/stories/report-points-to-russian-interference')
      .expect(200)
      .then((res) => res.body.data as { dek: string; corrections: Array<{ text: string }> });

  /** The reporter changes the dek in the Content Manager and saves the draft. */
  const editDek = async (dek: string) => {
    const page = await pageFor(reporter.user.email);
    await page.goto(editView(storyId));
    await page.getByLabel(/^Dek/).fill(dek);
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/Saved document|Saved/)
      .first()
      .waitFor();
    return page;
  };

  const publishAs = async (page: Page) => {
    const before = (await readerStory()).dek;
    await page.getByRole('button', { name: 'Publish' }).click();
    for (let i = 0; i < 50 && (await readerStory()).dek === before; i += 1) {
      await page.waitForTimeout(200);
    }
  };

  it('R9 in the checklist: the change since the last publish, declared non-substantive', async () => {
    const page = await editDek('Russia sought to sway the 2020 election, a US report says.');
    const panel = checklist(page);
    await panel.getByRole('heading', { name: 'Changed since the last publish' }).waitFor();
    await panel.getByText('R9', { exact: true }).first().waitFor();
    // The diff under the field's label: what readers saw struck, what they will see marked.
    await panel.getByText('Dek', { exact: true }).waitFor();
    expect(await panel.locator('ins').first().textContent()).toMatch(/Russia/);
    await page.screenshot({ path: path.join(SHOTS, 'r9-changes.png') });

    // The publish is refused until one of the two ways out is taken.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByText(/cannot be published/)
      .first()
      .waitFor();
    await panel
      .getByLabel('Reason the change is not substantive')
      .fill('Dek shortened for the home page; the facts are unchanged.');
    await panel.getByRole('button', { name: 'Declare non-substantive' }).click();
    await panel.getByText(/Covered for the next publish/).waitFor();
    await checklist(page).getByText('Ready to publish').waitFor();
    await publishAs(page);
    expect((await readerStory()).dek).toBe(
      'Russia sought to sway the 2020 election, a US report says.'
    );
  });

  it('R9 in the checklist: a correction issued for the fix goes public with it', async () => {
    await editDek('Russia sought to sway the 2020 election, a US intelligence report says.');
    const text =
      'An earlier version of this story’s summary did not say the report is an intelligence assessment.';
    const editor = await pageFor(desk.user.email);
    await editor.goto(editView(storyId));
    const panel = checklist(editor);
    await panel.getByRole('heading', { name: 'Changed since the last publish' }).waitFor();
    await panel.getByRole('button', { name: 'Issue a correction' }).first().click();
    const dialog = editor.getByRole('dialog');
    // The dialog says what will happen before the editor issues it.
    await dialog.getByText(/it is held and goes public when you publish the story/).waitFor();
    await dialog.getByLabel(/Text readers will see/).fill(text);
    await dialog.getByRole('button', { name: 'Issue' }).click();
    await panel.getByText(text).waitFor();
    await panel.getByText('Held: goes public with the next publish of the story').waitFor();
    await panel.getByText(/Covered for the next publish/).waitFor();

    // Readers see neither yet.
    const before = await readerStory();
    expect(before.corrections.map((c) => c.text)).not.toContain(text);
    expect(before.dek).toBe('Russia sought to sway the 2020 election, a US report says.');

    // The reporter publishes: the fix and its correction together.
    const reporterPage = await pageFor(reporter.user.email);
    await reporterPage.goto(editView(storyId));
    await checklist(reporterPage).getByText('Ready to publish').waitFor();
    await publishAs(reporterPage);
    const after = await readerStory();
    expect(after.dek).toBe(
      'Russia sought to sway the 2020 election, a US intelligence report says.'
    );
    expect(after.corrections.map((c) => c.text)).toContain(text);
  });

  it('the corrections page fits 1440 px, and its rows agree with its page-size picker', async () => {
    // More corrections than a page holds, so the picker and the rows can disagree.
    for (let i = 0; i < 12; i += 1) {
      await app.strapi.documents(UIDS.correction).create({
        data: {
          storyDocumentId: storyId,
          kind: 'clarification',
          text: `Clarification ${i}: ${'the report’s release date and page count are given as the ODNI states them. '.repeat(8)}`,
          issuedAt: new Date().toISOString(),
        },
      });
    }
    const page = await pageFor(desk.user.email);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/corrections`);
    await page.getByText('Clarification 11:', { exact: false }).waitFor();
    // Evaluated in the page: the test's own TypeScript has no DOM types.
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(1440);
    const firstPage = await page.locator('tbody tr').allTextContents();
    expect(firstPage).toHaveLength(10);
    await page.getByRole('link', { name: /Go to page 2/ }).click();
    await page.waitForURL(/page=2/);
    await page.waitForLoadState('networkidle');
    const secondPage = await page.locator('tbody tr').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
  });

  it('an administrator sets the publisher in the settings page', async () => {
    const admin = await createAdminUser(app);
    const page = await pageFor(admin.user.email);
    await page.goto(`${app.baseUrl}/admin/settings/intelligence-stories`);
    await page.getByLabel(/Publisher name/).fill('The Example Ledger');
    await page.getByLabel(/Publisher website/).fill('https://news.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').first().waitFor();
    // The rule levels in force, read-only: the app's config sets them.
    await page.getByRole('heading', { name: 'Editorial rules' }).waitFor();
    // R1–R11 and the playground's house rule, all at error.
    await page.getByText("A leaked document's hash is on file").waitFor();
    expect(await page.getByText('Blocks publishing').count()).toBe(12);
    const saved = await app
      .request()
      .get('/intelligence-stories/settings')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(saved.body.data).toMatchObject({
      publisherName: 'The Example Ledger',
      publisherUrl: 'https://news.example',
    });
  });

  it('an editor without the register permissions has no register in the menu or at its address', async () => {
    const page = await pageFor(desk.user.email);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories`);
    await page.getByRole('link', { name: 'Source documents' }).waitFor();
    expect(await page.getByRole('link', { name: 'Source register' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/register`);
    await page.getByText(/The source register needs the permissions/).waitFor();
    expect(await page.getByText('E2E-REP-1').count()).toBe(0);
  });

  it('an Author sees no register, no queue and no approve button', async () => {
    const page = await pageFor(author.user.email);
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Content Manager' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Intelligence stories' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/approvals`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByText('There will be more soon.').count()).toBe(0);
    await page.goto(`${app.baseUrl}/admin/plugins/intelligence-stories/register`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('E2E-REP-1').count()).toBe(0);
  });

  it('a house rule blocks in the checklist, and a standards editor overrides it with a reason', async () => {
    // The playground's house rule (LEAK-HASH), made overridable as an app's config would.
    const configKey = 'plugin::intelligence-stories';
    app.strapi.config.set(configKey, {
      ...(app.strapi.config.get(configKey) as Record<string, unknown>),
      overrides: { 'LEAK-HASH': 'plugin::intelligence-stories.rules.override' },
    });
    const documents = app.strapi.documents(UIDS.sourceDocument);
    const leaked = await documents.create({
      data: {
        title: 'A leaked cable',
        issuer: 'ODNI',
        pageCount: 4,
        classification: 'leaked',
      },
    });
    await documents.publish({ documentId: leaked.documentId });
    const story = await app.strapi.documents(UIDS.story).create({
      data: {
        title: 'A story on a leaked cable',
        slug: 'a-story-on-a-leaked-cable',
        kind: 'news',
        sourceDocuments: [leaked.documentId],
      },
    });
    const overrider = await createAdminUser(app, {
      role: await createAdminRole(app, [
        cm(app, UIDS.story).read,
        cm(app, UIDS.story).update,
        plugin('sourcing.read'),
        plugin('rules.override'),
      ]),
    });

    const page = await pageFor(overrider.user.email);
    await page.goto(editView(story.documentId));
    const panel = checklist(page);
    await panel.getByText("A leaked document's hash is on file").first().waitFor();
    await panel.getByText(/is a leaked document: record its SHA-256/).waitFor();

    const reason =
      'The cable is published by its recipient; our copy is theirs, hash requested from the desk.';
    await panel.getByLabel('Reason to override LEAK-HASH').fill(reason);
    await panel.getByRole('button', { name: 'Override LEAK-HASH for one publish' }).click();
    await panel.getByRole('heading', { name: 'Overridden for the next publish' }).waitFor();
    await panel.getByText(reason).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'house-rule-override.png') });

    const entries = await app.strapi.db.query(UIDS.changeLog).findMany({
      where: { storyDocumentId: story.documentId, kind: 'rule_override' },
    });
    expect(entries).toEqual([expect.objectContaining({ rule: 'LEAK-HASH', reason })]);
  });
});
