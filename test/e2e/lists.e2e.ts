import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { authorPresetPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { ISSUE_CORRECTIONS, issueCorrection, tick } from '../helpers/corrections';
import { buildPdf } from '../helpers/pdf';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createStory } from '../helpers/stories';
import { UIDS } from '../helpers/uids';
import { hasChromium, launchBrowser, logIn } from './browser';

/**
 * The plugin's lists in a real browser: the corrections filtered by kind, story and dates with
 * the filters kept in the URL, the register searched by alias, an Author's desk linking only the
 * stories the Content Manager opens for them, and a document search whose matches are highlighted
 * and whose hits copy as citations.
 */
const PASSWORD = 'Test-password-1';
const ADMIN_BUILD = path.join(__dirname, '..', '..', 'playground', 'dist', 'build', 'index.html');
const ready = hasChromium() && fs.existsSync(ADMIN_BUILD);
if (!ready) {
  console.log(
    'lists e2e: skipped: needs /usr/bin/chromium and the playground admin build (npm run build --workspace playground)'
  );
}

/** Waits until `check` holds, as a person waits for the list to settle after a change. */
const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const hasCount = (locator: Locator, count: number) =>
  eventually(`${locator} counts ${count}`, async () => (await locator.count()) === count);

const REPORT_PAGES = [
  ['Key Judgments', 'We assess that Russian President Putin authorized influence operations.'],
  ['Iran carried out a multi-pronged covert influence campaign against the reelection.'],
];

