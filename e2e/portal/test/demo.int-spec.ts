import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@kipp/testing';
import { workspaceRoot } from '../../support/service-process';
import { Authenticator } from '../../support/authenticator';
import { basicAccessibilityProblems } from '../support/accessibility';
import { PortalBrowser } from '../support/browser';
import { signInThroughPortal, type Person } from '../support/people';
import { Platform } from '../support/platform';

interface DemoCredentials {
  nationalAdmin: { userId: string; email: string; password: string };
  password: string;
}

const credentials = JSON.parse(
  readFileSync(path.join(workspaceRoot, 'tools', 'demo', 'demo-credentials.json'), 'utf8'),
) as DemoCredentials;

const logDir = path.join(workspaceRoot, '.local', 'logs', 'e2e');
let runs = 0;

/**
 * `node tools/demo-data.mts` against this platform, as `npm start` runs it: its output (also
 * kept in .local/logs/e2e/demo-data-<run>.log).
 */
function seed(platform: Platform, localDir: string): Promise<string> {
  runs += 1;
  const logFile = path.join(logDir, `demo-data-${runs}.log`);
  const url = (service: 'registration' | 'submissions' | 'evaluation' | 'replication') =>
    platform.service(service).url;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join('tools', 'demo-data.mts')], {
      cwd: workspaceRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        KIPP_LOCAL_DIR: localDir,
        REGISTRATION_URL: url('registration'),
        SUBMISSIONS_URL: url('submissions'),
        EVALUATION_URL: url('evaluation'),
        REPLICATION_URL: url('replication'),
        PORTAL_URL: platform.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      mkdirSync(logDir, { recursive: true });
      writeFileSync(logFile, output);
      if (code === 0) resolve(output);
      else reject(new Error(`the seeder exited with ${code}:\n${output}`));
    });
  });
}

/**
 * What a newcomer meets after `npm start`: the demo data, made through the public APIs, and
 * the portal showing it — every role signs in with the printed credentials.
 */
