import { Readable } from 'node:stream';
import { Controller, Get, HttpStatus, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodResponse, Public, toOpenApiSchema } from '@kipp/service-kit';
import { innovationRowView } from '../innovation.views';
import { ExportOpenDataUseCase } from '../use-cases/export-open-data.use-case';
import { CSV_COLUMNS, FIELD_DESCRIPTIONS } from './open-data-format';

const catalogueView = z.object({
  licence: z.string(),
  datasets: z.array(
    z.object({
      id: z.string(),
      title: z.object({ id: z.string(), en: z.string() }),
      description: z.object({ id: z.string(), en: z.string() }),
      licence: z.string(),
      formats: z.array(
        z.object({ format: z.enum(['json', 'csv']), href: z.string(), mediaType: z.string() }),
      ),
      fields: z.array(
        z.object({ name: z.string(), description: z.object({ id: z.string(), en: z.string() }) }),
      ),
      api: z.string(),
    }),
  ),
});

const jsonExportView = z.object({
  licence: z.string(),
  generatedAt: z.iso.datetime(),
  count: z.number().int(),
  items: z.array(innovationRowView),
});

/** Open data: the whole public innovation database under a stated licence. */
@ApiTags('open-data')
@Controller('public/open-data')
@Public()
export class OpenDataController {
  constructor(private readonly exporter: ExportOpenDataUseCase) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, catalogueView, 'The datasets, their fields, formats and licence')
  describe(): z.infer<typeof catalogueView> {
    const licence = this.exporter.licence;
    return {
      licence,
      datasets: [
        {
          id: 'innovations',
          title: {
            id: 'Basis data inovasi pelayanan publik',
            en: 'Public-service innovation database',
          },
          description: {
            id: 'Semua inovasi yang diterbitkan, dengan penghargaan, instansi, wilayah, kategori, TPB dan status.',
            en: 'Every published innovation with its awards, institution, region, category, SDGs and status.',
          },
          licence,
          formats: [
            {
              format: 'json',
              href: '/public/open-data/innovations.json',
              mediaType: 'application/json',
            },
            { format: 'csv', href: '/public/open-data/innovations.csv', mediaType: 'text/csv' },
          ],
          fields: CSV_COLUMNS.map((name) => ({ name, description: FIELD_DESCRIPTIONS[name] })),
          api: '/public/innovations',
        },
      ],
    };
  }

  @Get('innovations.json')
  @ApiOkResponse({
    description: 'The envelope, streamed',
    schema: toOpenApiSchema(jsonExportView, 'output'),
  })
  json(@Res({ passthrough: true }) response: Response): StreamableFile {
    response.setHeader('X-Licence', this.exporter.licence);
    return new StreamableFile(Readable.from(this.exporter.json()), {
      type: 'application/json; charset=utf-8',
      disposition: 'inline; filename="innovations.json"',
    });
  }

  @Get('innovations.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `RFC 4180 CSV with a header row (${CSV_COLUMNS.join(', ')}); the licence is in the X-Licence header`,
  })
  csv(@Res({ passthrough: true }) response: Response): StreamableFile {
    response.setHeader('X-Licence', this.exporter.licence);
    return new StreamableFile(Readable.from(this.exporter.csv()), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="innovations.csv"',
    });
  }
}
