import { StageNotPublishedError } from '../../stage/stage.errors';
import type {
  ListPublicFinalistsUseCase,
  PublicFinalist,
} from '../../stage/use-cases/list-public-finalists.use-case';
import type { ScoringRepository } from '../scoring.repository';
import type { SheetStanding } from '../sheet-standing';
import type { SheetStandingsRepository } from '../sheet-standings.repository';
import { anEdition, panelist } from '../testing/in-memory-scoring';
import { ListMyPanelSheetsUseCase } from './list-my-panel-sheets.use-case';

const finalist = (proposalId: string): PublicFinalist => ({
  proposalId,
  title: `Title of ${proposalId}`,
  institutionName: 'Kota Bandung',
  categoryId: 'health',
  groupId: 'general',
});

function setup(finalists: PublicFinalist[] | 'unpublished', sheets: SheetStanding[]) {
  const sheetReads: (readonly string[])[] = [];
  const repository = {
    findEdition: (editionId: string) =>
      Promise.resolve(editionId === 'ed_2027' ? anEdition() : null),
  } as unknown as ScoringRepository;
  const publicFinalists = {
    execute: (editionId: string) =>
      finalists === 'unpublished'
        ? Promise.reject(new StageNotPublishedError(editionId, 'finalists'))
        : Promise.resolve({ editionId, publishedAt: new Date(0), finalists }),
  } as unknown as ListPublicFinalistsUseCase;
  const standings = {
    byIds: (ids: readonly string[]) => {
      sheetReads.push(ids);
      return Promise.resolve(sheets);
    },
  } as unknown as SheetStandingsRepository;
  return {
    useCase: new ListMyPanelSheetsUseCase(repository, publicFinalists, standings),
    sheetReads,
  };
}

describe('ListMyPanelSheetsUseCase', () => {
  it("should read the caller's sheets for every finalist in one query by sheet id and attach each", async () => {
    const { useCase, sheetReads } = setup(
      [finalist('prop_1'), finalist('prop_2')],
      [
        {
          _id: 'panel_ed_2027_prop_2_pan_1',
          status: 'submitted',
          revision: 2,
          weightedScore: 88,
          submittedAt: new Date('2027-07-02T03:00:00.000Z'),
        },
      ],
    );

    const list = await useCase.execute('ed_2027', panelist('pan_1'));

    expect(sheetReads).toEqual([['panel_ed_2027_prop_1_pan_1', 'panel_ed_2027_prop_2_pan_1']]);
    expect(list.items.map((i) => [i.finalist.proposalId, i.sheet?.status ?? null])).toEqual([
      ['prop_1', null],
      ['prop_2', 'submitted'],
    ]);
    // The panel window's end as the calendar plans it: the plenary's.
    expect(list.deadline).toEqual(new Date('2027-07-12T01:00:00.000Z'));
  });

  it('should answer an empty list without reading sheets when the finalists are not published', async () => {
    const { useCase, sheetReads } = setup('unpublished', []);

    const list = await useCase.execute('ed_2027', panelist('pan_1'));

    expect(list).toMatchObject({ publishedAt: null, items: [] });
    expect(sheetReads).toEqual([]);
  });

  it('should answer EDITION_NOT_FOUND when the edition is not known here', async () => {
    const { useCase } = setup([], []);

    await expect(useCase.execute('ed_unknown', panelist('pan_1'))).rejects.toMatchObject({
      code: 'EDITION_NOT_FOUND',
    });
  });
});
