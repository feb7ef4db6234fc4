import { Injectable } from '@nestjs/common';
import { buildAwardRows } from '../award-rows';
import { toCsv } from '@kipp/service-kit';
import { CSV_CONTENT_TYPE, type ExportFile } from '../export-file';
import { DID_COLUMNS, didRecords } from '../exports';
import { OutputRepository } from '../output.repository';

/** The regional incentive fund (DID) list for the Finance Ministry: Pemda winners only. */
@Injectable()
export class ExportDidUseCase {
  constructor(private readonly output: OutputRepository) {}

  async execute(editionId: string): Promise<ExportFile> {
    const { configuration } = await this.output.publishedEdition(editionId);
    const rows = buildAwardRows(configuration, await this.output.awardSources(editionId));
    const csv = toCsv(DID_COLUMNS, didRecords(rows, configuration.year));
    return {
      filename: `did-${configuration.year}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: Buffer.from(csv, 'utf8'),
    };
  }
}
