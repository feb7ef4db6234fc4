import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  ALL_EVENTS,
  AwardGrantedV1,
  editionConfigurationExample,
  EditionPublishedV1,
  innovationRecordExample,
  InnovationPublishedV1,
  InnovationUpdatedV1,
  type AwardTier,
  type EditionConfiguration,
  type InnovationRecord,
} from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  buildEvent,
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  INNOVATION_PROJECTION_MODEL,
  PRIOR_AWARD_MODEL,
  type InnovationProjection,
  type PriorAward,
} from '../src/innovation/innovation.schema';

const DAY = 86_400_000;

interface Check {
  check: string;
  outcome: 'pass' | 'warn' | 'fail';
  detail: string;
}
interface ProposalBody {
  proposalId: string;
  revision: number;
  sourceInnovationIds: string[];
  eligibility: Check[];
}

const body = (response: request.Response): ProposalBody => response.body as ProposalBody;
const checkOf = (proposal: ProposalBody, name: string): Check | undefined =>
  proposal.eligibility.find((c) => c.check === name);
function expectCheck(proposal: ProposalBody, name: string, outcome: string, detail: string) {
  const check = checkOf(proposal, name);
  expect(check?.outcome).toBe(outcome);
  expect(check?.detail).toContain(detail);
}

/** An edition open for submission now, with the special group invited to `invited`. */
function openEdition(editionId: string, invited: string[]): EditionConfiguration {
  const now = Date.now();
  return {
    ...editionConfigurationExample,
    editionId,
    groups: [
      // Top 99 twice keeps an innovation out of the general group.
      ...editionConfigurationExample.groups.map((g) =>
        g.groupId === 'general' ? { ...g, eligibility: { ...g.eligibility, maxPriorTop99: 2 } } : g,
      ),
      {
        groupId: 'special',
        name: { id: 'Khusus', en: 'Special' },
        quotaPerInstitution: 1,
        eligibility: {
          invitationOnly: true,
          requiresSourceInnovation: false,
          maxPriorTop99: null,
          excludesPastWinners: false,
        },
        invitedInstitutionIds: invited,
      },
    ],
    calendar: [
      {
        phase: 'registration',
        startsAt: new Date(now - 10 * DAY).toISOString(),
        endsAt: new Date(now - DAY).toISOString(),
      },
      {
        phase: 'submission',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 10 * DAY).toISOString(),
      },
    ],
  };
}

