import { Controller, Get, HttpStatus, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@kipp/auth';
import { AWARD_TIERS } from '@kipp/contracts';
import { ApiZodResponse, ZodParams } from '@kipp/service-kit';
import type { ExportFile } from './export-file';
import { ExportDecreeAnnexUseCase } from './use-cases/export-decree-annex.use-case';
import { ExportDidUseCase } from './use-cases/export-did.use-case';
import { ListUnpsaCandidatesUseCase } from './use-cases/list-unpsa-candidates.use-case';

const editionParams = z.strictObject({ editionId: z.string().min(1).max(64) });
type EditionParams = z.infer<typeof editionParams>;

const unpsaCandidatesView = z.object({
  editionId: z.string(),
  year: z.number().int(),
  referenceDate: z.iso.datetime(),
  candidates: z.array(
    z.object({
      proposalId: z.string(),
      title: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      tier: z.enum(AWARD_TIERS),
      innovationStartDate: z.iso.date(),
      yearsRunning: z.number().int(),
      impactSections: z.array(z.object({ sectionId: z.string(), words: z.number().int() })),
      reasons: z.array(z.string()).describe('why it qualifies, one sentence per rule'),
    }),
  ),
});

function send(file: ExportFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.body.length,
  });
}

/** The results' official outputs for the national admin: decree annex, DID, UNPSA. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('editions/:editionId/exports')
@Roles('national_admin')
export class OutputController {
  constructor(
    private readonly decreeAnnex: ExportDecreeAnnexUseCase,
    private readonly did: ExportDidUseCase,
    private readonly unpsa: ListUnpsaCandidatesUseCase,
  ) {}

  @Get('decree-annex.csv')
  @ApiProduces('text/csv')
  async decreeAnnexCsv(@ZodParams(editionParams) params: EditionParams): Promise<StreamableFile> {
    return send(await this.decreeAnnex.execute(params.editionId, 'csv'));
  }

  @Get('decree-annex.pdf')
  @ApiProduces('application/pdf')
  async decreeAnnexPdf(@ZodParams(editionParams) params: EditionParams): Promise<StreamableFile> {
    return send(await this.decreeAnnex.execute(params.editionId, 'pdf'));
  }

  @Get('did.csv')
  @ApiProduces('text/csv')
  async didCsv(@ZodParams(editionParams) params: EditionParams): Promise<StreamableFile> {
    return send(await this.did.execute(params.editionId));
  }

  @Get('unpsa-candidates.csv')
  @ApiProduces('text/csv')
  async unpsaCsv(@ZodParams(editionParams) params: EditionParams): Promise<StreamableFile> {
    return send(await this.unpsa.csv(params.editionId));
  }

  @Get('unpsa-candidates')
  @ApiZodResponse(HttpStatus.OK, unpsaCandidatesView)
  async unpsaCandidates(
    @ZodParams(editionParams) params: EditionParams,
  ): Promise<z.infer<typeof unpsaCandidatesView>> {
    const result = await this.unpsa.execute(params.editionId);
    return { ...result, referenceDate: result.referenceDate.toISOString() };
  }
}
