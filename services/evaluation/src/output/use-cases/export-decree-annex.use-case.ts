import { Injectable } from '@nestjs/common';
import { buildAwardRows } from '../award-rows';
import { TIER_PRIORITY } from '../award-tiers';
import { toCsv } from '@kipp/service-kit';
import { CSV_CONTENT_TYPE, PDF_CONTENT_TYPE, type ExportFile } from '../export-file';
import { DECREE_ANNEX_COLUMNS, decreeAnnexRecord } from '../exports';
import { OutputRepository } from '../output.repository';
import { renderTablePdf } from '../pdf-table';

const TIER_HEADINGS: Record<string, string> = {
  outstanding: 'Outstanding (Terpuji)',
  top: 'Top innovations',
  'replication-top': 'Top replication',
  finalist: 'Finalists',
};

/** The ministerial decree's annex: every award under its highest tier, as CSV or PDF. */
@Injectable()
export class ExportDecreeAnnexUseCase {
  constructor(private readonly output: OutputRepository) {}

  async execute(editionId: string, format: 'csv' | 'pdf'): Promise<ExportFile> {
    const edition = await this.output.publishedEdition(editionId);
    const configuration = edition.configuration;
    const rows = buildAwardRows(configuration, await this.output.awardSources(editionId));
    const filename = `decree-annex-${configuration.year}.${format}`;
    if (format === 'csv') {
      const csv = toCsv(DECREE_ANNEX_COLUMNS, rows.map(decreeAnnexRecord));
      return { filename, contentType: CSV_CONTENT_TYPE, body: Buffer.from(csv, 'utf8') };
    }
    const pdf = await renderTablePdf({
      title: `Lampiran Keputusan - ${configuration.name}`,
      subtitle: `${configuration.name} (${configuration.year})`,
      columns: [
        { header: 'Rank', width: 0.6 },
        { header: 'Title', width: 5 },
        { header: 'Institution', width: 3.2 },
        { header: 'Province', width: 1 },
        { header: 'Category', width: 1.8 },
        { header: 'Group', width: 1.2 },
      ],
      sections: TIER_PRIORITY.map((tier) => ({
        heading: TIER_HEADINGS[tier] ?? tier,
        rows: rows
          .filter((row) => row.tier === tier)
          .map((row) => [
            String(row.rank),
            row.title,
            row.institutionName,
            row.provinceCode ?? '',
            row.categoryName,
            row.groupName,
          ]),
      })).filter((section) => section.rows.length > 0),
      keywords: [configuration.editionId, 'decree-annex'],
    });
    return { filename, contentType: PDF_CONTENT_TYPE, body: Buffer.from(pdf) };
  }
}
