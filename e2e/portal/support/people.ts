import type { Page } from 'playwright-core';
import { Authenticator } from '../../support/authenticator';
import type { StorageState } from './browser';

/** Someone who uses the portal: what they sign in with, and their browser's saved session. */
export interface Person {
  readonly userId: string;
  password: string;
  authenticator?: Authenticator;
  /** The browser storage of their last visit (the portal keeps the refresh token there). */
  state?: StorageState;
}

/** The headings of the sign-in steps (Bahasa Indonesia, the portal's default language). */
const STEP = {
  credentials: 'Masuk',
  passwordChange: 'Ganti kata sandi',
  enrolment: 'Daftarkan aplikasi autentikator',
  totp: 'Verifikasi dua langkah',
} as const;

/**
 * Signs `person` in through the sign-in page as they would: user id and password, the forced
 * password change at the first sign-in (to `newPassword`), enrolling an authenticator where
 * the role needs one (reading its secret off the page), the code. Resolves once the portal
 * has left the sign-in page.
 */
export async function signInThroughPortal(
  page: Page,
  person: Person,
  { newPassword, next }: { newPassword?: string; next?: string } = {},
): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByRole('heading', { level: 1, name: STEP.credentials, exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'ID pengguna', exact: true }).fill(person.userId);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();

  let step: Step = 'credentials';
  for (let guard = 0; guard < 4; guard += 1) {
    step = await nextStep(page, step);
    switch (step) {
      case 'done':
        return;
      case 'credentials':
        throw new Error(`${person.userId}: the portal went back to the first sign-in step`);
      case 'passwordChange': {
        if (!newPassword) throw new Error(`${person.userId}: the portal asks for a new password`);
        await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(newPassword);
        await page
          .getByRole('textbox', { name: 'Ulangi kata sandi baru', exact: true })
          .fill(newPassword);
        await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
        person.password = newPassword;
        break;
      }
      case 'enrolment': {
        const uri = await page.getByText(/^otpauth:\/\/totp\//).textContent();
        person.authenticator = Authenticator.fromOtpauthUri(uri ?? '');
        await page
          .getByRole('textbox', { name: 'Kode autentikator', exact: true })
          .fill(await person.authenticator.code());
        await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
        break;
      }
      case 'totp': {
        if (!person.authenticator) throw new Error(`${person.userId}: no authenticator enrolled`);
        await page
          .getByRole('textbox', { name: 'Kode autentikator', exact: true })
          .fill(await person.authenticator.code());
        await page.getByRole('button', { name: 'Verifikasi' }).click();
        break;
      }
    }
  }
  throw new Error(`the sign-in of ${person.userId} did not finish`);
}

type Step = keyof typeof STEP | 'done';

/** A guard against a sign-in that hangs; a step normally answers within a second. */
const STEP_TIMEOUT_MS = 60_000;

/**
 * Polls until the sign-in page shows a step other than `current`, or the portal has moved
 * on; an error alert ends it with the alert's text.
 */
async function nextStep(page: Page, current: Step): Promise<Step> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (new URL(page.url()).pathname !== '/sign-in') return 'done';
    for (const [step, name] of Object.entries(STEP) as [keyof typeof STEP, string][]) {
      if (step === current) continue;
      const heading = page.getByRole('heading', { level: 1, name, exact: true });
      if (await heading.isVisible()) return step;
    }
    const alert = page.getByRole('alert').first();
    if (await alert.isVisible()) throw new Error(`sign-in refused: ${await alert.innerText()}`);
    await page.waitForTimeout(100);
  }
  throw new Error(`the sign-in page stayed at "${current}"`);
}
