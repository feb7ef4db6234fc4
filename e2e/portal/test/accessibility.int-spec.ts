import type { Page } from 'playwright-core';
import { basicAccessibilityProblems, focusedElement } from '../support/accessibility';
import { PortalBrowser } from '../support/browser';
import { Authenticator } from '../../support/authenticator';
import type { Person } from '../support/people';
import { Platform } from '../support/platform';

/**
 * What every visitor meets first, checked in a real browser: the sign-in done with the
 * keyboard alone, and the basic accessibility of the public pages in both languages.
 */
describe('the portal for keyboard and screen reader users', () => {
  let platform: Platform;
  let browser: PortalBrowser;

  beforeAll(async () => {
    platform = await Platform.start({ name: 'a11y' });
    browser = await PortalBrowser.launch(platform.url, 'accessibility');
  });

  afterAll(async () => {
    await (browser as PortalBrowser | undefined)?.close();
    await (platform as Platform | undefined)?.stop();
  });

  /** Presses Tab until the focus is on the control named `name` (at most `limit` times). */
  const tabTo = async (page: Page, name: string, limit = 25): Promise<void> => {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await focusedElement(page))?.name === name) return;
    }
    throw new Error(`${limit} presses of Tab never reached "${name}"`);
  };

  it('should sign the secretariat in for the first time with the keyboard alone, password change and authenticator included', async () => {
    const secretariat: Person = {
      userId: platform.secretariat.userId,
      password: platform.secretariat.password,
    };
    await browser.scenario('keyboard-only first sign-in', async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();

      // The first Tab reaches the skip link, which jumps over the header to the form.
      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toEqual({ role: 'link', name: 'Lewati ke konten utama' });
      await page.keyboard.press('Enter');

      await tabTo(page, 'ID pengguna');
      await page.keyboard.type(secretariat.userId);
      await page.keyboard.press('Tab');
      await page.keyboard.type(secretariat.password);
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor();
      const newPassword = 'Sekretariat-Papan#2031';
      await tabTo(page, 'Kata sandi baru');
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Tab');
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Enter');

      await page
        .getByRole('heading', { level: 1, name: 'Daftarkan aplikasi autentikator' })
        .waitFor();
      const uri = await page.getByText(/^otpauth:\/\/totp\//).textContent();
      const authenticator = Authenticator.fromOtpauthUri(uri ?? '');
      await tabTo(page, 'Kode autentikator', 40);
      await page.keyboard.type(await authenticator.code());
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'Beranda saya' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    });
  });

  it('should keep the sign-in page and the public pages accessible in both languages', async () => {
    await browser.scenario('basic accessibility', async (page) => {
      for (const path of ['/', '/sign-in', '/forgot-password', '/halaman-yang-tidak-ada']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect({ path, problems: await basicAccessibilityProblems(page, 'id') }).toEqual({
          path,
          problems: [],
        });
      }
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await basicAccessibilityProblems(page, 'en')).toEqual([]);
    });
  });

  it('should mark empty fields at the fields and announce a refused sign-in as an alert', async () => {
    await browser.scenario('sign-in error', async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      // Empty fields are caught before anything is sent, each named at its field.
      await expect(
        page
          .getByRole('textbox', { name: 'ID pengguna', exact: true })
          .getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      await page.getByRole('textbox', { name: 'ID pengguna', exact: true }).fill('tidak.ada');
      await page
        .getByRole('textbox', { name: 'Kata sandi', exact: true })
        .fill('Salah-Sekali#2031');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByRole('alert').first().innerText()).resolves.toContain(
        'ID pengguna atau kata sandi salah',
      );
    });
  });
});
