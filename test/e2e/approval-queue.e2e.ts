import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';

import { createAdminRole, createAdminUser } from '../helpers/auth';
import { contentManager } from '../helpers/content-manager';
import { createSourcedStory, GOOD_QUOTE, sourcingApi, updateQuote } from '../helpers/sourcing';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { hasChromium, launchBrowser, logIn } from './browser';

/**
 * The approval queue as a standards editor reads it before deciding: the quote in its paragraph,
 * a voided quote's change since its approval, the story's approval history, the four-eyes notice
 * with its buttons disabled on a story they saved last, and the count on the menu entry.
 */
const PASSWORD = 'Test-password-1';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const ADMIN_BUILD = path.join(__dirname, '..', '..', 'playground', 'dist', 'build', 'index.html');
const ready = hasChromium() && fs.existsSync(ADMIN_BUILD);
if (!ready) {
  console.log(
    'approval-queue e2e: skipped: needs /usr/bin/chromium and the playground admin build (npm run build --workspace playground)'
  );
}

const plugin = (action: string) => ({ action: `plugin::intelligence-stories.${action}` });
const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

(ready ? describe : describe.skip)('the approval queue in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let standards: Awaited<ReturnType<typeof createAdminUser>>;

  const queue = () => `${app.baseUrl}/admin/plugins/intelligence-stories/approvals`;
  const card = (title: string) => page.getByRole('article', { name: `${title}, quote 1` });
  const badge = () =>
    page.getByRole('link', { name: 'Intelligence stories' }).getByTestId('approval-count-badge');

  beforeAll(async () => {
    app = await bootStrapi();
    const chief = await createAdminUser(app);
    standards = await createAdminUser(app, {
      role: await createAdminRole(app, [
        ...['read', 'update'].map((verb) => ({
          action: `plugin::content-manager.explorer.${verb}`,
          subject: UIDS.story,
        })),
        plugin('quotes.approve'),
        plugin('sourcing.read'),
      ]),
    });
    await app.strapi.db.query('admin::user').update({
      where: { id: standards.user.id },
      data: { firstname: 'Sam', lastname: 'Standards' },
    });
    const body = [
      paragraph('The assessment was released on 16 March 2021.'),
      paragraph(`Asked about sanctions, the representative said: “${GOOD_QUOTE.quote}”`),
    ];
    const withBody = async (title: string) => {
      const story = await createSourcedStory(app, { title, knownBy: chief.user.id });
      await app.strapi
        .documents(UIDS.story)
        .update({ documentId: story.documentId, data: { body } });
      return story;
    };

    // Pending, quoted in the body.
    await withBody('Sanctions ahead');
    // Approved by the chief, then edited: voided.
    const voided = await withBody('Sanctions revised');
    await sourcingApi(app, chief.token).approve(voided.documentId, 0, {
      comment: 'Reason checked with the desk.',
    });
    await updateQuote(app, voided.documentId, { quote: 'There will be many more soon.' });
    // Saved last by the standards editor: four eyes keeps them off it.
    const own = await withBody('Sanctions edited by the standards desk');
    await contentManager(app, standards.token).update(UIDS.story, own.documentId, {
      dek: 'Tightened by the standards editor.',
    });

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, app.baseUrl, standards.user.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('counts on the menu entry the quotes awaiting this editor, four eyes subtracted', async () => {
    await page.goto(`${app.baseUrl}/admin`);
    await badge().waitFor();
    expect(await badge().textContent()).toBe('2');
  });

  it('shows a pending quote in its paragraph', async () => {
    await page.goto(queue());
    const pending = card('Sanctions ahead');
    await pending.getByText('In the story').waitFor();
    expect(await pending.locator('mark').textContent()).toBe(GOOD_QUOTE.quote);
    await pending.getByText('No other rule finds anything wrong with it.').waitFor();
    await pending
      .getByText('No standards editor has decided on this story’s quotes yet.')
      .waitFor();
  });

  it('shows a voided quote’s change since its approval, and the story’s history', async () => {
    const voided = card('Sanctions revised');
    await voided.getByText('Changed since approved').first().waitFor();
    // “There will be more soon.” became “There will be many more soon.”: one word added.
    expect(await voided.locator('ins').first().textContent()).toMatch(/^many\s*$/);
    expect(await voided.locator('del').count()).toBe(0);
    // The body still quotes the approved words.
    await voided.getByText(/The story’s Body does not contain this quote/).waitFor();
    await voided.getByText(/Quote 1, by Test Admin/).waitFor();
    await voided.getByText('Comment: Reason checked with the desk.').waitFor();
  });

  it('tells the editor before they try that they saved a story last, its buttons disabled', async () => {
    const own = card('Sanctions edited by the standards desk');
    await own.getByText('Four eyes').waitFor();
    await own.getByText(/You saved this story last/).waitFor();
    await own.getByText(/Sam Standards saved the story last/).waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await own.getByRole('button', { name: 'Reject' }).isDisabled()).toBe(true);
    expect(
      await card('Sanctions ahead').getByRole('button', { name: 'Approve' }).isDisabled()
    ).toBe(false);
    // Tall enough for the four-eyes card and the voided one (the admin scrolls inside its layout).
    await page.setViewportSize({ width: 1440, height: 1900 });
    await page.screenshot({ path: path.join(SHOTS, 'approval-queue-detail.png') });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('approves a quote, and the badge follows', async () => {
    await card('Sanctions ahead').getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Quote approved').first().waitFor();
    // The queue asks for the count again after each decision.
    for (let i = 0; i < 50 && (await badge().textContent()) !== '1'; i += 1) {
      await page.waitForTimeout(200);
    }
    expect(await badge().textContent()).toBe('1');
  });
});