describe('the demo data in the portal', () => {
  let platform: Platform;
  let browser: PortalBrowser;
  const localDir = mkdtempSync(path.join(tmpdir(), 'kipp-demo-'));
  let firstRun: string;

  beforeAll(async () => {
    platform = await Platform.start({ name: 'demo', secretariat: credentials.nationalAdmin });
    browser = await PortalBrowser.launch(platform.url, 'demo');
  });

  afterAll(async () => {
    await (browser as PortalBrowser | undefined)?.close();
    await (platform as Platform | undefined)?.stop();
    rmSync(localDir, { recursive: true, force: true });
  });

  /** The authenticator secrets the seeder enrolled (the table prints them too). */
  const secretOf = (userId: string): string => {
    const state = JSON.parse(
      readFileSync(path.join(localDir, 'data', 'demo', 'state.json'), 'utf8'),
    ) as { totpSecrets: Record<string, string> };
    const secret = state.totpSecrets[userId];
    if (!secret) throw new Error(`the seeder enrolled no authenticator for ${userId}`);
    return secret;
  };

  it('should make a past edition with winners and an edition in progress, and print who can sign in', async () => {
    firstRun = await seed(platform, localDir);
    expect(firstRun).toMatch(/demo data \(created or completed now\)/);
    expect(firstRun).toMatch(/outstanding +Lahir Procot Pulang Bawa Akta \(Kabupaten Banyuwangi\)/);
    expect(firstRun).toMatch(/submission open/);
    for (const userId of [
      'sekretariat',
      'ortala.bandung',
      'upp.dinkes.bandung',
      'dosen.ugm',
      'panel.lan',
    ]) {
      expect(firstRun).toContain(userId);
    }
    const innovations = (await (
      await platform.service('replication').fetch('/public/innovations?pageSize=100')
    ).json()) as { items: { title: string }[] };
    expect(innovations.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        'Lahir Procot Pulang Bawa Akta',
        'Layanan Ambulans Gratis Kota Bandung',
      ]),
    );
  });

  it('should keep the winners alive after the award: replications, visits and check-ins', async () => {
    const replication = platform.service('replication');
    const json = async <T>(route: string): Promise<T> =>
      (await (await replication.fetch(route)).json()) as T;
    const { items } = await json<{ items: { innovationId: string; title: string }[] }>(
      '/public/innovations?q=lahir%20procot',
    );
    const akta = items.find((i) => i.title === 'Lahir Procot Pulang Bawa Akta')!;
    const diffusion = await json<{ replications: number; adopters: { name: string }[] }>(
      `/public/innovations/${akta.innovationId}/diffusion`,
    );
    // Surabaya's replication is counter-signed; Kulon Progo's still waits for the origin.
    expect(diffusion.adopters.map((a) => a.name)).toEqual([expect.stringMatching(/Surabaya/)]);
    const visits = await json<{ visits: { ledToReplication: boolean }[] }>(
      `/public/innovations/${akta.innovationId}/visits`,
    );
    expect(visits.visits).toEqual([expect.objectContaining({ ledToReplication: true })]);
    const checkIns = await json<{ checkIns: { status: string; outcome: string | null }[] }>(
      `/public/innovations/${akta.innovationId}/check-ins`,
    );
    expect(checkIns.checkIns).toEqual([
      expect.objectContaining({ status: 'answered', outcome: 'scaled' }),
    ]);
    const national = await json<{ totals: { confirmedReplications: number; innovations: number } }>(
      '/public/diffusion/national',
    );
    expect(national.totals).toMatchObject({ confirmedReplications: 2, innovations: 5 });
  });

  it('should add nothing when run again', async () => {
    const again = await seed(platform, localDir);
    expect(again).toMatch(/demo data \(already there\)/);
    expect(again).not.toMatch(/created |registered |drafted |forwarded "/);
  });

  it('should let an evaluator sign in with the printed password and authenticator', async () => {
    const evaluator: Person = {
      userId: 'dosen.ugm',
      password: credentials.password,
      authenticator: new Authenticator(secretOf('dosen.ugm')),
    };
    await browser.scenario('demo evaluator signs in', async (page) => {
      await signInThroughPortal(page, evaluator);
      await page.getByRole('heading', { level: 1, name: 'Beranda saya' }).waitFor();
      await page.getByText('Tim Evaluasi').first().waitFor();
    });
  });
  it("should show a visitor the public database's figures, the past edition's winners and a valid certificate", async () => {
    const code = /outstanding +Lahir Procot Pulang Bawa Akta .*\/verify\/([A-Z0-9]+)/.exec(
      firstRun,
    )?.[1];
    expect(code).toBeDefined();
    await browser.scenario('demo visitor', async (page) => {
      await page.goto('/');
      await page.getByRole('term').filter({ hasText: 'Inovasi dalam basis data' }).waitFor();
      const terms = await page.getByRole('term').allInnerTexts();
      const values = await page.getByRole('definition').allInnerTexts();
      const figure = (term: string) => values[terms.indexOf(term)];
      expect(figure('Inovasi dalam basis data')).toBe('5');
      expect(figure('Replikasi terkonfirmasi')).toBe('2');

      await page.getByRole('link', { name: 'Hasil', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Hasil per edisi' }).waitFor();
      await page
        .getByRole('link', { name: /KIPP 2026|KIPP \d{4}/ })
        .first()
        .click();
      await page.getByText('Lahir Procot Pulang Bawa Akta').first().waitFor();

      await page.goto(`/verify/${code!}`);
      const valid = page.getByRole('status').filter({ hasText: 'Sertifikat sah' });
      await valid.getByText('Lahir Procot Pulang Bawa Akta').waitFor();
    });
  });

  it('should keep the public pages accessible with data on them', async () => {
    await browser.scenario('demo public pages accessibility', async (page) => {
      const innovations = (await (
        await platform.service('replication').fetch('/public/innovations?q=lahir%20procot')
      ).json()) as { items: { innovationId: string }[] };
      for (const path of [
        '/',
        '/innovations',
        `/innovations/${innovations.items[0]!.innovationId}`,
        '/results',
        '/map',
        '/verify',
        '/objections',
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        // Wait for the page's data, so the check sees the charts and tables too.
        await eventually(async () => expect(await page.getByRole('progressbar').count()).toBe(0), {
          timeoutMs: 30_000,
        });
        expect({ path, problems: await basicAccessibilityProblems(page, 'id') }).toEqual({
          path,
          problems: [],
        });
      }
    });
  });

  it('should leave every role something to do: a replication to counter-sign, a check-in to answer, a proposal to review', async () => {
    const person = (userId: string): Person => ({ userId, password: credentials.password });
    await browser.scenario('demo origin counter-signs', async (page) => {
      await signInThroughPortal(page, person('ortala.banyuwangi'));
      await page.goto('/operator/replications');
      await page
        .getByRole('table', { name: 'Replikasi inovasi kami oleh institusi lain' })
        .getByRole('row')
        .filter({ hasText: 'Akta Kelahiran dari Puskesmas Kulon Progo' })
        .getByText('Menunggu konfirmasi asal')
        .waitFor();
    });
    await browser.scenario('demo unit answers a check-in', async (page) => {
      await signInThroughPortal(page, person('upp.dinkes.makassar'));
      await page.goto('/operator/check-ins');
      await page
        .getByRole('table', { name: 'Laporan keberlanjutan tahunan inovasi kami' })
        .getByRole('row')
        .filter({ hasText: "Dottoro'ta Layanan Kesehatan di Rumah" })
        .getByText('Terbuka')
        .waitFor();
    });
    await browser.scenario('demo local admin reviews', async (page) => {
      await signInThroughPortal(page, person('ortala.surabaya'));
      await page.goto('/local-admin/queue');
      await page.getByRole('link', { name: 'Periksa Surabaya Single Window Perizinan' }).waitFor();
    });
  });
});
