import {
  CheckInDueV1,
  CheckInOverdueV1,
  CheckInSubmittedV1,
  InnovationUpdatedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { eventually, TopicReader, type ReadMessage } from '@kipp/testing';
import { INNOVATION_MODEL, type InnovationDocument } from '../src/catalogue/innovation.schema';
import { CHECK_IN_MODEL, type CheckIn } from '../src/check-ins/check-in.schema';
import {
  ScanCheckInsUseCase,
  type CheckInScan,
} from '../src/check-ins/use-cases/scan-check-ins.use-case';
import {
  startReplicationApp,
  type ReplicationReplica,
  type ReplicationTestApp,
} from './replication-test-app';

/*
 * Check-ins on a clock the tests drive (interval 12 months, window 30 days, lapse after 2):
 * inv_lapse was awarded 2027-07-15 and never answers; inv_answer answers; inv_plain has no
 * award and inv_gone is stopped, so neither is ever asked.
 */

const at = (iso: string) => new Date(iso);

function innovation(
  id: string,
  institutionId: string,
  over: Partial<InnovationDocument> = {},
): Omit<InnovationDocument, 'createdAt' | 'updatedAt'> {
  return {
    _id: id,
    revision: 1,
    title: `Inovasi ${id}`,
    institutionId,
    institutionName: `Pemerintah ${institutionId}`,
    institutionType: 'city',
    provinceCode: '32',
    unitId: 'unit_dinkes',
    categoryId: 'health',
    sdgTargets: ['3.8'],
    sections: [],
    proposalIds: [`prop_${id}`],
    awards: [{ editionId: 'ed_2027', year: 2027, groupId: 'general', tier: 'top' }],
    status: 'active',
    publishedAt: at('2027-07-15T03:00:00.000Z'),
    ...over,
  };
}

function codeOf(response: { body: unknown }): string | undefined {
  return (response.body as { error?: { code?: string } }).error?.code;
}

function payloads<P>(messages: ReadMessage[]): P[] {
  return messages.map((message) => (JSON.parse(message.value ?? '{}') as { payload: P }).payload);
}

describe('sustainability check-ins', () => {
  let app: ReplicationTestApp;
  let replicas: ReplicationReplica[];
  let reader: TopicReader;
  let topics: { due: string; overdue: string; submitted: string; updated: string };

  /** One scan on each of the three replicas at once, at the same `now`. */
  const scanEverywhere = async (now: string): Promise<CheckInScan> => {
    const outcomes = await Promise.all(
      [app, ...replicas].map((replica) => replica.app.get(ScanCheckInsUseCase).execute(at(now))),
    );
    return outcomes.reduce((sum, outcome) => ({
      opened: sum.opened + outcome.opened,
      overdue: sum.overdue + outcome.overdue,
      lapsed: sum.lapsed + outcome.lapsed,
    }));
  };
  const checkIns = () => app.model<CheckIn>(CHECK_IN_MODEL);
  const innovations = () => app.model<InnovationDocument>(INNOVATION_MODEL);
  const as = (institutionId: string) => app.issuer.headers(['local_admin'], { institutionId });

  beforeAll(async () => {
    const env = {
      CHECK_IN_ENABLED: 'false',
      CHECK_IN_INTERVAL_MONTHS: '12',
      CHECK_IN_WINDOW_DAYS: '30',
      CHECK_IN_LAPSE_AFTER: '2',
    };
    app = await startReplicationApp({ env });
    replicas = [await app.startReplica(), await app.startReplica()];
    topics = {
      due: app.topics.topicOf(CheckInDueV1),
      overdue: app.topics.topicOf(CheckInOverdueV1),
      submitted: app.topics.topicOf(CheckInSubmittedV1),
      updated: app.topics.topicOf(InnovationUpdatedV1),
    };
    reader = await TopicReader.start(Object.values(topics));
    await innovations().create([
      innovation('inv_lapse', 'inst_bdg'),
      innovation('inv_answer', 'inst_sby', { unitId: null }),
      innovation('inv_plain', 'inst_bdg', { awards: [] }),
      innovation('inv_gone', 'inst_bdg', { status: 'stopped' }),
    ]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  it('should open each check-in once even with three replicas scanning at the same time', async () => {
    expect(await scanEverywhere('2028-07-15T02:00:00.000Z')).toEqual({
      opened: 0,
      overdue: 0,
      lapsed: 0,
    });
    expect(await scanEverywhere('2028-07-16T00:00:00.000Z')).toMatchObject({ opened: 2 });
    expect(await scanEverywhere('2028-07-17T00:00:00.000Z')).toMatchObject({ opened: 0 });

    const opened = await checkIns().find({}).sort({ _id: 1 }).lean<CheckIn[]>();
    expect(opened.map((checkIn) => [checkIn._id, checkIn.status, checkIn.period])).toEqual([
      ['chk_inv_answer_2028', 'open', 2028],
      ['chk_inv_lapse_2028', 'open', 2028],
    ]);
    expect(opened[1]).toMatchObject({
      innovationId: 'inv_lapse',
      institutionId: 'inst_bdg',
      unitId: 'unit_dinkes',
      scheduledAt: at('2028-07-15T03:00:00.000Z'),
      openedAt: at('2028-07-16T00:00:00.000Z'),
      dueAt: at('2028-08-15T00:00:00.000Z'),
    });

    await eventually(() => expect(reader.on(topics.due)).toHaveLength(2));
    expect(
      payloads<PayloadOf<typeof CheckInDueV1>>(reader.on(topics.due)).sort((a, b) =>
        a.checkInId.localeCompare(b.checkInId),
      ),
    ).toEqual([
      {
        checkInId: 'chk_inv_answer_2028',
        innovationId: 'inv_answer',
        innovationTitle: 'Inovasi inv_answer',
        institutionId: 'inst_sby',
        unitId: null,
        period: 2028,
        dueAt: '2028-08-15T00:00:00.000Z',
        occurredAt: '2028-07-16T00:00:00.000Z',
      },
      {
        checkInId: 'chk_inv_lapse_2028',
        innovationId: 'inv_lapse',
        innovationTitle: 'Inovasi inv_lapse',
        institutionId: 'inst_bdg',
        unitId: 'unit_dinkes',
        period: 2028,
        dueAt: '2028-08-15T00:00:00.000Z',
        occurredAt: '2028-07-16T00:00:00.000Z',
      },
    ]);
  });

  it('should mark a check-in overdue once and flag the innovation lapsed after two in a row', async () => {
    // inv_answer answers in time; inv_lapse does not.
    await app
      .http()
      .post('/check-ins/chk_inv_answer_2028')
      .set(await as('inst_sby'))
      .send({ running: true, inBudget: true, regulationInForce: true, peopleServed: 1200 })
      .expect(200);
    expect(await scanEverywhere('2028-08-15T00:00:00.000Z')).toMatchObject({ overdue: 0 });
    expect(await scanEverywhere('2028-08-16T00:00:00.000Z')).toEqual({
      opened: 0,
      overdue: 1,
      lapsed: 0,
    });
    expect(await scanEverywhere('2028-08-17T00:00:00.000Z')).toMatchObject({ overdue: 0 });
    expect(await innovations().findById('inv_lapse').lean()).toMatchObject({ status: 'active' });

    expect(await scanEverywhere('2029-07-16T00:00:00.000Z')).toMatchObject({ opened: 2 });
    expect(await scanEverywhere('2029-08-16T00:00:00.000Z')).toEqual({
      opened: 0,
      overdue: 2,
      lapsed: 1,
    });
    expect(await innovations().findById('inv_lapse').lean()).toMatchObject({
      status: 'lapsed',
      revision: 2,
    });
    // inv_answer answered 2028, so one unanswered check-in is no lapse.
    expect(await innovations().findById('inv_answer').lean()).toMatchObject({ status: 'active' });

    await eventually(() => expect(reader.on(topics.overdue)).toHaveLength(3));
    const overdue = payloads<PayloadOf<typeof CheckInOverdueV1>>(reader.on(topics.overdue));
    expect(overdue.map((p) => [p.checkInId, p.occurredAt]).sort()).toEqual([
      ['chk_inv_answer_2029', '2029-08-16T00:00:00.000Z'],
      ['chk_inv_lapse_2028', '2028-08-16T00:00:00.000Z'],
      ['chk_inv_lapse_2029', '2029-08-16T00:00:00.000Z'],
    ]);
    await eventually(() => {
      const updates = payloads<PayloadOf<typeof InnovationUpdatedV1>>(reader.on(topics.updated));
      expect(updates.map((u) => u.innovation)).toContainEqual(
        expect.objectContaining({ innovationId: 'inv_lapse', status: 'lapsed', revision: 2 }),
      );
    });
  });

  it('should take a late answer, lift the lapse and refuse a second answer', async () => {
    const response = await app
      .http()
      .post('/check-ins/chk_inv_lapse_2029')
      .set(await as('inst_bdg'))
      .send({ running: true, inBudget: false, regulationInForce: true, scaled: true })
      .expect(200);
    expect(response.body).toMatchObject({
      checkInId: 'chk_inv_lapse_2029',
      status: 'answered',
      answer: {
        running: true,
        inBudget: false,
        regulationInForce: true,
        peopleServed: null,
        scaled: true,
        outcome: 'scaled',
        late: true,
      },
    });
    expect(await innovations().findById('inv_lapse').lean()).toMatchObject({
      status: 'scaled',
      revision: 3,
    });
    await eventually(() => {
      const submitted = payloads<PayloadOf<typeof CheckInSubmittedV1>>(reader.on(topics.submitted));
      expect(submitted).toContainEqual(
        expect.objectContaining({
          checkInId: 'chk_inv_lapse_2029',
          innovationId: 'inv_lapse',
          institutionId: 'inst_bdg',
          period: 2029,
          outcome: 'scaled',
          peopleServed: null,
        }),
      );
      const updates = payloads<PayloadOf<typeof InnovationUpdatedV1>>(reader.on(topics.updated));
      expect(updates.map((u) => u.innovation)).toContainEqual(
        expect.objectContaining({ innovationId: 'inv_lapse', status: 'scaled', revision: 3 }),
      );
    });

    const twice = await app
      .http()
      .post('/check-ins/chk_inv_lapse_2029')
      .set(await as('inst_bdg'))
      .send({ running: false, inBudget: false, regulationInForce: false })
      .expect(409);
    expect(codeOf(twice)).toBe('CHECK_IN_ANSWERED');
    expect(await innovations().findById('inv_lapse').lean()).toMatchObject({ status: 'scaled' });
  });

  it('should stop an innovation that no longer runs and ask it no more', async () => {
    await app
      .http()
      .post('/check-ins/chk_inv_answer_2029')
      .set(await as('inst_sby'))
      .send({ running: false, inBudget: false, regulationInForce: false, peopleServed: 0 })
      .expect(200);
    expect(await innovations().findById('inv_answer').lean()).toMatchObject({ status: 'stopped' });
    expect(await scanEverywhere('2030-07-16T00:00:00.000Z')).toMatchObject({ opened: 1 });
    expect(await checkIns().exists({ _id: 'chk_inv_answer_2030' })).toBeNull();
    expect(await checkIns().exists({ _id: 'chk_inv_lapse_2030' })).not.toBeNull();
    expect(
      await checkIns().exists({ innovationId: { $in: ['inv_plain', 'inv_gone'] } }),
    ).toBeNull();
  });

  it('should let only the innovation’s institution answer, and reject bad answers', async () => {
    const answer = { running: true, inBudget: true, regulationInForce: true };
    const post = (body: object, id = 'chk_inv_lapse_2030') =>
      app.http().post(`/check-ins/${id}`).send(body);
    await post(answer).expect(401);
    await post(answer)
      .set(await as('inst_sby'))
      .expect(403);
    await post(answer)
      .set(await app.issuer.headers(['national_admin']))
      .expect(403);
    await post(answer)
      .set(await app.issuer.headers(['evaluator']))
      .expect(403);
    const headers = await as('inst_bdg');
    const invalid: object[] = [
      { running: true, inBudget: true },
      { ...answer, peopleServed: -1 },
      { ...answer, peopleServed: 1.5 },
      { ...answer, running: 'yes' },
      { ...answer, note: 'free text' },
    ];
    for (const body of invalid) {
      const response = await post(body).set(headers);
      expect([response.status, codeOf(response)]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const unknown = await post(answer, 'chk_unknown').set(headers).expect(404);
    expect(codeOf(unknown)).toBe('CHECK_IN_NOT_FOUND');
    expect(await checkIns().findById('chk_inv_lapse_2030').lean()).toMatchObject({
      status: 'open',
      answer: null,
    });
    // An operator of the institution may answer.
    await post({ ...answer, peopleServed: 40 })
      .set(
        await app.issuer.headers(['unit_operator'], {
          institutionId: 'inst_bdg',
          unitId: 'unit_dinkes',
        }),
      )
      .expect(200);
  });

  it('should list check-ins by institution for the signed-in and by innovation for the public', async () => {
    const list = async (headers: Record<string, string>, query = '') => {
      const response = await app.http().get(`/check-ins${query}`).set(headers).expect(200);
      return (response.body as { checkIns: { checkInId: string; status: string }[] }).checkIns;
    };
    const bdg = await list(await as('inst_bdg'));
    expect(bdg.map((c) => c.checkInId)).toEqual([
      'chk_inv_lapse_2030',
      'chk_inv_lapse_2029',
      'chk_inv_lapse_2028',
    ]);
    expect(await list(await as('inst_bdg'), '?status=overdue')).toEqual([
      expect.objectContaining({ checkInId: 'chk_inv_lapse_2028', status: 'overdue' }),
    ]);
    expect((await list(await as('inst_bdg'), '?innovationId=inv_answer')).length).toBe(0);
    const all = await list(await app.issuer.headers(['national_admin']), '?status=answered');
    expect(all.map((c) => c.checkInId).sort()).toEqual([
      'chk_inv_answer_2028',
      'chk_inv_answer_2029',
      'chk_inv_lapse_2029',
      'chk_inv_lapse_2030',
    ]);
    await app
      .http()
      .get('/check-ins?status=lost')
      .set(await as('inst_bdg'))
      .expect(400);
    await app.http().get('/check-ins').expect(401);

    const publicList = await app.http().get('/innovations/inv_lapse/check-ins').expect(200);
    const publicCheckIns = (publicList.body as { checkIns: Record<string, unknown>[] }).checkIns;
    expect(publicCheckIns.map(({ answeredAt, ...rest }) => [rest, typeof answeredAt])).toEqual([
      [{ period: 2030, status: 'answered', outcome: 'active' }, 'string'],
      [{ period: 2029, status: 'answered', outcome: 'scaled' }, 'string'],
      [{ period: 2028, status: 'overdue', outcome: null }, 'object'],
    ]);
    expect(publicCheckIns[2]?.answeredAt).toBeNull();
    await app.http().get('/innovations/inv_unknown/check-ins').expect(404);
    const aliased = await app.http().get('/public/innovations/inv_lapse/check-ins').expect(200);
    expect(aliased.body).toEqual(publicList.body);

    // Every reminder went out exactly once, across three replicas and many scans.
    const due = () => payloads<PayloadOf<typeof CheckInDueV1>>(reader.on(topics.due));
    await eventually(() => expect(due()).toHaveLength(5));
    expect(
      due()
        .map((p) => p.checkInId)
        .sort(),
    ).toEqual([
      'chk_inv_answer_2028',
      'chk_inv_answer_2029',
      'chk_inv_lapse_2028',
      'chk_inv_lapse_2029',
      'chk_inv_lapse_2030',
    ]);
    expect(reader.on(topics.overdue)).toHaveLength(3);
  });

  it('should run the scan by itself on a replica with check-ins enabled', async () => {
    const awardedAt = new Date(Date.now() - 400 * 86_400_000);
    await innovations().create(innovation('inv_live', 'inst_bdg', { publishedAt: awardedAt }));
    // Closed with the app; it scans at the real clock, which none of the other data is due at.
    await app.startReplica({ CHECK_IN_ENABLED: 'true', CHECK_IN_SCAN_INTERVAL_MS: '200' });
    await eventually(async () => {
      const opened = await checkIns().findOne({ innovationId: 'inv_live' }).lean<CheckIn>();
      expect(opened).toMatchObject({ status: 'open', innovationId: 'inv_live' });
    });
  });
});
