// The demo's two editions: the one in progress (submission open now) and the past one,
// walked through every stage and left in its results phase with a calendar in the past.
import { createRequire } from 'node:module';
import type { DemoContext } from './demo-context.mts';
import { eventually } from './portal-client.mts';

const DAY = 86_400_000;

export interface EditionView {
  readonly editionId: string;
  readonly status: 'draft' | 'published';
  readonly revision: number;
  readonly currentPhase: string | null;
  readonly configuration: EditionSettings & { readonly name: string; readonly year: number };
}

type EditionSettings = Record<string, unknown> & {
  readonly calendar: readonly CalendarEntry[];
};

interface CalendarEntry {
  readonly phase: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** The phases in calendar order (`EDITION_PHASES` of the contracts). */
export const PHASES: readonly string[] = contracts().EDITION_PHASES;

/**
 * The years of the demo's editions: the past one is the latest whose results (mid-July)
 * are behind us, the one in progress the year after it.
 */
export function demoYears(now: Date): { past: number; current: number } {
  const year = now.getUTCFullYear();
  const past = now >= new Date(Date.UTC(year, 6, 13)) ? year : year - 1;
  return { past, current: past + 1 };
}

/** Registration behind us, submission open now until 23:59:59 WIB in ~30 days, then the rest. */
export function openCalendar(now: Date): CalendarEntry[] {
  const close = new Date(now.getTime() + 30 * DAY);
  close.setUTCHours(16, 59, 59, 0);
  const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY).toISOString();
  const later = [
    ['administrative-selection', 0, 7],
    ['desk-evaluation', 7, 21],
    ['panel-review', 21, 28],
    ['objection', 28, 33],
    ['interview', 33, 40],
    ['field-verification', 40, 47],
    ['plenary', 47, 49],
    ['results', 49, 60],
  ] as const;
  return [
    { phase: 'registration', startsAt: at(now, -14), endsAt: at(now, -1) },
    { phase: 'submission', startsAt: at(now, -1), endsAt: close.toISOString() },
    ...later.map(([phase, from, to]) => ({
      phase,
      startsAt: at(close, from),
      endsAt: at(close, to),
    })),
  ];
}

/** A past year's calendar as KIPP runs it (WIB, 08:00 to 23:59:59), results until year end. */
export function pastCalendar(year: number): CalendarEntry[] {
  const wib = (month: number, day: number, end = false) =>
    new Date(
      Date.UTC(year, month - 1, day, end ? 16 : 1, end ? 59 : 0, end ? 59 : 0),
    ).toISOString();
  const phases: [string, [number, number], [number, number]][] = [
    ['registration', [1, 6], [1, 31]],
    ['submission', [2, 1], [3, 31]],
    ['administrative-selection', [4, 1], [4, 14]],
    ['desk-evaluation', [4, 15], [5, 10]],
    ['panel-review', [5, 11], [5, 31]],
    ['objection', [6, 1], [6, 5]],
    ['interview', [6, 8], [6, 19]],
    ['field-verification', [6, 22], [7, 3]],
    ['plenary', [7, 6], [7, 10]],
    ['results', [7, 13], [12, 31]],
  ];
  return phases.map(([phase, [m1, d1], [m2, d2]]) => ({
    phase,
    startsAt: wib(m1, d1),
    endsAt: wib(m2, d2, true),
  }));
}

/**
 * The demo edition of `year`, published and in a phase: created from the contract's example
 * configuration with `overrides` when missing. Refuses to touch another edition of that year.
 */
export async function ensureEdition(
  ctx: DemoContext,
  year: number,
  overrides: Record<string, unknown>,
): Promise<EditionView> {
  const { registration } = ctx.api;
  const name = `KIPP ${year}`;
  const { editions } = await registration.call<{ editions: EditionView[] }>(
    'GET',
    `/editions?year=${year}`,
    { as: ctx.admin },
  );
  let found = editions.find((e) => e.configuration.year === year);
  if (found && found.configuration.name !== name) {
    throw new Error(
      `the year ${year} has an edition "${found.configuration.name}" that is not the demo's; ` +
        'run with KIPP_DEMO=false, or reset the local data (node tools/infra.mts reset)',
    );
  }
  if (!found) {
    const { editionId: _example, ...settings } = exampleEdition();
    const draft = await registration.call<{ editionId: string }>('POST', '/editions', {
      as: ctx.admin,
      body: {
        ...settings,
        rubric: withGuidance(settings.rubric),
        panelRubric: withGuidance(settings.panelRubric),
        ...overrides,
        name,
        year,
      },
    });
    ctx.log(`created the draft ${name} (${draft.editionId}) from the contract's example`);
    found = await editionView(ctx, draft.editionId);
  }
  if (found.status === 'draft') {
    await registration.call('POST', `/editions/${found.editionId}/publication`, { as: ctx.admin });
    ctx.log(`published ${name}`);
  }
  const editionId = found.editionId;
  return eventually(async () => {
    const current = await editionView(ctx, editionId);
    if (current.currentPhase === null) throw new Error('the edition has no phase yet');
    return current;
  });
}

export function editionView(ctx: DemoContext, editionId: string): Promise<EditionView> {
  return ctx.api.registration.call<EditionView>('GET', `/editions/${editionId}`, {
    as: ctx.admin,
  });
}

/** Whether the edition has reached `phase` (or a later one). */
export function reached(edition: EditionView, phase: string): boolean {
  return PHASES.indexOf(edition.currentPhase ?? '') >= PHASES.indexOf(phase);
}

