import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import {
  anAssignment,
  anEdition,
  DESK_ENDS,
  evaluator as evaluatorUser,
} from '../../scoring/testing/in-memory-scoring';
import type { SheetStanding } from '../../scoring/sheet-standing';
import type { SheetStandingsRepository } from '../../scoring/sheet-standings.repository';
import type { AssignmentSourcesRepository } from '../assignment-sources.repository';
import type { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import { ListMyAssignmentsUseCase } from './list-my-assignments.use-case';

const evaluator = evaluatorUser('acct_eval_1');

const assignment = (_id: string, proposalId: string, editionId = 'ed_2027'): Assignment =>
  anAssignment({ _id, proposalId, editionId, evaluatorId: evaluator.accountId });

/** `ed_raw` has no evaluation settings; `ed_unknown` is not known here. */
function edition(editionId: string): EditionProjection | null {
  if (editionId === 'ed_unknown') return null;
  const known = { ...anEdition(), _id: editionId };
  if (editionId === 'ed_raw') delete known.configuration.evaluation;
  return known;
}

function setup(own: Assignment[], sheets: SheetStanding[]) {
  const sheetReads: (readonly string[])[] = [];
  const assignments = {
    list: () => Promise.resolve(own),
  } as unknown as AssignmentRepository;
  const sources = {
    proposalsByIds: () => Promise.resolve([]),
    edition: (editionId: string) => Promise.resolve(edition(editionId)),
    institutionsByIds: () => Promise.resolve(new Map()),
  } as unknown as AssignmentSourcesRepository;
  const standings = {
    byIds: (sheetIds: readonly string[]) => {
      sheetReads.push(sheetIds);
      return Promise.resolve(sheets);
    },
  } as unknown as SheetStandingsRepository;
  return {
    useCase: new ListMyAssignmentsUseCase(assignments, sources, standings),
    sheetReads,
  };
}

describe('ListMyAssignmentsUseCase', () => {
  it("should read the caller's desk sheets once for the whole list and attach each to its assignment", async () => {
    const submittedAt = new Date('2027-05-01T03:00:00.000Z');
    const { useCase, sheetReads } = setup(
      [assignment('asg_1', 'prop_1'), assignment('asg_2', 'prop_2'), assignment('asg_3', 'prop_3')],
      [
        {
          _id: 'desk_asg_1',
          status: 'draft',
          revision: 2,
          weightedScore: null,
          submittedAt: null,
        },
        { _id: 'desk_asg_2', status: 'submitted', revision: 3, weightedScore: 85, submittedAt },
      ],
    );

    const items = await useCase.execute(evaluator);

    expect(sheetReads).toEqual([['desk_asg_1', 'desk_asg_2', 'desk_asg_3']]);
    expect(items.map((i) => [i.assignment._id, i.sheet?.status ?? null])).toEqual([
      ['asg_1', 'draft'],
      ['asg_2', 'submitted'],
      ['asg_3', null],
    ]);
    expect(items[1]?.sheet).toMatchObject({ revision: 3, weightedScore: 85, submittedAt });
  });

  it('should give the deadline the sheet accepts scores until, null when the edition has no evaluation settings', async () => {
    const grace = editionConfigurationExample.evaluation?.scoringGraceMinutes ?? 0;
    expect(grace).toBeGreaterThan(0);
    const { useCase } = setup(
      [
        assignment('asg_1', 'prop_1'),
        assignment('asg_2', 'prop_2', 'ed_raw'),
        assignment('asg_3', 'prop_3', 'ed_unknown'),
      ],
      [],
    );

    const items = await useCase.execute(evaluator);

    expect(items.map((i) => i.deadline?.toISOString() ?? null)).toEqual([
      new Date(DESK_ENDS.getTime() + grace * 60_000).toISOString(),
      null,
      null,
    ]);
  });

  it('should read no sheet when the caller has no active assignment', async () => {
    const { useCase, sheetReads } = setup([], []);

    expect(await useCase.execute(evaluator)).toEqual([]);
    expect(sheetReads).toEqual([]);
  });
});
