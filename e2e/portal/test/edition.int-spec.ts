import type { Locator, Page } from 'playwright-core';
import { eventually } from '@kipp/testing';
import { basicAccessibilityProblems } from '../support/accessibility';
import { PortalBrowser, type ScenarioOptions } from '../support/browser';
import { signInThroughPortal, type Person } from '../support/people';
import { Platform } from '../support/platform';
import { SMALL_SCREEN, smallScreenProblems } from '../support/small-screen';

const DAY = 86_400_000;

/** A `datetime-local` value in WIB (UTC+7), as the edition builder takes it by default. */
const wibInput = (at: number): string => new Date(at + 7 * 3_600_000).toISOString().slice(0, 16);

/** A small real PDF (the services check files by their content). */
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');

/** The text of the polite status message that contains `text` (a notice after an action). */
const notice = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).first();

/**
 * Opens `path` again until `target` shows on it: what another service learns from an event
 * arrives a moment later.
 */
const openUntilShown = (page: Page, path: string, target: Locator): Promise<void> =>
  eventually(
    async () => {
      await page.goto(path);
      await target.waitFor({ timeout: 2_000 });
    },
    { timeoutMs: 60_000, intervalMs: 1_000 },
  );

/** An evaluator account the secretariat creates, and the first password its owner picks. */
interface DeskEvaluator {
  readonly person: Person;
  readonly name: string;
  readonly email: string;
  readonly affiliation: string;
  readonly homeProvinceCode: string;
  readonly newPassword: string;
}

