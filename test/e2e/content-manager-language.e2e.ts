import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';

import { authorPresetPermissions, createAdminRole, createAdminUser } from '../helpers/auth';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { UIDS } from '../helpers/uids';
import { hasChromium, launchBrowser, logIn } from './browser';

/**
 * The Content Manager speaking the newsroom's language, in a real browser against the playground's
 * built admin: a reporter's new story gets its slug from the title as it is typed, the anonymous
 * quote's attestation is a checkbox with its sentence, and the fields carry their labels and
 * descriptions, in English and, once the reporter prefers French, in French.
 */
const PASSWORD = 'Test-password-1';
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const ADMIN_BUILD = path.join(__dirname, '..', '..', 'playground', 'dist', 'build', 'index.html');
const ready = hasChromium() && fs.existsSync(ADMIN_BUILD);
if (!ready) {
  console.log(
    'content-manager-language e2e: skipped: needs /usr/bin/chromium and the playground admin build (npm run build --workspace playground)'
  );
}

/** Waits for a condition the page reaches by itself (the slug follows the title after a pause). */
const until = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const ATTESTATION = {
  en: 'The source gives information, not opinion or an attack',
  fr: 'La source apporte une information, pas une opinion ni une attaque',
};

(ready ? describe : describe.skip)('the Content Manager in the newsroom’s language', () => {
  let app: TestApp;
  let browser: Browser;
  let reporter: { token: string; user: { id: number; email: string } };
  let page: Page;

  const newStory = async () => {
    await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}/create`);
    await page.getByLabel(/^(Title|Titre)/).waitFor();
  };
  const addQuote = async (fieldLabel: RegExp) => {
    await page
      .locator('div')
      .filter({ has: page.locator('label', { hasText: fieldLabel }) })
      .filter({ has: page.getByRole('button', { name: /No entry yet|pas encore d'entrée/ }) })
      .last()
      .getByRole('button', { name: /No entry yet|pas encore d'entrée/ })
      .click();
  };

  beforeAll(async () => {
    app = await bootStrapi();
    reporter = await createAdminUser(app, {
      role: await createAdminRole(app, [
        ...(await authorPresetPermissions(app)),
        { action: 'plugin::intelligence-stories.sourcing.read' },
      ]),
    });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await logIn(page, app.baseUrl, reporter.user.email, PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('fills the slug from the title as the reporter types it', async () => {
    await newStory();
    const slug = page.getByLabel(/^Slug/);
    // Not Strapi's `story` default from an empty title.
    expect(await slug.inputValue()).toBe('');
    await page.getByLabel(/^Title/).pressSequentially('Spies see rising risk to ports', {
      delay: 20,
    });
    await until(async () => (await slug.inputValue()) === 'spies-see-rising-risk-to-ports');
    // Typed by hand, the slug stops following the title.
    await slug.fill('ports-risk');
    await page.getByLabel(/^Title/).pressSequentially(' rises');
    await page.waitForTimeout(800);
    expect(await slug.inputValue()).toBe('ports-risk');
    await page.getByRole('button', { name: 'Save' }).click();
    await until(async () => {
      const [saved] = await app.strapi.documents(UIDS.story).findMany({});
      return saved?.slug === 'ports-risk';
    });
  });

  it('labels and describes the fields, and the attestation is a checkbox with its sentence', async () => {
    await newStory();
    await page.getByText('The headline readers see.').waitFor();
    await page.getByLabel(/^Dek/).waitFor();
    await page.getByLabel(/^Dateline/).waitFor();
    expect(await page.getByPlaceholder('WASHINGTON, March 4').count()).toBe(1);
    await addQuote(/^Anonymous quotes/);
    await page.getByLabel(/^Reason for anonymity/).waitFor();
    const attestation = page.getByRole('checkbox', { name: ATTESTATION.en });
    await attestation.waitFor();
    expect(await page.getByRole('switch').count()).toBe(0);
    await attestation.check();
    expect(await attestation.isChecked()).toBe(true);
  });

  it('lists stories by title, kind and last edit', async () => {
    await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}`);
    for (const column of ['Title', 'Kind', 'Last edited']) {
      // The Content Manager's table marks its header cells as grid cells.
      await page.locator('thead').getByText(column, { exact: true }).waitFor();
    }
  });

  it('speaks French once the reporter prefers French', async () => {
    await app
      .request()
      .put('/admin/users/me')
      .set('Authorization', `Bearer ${reporter.token}`)
      .send({ preferedLanguage: 'fr' })
      .expect(200);
    // The admin applies the user's language when it loads them.
    await page.goto(`${app.baseUrl}/admin`);
    await page.waitForFunction(() => localStorage.getItem('strapi-admin-language') === 'fr');
    await newStory();
    await page.getByLabel(/^Titre/).waitFor();
    await page.getByLabel(/^Identifiant d’URL/).waitFor();
    await page.getByLabel(/^Chapô/).waitFor();
    await page.getByText('Le titre que lisent les lecteurs.').waitFor();
    expect(await page.getByPlaceholder('PARIS, 4 mars').count()).toBe(1);
    await addQuote(/^Citations anonymes/);
    await page.getByLabel(/^Raison de l’anonymat/).waitFor();
    await page.getByRole('checkbox', { name: ATTESTATION.fr }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'content-manager-story-fr.png') });

    await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${UIDS.story}`);
    for (const column of ['Titre', 'Genre', 'Dernière modification']) {
      // The Content Manager's table marks its header cells as grid cells.
      await page.locator('thead').getByText(column, { exact: true }).waitFor();
    }
  });
});
