import type { ReviewerRepository } from '../../reviewer/reviewer.repository';
import type { StageRepository } from '../../stage/stage.repository';
import type { ScoreSheet } from '../score-sheet.schema';
import type { DeskSheetFilter, ScoringRepository, ListedDeskSheet } from '../scoring.repository';
import { anEdition } from '../testing/in-memory-scoring';
import { ListDeskScoresUseCase } from './list-desk-scores.use-case';

const scored = (novelty: number) => [
  { criterionId: 'novelty', score: novelty, comment: 'c' },
  { criterionId: 'effectiveness', score: novelty, comment: 'c' },
];

const aSheet = (
  _id: string,
  scorerId: string,
  overrides: Partial<ListedDeskSheet> = {},
): ListedDeskSheet => ({
  _id,
  proposalId: 'prop_1',
  scorerId,
  status: 'submitted',
  criteria: scored(80),
  submissions: 1,
  submittedAt: new Date('2027-05-01T03:00:00.000Z'),
  submittedWeightedScore: 80,
  ...overrides,
});

function setup(sheets: ListedDeskSheet[], audits: Pick<ScoreSheet, '_id' | 'audit'>[] = []) {
  const auditReads: (readonly string[])[] = [];
  const reads: (string | undefined)[] = [];
  const repository = {
    findEdition: () => Promise.resolve(anEdition()),
    deskSheets: (_editionId: string, filter: DeskSheetFilter, limit: number) => {
      reads.push(filter.after);
      return Promise.resolve(
        sheets.filter((s) => !filter.after || s._id > filter.after).slice(0, limit),
      );
    },
    audits: (ids: readonly string[]) => {
      auditReads.push(ids);
      return Promise.resolve(audits.filter((a) => ids.includes(a._id)));
    },
  } as unknown as ScoringRepository;
  const stages = {
    proposalsByIds: () => Promise.resolve([{ _id: 'prop_1', title: 'Klinik Keliling' }]),
  } as unknown as StageRepository;
  const reviewers = {
    findMany: () => Promise.resolve([{ _id: 'ev_1', name: 'Dr. Sari' }]),
  } as unknown as ReviewerRepository;
  return { useCase: new ListDeskScoresUseCase(repository, stages, reviewers), auditReads, reads };
}

describe('ListDeskScoresUseCase', () => {
  it('should name the proposal and the evaluator when evaluation knows them', async () => {
    const { useCase } = setup([aSheet('desk_a', 'ev_1'), aSheet('desk_b', 'ev_2')]);

    const page = await useCase.execute('ed_2027', {}, 50);

    expect(page.items.map((i) => [i.title, i.evaluatorName])).toEqual([
      ['Klinik Keliling', 'Dr. Sari'],
      ['Klinik Keliling', null],
    ]);
    expect(page.nextAfter).toBeNull();
  });

  it('should give a reopened sheet its last submitted criteria, reading only its audit trail', async () => {
    const { useCase, auditReads } = setup(
      [
        aSheet('desk_a', 'ev_1'),
        aSheet('desk_b', 'ev_2', { status: 'draft', criteria: scored(10), submissions: 2 }),
      ],
      [
        {
          _id: 'desk_b',
          audit: [
            {
              action: 'submitted',
              by: 'ev_2',
              at: new Date(1),
              criteria: scored(60),
              weightedScore: 60,
            },
            {
              action: 'submitted',
              by: 'ev_2',
              at: new Date(2),
              criteria: scored(80),
              weightedScore: 80,
            },
            {
              action: 'reopened',
              by: 'ev_2',
              at: new Date(3),
              criteria: scored(10),
              weightedScore: 10,
            },
          ],
        },
      ],
    );

    const page = await useCase.execute('ed_2027', {}, 50);

    expect(auditReads).toEqual([['desk_b']]);
    expect(page.items[1]).toMatchObject({
      reopened: true,
      criteria: scored(80),
      weightedScore: 80,
    });
  });

  it('should skip drafts never submitted and read on until the page is full', async () => {
    const draft = { status: 'draft' as const, submissions: 0, submittedWeightedScore: null };
    const { useCase, reads } = setup([
      aSheet('desk_a', 'ev_1', draft),
      aSheet('desk_b', 'ev_1', draft),
      aSheet('desk_c', 'ev_1', draft),
      aSheet('desk_d', 'ev_1'),
      aSheet('desk_e', 'ev_1', draft),
      aSheet('desk_f', 'ev_1'),
      aSheet('desk_g', 'ev_1'),
    ]);

    const page = await useCase.execute('ed_2027', {}, 2);

    expect(page.items.map((i) => i.sheetId)).toEqual(['desk_d', 'desk_f']);
    expect(page.nextAfter).toBe('desk_f');
    expect(reads).toEqual([undefined, 'desk_c', 'desk_f']);
  });

  it('should hand out the last id of a full page as the next key, and none after the last page', async () => {
    const { useCase } = setup([
      aSheet('desk_a', 'ev_1'),
      aSheet('desk_b', 'ev_1'),
      aSheet('desk_c', 'ev_1'),
    ]);

    const first = await useCase.execute('ed_2027', {}, 2);
    const second = await useCase.execute('ed_2027', { after: first.nextAfter ?? '' }, 2);

    expect(first.items.map((i) => i.sheetId)).toEqual(['desk_a', 'desk_b']);
    expect(first.nextAfter).toBe('desk_b');
    expect(second.items.map((i) => i.sheetId)).toEqual(['desk_c']);
    expect(second.nextAfter).toBeNull();
  });
});