/**
 * One edition of the competition, walked through the portal by the people who run it: the
 * secretariat sets it up and moves it on, an institution's local admin opens a unit account,
 * the unit drafts, the local admin returns and then forwards, an evaluator declares a
 * conflict of interest and another scores, the public objects, the results come out and are
 * exported, the local admins acknowledge an announcement, and the winner lives on in the
 * public database; every page also fits a phone's screen.
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
  // One evaluator per proposal: the assignment picks one of the two, who declares a
  // conflict of interest; the other one is assigned in their place and scores.
  const deskEvaluators: readonly DeskEvaluator[] = [
    {
      person: { userId: 'dosen.satu', password: '' },
      name: 'Dr. Ahmad Fauzi',
      email: 'ahmad.fauzi@ugm.ac.id',
      affiliation: 'Universitas Gadjah Mada',
      homeProvinceCode: '34',
      newPassword: 'Dosen-Satu#Penilai2031',
    },
    {
      person: { userId: 'dosen.dua', password: '' },
      name: 'Dr. Maria Ulfa',
      email: 'maria.ulfa@unhas.ac.id',
      affiliation: 'Universitas Hasanuddin',
      homeProvinceCode: '73',
      newPassword: 'Dosen-Dua#Penilai2031',
    },
  ];
  let deskScorer: DeskEvaluator;
  const panelist: Person = { userId: 'panel.satu', password: '' };
  const adopter: Person = { userId: 'ortala.surabaya', password: '' };
  const replicationTitle = 'Posyandu Digital Kota Surabaya';
  let editionId: string;
  let verificationCode: string;
  /** The winner's page in the public database. */
  let innovationPath: string;

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

  /** Opens a page as `person`, signed in on their own computer (or phone) since their last visit. */
  const as = <T>(
    person: Person,
    scenario: string,
    body: (page: Page) => Promise<T>,
    { viewport }: Pick<ScenarioOptions, 'viewport'> = {},
  ) =>
    browser.scenario(scenario, body, {
      ...(person.state ? { storageState: person.state } : {}),
      ...(viewport ? { viewport } : {}),
      onEnd: (state) => (person.state = state),
    });

  /** The secretariat moves the edition into `phase` (its Indonesian name) in the builder. */
  const movePhase = async (page: Page, phase: string): Promise<void> => {
    await page.goto(`/admin/editions/${encodeURIComponent(editionId)}`);
    await page.getByRole('combobox', { name: 'Pindah ke tahap' }).selectOption({ label: phase });
    await page
      .getByRole('textbox', { name: 'Alasan perpindahan tahap', exact: true })
      .fill(`Tahap ${phase} dimulai`);
    await page.getByRole('button', { name: 'Pindahkan tahap' }).click();
    await notice(page, `Edisi kini berada di tahap ${phase}.`).waitFor();
  };

  /**
   * The secretariat creates an account on the accounts page and reads the first password,
   * shown once, off it (to hand over to its owner).
   */
  const createAccount = async (
    page: Page,
    account: {
      role: 'Admin Lokal' | 'Tim Evaluasi' | 'Tim Panel Independen';
      person: Person;
      name: string;
      email: string;
      institutionId?: string;
      reviewer?: { affiliation: string; homeProvinceCode: string };
    },
  ): Promise<void> => {
    await page.goto('/admin/accounts');
    await page.getByRole('heading', { level: 1, name: 'Akun' }).waitFor();
    // The search form above has a role filter of the same name.
    await page
      .getByRole('combobox', { name: 'Peran' })
      .last()
      .selectOption({ label: account.role });
    await page
      .getByRole('textbox', { name: 'ID pengguna', exact: true })
      .fill(account.person.userId);
    await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(account.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
    if (account.institutionId) {
      await page
        .getByRole('textbox', { name: 'ID instansi', exact: true })
        .last()
        .fill(account.institutionId);
    }
    if (account.reviewer) {
      await page
        .getByRole('textbox', { name: 'Afiliasi', exact: true })
        .fill(account.reviewer.affiliation);
      await page
        .getByRole('textbox', { name: 'Provinsi asal (kode)', exact: true })
        .fill(account.reviewer.homeProvinceCode);
      await page
        .getByRole('textbox', { name: 'Keahlian (kode kategori)', exact: true })
        .fill('public-service');
    }
    await page.getByRole('button', { name: 'Buat akun' }).click();
    const shown = await notice(page, `Akun ${account.person.userId} dibuat.`).innerText();
    account.person.password = shown.trim().split('\n').pop()!.trim();
    expect(account.person.password.length).toBeGreaterThanOrEqual(12);
  };

  it('should let the secretariat sign in for the first time with a new password and an authenticator', async () => {
    await as(secretariat, 'secretariat first sign-in', async (page) => {
      await signInThroughPortal(page, secretariat, { newPassword: 'Sekretariat-Baru#2031' });
      await page.getByRole('heading', { level: 1, name: 'Beranda saya' }).waitFor();
      await page.getByRole('link', { name: 'Buka area Admin Nasional' }).waitFor();
    });
    expect(secretariat.authenticator).toBeDefined();
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
      expect(await basicAccessibilityProblems(page, 'id')).toEqual([]);
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
      await expect(
        page.getByRole('spinbutton', { name: 'Evaluator per proposal', exact: true }).inputValue(),
      ).resolves.toBe('1');
    });
  });

  it('should let a new local admin sign in, open a unit and give its operator an account', async () => {
    await as(secretariat, 'local admin account', async (page) => {
      await createAccount(page, {
        role: 'Admin Lokal',
        person: localAdmin,
        name: 'Rina Kusuma',
        email: 'rina.kusuma@bandung.go.id',
        institutionId: 'inst_3273',
      });
    });
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
      expect(await basicAccessibilityProblems(page, 'id')).toEqual([]);
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
  });

  it('should let the secretariat move the edition into administrative selection and pass the proposal', async () => {
    await as(secretariat, 'administrative selection', async (page) => {
      await movePhase(page, 'Seleksi administrasi');
      // The forwarded snapshot reaches evaluation by its event.
      await openUntilShown(
        page,
        `/admin/editions/${encodeURIComponent(editionId)}/selection`,
        page.getByRole('button', { name: `Putuskan ${title}` }),
      );
      await page.getByRole('button', { name: `Putuskan ${title}` }).click();
      const dialog = page.getByRole('dialog', { name: `Keputusan untuk ${title}` });
      await dialog.getByRole('combobox', { name: 'Keputusan' }).selectOption({ label: 'Lolos' });
      await dialog.getByRole('button', { name: 'Simpan keputusan' }).click();
      await notice(page, `Keputusan untuk ${title} tersimpan.`).waitFor();
    });
  });

  it('should let the assigned evaluator declare a conflict of interest with a reason, and the secretariat see the proposal reassigned', async () => {
    const assignmentsPage = () => `/admin/editions/${encodeURIComponent(editionId)}/assignments`;
    const progressTable = (page: Page) =>
      page.getByRole('table', { name: 'Lembar nilai per evaluator' });
    const recuser = await as(secretariat, 'evaluators assigned', async (page) => {
      for (const reviewer of deskEvaluators) {
        await createAccount(page, {
          role: 'Tim Evaluasi',
          person: reviewer.person,
          name: reviewer.name,
          email: reviewer.email,
          reviewer: {
            affiliation: reviewer.affiliation,
            homeProvinceCode: reviewer.homeProvinceCode,
          },
        });
      }
      await movePhase(page, 'Evaluasi desk');
      await page.goto(assignmentsPage());
      // The new evaluators and the decision reach evaluation by their events.
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Tugaskan evaluator' }).click();
          await notice(page, '1 penugasan baru dibuat.').waitFor({ timeout: 2_000 });
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      // Which of the two the solver picked is its business (costs, then ids): read it here.
      // The page names evaluators from registration's account list and shows the id when
      // that list did not load, so it is opened again until the names are there.
      const names = new RegExp(`^(${deskEvaluators.map((r) => r.name).join('|')})$`);
      const evaluatorRows = progressTable(page).getByRole('rowheader');
      await openUntilShown(
        page,
        assignmentsPage(),
        evaluatorRows.filter({ hasText: names }).first(),
      );
      const assigned = (await evaluatorRows.allInnerTexts()).map((name) => name.trim());
      expect(assigned).toHaveLength(1);
      return deskEvaluators.find((reviewer) => reviewer.name === assigned[0]);
    });
    if (!recuser) throw new Error('the proposal went to neither evaluator');
    deskScorer = deskEvaluators.find((reviewer) => reviewer !== recuser)!;

    await as(recuser.person, 'evaluator declares a conflict of interest', async (page) => {
      await signInThroughPortal(page, recuser.person, {
        newPassword: recuser.newPassword,
      });
      expect(recuser.person.authenticator).toBeDefined();
      await page.goto('/evaluator');
      await page.getByRole('heading', { level: 1, name: 'Penilaian saya' }).waitFor();
      await page.getByRole('link', { name: `Nilai “${title}”` }).waitFor();
      await page.getByRole('button', { name: `Tolak atau nyatakan konflik: “${title}”` }).click();
      const dialog = page.getByRole('dialog', {
        name: 'Tolak penugasan atau nyatakan konflik kepentingan',
      });
      await dialog
        .getByRole('radio', { name: 'Saya memiliki konflik kepentingan dengan proposal ini' })
        .check();
      // The consequence is spelt out before anything is sent: there is no undo.
      await dialog
        .getByText(/^Akibatnya: penugasan ini berakhir dan tidak dapat dibatalkan/)
        .waitFor();
      await dialog
        .getByRole('textbox', { name: 'Penjelasan', exact: true })
        .fill('Saya pernah menjadi konsultan Dinas Kesehatan Kota Bandung untuk layanan ini.');
      await dialog.getByRole('button', { name: 'Akhiri penugasan' }).click();
      const outcome = notice(page, `Penugasan “${title}” telah diakhiri.`);
      await outcome.getByText('Penilai pengganti sudah ditugaskan.').waitFor();
      // The assignment has left the list.
      await page.getByText('Belum ada proposal yang ditugaskan kepada Anda.').waitFor();
      expect(await page.getByRole('link', { name: `Nilai “${title}”` }).count()).toBe(0);
    });

    await as(secretariat, 'proposal reassigned', async (page) => {
      const evaluatorRows = progressTable(page).getByRole('rowheader');
      await openUntilShown(
        page,
        assignmentsPage(),
        evaluatorRows.filter({ hasText: deskScorer.name }),
      );
      expect((await evaluatorRows.allInnerTexts()).map((name) => name.trim())).toEqual([
        deskScorer.name,
      ]);
      await page.getByText('0 dari 1 lembar nilai terkirim').waitFor();
      await page
        .getByRole('combobox', { name: 'Evaluator', exact: true })
        .selectOption({ label: deskScorer.name });
      await page
        .getByRole('table', { name: `Penugasan aktif ${deskScorer.name}` })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: title }) })
        .getByRole('cell', { name: /reassignment/ })
        .waitFor();
    });
  });

  it('should let the replacement evaluator sign in with an authenticator for the first time and score the proposal', async () => {
    const evaluator = deskScorer.person;
    await as(evaluator, 'evaluator scores', async (page) => {
      await signInThroughPortal(page, evaluator, { newPassword: deskScorer.newPassword });
      expect(evaluator.authenticator).toBeDefined();
      await page.goto('/evaluator');
      await page.getByRole('heading', { level: 1, name: 'Penilaian saya' }).waitFor();
      await page.getByRole('link', { name: `Nilai “${title}”` }).click();
      await page.getByRole('heading', { level: 1, name: 'Formulir penilaian dokumen' }).waitFor();
      await page.getByRole('heading', { name: title }).waitFor();
      // The proposal beside the sheet: its sections and the evidence files the unit uploaded.
      await page.getByRole('heading', { level: 3, name: 'Ringkasan', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Unduh standar-pelayanan.pdf' }).waitFor();
      expect(await basicAccessibilityProblems(page, 'id')).toEqual([]);
      // Submissions lets the evaluator have the file once evaluation's assignment event is in.
      const evidence = await eventually(
        async () => {
          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 2_000 }),
            page.getByRole('button', { name: 'Unduh standar-pelayanan.pdf' }).click(),
          ]);
          return download;
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      expect(evidence.suggestedFilename()).toBe('standar-pelayanan.pdf');
      const criteria = [
        'Kebaruan',
        'Efektivitas',
        'Signifikansi/kemanfaatan',
        'Dapat ditransfer/direplikasi',
        'Keberlanjutan',
      ];
      for (const [index, criterion] of criteria.entries()) {
        await page
          .getByRole('textbox', { name: `Nilai: ${criterion}`, exact: true })
          .fill(String(88 + index));
        await page
          .getByRole('textbox', { name: `Catatan: ${criterion}`, exact: true })
          .fill(`Catatan ${criterion.toLowerCase()}: didukung data capaian layanan.`);
      }
      await page.getByText('Nilai tertimbang: 90').waitFor();
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page
        .getByRole('dialog', { name: 'Kirim penilaian?' })
        .getByRole('button', { name: 'Ya, kirim' })
        .click();
      await notice(page, 'Penilaian sudah dikirim').waitFor();
    });
  });

  it('should let the secretariat calibrate, see the ranking and publish the desk ranking, shortlist and finalists', async () => {
    await as(secretariat, 'calibration and finalists', async (page) => {
      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/ranking`);
      await page.getByRole('button', { name: 'Jalankan kalibrasi' }).click();
      await notice(page, /^Kalibrasi selesai: 1 proposal, 1 evaluator\./).waitFor();
      await page.getByRole('rowheader', { name: title }).first().waitFor();

      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/results`);
      for (const stage of ['Desk', 'Daftar pendek', 'Finalis']) {
        await page.getByRole('button', { name: `Terbitkan ${stage}` }).click();
        await notice(page, `${stage} terbit sebagai versi 1; 1 proposal lolos.`).waitFor();
      }
      await page.getByRole('img', { name: /Finalis per provinsi/ }).waitFor();
    });
  });

  it('should take a public objection with evidence in the window and let the secretariat dismiss it on record', async () => {
    await as(secretariat, 'objection window opens', async (page) => {
      await movePhase(page, 'Masa sanggah');
    });
    await browser.scenario('a citizen objects', async (page) => {
      await page.goto(`/objections/${encodeURIComponent(editionId)}`);
      await page.getByRole('rowheader', { name: title }).waitFor();
      await page
        .getByRole('combobox', { name: 'Finalis yang disanggah' })
        .selectOption({ label: `${title} — Pemerintah Kota Bandung` });
      await page.getByRole('textbox', { name: 'Nama Anda', exact: true }).fill('Warga Bandung');
      await page.getByRole('textbox', { name: 'Surel Anda', exact: true }).fill('warga@example.id');
      await page
        .getByRole('textbox', { name: 'Alasan sanggahan', exact: true })
        .fill('Menurut saya layanan ini belum berjalan dua tahun penuh di semua kelurahan.');
      await page.getByLabel('Bukti (opsional)').setInputFiles({
        name: 'bukti.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('Bukti keberatan'),
      });
      await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
      await page.getByText('Sanggahan diterima').waitFor();
      await page.getByText('Nomor tanda terima', { exact: true }).waitFor();
    });
    await as(secretariat, 'objection dismissed', async (page) => {
      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/objections`);
      await page.getByText('Menurut saya layanan ini belum berjalan dua tahun penuh').waitFor();
      await page.getByText('warga@example.id').waitFor();
      const form = page.getByRole('form', { name: 'Putuskan sanggahan' });
      await form
        .getByRole('combobox', { name: 'Putusan' })
        .selectOption({ label: 'Tolak (proposal tetap finalis)' });
      await form
        .getByRole('textbox', { name: 'Alasan putusan', exact: true })
        .fill('Keputusan wali kota menunjukkan layanan berjalan sejak Januari 2024.');
      await form.getByRole('button', { name: 'Putuskan sanggahan' }).click();
      await notice(page, 'Sanggahan telah diputus: Ditolak.').waitFor();
    });
    const outcomes = await platform
      .service('evaluation')
      .fetch(`/public/editions/${editionId}/objections`);
    const published = JSON.stringify(await outcomes.json());
    expect(published).toContain('dismissed');
    expect(published).not.toContain('warga@example.id');
  });

  it('should let the secretariat open interview sessions, the local admin book and confirm one, and a new panelist score the finalist', async () => {
    await as(secretariat, 'interviews open', async (page) => {
      await createAccount(page, {
        role: 'Tim Panel Independen',
        person: panelist,
        name: 'Prof. Nurul Hidayah',
        email: 'nurul.hidayah@lan.go.id',
        reviewer: { affiliation: 'Lembaga Administrasi Negara', homeProvinceCode: '31' },
      });
      await movePhase(page, 'Presentasi dan wawancara');
      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/interviews`);
      // A day inside the calendar's interview phase: three 20-minute sessions.
      await page.getByLabel('Tanggal hari 1').fill(`${year}-06-23`);
      await page.getByLabel('Mulai hari 1').fill('09:00');
      await page.getByLabel('Selesai hari 1').fill('10:00');
      await page.getByRole('combobox', { name: 'Zona waktu hari 1' }).selectOption('WIB');
      await page.getByRole('button', { name: 'Buat sesi' }).click();
      await notice(page, '3 sesi tersedia untuk hari-hari tersebut.').waitFor();
    });
    await as(localAdmin, 'interview booked and confirmed', async (page) => {
      await page.goto('/local-admin/interview');
      await page.getByRole('heading', { level: 1, name: 'Jadwal wawancara finalis' }).waitFor();
      const slots = page.getByRole('combobox', { name: `Sesi untuk “${title}”` });
      await slots.selectOption({ index: 1 });
      await page.getByRole('button', { name: `Pesan sesi untuk “${title}”` }).click();
      await notice(
        page,
        `Sesi untuk “${title}” sudah dipesan. Jangan lupa mengonfirmasi.`,
      ).waitFor();
      await page.getByRole('button', { name: `Konfirmasi sesi “${title}”` }).click();
      await notice(page, `Sesi “${title}” dikonfirmasi.`).waitFor();
    });
    await as(panelist, 'panelist scores', async (page) => {
      await signInThroughPortal(page, panelist, { newPassword: 'Panel-Satu#Penilai2031' });
      await page.goto('/evaluator');
      await page.getByRole('link', { name: `Nilai “${title}”` }).click();
      await page.getByRole('heading', { level: 1, name: 'Formulir penilaian panel' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Ringkasan', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Unduh sk-inovator.pdf' }).waitFor();
      for (const [criterion, score] of [
        ['Presentasi', '92'],
        ['Wawancara', '90'],
      ] as const) {
        await page.getByRole('textbox', { name: `Nilai: ${criterion}`, exact: true }).fill(score);
        await page
          .getByRole('textbox', { name: `Catatan: ${criterion}`, exact: true })
          .fill('Paparan jelas, jawaban didukung data.');
      }
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page
        .getByRole('dialog', { name: 'Kirim penilaian?' })
        .getByRole('button', { name: 'Ya, kirim' })
        .click();
      await notice(page, 'Penilaian sudah dikirim').waitFor();
    });
  });

  it('should let the secretariat publish the final results in plenary and issue the certificates', async () => {
    await as(secretariat, 'results published', async (page) => {
      await movePhase(page, 'Sidang pleno');
      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/results`);
      await page.getByRole('button', { name: 'Terbitkan hasil akhir' }).click();
      await notice(page, 'Hasil akhir terbit sebagai versi 1.').waitFor();
      await movePhase(page, 'Pengumuman hasil');
      await page.goto(`/admin/editions/${encodeURIComponent(editionId)}/results`);
      await page.getByRole('button', { name: 'Terbitkan sertifikat' }).click();
      await notice(page, '1 sertifikat baru, 0 sudah ada, 0 dicabut.').waitFor();
      const row = page
        .getByRole('table', { name: 'Sertifikat aktif' })
        .getByRole('row')
        .filter({ hasText: title });
      // Title as the row's header, then predicate, code, download.
      verificationCode = (await row.getByRole('cell').nth(1).innerText()).trim();
      expect(verificationCode).toMatch(/^[A-Z0-9]{12}$/);
    });
  });

  it('should let the secretariat download the decree annex of the published results as CSV and PDF', async () => {
    await as(secretariat, 'decree annex exported', async (page) => {
      await page.goto('/admin/exports');
      await page.getByRole('heading', { level: 1, name: 'Ekspor data' }).waitFor();
      await page
        .getByRole('combobox', { name: 'Edisi', exact: true })
        .selectOption({ label: editionName });
      const download = async (label: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: label, exact: true }).click(),
        ]);
        return { name: file.suggestedFilename(), ...(await browser.keepDownload(file)) };
      };

      const csv = await download('Lampiran SK (CSV)');
      expect(csv.name).toBe(`decree-annex-${year}.csv`);
      const [header, ...rows] = csv.bytes.toString('utf8').split('\r\n');
      expect(header).toBe('tier,rank,title,institution,province_code,category,group');
      expect(rows.filter((row) => row.includes(title))).toHaveLength(1);

      const pdfFile = await download('Lampiran SK (PDF)');
      expect(pdfFile.name).toBe(`decree-annex-${year}.pdf`);
      expect(pdfFile.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
  it('should let another institution register a replication with its MoU and the origin counter-sign it', async () => {
    await as(secretariat, 'adopting local admin account', async (page) => {
      await createAccount(page, {
        role: 'Admin Lokal',
        person: adopter,
        name: 'Agus Prasetyo',
        email: 'agus.prasetyo@surabaya.go.id',
        institutionId: 'inst_3578',
      });
    });
    await as(adopter, 'replication registered', async (page) => {
      await signInThroughPortal(page, adopter, { newPassword: 'Ortala-Surabaya#2031' });
      await page.goto('/operator/replications');
      await page.getByRole('heading', { level: 1, name: 'Replikasi institusi saya' }).waitFor();
      // The winner reaches the public database from the award's event.
      await eventually(
        async () => {
          await page
            .getByRole('textbox', { name: 'Cari inovasi asal', exact: true })
            .fill('posyandu digital');
          await page.getByRole('button', { name: 'Cari', exact: true }).click();
          await page
            .getByRole('combobox', { name: 'Inovasi asal' })
            .getByRole('option', { name: new RegExp(`^${title}`) })
            .waitFor({ state: 'attached', timeout: 2_000 });
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      await page.getByRole('combobox', { name: 'Inovasi asal' }).selectOption({ index: 1 });
      await page
        .getByRole('textbox', { name: 'Judul replikasi', exact: true })
        .fill(replicationTitle);
      await page.getByLabel('Bukti: Nota kesepahaman (MoU)').setInputFiles({
        name: 'mou.pdf',
        mimeType: 'application/pdf',
        buffer: pdf('Nota kesepahaman replikasi'),
      });
      await page.getByRole('button', { name: 'Catat replikasi' }).click();
      await notice(page, 'Replikasi tercatat dan menunggu konfirmasi institusi asal.').waitFor();
      await page.getByRole('link', { name: replicationTitle }).waitFor();
      await page.getByText('Menunggu konfirmasi asal').first().waitFor();
    });
    await as(localAdmin, 'replication counter-signed', async (page) => {
      await page.goto('/operator/replications');
      await page
        .getByRole('table', { name: 'Replikasi inovasi kami oleh institusi lain' })
        .getByRole('link', { name: replicationTitle })
        .click();
      await page.getByRole('heading', { level: 1, name: replicationTitle }).waitFor();
      await page.getByRole('button', { name: 'Konfirmasi (tandatangani) replikasi' }).click();
      await notice(page, 'Replikasi dikonfirmasi.').waitFor();
    });
  });

  it('should let the secretariat send the local admins an announcement asking for an acknowledgement, and count who acknowledged', async () => {
    const subject = 'Rapat koordinasi admin lokal KIPP';
    await as(secretariat, 'announcement sent', async (page) => {
      await page.goto('/admin/broadcasts');
      await page.getByRole('heading', { level: 1, name: 'Pengumuman' }).waitFor();
      await page
        .getByRole('textbox', { name: 'Judul (Bahasa Indonesia)', exact: true })
        .fill(subject);
      await page
        .getByRole('textbox', { name: 'Judul (English)', exact: true })
        .fill('KIPP local admin coordination meeting');
      await page
        .getByRole('textbox', { name: 'Isi (Bahasa Indonesia)', exact: true })
        .fill('Rapat koordinasi daring diadakan Senin pukul 09.00 WIB. Mohon konfirmasi.');
      await page
        .getByRole('textbox', { name: 'Isi (English)', exact: true })
        .fill('An online coordination meeting is held on Monday at 09:00 WIB. Please confirm.');
      await page
        .getByRole('group', { name: 'Peran', exact: true })
        .getByRole('checkbox', { name: 'Admin Lokal', exact: true })
        .check();
      await page.getByRole('checkbox', { name: 'Minta konfirmasi penerimaan' }).check();
      await page.getByRole('button', { name: 'Kirim pengumuman' }).click();
      // Both local admins: Bandung's and Surabaya's.
      await notice(page, 'Pengumuman dikirim kepada 2 penerima.').waitFor();
    });
    await as(localAdmin, 'announcement acknowledged', async (page) => {
      // The notices reach each inbox as the broadcast fans out.
      await openUntilShown(
        page,
        '/inbox',
        page
          .getByRole('list', { name: 'Daftar notifikasi, terbaru di atas' })
          .getByRole('link', { name: subject }),
      );
      await page.getByRole('link', { name: subject }).click();
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      await page.getByRole('button', { name: 'Konfirmasi penerimaan' }).click();
      await notice(page, 'Terima kasih, penerimaan telah dikonfirmasi.').waitFor();
    });
    await as(secretariat, 'acknowledgements counted', async (page) => {
      await page.goto('/admin/broadcasts');
      await page
        .getByRole('table', { name: 'Pengumuman terkirim, terbaru di atas' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: subject }) })
        .getByRole('button', { name: 'Lihat konfirmasi' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Status konfirmasi' });
      await dialog.getByText('1 dari 2 penerima telah mengonfirmasi.').waitFor();
      // Who still has to: Surabaya's local admin, not Bandung's.
      const pending = dialog.getByRole('table', { name: 'Penerima yang belum mengonfirmasi' });
      await pending.getByRole('rowheader', { name: 'Agus Prasetyo' }).waitFor();
      expect(await pending.getByRole('rowheader', { name: 'Rina Kusuma' }).count()).toBe(0);
    });
  });

  it("should let the unit answer its innovation's sustainability check-in", async () => {
    await as(operator, 'check-in answered', async (page) => {
      // The replication service opens the first check-in at its next scan after the award.
      await openUntilShown(
        page,
        '/operator/check-ins',
        page
          .getByRole('table', { name: 'Laporan keberlanjutan tahunan inovasi kami' })
          .getByRole('link', { name: title }),
      );
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('checkbox', { name: 'Inovasi masih berjalan' }).check();
      await page.getByRole('checkbox', { name: 'Dianggarkan dalam APBN/APBD tahun ini' }).check();
      await page.getByRole('checkbox', { name: 'Regulasi/dasar hukum masih berlaku' }).check();
      await page
        .getByRole('textbox', { name: 'Jumlah penerima manfaat (tidak wajib)', exact: true })
        .fill('12000');
      await page.getByText('Hasil yang akan tercatat: Aktif').waitFor();
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await notice(page, 'Jawaban terkirim.').waitFor();
    });
  });

  it('should show a visitor the winner: figures, search, detail, a verified certificate, and the language kept after a reload', async () => {
    await browser.scenario('public visitor', async (page) => {
      await page.goto('/');
      await page
        .getByRole('heading', { level: 1, name: 'Inovasi Pelayanan Publik Indonesia' })
        .waitFor();
      const figure = async (term: string): Promise<string> => {
        const terms = await page.getByRole('term').allInnerTexts();
        const values = await page.getByRole('definition').allInnerTexts();
        return values[terms.indexOf(term)] ?? '';
      };
      await page.getByRole('term').filter({ hasText: 'Inovasi dalam basis data' }).waitFor();
      expect(await figure('Inovasi dalam basis data')).toBe('1');
      expect(await figure('Replikasi terkonfirmasi')).toBe('1');

      await page.getByRole('link', { name: 'Basis data inovasi' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Basis data inovasi' }).waitFor();
      await page
        .getByRole('searchbox', { name: 'Kata kunci' })
        .or(page.getByRole('textbox', { name: 'Kata kunci' }))
        .fill('posyandu');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.getByText('1 inovasi ditemukan').waitFor();
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      innovationPath = new URL(page.url()).pathname;
      await page
        .getByRole('table', { name: 'Instansi yang mereplikasi inovasi ini (terkonfirmasi)' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: replicationTitle }) })
        .getByRole('cell', { name: 'Jawa Timur' })
        .waitFor();

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Back to the database' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: 'Back to the database' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.goto('/verify');
      await page
        .getByRole('textbox', { name: 'Verification code', exact: true })
        .fill(verificationCode);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      const valid = notice(page, 'Valid certificate');
      await valid.waitFor();
      await valid.getByText(title).waitFor();
    });
  });

  it("should fit every public page and each role's main page on a 360 px wide screen, navigation in reach", async () => {
    /** Opens each path and collects what does not fit, page by page (`who` sees it). */
    const check = async (page: Page, who: string, paths: readonly string[]) => {
      const found: { page: string; problems: string[] }[] = [];
      for (const path of paths) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        // Its data in (no loading indicator left): charts and tables are what widen a page.
        await page.locator('progress:not([value])').first().waitFor({ state: 'detached' });
        found.push({ page: `${path} (${who})`, problems: await smallScreenProblems(page) });
      }
      return found;
    };
    const publicPaths = [
      '/',
      '/overview',
      '/innovations',
      innovationPath,
      '/results',
      `/results/${encodeURIComponent(editionId)}`,
      '/map',
      '/verify',
      `/verify/${verificationCode}`,
      '/objections',
      `/objections/${encodeURIComponent(editionId)}`,
      '/sign-in',
      '/forgot-password',
    ];
    const everyone = await browser.scenario(
      'public pages on a small screen',
      (page) => check(page, 'a visitor', publicPaths),
      { viewport: SMALL_SCREEN },
    );
    const roles: [Person, string][] = [
      [secretariat, '/admin'],
      [localAdmin, '/local-admin'],
      [operator, '/operator'],
      [deskScorer.person, '/evaluator'],
      [panelist, '/evaluator'],
    ];
    const signedIn = [];
    for (const [person, home] of roles) {
      const pages = await as(
        person,
        `${person.userId} on a small screen`,
        (page) => check(page, person.userId, ['/', home]),
        { viewport: SMALL_SCREEN },
      );
      signedIn.push(...pages);
    }
    const none = (pages: { page: string }[]) => pages.map(({ page }) => ({ page, problems: [] }));
    expect(everyone).toEqual(none(everyone));
    expect(signedIn).toEqual(none(signedIn));
  });

  it('should let a unit operator who forgot the password set a new one from the link in the mail', async () => {
    await browser.scenario('password reset by mail', async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor();
      await page.getByRole('textbox', { name: 'ID pengguna', exact: true }).fill(operator.userId);
      await page.getByRole('button', { name: 'Kirim tautan' }).click();
      await notice(page, /Jika ID pengguna itu terdaftar dan aktif/).waitFor();

      // The link arrives by mail through the notifications service and a real SMTP server.
      const link = await eventually(
        () => {
          const found = platform.smtp
            .to('siti.rahmawati@bandung.go.id')
            .map((mail) => /https?:\/\/\S+\/reset-password\?token=[^\s"<>]+/.exec(mail.text)?.[0])
            .find((url) => url !== undefined);
          if (!found) throw new Error('no reset link has arrived');
          return found;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(link.startsWith(`${platform.url}/reset-password?token=`)).toBe(true);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor();
      const newPassword = 'Dinkes-Bandung#Reset2031';
      await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(newPassword);
      await page
        .getByRole('textbox', { name: 'Ulangi kata sandi baru', exact: true })
        .fill(newPassword);
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
      await notice(
        page,
        'Kata sandi baru tersimpan. Silakan masuk dengan kata sandi tersebut.',
      ).waitFor();

      await signInThroughPortal(page, { userId: operator.userId, password: newPassword });
      await page.getByRole('heading', { level: 1, name: 'Beranda saya' }).waitFor();
    });
  });
});