(ready ? describe : describe.skip)('the lists in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let chief: Awaited<ReturnType<typeof createAdminUser>>;
  let author: Awaited<ReturnType<typeof createAdminUser>>;
  const ids: Record<string, string> = {};
  const pages = new Map<string, { context: BrowserContext; page: Page }>();

  // One signed-in tab per user for the run (Strapi limits logins per account).
  const pageFor = async (email: string) => {
    if (!pages.has(email)) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await logIn(page, app.baseUrl, email, PASSWORD);
      pages.set(email, { context, page });
    }
    return pages.get(email)!;
  };
  const pluginUrl = (route: string) => `${app.baseUrl}/admin/plugins/intelligence-stories/${route}`;
  const rows = (page: Page) => page.locator('tbody tr');

  beforeAll(async () => {
    app = await bootStrapi();
    chief = await createAdminUser(app);
    author = await createAdminUser(app, {
      role: await createAdminRole(app, [
        ...(await authorPresetPermissions(app)),
        { action: 'plugin::intelligence-stories.sourcing.read' },
      ]),
    });

    ids.election = (await createStory(app, { title: 'Election interference assessed' })).documentId;
    ids.budget = (await createStory(app, { title: 'Budget hearings' })).documentId;
    const own = await contentManager(app, author.token).create(UIDS.story, {
      title: 'My own draft on the assessment',
      slug: 'my-own-draft-on-the-assessment',
      kind: 'news',
    });
    expect(own.status).toBe(201);
    ids.own = own.body.data.documentId;

    const desk = await createAdminUser(app, {
      role: await createAdminRole(app, [{ action: ISSUE_CORRECTIONS }]),
    });
    await issueCorrection(app, desk.token, ids.election, {
      kind: 'correction',
      text: 'An earlier version of this story misspelled the agency name.',
    });
    await tick();
    await issueCorrection(app, desk.token, ids.election, {
      kind: 'update',
      text: 'This story was updated with the agency response to the report.',
    });
    await tick();
    await issueCorrection(app, desk.token, ids.budget, {
      kind: 'clarification',
      text: 'The hearing was held in the Senate, not the House.',
    });

    for (const alias of ['ODNI-REP-1', 'TREASURY-1']) {
      await app.strapi.documents(UIDS.confidentialSource).create({
        data: { alias, identity: `IDENTITY-E2E official behind ${alias}` },
      });
    }

    // A source document whose PDF the server has read, page by page.
    const upload = await app
      .request()
      .post('/upload')
      .set('Authorization', `Bearer ${chief.token}`)
      .attach('files', await buildPdf(REPORT_PAGES), {
        filename: 'ica-2020-00078d.pdf',
        contentType: 'application/pdf',
      });
    expect(upload.status).toBe(201);
    const cm = contentManager(app, chief.token);
    const document = await cm.create(UIDS.sourceDocument, {
      title: 'Foreign Threats to the 2020 US Federal Elections',
      issuer: 'ODNI',
      documentNumber: 'ICA 2020-00078D',
      pageCount: 2,
      classification: 'declassified',
    });
    expect(document.status).toBe(201);
    ids.document = document.body.data.documentId;
    expect(
      (await cm.update(UIDS.sourceDocument, ids.document, { file: upload.body[0].id })).status
    ).toBe(200);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await app
        .request()
        .get(`/intelligence-stories/source-documents/${ids.document}/text`)
        .set('Authorization', `Bearer ${chief.token}`);
      if (status.body.data.status === 'done') {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`the PDF was not read: ${JSON.stringify(status.body)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('filters the corrections by kind and story, keeps the filters in the URL, and says what to do when none match', async () => {
    const { page } = await pageFor(chief.user.email);
    await page.goto(pluginUrl('corrections'));
    await hasCount(rows(page), 3);

    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Correction' }).click();
    await page.waitForURL(/kind=correction/);
    await hasCount(rows(page), 1);

    await page
      .getByRole('searchbox', { name: 'Search story titles and correction texts' })
      .fill('budget');
    await page.waitForURL(/q=budget/);
    await page
      .getByText(
        'No correction matches these filters. Change the search, the kind or the dates, or clear them.'
      )
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await hasCount(rows(page), 3);

    // By story: its title, here with the kind the URL of a colleague's link carries.
    await page.goto(pluginUrl('corrections?q=Election&kind=update'));
    await hasCount(rows(page), 1);
    await eventually('text', async () =>
      ((await rows(page).first().textContent()) ?? '').includes('Election interference assessed')
    );
    await eventually('text', async () =>
      ((await rows(page).first().textContent()) ?? '').includes('agency response')
    );
    await page.reload();
    await hasCount(rows(page), 1);
    await eventually('text', async () =>
      ((await page.getByRole('combobox', { name: 'Kind' }).textContent()) ?? '').includes('Update')
    );
    expect(
      await page
        .getByRole('searchbox', { name: 'Search story titles and correction texts' })
        .inputValue()
    ).toBe('Election');

    // Dates: a range with no correction in it.
    await page.goto(pluginUrl('corrections?from=2021-03-01&to=2021-03-31'));
    await page.getByRole('button', { name: 'Clear filters' }).first().waitFor();
    await hasCount(rows(page), 0);
  });

  it('searches the register by alias, never by identity', async () => {
    const { page } = await pageFor(chief.user.email);
    await page.goto(pluginUrl('register'));
    await page.getByRole('link', { name: 'TREASURY-1' }).first().waitFor();
    await page.getByRole('searchbox', { name: 'Search aliases' }).fill('odni');
    await page.waitForURL(/q=odni/);
    await page.getByRole('link', { name: 'ODNI-REP-1' }).first().waitFor();
    await hasCount(page.getByRole('link', { name: 'TREASURY-1' }), 0);

    await page.goto(pluginUrl('register?q=IDENTITY-E2E'));
    await page
      .getByText(/No alias contains “IDENTITY-E2E”/)
      .first()
      .waitFor();
    await hasCount(page.getByText('ODNI-REP-1'), 0);
  });

  it("links an Author's desk only to the stories the Content Manager opens for them", async () => {
    const { page } = await pageFor(author.user.email);
    await page.goto(pluginUrl(''));
    const own = page.getByRole('link', { name: 'My own draft on the assessment' });
    await own.first().waitFor();
    await page.getByText('Election interference assessed').first().waitFor();
    await hasCount(page.getByRole('link', { name: 'Election interference assessed' }), 0);
    await hasCount(page.getByRole('link', { name: 'Budget hearings' }), 0);

    // The one link opens.
    await own.click();
    await page.waitForURL(new RegExp(`/content-manager/collection-types/${UIDS.story}/${ids.own}`));
    expect(await page.getByRole('textbox', { name: /title/i }).first().inputValue()).toBe(
      'My own draft on the assessment'
    );

    // The corrections page names the others' stories without a link too.
    await page.goto(pluginUrl('corrections'));
    await hasCount(rows(page), 3);
    await hasCount(page.locator('tbody a'), 0);
  });

  it('highlights the matches of a document search and copies a hit as a citation', async () => {
    const { context, page } = await pageFor(chief.user.email);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.baseUrl,
    });
    await page.goto(pluginUrl(`library/${ids.document}`));
    await page.getByLabel('Words to find').fill('influence');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hits = page
      .locator('ol li')
      .filter({ has: page.getByRole('button', { name: /Copy citation/ }) });
    await hasCount(hits, 2);
    const marks = hits.locator('mark');
    expect(await marks.first().textContent()).toMatch(/influence/i);
    expect(await hits.first().textContent()).not.toContain('«');

    await page.getByRole('button', { name: 'Copy citation from page 1' }).click();
    await page
      .getByText(/Citation copied: the passage from page 1/)
      .first()
      .waitFor();
    // A string, as the test's TypeScript has no DOM types.
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toMatch(/^“.*influence operations.*”\n/);
    expect(copied).toContain(
      '— ODNI, Foreign Threats to the 2020 US Federal Elections (ICA 2020-00078D), p. 1'
    );
    expect(copied).not.toMatch(/[«»]/);
  });
});