describe('submissions service: innovation database, prior awards and invitations', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let issuer: TestIssuer;
  let editions: Model<EditionProjection>;
  let innovations: Model<InnovationProjection>;
  let priorAwards: Model<PriorAward>;
  const database = uniqueName('submissions_innovations');
  const suffix = randomUUID().slice(0, 8);
  const editionId = `ed_inv_${suffix}`;
  const invited = `inst_invited_${suffix}`;

  const http = () => request(app.getHttpServer());
  const unit = (institutionId: string) =>
    issuer.headers(['unit_operator'], { institutionId, unitId: `unit_${institutionId}` });

  /** Produces the record; returns the event id. */
  async function publishInnovation(record: InnovationRecord, updated = false): Promise<string> {
    const event = updated
      ? buildEvent(InnovationUpdatedV1, { innovation: record })
      : buildEvent(InnovationPublishedV1, { innovation: record });
    await produceRaw(topics.topicOf(updated ? InnovationUpdatedV1 : InnovationPublishedV1), [
      event,
    ]);
    return event.eventId;
  }

  /** The consumer has handled the event (applied or deliberately ignored it). */
  const processed = async (eventId: string) =>
    (await editions.db.collection('processed_events').countDocuments({ eventId })) === 1;

  async function grantAward(
    institutionId: string,
    awardEdition: string,
    title: string,
    tiers: AwardTier[],
  ): Promise<string> {
    const proposalId = `prop_award_${randomUUID()}`;
    const event = buildEvent(AwardGrantedV1, {
      ...AwardGrantedV1.example,
      proposalId,
      institutionId,
      editionId: awardEdition,
      year: Number(awardEdition.slice(3, 7)),
      title,
      tiers,
    });
    await produceRaw(topics.topicOf(AwardGrantedV1), [event]);
    return proposalId;
  }

  const draft = (
    headers: Record<string, string>,
    groupId: 'general' | 'replication' | 'special',
    title: string,
  ) =>
    http()
      .post('/proposals')
      .set(headers)
      .send({ editionId, groupId, categoryId: 'health', title });

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    const config = loadSubmissionsConfig(serviceTestEnv({ database, topicPrefix: topics.prefix }));
    app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await http().get('/health/ready').expect(200);
    });
    const model = <T>(name: string) => app.get<Model<T>>(getModelToken(name), { strict: false });
    editions = model<EditionProjection>(EDITION_PROJECTION_MODEL);
    innovations = model<InnovationProjection>(INNOVATION_PROJECTION_MODEL);
    priorAwards = model<PriorAward>(PRIOR_AWARD_MODEL);

    const event = buildEvent(EditionPublishedV1, {
      edition: openEdition(editionId, [invited]),
      revision: 1,
    });
    await produceRaw(topics.topicOf(EditionPublishedV1), [event]);
    await eventually(async () => {
      expect(await editions.exists({ _id: editionId })).not.toBeNull();
    });
  });

  afterAll(async () => {
    await app.close();
    await topics.dispose();
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('should pass the source check when a replication proposal names a published innovation, and fail an unknown one', async () => {
    const proposer = `inst_rep_${suffix}`;
    const headers = await unit(proposer);
    const innovationId = `inv_src_${suffix}`;
    const created = body(
      await draft(headers, 'replication', 'Replikasi posyandu digital').expect(201),
    );

    // Named before the projection has it: kept, flagged, never a 500.
    const early = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(headers)
      .send({ revision: created.revision, sourceInnovationIds: [innovationId] })
      .expect(200);
    expect(body(early).sourceInnovationIds).toEqual([innovationId]);
    expectCheck(
      body(early),
      'source-innovation',
      'fail',
      `${innovationId} is not in the innovation database`,
    );

    await publishInnovation({
      ...innovationRecordExample,
      innovationId,
      institutionId: `inst_origin_${suffix}`,
      awards: [{ editionId: 'ed_2023', year: 2023, groupId: 'general', tier: 'finalist' }],
    });
    await eventually(async () => {
      expect(await innovations.exists({ _id: innovationId })).not.toBeNull();
    });
    const named = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(headers)
      .send({ revision: body(early).revision, sourceInnovationIds: [innovationId] })
      .expect(200);
    expect(checkOf(body(named), 'source-innovation')?.outcome).toBe('pass');

    const unknown = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(headers)
      .send({ revision: body(named).revision, sourceInnovationIds: [innovationId, 'inv_nowhere'] })
      .expect(200);
    expectCheck(body(unknown), 'source-innovation', 'fail', 'inv_nowhere');
  });

  it('should ignore a stale revision of an innovation when an older update arrives late', async () => {
    const innovationId = `inv_rev_${suffix}`;
    const record = { ...innovationRecordExample, innovationId, institutionId: `inst_o_${suffix}` };
    await publishInnovation({ ...record, revision: 2, status: 'scaled' });
    await eventually(async () => {
      expect(await innovations.exists({ _id: innovationId })).not.toBeNull();
    });
    const stale = await publishInnovation({ ...record, revision: 1, status: 'stopped' }, true);
    await eventually(async () => expect(await processed(stale)).toBe(true));
    expect(await innovations.findById(innovationId).lean().exec()).toMatchObject({
      revision: 2,
      status: 'scaled',
    });

    await publishInnovation({ ...record, revision: 3, title: 'Posyandu Digital v3' }, true);
    await eventually(async () => {
      expect(await innovations.findById(innovationId).lean().exec()).toMatchObject({
        revision: 3,
        title: 'Posyandu Digital v3',
        normalisedTitle: 'posyandu digital v3',
      });
    });
  });

  it('should fail prior awards when the institution’s innovation of the same title was a finalist twice', async () => {
    const institutionId = `inst_twice_${suffix}`;
    const title = 'Sistem Antrean Puskesmas Terpadu';
    await grantAward(institutionId, 'ed_2024', title, ['finalist']);
    await grantAward(institutionId, 'ed_2025', title, ['finalist']);
    await eventually(async () => {
      expect(await priorAwards.countDocuments({ institutionId })).toBe(2);
    });

    const created = body(await draft(await unit(institutionId), 'general', title).expect(201));
    expectCheck(created, 'prior-awards', 'fail', 'ed_2024, ed_2025');
    const other = body(
      await draft(await unit(institutionId), 'general', 'Layanan Kependudukan Keliling').expect(
        201,
      ),
    );
    expect(checkOf(other, 'prior-awards')).toMatchObject({
      outcome: 'pass',
      detail: 'no earlier award found',
    });
  });

  it('should fail prior awards on the general group when a past winner from the innovation database enters again', async () => {
    const institutionId = `inst_winner_${suffix}`;
    const innovationId = `inv_win_${suffix}`;
    await publishInnovation({
      ...innovationRecordExample,
      innovationId,
      institutionId,
      title: 'Mal Pelayanan Publik Terapung',
      awards: [
        { editionId: 'ed_2019', year: 2019, groupId: 'general', tier: 'finalist' },
        { editionId: 'ed_2019', year: 2019, groupId: 'general', tier: 'top' },
      ],
    });
    await eventually(async () => {
      expect(await innovations.exists({ _id: innovationId })).not.toBeNull();
    });

    const created = body(
      await draft(await unit(institutionId), 'general', 'Mal Pelayanan Publik Terapung').expect(
        201,
      ),
    );
    expectCheck(created, 'prior-awards', 'fail', 'past winner (ed_2019)');
  });

  it('should let an invited institution draft in the special group and refuse any other with 403', async () => {
    const accepted = await draft(
      await unit(invited),
      'special',
      'Pembaruan inovasi unggulan',
    ).expect(201);
    expect(accepted.body).toMatchObject({ groupId: 'special' });
    const refused = await draft(await unit(`inst_uninvited_${suffix}`), 'special', 'Coba').expect(
      403,
    );
    expect(refused.body).toMatchObject({ error: { code: 'GROUP_BY_INVITATION' } });
  });
});
