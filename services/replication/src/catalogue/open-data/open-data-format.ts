import type { InnovationRow } from '../innovation.views';
import type { CsvCell } from '@kipp/service-kit';

/** The CSV columns: the API row's fields, lists joined with `;`. */
export const CSV_COLUMNS = [
  'innovationId',
  'title',
  'year',
  'awards',
  'institutionId',
  'institutionName',
  'institutionType',
  'provinceCode',
  'categoryId',
  'sdgTargets',
  'status',
  'publishedAt',
  'updatedAt',
] as const;

/** An award in a CSV cell: `editionId:year:groupId:tier`. */
export function awardCell(award: InnovationRow['awards'][number]): string {
  return `${award.editionId}:${award.year}:${award.groupId}:${award.tier}`;
}

export function csvCellsOf(row: InnovationRow): CsvCell[] {
  return [
    row.innovationId,
    row.title,
    row.year,
    row.awards.map(awardCell).join(';'),
    row.institutionId,
    row.institutionName,
    row.institutionType,
    row.provinceCode,
    row.categoryId,
    row.sdgTargets.join(';'),
    row.status,
    row.publishedAt,
    row.updatedAt,
  ];
}

/** What `GET /public/open-data` says about each field. */
export const FIELD_DESCRIPTIONS: Record<(typeof CSV_COLUMNS)[number], { id: string; en: string }> =
  {
    innovationId: {
      id: 'ID inovasi yang tetap antaredisi',
      en: 'Innovation id, stable across editions',
    },
    title: { id: 'Judul inovasi', en: 'Title of the innovation' },
    year: {
      id: 'Tahun penghargaan terakhir (atau tahun publikasi)',
      en: 'Latest award year (or publication year)',
    },
    awards: {
      id: 'Penghargaan; di CSV: editionId:tahun:kelompok:tingkat dipisah ";"',
      en: 'Awards; in CSV: editionId:year:group:tier separated by ";"',
    },
    institutionId: { id: 'ID instansi', en: 'Institution id' },
    institutionName: { id: 'Nama instansi', en: 'Institution name' },
    institutionType: { id: 'Jenis instansi', en: 'Institution type' },
    provinceCode: { id: 'Kode provinsi BPS', en: 'BPS province code' },
    categoryId: { id: 'Kategori', en: 'Category' },
    sdgTargets: {
      id: 'Target TPB/SDG; di CSV dipisah ";"',
      en: 'SDG targets; in CSV separated by ";"',
    },
    status: { id: 'Status keberlanjutan', en: 'Sustainability status' },
    publishedAt: { id: 'Waktu terbit (ISO 8601, UTC)', en: 'Published at (ISO 8601, UTC)' },
    updatedAt: {
      id: 'Waktu perubahan terakhir (ISO 8601, UTC)',
      en: 'Last changed at (ISO 8601, UTC)',
    },
  };
