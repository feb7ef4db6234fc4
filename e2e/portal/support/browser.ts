import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Download,
  type Page,
} from 'playwright-core';
import { workspaceRoot } from '../../support/service-process';

/** Debian's chromium (`npm test` installs it when missing); never a downloaded browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Where a failed scenario leaves its screenshot, HTML and trace. */
export const ARTIFACTS_DIR = path.join(workspaceRoot, '.local', 'e2e-screenshots');

/** Where the files a scenario downloads are kept, one folder per spec file. */
export const DOWNLOADS_DIR = path.join(workspaceRoot, '.local', 'e2e-downloads');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Saved cookies and localStorage of a signed-in person (the portal's refresh token). */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface ScenarioOptions {
  /** The browser's own locale (the portal still starts in Bahasa Indonesia). */
  readonly locale?: string;
  /** Start signed in as a person whose state an earlier scenario saved. */
  readonly storageState?: StorageState;
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * Called with the context's storage just before it closes, whether the scenario passed or
   * not: the portal rotates the refresh token in there, so a person's next visit must start
   * from this state (an older one would be a reused token, which ends the session).
   */
  readonly onEnd?: (state: StorageState) => void;
}

/** Time a page may take for one action or one wait: a guard against hangs, not a measure. */
const ACTION_TIMEOUT_MS = 30_000;

/**
 * One chromium for a spec file; each scenario gets a fresh context (its own storage, like
 * another person's computer). A failing scenario keeps a full-page screenshot, the page's
 * HTML and, with `E2E_TRACE=1`, a Playwright trace under `.local/e2e-screenshots/`, and
 * names them in the failure message together with the page's script errors.
 */
export class PortalBrowser {
  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
    private readonly suite: string,
  ) {}

  static async launch(baseUrl: string, suite: string): Promise<PortalBrowser> {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `no browser at ${CHROMIUM_PATH}: \`npm test\` installs Debian's chromium when it runs as root; ` +
          'otherwise `apt-get install chromium` (or set CHROMIUM_PATH)',
      );
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    return new PortalBrowser(browser, baseUrl, suite);
  }

  /** Runs `body` on a new page of a new context, keeping evidence when it fails. */
  async scenario<T>(
    title: string,
    body: (page: Page, context: BrowserContext) => Promise<T>,
    options: ScenarioOptions = {},
  ): Promise<T> {
    const contextOptions: BrowserContextOptions = {
      baseURL: this.baseUrl,
      locale: options.locale ?? 'id-ID',
      timezoneId: 'Asia/Jakarta',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      acceptDownloads: true,
      ...(options.storageState ? { storageState: options.storageState } : {}),
    };
    const context = await this.browser.newContext(contextOptions);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const tracing = process.env['E2E_TRACE'] === '1';
    if (tracing) await context.tracing.start({ screenshots: true, snapshots: true });
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    try {
      const result = await body(page, context);
      if (tracing) await context.tracing.stop();
      return result;
    } catch (error) {
      const evidence = await this.keepEvidence(title, page, context, tracing);
      if (error instanceof Error) {
        const original = error.message;
        error.message = [
          error.message,
          '',
          `page: ${page.url()}`,
          ...evidence,
          ...(scriptErrors.length > 0 ? [`script errors: ${scriptErrors.join(' | ')}`] : []),
        ].join('\n');
        // Jest prints the stack, which starts with the message as it was when thrown.
        if (error.stack?.includes(original))
          error.stack = error.stack.replace(original, error.message);
      }
      throw error;
    } finally {
      if (options.onEnd) options.onEnd(await context.storageState());
      await context.close();
    }
  }

  /**
   * Keeps a file the page downloaded under `.local/e2e-downloads/<suite>/` by the name the
   * portal gave it, and returns where it is and its bytes.
   */
  async keepDownload(download: Download): Promise<{ file: string; bytes: Buffer }> {
    const dir = path.join(DOWNLOADS_DIR, this.suite);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, path.basename(download.suggestedFilename()));
    await download.saveAs(file);
    return { file, bytes: readFileSync(file) };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private async keepEvidence(
    title: string,
    page: Page,
    context: BrowserContext,
    tracing: boolean,
  ): Promise<string[]> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80);
    const dir = path.join(ARTIFACTS_DIR, this.suite);
    mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${slug}-${stamp}`);
    const kept: string[] = [];
    const relative = (file: string) => path.relative(workspaceRoot, file);
    try {
      await page.screenshot({ path: `${base}.png`, fullPage: true });
      kept.push(`screenshot: ${relative(`${base}.png`)}`);
      writeFileSync(`${base}.html`, await page.content());
      kept.push(`page HTML: ${relative(`${base}.html`)}`);
      if (tracing) {
        await context.tracing.stop({ path: `${base}.trace.zip` });
        kept.push(
          `trace: ${relative(`${base}.trace.zip`)} (npx playwright-core show-trace <file>)`,
        );
      }
    } catch (reason) {
      kept.push(
        `evidence incomplete: ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    }
    return kept;
  }
}
