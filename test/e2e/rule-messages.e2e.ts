import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';

import { contentManagerPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { createSourcedStory, GOOD_QUOTE } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { hasChromium, launchBrowser, logIn } from './browser';

/**
 * The checklist's findings as an editor acts on them, in a real browser: each names its field by
 * label and takes the editor there (opening a collapsed quote), R6 opens the quote's approval, and
 * an editor whose admin speaks French reads the rules, and the refused publish, in French.
 */
const PASSWORD = 'Test-password-1';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const ADMIN_BUILD = path.join(__dirname, '..', '..', 'playground', 'dist', 'build', 'index.html');
const ready = hasChromium() && fs.existsSync(ADMIN_BUILD);

(ready ? describe : describe.skip)('rule messages in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let storyId: string;
  let english: { user: { id: number; email: string } };
  let french: { user: { id: number; email: string } };

  const editView = (documentId: string) =>
    `${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}/${documentId}`;
  const open = async (email: string) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, app.baseUrl, email, PASSWORD);
    await page.goto(editView(storyId));
    return page;
  };
  // Strings, run in the page: the tests' own TypeScript has no DOM.
  const focusedName = (page: Page) =>
    page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null');

  beforeAll(async () => {
    app = await bootStrapi();
    const onStories = contentManagerPermissions(app, UIDS.story);
    // A standards editor who also edits: the checklist, the fields, the publish and the approvals.
    const role = await createAdminRole(app, [
      onStories.read,
      onStories.update,
      onStories.publish,
      { action: 'plugin::intelligence-stories.sourcing.read' },
      { action: 'plugin::intelligence-stories.quotes.approve' },
    ]);
    english = await createAdminUser(app, { role });
    french = await createAdminUser(app, { role });
    await app.strapi.db
      .query('admin::user')
      .update({ where: { id: french.user.id }, data: { preferedLanguage: 'fr' } });

    const story = await createSourcedStory(app, {
      title: 'Two quotes, one vague',
      knownBy: english.user.id,
    });
    storyId = story.documentId;
    const saved = await app.strapi.documents(UIDS.story).findOne({
      documentId: storyId,
      populate: { anonymousQuotes: { populate: ['confidentialSource'] } },
    });
    const [first] = saved!.anonymousQuotes!;
    await app.strapi.documents(UIDS.story).update({
      documentId: storyId,
      data: {
        anonymousQuotes: [
          { ...GOOD_QUOTE, confidentialSource: first.confidentialSource!.documentId },
          {
            ...GOOD_QUOTE,
            quote: 'The sanctions list was drafted weeks ago.',
            attribution: 'a source',
            confidentialSource: first.confidentialSource!.documentId,
          },
        ],
      } as never,
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('names the field by its label and opens the collapsed quote to reach it', async () => {
    const page = await open(english.user.email);
    const finding = page.getByText('Quote 2: “a source” does not tell readers who is speaking', {
      exact: false,
    });
    await finding.waitFor();
    // The quotes' entries are collapsed: their inputs are not on the page yet.
    expect(await page.locator('[name="anonymousQuotes.1.attribution"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Go to Quote 2 › Attribution' }).click();
    await page.waitForFunction(
      'document.activeElement?.getAttribute("name") === "anonymousQuotes.1.attribution"'
    );
    expect(await focusedName(page)).toBe('anonymousQuotes.1.attribution');
    // The entry's opening animation moves the input after the focus: settle, then show it.
    await page.waitForTimeout(500);
    await page.evaluate('document.activeElement?.scrollIntoView({ block: "center" })');
    await page.screenshot({ path: path.join(SHOTS, 'go-to-field.png') });

    // R6's remedy is the approval, for someone who may give it.
    await page.getByRole('button', { name: 'Open the approval' }).first().click();
    await page.waitForFunction('document.activeElement?.id === "intelligence-stories-approval-0"');
    await page.close();
  });

  it('speaks French to an editor whose admin is in French, the refused publish included', async () => {
    const page = await open(french.user.email);
    await page.getByText('Contrôle du sourçage').first().waitFor();
    await page
      .getByText(
        'Citation anonyme 2 : « a source » ne dit pas aux lecteurs qui parle ; décrivez la position de la source',
        { exact: false }
      )
      .waitFor();
    await page.getByRole('button', { name: 'Aller à Citation anonyme 2 › Attribution' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'checklist-fr.png') });

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page
      .getByText(/« Two quotes, one vague » ne peut pas être publié/)
      .first()
      .waitFor();
    expect(
      await app.strapi.documents(UIDS.story).findOne({ documentId: storyId, status: 'published' })
    ).toBeNull();
    await page.close();
  });
});
