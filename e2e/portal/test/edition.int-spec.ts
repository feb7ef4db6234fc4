import type { Page } from 'playwright-core';
import { eventually } from '@kipp/testing';
import { call, type SignedIn } from '../../support/portal-client';
import { signInByApi } from '../support/api';
import { PortalBrowser } from '../support/browser';
import { signInThroughPortal, type Person } from '../support/people';
import { Platform } from '../support/platform';

const DAY = 86_400_000;

/** A `datetime-local` value in WIB (UTC+7), as the edition builder takes it by default. */
const wibInput = (at: number): string => new Date(at + 7 * 3_600_000).toISOString().slice(0, 16);

/** A small real PDF (the services check files by their content). */
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');

/** The text of the polite status message that contains `text` (a notice after an action). */
const notice = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first();

/**
 * One edition of the competition, walked through the portal by the people who run it: the
 * secretariat sets it up and moves it on, an institution's local admin opens a unit account,
 * the unit drafts, the local admin returns and then forwards, an evaluator scores, the public
 * objects, the results come out, and the winner lives on in the public database. Steps the
 * portal has no page for are arranged through the services' APIs, and say so.
 */
describe('an edition through the portal', () => {
  let platform: Platform;
  let browser: PortalBrowser;

  const year = new Date().getUTCFullYear() + 1;
  const editionName = `KIPP ${year}`;
  const title = 'Posyandu Digital Kota Bandung';
  const secretariat: Person = { userId: '', password: '' };
  const localAdmin: Person = { userId: 'ortala.bandung', password: '' };
  const operator: Person = { userId: 'upp.dinkes.bandung', password: '' };
  let adminApi: SignedIn;
  let editionId: string;

  beforeAll(async () => {
    platform = await Platform.start({ name: 'edition' });
    browser = await PortalBrowser.launch(platform.url, 'edition');
    secretariat.password = platform.secretariat.password;
    Object.assign(secretariat, { userId: platform.secretariat.userId });
  });

  afterAll(async () => {
    await (browser as PortalBrowser | undefined)?.close();
    await (platform as Platform | undefined)?.stop();
  });

  /** Opens a page as `person`, signed in on their own computer since their last visit. */
  const as = <T>(person: Person, scenario: string, body: (page: Page) => Promise<T>) =>
    browser.scenario(
      scenario,
      async (page, context) => {
        const result = await body(page);
        person.state = await context.storageState();
        return result;
      },
      person.state ? { storageState: person.state } : {},
    );

  it('should let the secretariat sign in for the first time with a new password and an authenticator', async () => {
    await as(secretariat, 'secretariat first sign-in', async (page) => {
      await signInThroughPortal(page, secretariat, { newPassword: 'Sekretariat-Baru#2031' });
      await page.getByRole('heading', { level: 1, name: 'Beranda saya' }).waitFor();
      await page.getByRole('link', { name: 'Buka area Admin Nasional' }).waitFor();
    });
    expect(secretariat.authenticator).toBeDefined();
    adminApi = await signInByApi(platform.service('registration'), secretariat);
  });

  it('should let the secretariat set up an edition in the builder, publish it and see it open for proposals', async () => {
    const now = Date.now();
    await as(secretariat, 'edition builder', async (page) => {
      await page.goto('/admin/editions');
      await page.getByRole('heading', { level: 1, name: 'Edisi kompetisi' }).waitFor();
      await page.getByRole('textbox', { name: 'Nama edisi', exact: true }).fill(editionName);
      await page.getByRole('spinbutton', { name: 'Tahun', exact: true }).fill(String(year));
      await page
        .getByRole('textbox', { name: 'Tema (Bahasa Indonesia)', exact: true })
        .fill('Inovasi pelayanan publik yang inklusif');
      await page
        .getByRole('textbox', { name: 'Tema (English)', exact: true })
        .fill('Inclusive public service innovation');
      await page.getByRole('button', { name: 'Buat draf' }).click();

      await page
        .getByRole('heading', { level: 1, name: `Penyusun edisi: ${editionName}` })
        .waitFor();
      editionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      // One evaluator per proposal, and a calendar whose submission phase is open now.
      await page.getByRole('spinbutton', { name: 'Evaluator per proposal', exact: true }).fill('1');
      const set = (label: string, at: number) =>
        page.getByLabel(label, { exact: true }).fill(wibInput(at));
      await set('Mulai Pendaftaran', now - 14 * DAY);
      await set('Selesai Pendaftaran', now - DAY);
      await set('Mulai Pengajuan proposal', now - DAY);
      await set('Selesai Pengajuan proposal', now + 30 * DAY);
      await page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await notice(page, 'Perubahan tersimpan.').waitFor();

      await page.getByRole('button', { name: 'Terbitkan edisi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Terbitkan edisi ini sekarang?' });
      await dialog.getByRole('button', { name: 'Terbitkan edisi' }).click();
      await notice(page, 'Edisi telah diterbitkan.').waitFor();

      // The calendar moves the published edition into its submission phase by itself.
      await eventually(
        async () => {
          await page.reload();
          await page.getByText('Pengajuan proposal', { exact: true }).first().waitFor();
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
    });
    const edition = await call<{
      currentPhase: string;
      configuration: { evaluatorsPerProposal: number };
    }>(platform.service('registration'), 'GET', `/editions/${editionId}`, {
      headers: adminApi.headers,
    });
    expect(edition).toMatchObject({
      currentPhase: 'submission',
      configuration: { evaluatorsPerProposal: 1 },
    });
  });

  it('should let a new local admin sign in, open a unit and give its operator an account', async () => {
    // The secretariat's page for accounts is not in the portal: provisioned through the API.
    const created = await call<{ initialPassword: string }>(
      platform.service('registration'),
      'POST',
      '/accounts',
      {
        headers: adminApi.headers,
        body: {
          role: 'local_admin',
          userId: localAdmin.userId,
          name: 'Rina Kusuma',
          email: 'rina.kusuma@bandung.go.id',
          locale: 'id',
          institutionId: 'inst_3273',
        },
      },
    );
    localAdmin.password = created.initialPassword;

    await as(localAdmin, 'local admin opens an operator account', async (page) => {
      await signInThroughPortal(page, localAdmin, { newPassword: 'Ortala-Bandung#2031' });
      expect(localAdmin.authenticator).toBeUndefined();
      await page.goto('/local-admin/accounts');
      await page.getByRole('heading', { level: 1, name: 'Akun unit' }).waitFor();
      await page.getByRole('textbox', { name: 'Nama unit', exact: true }).fill('Dinas Kesehatan');
      await page.getByRole('button', { name: 'Tambah unit' }).click();
      await notice(page, 'Unit Dinas Kesehatan ditambahkan.').waitFor();

      await page
        .getByRole('combobox', { name: 'Unit layanan' })
        .selectOption({ label: 'Dinas Kesehatan' });
      await page.getByRole('textbox', { name: 'ID pengguna', exact: true }).fill(operator.userId);
      await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Siti Rahmawati');
      await page
        .getByRole('textbox', { name: 'Surel', exact: true })
        .fill('siti.rahmawati@bandung.go.id');
      await page.getByRole('button', { name: 'Buat akun' }).click();
      const shown = await notice(page, `Akun ${operator.userId} dibuat.`).innerText();
      // Shown once, on the last line, for the local admin to hand over safely.
      operator.password = shown.trim().split('\n').pop()!.trim();
      expect(operator.password.length).toBeGreaterThanOrEqual(12);
      await page.getByRole('cell', { name: operator.userId, exact: true }).waitFor();
    });
  });

  it('should let the unit operator draft with autosave that survives a reload, upload evidence with progress and submit', async () => {
    await as(operator, 'operator drafts and submits', async (page) => {
      await signInThroughPortal(page, operator, { newPassword: 'Dinkes-Bandung#2031' });
      await page.goto('/operator');
      await page.getByRole('heading', { level: 1, name: 'Proposal saya' }).waitFor();
      await page.getByRole('combobox', { name: 'Edisi' }).selectOption({ label: editionName });
      await page.getByRole('combobox', { name: 'Kelompok' }).selectOption({ label: 'Umum' });
      await page
        .getByRole('combobox', { name: 'Kategori' })
        .selectOption({ label: 'Pelayanan publik' });
      await page.getByRole('textbox', { name: 'Judul inovasi', exact: true }).fill(title);
      await page.getByRole('button', { name: 'Buat draf' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByLabel('Tanggal mulai inovasi').fill('2024-01-15');
      const sections: [string, string][] = [
        ['Ringkasan', 'Layanan posyandu terintegrasi untuk ibu dan anak di seluruh kelurahan.'],
        [
          'Ide inovatif',
          'Pencatatan tumbuh kembang anak secara daring dengan pengingat imunisasi.',
        ],
        ['Signifikansi', 'Cakupan imunisasi dasar lengkap naik dari 82 menjadi 95 persen.'],
        ['Kontribusi terhadap TPB', 'Mendukung target 3.8 cakupan kesehatan semesta.'],
        ['Adaptabilitas', 'Dapat dipakai posyandu mana pun dengan telepon pintar kader.'],
        ['Keberlanjutan', 'Dianggarkan tetap dalam APBD dan diatur peraturan wali kota.'],
        ['Kolaborasi pemangku kepentingan', 'Puskesmas, kader, PKK dan perguruan tinggi.'],
      ];
      for (const [section, text] of sections) {
        await page.getByRole('textbox', { name: section, exact: true }).fill(text);
      }
      await page.getByRole('checkbox', { name: '3.8', exact: true }).check();
      // Autosave: nothing to press; the status says when it was saved.
      await notice(page, /^Tersimpan pukul/).waitFor();
      await page.reload();
      await expect(
        page.getByRole('textbox', { name: 'Ringkasan', exact: true }).inputValue(),
      ).resolves.toBe(sections[0]![1]);
      await page.getByText('10 / 200 kata').waitFor();

      for (const [evidence, file] of [
        ['Standar pelayanan', 'standar-pelayanan.pdf'],
        ['SK inovator', 'sk-inovator.pdf'],
      ] as const) {
        await page.getByLabel(`Berkas untuk ${evidence}`).setInputFiles({
          name: file,
          mimeType: 'application/pdf',
          buffer: pdf(`${evidence} Posyandu Digital`),
        });
        const slot = page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name: evidence }) });
        await slot.getByRole('button', { name: 'Unggah' }).click();
        await notice(page, `${file} terunggah.`).waitFor();
        await slot.getByRole('button', { name: `Unduh ${file}` }).waitFor();
      }

      await page.getByRole('checkbox', { name: 'Saya setuju dengan pernyataan di atas' }).check();
      await page.getByRole('button', { name: 'Tanda tangani pakta integritas' }).click();
      await notice(page, 'Pakta integritas sudah ditandatangani.').waitFor();
      await page.getByRole('button', { name: 'Kirim ke admin lokal' }).click();
      await notice(page, 'Proposal terkirim ke admin lokal.').waitFor();
      await page.getByText('Di admin lokal').first().waitFor();
    });
  });

  it('should let the local admin return the proposal to the unit with a comment', async () => {
    await as(localAdmin, 'local admin returns', async (page) => {
      await page.goto('/local-admin/queue');
      await page.getByRole('heading', { level: 1, name: 'Antrean pemeriksaan' }).waitFor();
      await page.getByRole('link', { name: `Periksa ${title}` }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page
        .getByRole('textbox', { name: 'Komentar untuk unit' })
        .fill('Mohon tambahkan data jumlah kader yang dilatih.');
      await page.getByRole('button', { name: 'Kembalikan ke unit' }).click();
      await notice(page, 'Proposal dikembalikan ke unit dengan komentar Anda.').waitFor();
    });
  });

  it("should show the unit the local admin's comment, and take the corrected proposal again", async () => {
    await as(operator, 'operator corrects and resubmits', async (page) => {
      await page.goto('/operator');
      await page.getByRole('link', { name: title }).click();
      const comment = page.getByRole('alert').filter({ hasText: 'Komentar admin lokal' });
      await comment.getByText('Mohon tambahkan data jumlah kader yang dilatih.').waitFor();
      await page
        .getByRole('textbox', { name: 'Kolaborasi pemangku kepentingan', exact: true })
        .fill('Puskesmas, 240 kader terlatih, PKK dan perguruan tinggi.');
      await page.getByRole('button', { name: 'Kirim ke admin lokal' }).click();
      await notice(page, 'Proposal terkirim ke admin lokal.').waitFor();
    });
  });

  it('should let the local admin forward the corrected proposal to the ministry', async () => {
    await as(localAdmin, 'local admin forwards', async (page) => {
      await page.goto('/local-admin/queue');
      await page.getByRole('link', { name: `Periksa ${title}` }).click();
      await page.getByText('Puskesmas, 240 kader terlatih, PKK dan perguruan tinggi.').waitFor();
      await page.getByRole('button', { name: 'Teruskan ke kementerian' }).click();
      await page
        .getByRole('dialog', { name: 'Teruskan proposal ini?' })
        .getByRole('button', { name: 'Ya, teruskan' })
        .click();
      await notice(page, 'Proposal diteruskan ke kementerian.').waitFor();
    });
    const forwarded = await call<{ items: { title: string }[] }>(
      platform.service('submissions'),
      'GET',
      `/proposals?editionId=${editionId}&status=forwarded`,
      { headers: adminApi.headers },
    );
    expect(forwarded.items.map((p) => p.title)).toEqual([title]);
  });
});