/** The secretariat moves the edition into `phase` by hand, unless it is there or beyond. */
export async function enterPhase(
  ctx: DemoContext,
  editionId: string,
  phase: string,
): Promise<EditionView> {
  const before = await editionView(ctx, editionId);
  if (reached(before, phase)) return before;
  await ctx.api.registration.call('POST', `/editions/${editionId}/phase`, {
    as: ctx.admin,
    body: { phase, reason: `Tahap ${phase} dimulai (data demo)` },
  });
  ctx.log(`${before.configuration.name}: now in ${phase}`);
  return editionView(ctx, editionId);
}

/** Replaces the calendar of a published edition (a past edition gets its real dates). */
export async function moveCalendar(
  ctx: DemoContext,
  edition: EditionView,
  calendar: readonly CalendarEntry[],
): Promise<void> {
  const { editionId: _id, ...settings } = edition.configuration;
  await ctx.api.registration.call('PUT', `/editions/${edition.editionId}`, {
    as: ctx.admin,
    body: { ...settings, calendar, expectedRevision: edition.revision },
  });
}

interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

interface Rubric {
  readonly scale: { readonly min: number; readonly max: number };
  readonly criteria: readonly { readonly criterionId: string; readonly guidance?: LocalizedText }[];
}

type ExampleEdition = Record<string, unknown> & {
  readonly rubric: Rubric;
  readonly panelRubric: Rubric;
};

/**
 * What each criterion of the demo rubrics means and what a low or a high score looks like,
 * as the secretariat's guidelines put it; evaluators and panelists read it while scoring.
 */
const RUBRIC_GUIDANCE: Readonly<Record<string, LocalizedText>> = {
  novelty: {
    id: [
      'Kebaruan menilai apakah cara pelayanan ini baru bagi instansi dan wilayahnya, bukan apakah teknologinya baru di dunia. Inovasi boleh berupa gagasan sendiri atau modifikasi nyata dari praktik yang sudah ada.',
      'Nilai rendah (di bawah 60): menyalin layanan yang sudah umum, misalnya aplikasi pengaduan biasa, tanpa mengubah cara kerja, atau sekadar memindahkan formulir kertas ke daring.',
      'Nilai tinggi (85 ke atas): mengubah cara layanan diberikan (alur, pelaku atau sasaran) dengan pendekatan yang belum ada di wilayah tersebut, dan menjelaskan apa yang membedakannya dari layanan serupa di instansi lain.',
    ].join('\n'),
    en: [
      'Novelty asks whether this way of serving is new for the institution and its region, not whether its technology is new to the world. An innovation may be its own idea or a real modification of an existing practice.',
      'Low (below 60): copies a common service, such as an ordinary complaints app, without changing how the work is done, or merely moves a paper form online.',
      'High (85 and above): changes how the service is delivered (its steps, who takes part or whom it reaches) with an approach not yet found in the region, and explains what sets it apart from similar services elsewhere.',
    ].join('\n'),
  },
  effectiveness: {
    id: [
      'Efektivitas menilai apakah inovasi mencapai tujuannya bagi penerima layanan, dibuktikan dengan data sebelum dan sesudah penerapan.',
      'Nilai rendah: manfaat hanya diklaim, atau yang diukur hanya kegiatan (jumlah sosialisasi, jumlah pengguna terdaftar).',
      'Nilai tinggi: data layanan itu sendiri menunjukkan perbaikan, misalnya waktu tunggu lebih singkat, biaya lebih rendah atau cakupan lebih luas, dan penerima layanan membenarkannya.',
    ].join('\n'),
    en: [
      'Effectiveness asks whether the innovation reaches its aims for the people it serves, shown by data from before and after it started.',
      'Low: benefits are only claimed, or only activities are counted (outreach sessions held, users registered).',
      "High: the service's own data shows the improvement, such as shorter waiting, lower costs or wider reach, and the people served confirm it.",
    ].join('\n'),
  },
  presentation: {
    id: 'Paparan 7 menit lalu tanya jawab 13 menit. Nilai rendah: paparan mengulang proposal tanpa bukti baru dan pertanyaan panel tidak terjawab. Nilai tinggi: runtut dan tepat waktu, menunjukkan bukti penerapan terkini, dan inovator menjawab dengan data serta menjelaskan rencana keberlanjutan dan replikasinya.',
    en: 'A 7-minute presentation, then 13 minutes of questions. Low: repeats the proposal without new evidence and leaves the panel’s questions unanswered. High: clear and on time, shows current evidence of the service at work, and the innovator answers with data and explains how it will be sustained and replicated.',
  },
};

/** A rubric whose criteria carry the demo's guidance. */
function withGuidance(rubric: Rubric): Rubric {
  return {
    ...rubric,
    criteria: rubric.criteria.map((criterion) => {
      const guidance = RUBRIC_GUIDANCE[criterion.criterionId];
      return guidance ? { ...criterion, guidance } : criterion;
    }),
  };
}

/** The contract's example configuration: every demo edition starts from it. */
export function exampleEdition(): ExampleEdition {
  return contracts().editionConfigurationExample;
}

interface Contracts {
  readonly EDITION_PHASES: readonly string[];
  readonly editionConfigurationExample: ExampleEdition;
}

/** The contract's phases and example edition (TypeScript with extensionless imports: swc). */
function contracts(): Contracts {
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  return require('../../libs/contracts/src/registration/edition-configuration.ts') as Contracts;
}
