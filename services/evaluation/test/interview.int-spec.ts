import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import {
  editionConfigurationExample,
  InterviewScheduledV1,
  ObjectionResolvedV1,
  type EditionConfiguration,
  type PayloadOf,
} from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { eventually, produceRaw, TopicReader } from '@kipp/testing';
import { EDITION_PROJECTION_MODEL } from '../src/edition/edition.schema';
import { INTERVIEW_SLOT_MODEL } from '../src/interview/interview-slot.schema';
import { EVALUATION_PROPOSAL_MODEL } from '../src/proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL } from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Slot {
  slotId: string;
  startsAt: string;
  endsAt: string;
  proposalId: string | null;
  institutionId: string | null;
  confirmBy: string | null;
  confirmedAt: string | null;
}

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const slots = (response: request.Response): Slot[] => response.body as Slot[];
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;
/** The WIB calendar date `days` from now. */
const wibDate = (days: number): string =>
  new Date(Date.now() + days * DAY + 7 * HOUR).toISOString().slice(0, 10);

describe('evaluation service: presentation and interview slots', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;
  let editionId: string;
  let ids: { a1: string; a2: string; b1: string; out: string; dq: string; dq2: string };

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([app.topics.topicOf(InterviewScheduledV1)]);
    editionId = `ed_${randomUUID().slice(0, 8)}`;
    ids = {
      a1: `a1_${editionId}`,
      a2: `a2_${editionId}`,
      b1: `b1_${editionId}`,
      out: `out_${editionId}`,
      dq: `dq_${editionId}`,
      dq2: `dq2_${editionId}`,
    };
    const now = Date.now();
    const configuration: EditionConfiguration = {
      ...editionConfigurationExample,
      editionId,
      calendar: [
        {
          phase: 'interview',
          startsAt: new Date(now - DAY).toISOString(),
          endsAt: new Date(now + 10 * DAY).toISOString(),
        },
      ],
    };
    const unconfigured = { ...configuration, editionId: `${editionId}_bare` };
    delete unconfigured.evaluation;
    await app.model(EDITION_PROJECTION_MODEL).create([
      { _id: editionId, configuration, revision: 1, currentPhase: 'interview' },
      {
        _id: unconfigured.editionId,
        configuration: unconfigured,
        revision: 1,
        currentPhase: 'interview',
      },
    ]);
    const institution = {
      a1: 'inst_a',
      a2: 'inst_a',
      b1: 'inst_b',
      out: 'inst_b',
      dq: 'inst_c',
      dq2: 'inst_c',
    } as const;
    await app.model(EVALUATION_PROPOSAL_MODEL).create(
      (Object.keys(ids) as (keyof typeof ids)[]).map((k) => ({
        _id: ids[k],
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId: institution[k],
        unitId: 'unit_1',
        title: `Inovasi ${k}`,
        snapshot: {},
        snapshotVersion: 1,
        forwardedAt: new Date(),
      })),
    );
    await app.model(STAGE_PUBLICATION_MODEL).create({
      _id: `pub_${editionId}_finalists_1`,
      editionId,
      stage: 'finalists',
      version: 1,
      entries: [ids.a1, ids.a2, ids.b1, ids.out, ids.dq, ids.dq2].map((proposalId, index) => ({
        proposalId,
        institutionId: 'x',
        groupId: 'general',
        categoryId: 'health',
        rank: index + 1,
        score: 80,
        advanced: proposalId !== ids.out,
      })),
      publishedBy: 'acct_admin',
      publishedAt: new Date(),
    });
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);
  const localAdmin = (institutionId: string) =>
    app.issuer.headers(['local_admin'], { institutionId });
  const day = { date: wibDate(3), start: '09:00', end: '10:00', timeZone: 'WIB' };
  let generated: Slot[] = [];

  it('should generate slots of presentation + interview minutes per room when the days lie in the interview phase', async () => {
    const response = await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await admin())
      .send({ days: [day], rooms: 2 })
      .expect(201);
    generated = slots(response);
    expect(generated).toHaveLength(6);
    expect(new Date(generated[0]!.startsAt).toISOString()).toBe(
      new Date(`${day.date}T02:00:00.000Z`).toISOString(),
    );
    expect(Date.parse(generated[0]!.endsAt) - Date.parse(generated[0]!.startsAt)).toBe(20 * 60_000);
    // Generating the same day again adds nothing.
    await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await admin())
      .send({ days: [day], rooms: 2 })
      .expect(201);
    expect(await app.model(INTERVIEW_SLOT_MODEL).countDocuments({ editionId })).toBe(6);

    const outside = await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await admin())
      .send({ days: [{ ...day, date: wibDate(30) }] });
    expect([outside.status, code(outside)]).toEqual([409, 'SLOTS_OUTSIDE_INTERVIEW_PHASE']);
    const bare = await app
      .http()
      .post(`/editions/${editionId}_bare/interview-slots`)
      .set(await admin())
      .send({ days: [day] });
    expect([bare.status, code(bare)]).toEqual([409, 'EDITION_NOT_CONFIGURED_FOR_EVALUATION']);
    const badTime = await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await admin())
      .send({ days: [{ ...day, start: '25:00' }] });
    expect(badTime.status).toBe(400);
    await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await localAdmin('inst_a'))
      .send({ days: [day] })
      .expect(403);
    await app
      .http()
      .post(`/editions/${editionId}/interview-slots`)
      .set(await app.issuer.headers(['panelist']))
      .send({ days: [day] })
      .expect(403);
  });

  it('should let exactly one of two racing bookings win when both want the same slot', async () => {
    const target = generated[0]!.slotId;
    const [first, second] = await Promise.all([
      app
        .http()
        .post(`/interview-slots/${target}/book`)
        .set(await localAdmin('inst_a'))
        .send({ proposalId: ids.a1 }),
      app
        .http()
        .post(`/interview-slots/${target}/book`)
        .set(await localAdmin('inst_a'))
        .send({ proposalId: ids.a2 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(code(first.status === 409 ? first : second)).toBe('SLOT_TAKEN');
    const winner = (first.status === 200 ? first : second).body as Slot;
    const loser = winner.proposalId === ids.a1 ? ids.a2 : ids.a1;
    expect(winner.confirmBy).toBe(new Date(Date.parse(winner.startsAt) - 24 * HOUR).toISOString());

    // The loser books another slot; the winner cannot hold two.
    await app
      .http()
      .post(`/interview-slots/${generated[1]!.slotId}/book`)
      .set(await localAdmin('inst_a'))
      .send({ proposalId: loser })
      .expect(200);
    const twice = await app
      .http()
      .post(`/interview-slots/${generated[2]!.slotId}/book`)
      .set(await admin())
      .send({ proposalId: winner.proposalId });
    expect([twice.status, code(twice)]).toEqual([409, 'FINALIST_ALREADY_BOOKED']);
  });

  it('should refuse a local admin booking for another institution or a non-finalist', async () => {
    const free = generated[3]!.slotId;
    const foreign = await app
      .http()
      .post(`/interview-slots/${free}/book`)
      .set(await localAdmin('inst_b'))
      .send({ proposalId: ids.a1 });
    expect([foreign.status, code(foreign)]).toEqual([403, 'AUTH_FORBIDDEN']);
    const notFinalist = await app
      .http()
      .post(`/interview-slots/${free}/book`)
      .set(await admin())
      .send({ proposalId: ids.out });
    expect([notFinalist.status, code(notFinalist)]).toEqual([404, 'FINALIST_NOT_FOUND']);
    await app
      .http()
      .post(`/interview-slots/${free}/book`)
      .set(await app.issuer.headers(['panelist']))
      .send({ proposalId: ids.b1 })
      .expect(403);
    expect(
      (await app.model(INTERVIEW_SLOT_MODEL).findById(free).lean<Slot>().exec())?.proposalId,
    ).toBeNull();
  });

  it('should swap two bookings for the admin and move a local admin finalist only into a free slot', async () => {
    await app
      .http()
      .post(`/interview-slots/${generated[3]!.slotId}/book`)
      .set(await localAdmin('inst_b'))
      .send({ proposalId: ids.b1 })
      .expect(200);
    const before = new Map(
      (
        await Promise.all(
          [0, 3].map((i) =>
            app
              .model(INTERVIEW_SLOT_MODEL)
              .findById(generated[i]!.slotId)
              .lean<{ proposalId: string }>()
              .exec(),
          ),
        )
      ).map((s, i) => [i, s!.proposalId]),
    );
    const swapped = await app
      .http()
      .post(`/interview-slots/${generated[0]!.slotId}/swap`)
      .set(await admin())
      .send({ withSlotId: generated[3]!.slotId })
      .expect(200);
    const after = slots(swapped);
    expect(after.find((s) => s.slotId === generated[0]!.slotId)?.proposalId).toBe(before.get(1));
    expect(after.find((s) => s.slotId === generated[3]!.slotId)?.proposalId).toBe(before.get(0));

    // inst_b's finalist now sits in slot 0; its local admin moves it to free slot 5.
    const taken = await app
      .http()
      .post(`/interview-slots/${generated[0]!.slotId}/swap`)
      .set(await localAdmin('inst_b'))
      .send({ withSlotId: generated[1]!.slotId });
    expect([taken.status, code(taken)]).toEqual([409, 'SLOT_TAKEN']);
    const notOwn = await app
      .http()
      .post(`/interview-slots/${generated[1]!.slotId}/swap`)
      .set(await localAdmin('inst_b'))
      .send({ withSlotId: generated[5]!.slotId });
    expect(notOwn.status).toBe(403);
    const moved = await app
      .http()
      .post(`/interview-slots/${generated[0]!.slotId}/swap`)
      .set(await localAdmin('inst_b'))
      .send({ withSlotId: generated[5]!.slotId })
      .expect(200);
    expect(slots(moved).find((s) => s.slotId === generated[5]!.slotId)?.proposalId).toBe(ids.b1);
    expect(slots(moved).find((s) => s.slotId === generated[0]!.slotId)?.proposalId).toBeNull();

    const visible = slots(
      await app
        .http()
        .get(`/editions/${editionId}/interview-slots`)
        .set(await localAdmin('inst_b'))
        .expect(200),
    );
    expect(visible.every((s) => s.proposalId === null || s.institutionId === 'inst_b')).toBe(true);
    expect(visible.some((s) => s.proposalId === ids.b1)).toBe(true);
    const all = slots(
      await app
        .http()
        .get(`/editions/${editionId}/interview-slots`)
        .set(await app.issuer.headers(['panelist']))
        .expect(200),
    );
    expect(all).toHaveLength(6);
    await app
      .http()
      .get(`/editions/${editionId}/interview-slots`)
      .set(await app.issuer.headers(['evaluator']))
      .expect(403);
  });

  it('should confirm in time, refuse a late confirmation and list it at risk', async () => {
    await app
      .http()
      .post(`/interview-slots/${generated[5]!.slotId}/confirm`)
      .set(await localAdmin('inst_a'))
      .expect(403);
    const confirmed = await app
      .http()
      .post(`/interview-slots/${generated[5]!.slotId}/confirm`)
      .set(await localAdmin('inst_b'))
      .expect(200);
    expect((confirmed.body as Slot).confirmedAt).not.toBeNull();

    const soon = `slot_${editionId}_soon`;
    const startsAt = new Date(Date.now() + 2 * HOUR);
    await app.model(INTERVIEW_SLOT_MODEL).create({
      _id: soon,
      editionId,
      room: 9,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      presentationMinutes: 7,
      interviewMinutes: 13,
    });
    await app
      .http()
      .post(`/interview-slots/${generated[1]!.slotId}/release`)
      .set(await localAdmin('inst_a'))
      .expect(200);
    const loser = (await app.model(INTERVIEW_SLOT_MODEL).exists({ editionId, proposalId: ids.a1 }))
      ? ids.a2
      : ids.a1;
    await app
      .http()
      .post(`/interview-slots/${soon}/book`)
      .set(await admin())
      .send({ proposalId: loser })
      .expect(200);
    const late = await app
      .http()
      .post(`/interview-slots/${soon}/confirm`)
      .set(await localAdmin('inst_a'));
    expect([late.status, code(late)]).toEqual([409, 'CONFIRMATION_TOO_LATE']);

    const atRisk = slots(
      await app
        .http()
        .get(`/editions/${editionId}/interview-slots?atRisk=true`)
        .set(await admin())
        .expect(200),
    );
    expect(atRisk.map((s) => s.slotId)).toEqual([soon]);
  });

  it('should publish every change as interview.scheduled keyed by the proposal', async () => {
    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(InterviewScheduledV1))
        .filter((m) => payloadOf(m.value)['editionId'] === editionId);
      const changes = events.map((m) => payloadOf(m.value)['change']);
      expect(changes.filter((c) => c === 'booked')).toHaveLength(4);
      expect(changes.filter((c) => c === 'moved')).toHaveLength(3);
      expect(changes.filter((c) => c === 'confirmed')).toHaveLength(1);
      expect(changes.filter((c) => c === 'released')).toHaveLength(1);
      for (const m of events) expect(m.key).toBe(payloadOf(m.value)['proposalId']);
      const confirmed = events.find((m) => payloadOf(m.value)['change'] === 'confirmed')!;
      const p = payloadOf(confirmed.value);
      expect(Date.parse(p['startsAt'] as string) - Date.parse(p['confirmBy'] as string)).toBe(
        24 * HOUR,
      );
    });
  });

  describe('when an objection against a finalist is resolved', () => {
    let objectionSlots: Slot[] = [];
    const processed = async (eventId: string): Promise<boolean> =>
      (await app
        .model(INTERVIEW_SLOT_MODEL)
        .db.collection('processed_events')
        .countDocuments({ eventId })) > 0;
    const releasedOf = (proposalId: string) =>
      reader
        .on(app.topics.topicOf(InterviewScheduledV1))
        .map((m) => payloadOf(m.value))
        .filter((p) => p['proposalId'] === proposalId && p['change'] === 'released');
    /** What the objection feature writes on an upheld objection. */
    const disqualify = async (proposalId: string, objectionId: string): Promise<void> => {
      await app
        .model(EVALUATION_PROPOSAL_MODEL)
        .updateOne(
          { _id: proposalId },
          { $set: { disqualification: { reason: 'upheld', objectionId, at: new Date() } } },
        )
        .exec();
    };
    const resolution = (
      proposalId: string,
      outcome: 'upheld' | 'dismissed',
    ): PayloadOf<typeof ObjectionResolvedV1> => ({
      ...ObjectionResolvedV1.example,
      objectionId: `obj_${proposalId}`,
      proposalId,
      editionId,
      institutionId: 'inst_c',
      outcome,
    });

    beforeAll(async () => {
      const response = await app
        .http()
        .post(`/editions/${editionId}/interview-slots`)
        .set(await admin())
        .send({ days: [{ ...day, date: wibDate(4) }], rooms: 1 })
        .expect(201);
      objectionSlots = slots(response);
      for (const [index, proposalId] of [ids.dq, ids.dq2].entries()) {
        await app
          .http()
          .post(`/interview-slots/${objectionSlots[index]!.slotId}/book`)
          .set(await admin())
          .send({ proposalId })
          .expect(200);
      }
    });

    it('should free the slot with one released event when an upheld objection arrives, even delivered twice', async () => {
      await disqualify(ids.dq, `obj_${ids.dq}`);
      await app.publish(ObjectionResolvedV1, resolution(ids.dq, 'upheld'));
      // The same envelope twice, after the first on the same partition (key = proposal id).
      const again = createEvent(ObjectionResolvedV1, resolution(ids.dq, 'upheld'));
      const message = { key: again.key, value: again.value, headers: again.headers };
      await produceRaw(app.topics.topicOf(ObjectionResolvedV1), [message, message]);

      await eventually(async () => {
        expect(await processed(again.eventId)).toBe(true);
        const slot = await app
          .model(INTERVIEW_SLOT_MODEL)
          .findById(objectionSlots[0]!.slotId)
          .lean<Slot>()
          .exec();
        expect(slot?.proposalId).toBeNull();
        const released = releasedOf(ids.dq);
        expect(released).toHaveLength(1);
        expect(released[0]).toMatchObject({
          slotId: objectionSlots[0]!.slotId,
          institutionId: 'inst_c',
          changedBy: { kind: 'system', process: 'objection-upheld' },
        });
      });
    });

    it('should keep the booking when the objection is dismissed', async () => {
      const dismissed = createEvent(ObjectionResolvedV1, resolution(ids.dq2, 'dismissed'));
      await produceRaw(app.topics.topicOf(ObjectionResolvedV1), [
        { key: dismissed.key, value: dismissed.value, headers: dismissed.headers },
      ]);
      await eventually(async () => {
        expect(await processed(dismissed.eventId)).toBe(true);
      });
      const slot = await app
        .model(INTERVIEW_SLOT_MODEL)
        .findById(objectionSlots[1]!.slotId)
        .lean<Slot>()
        .exec();
      expect(slot?.proposalId).toBe(ids.dq2);
      expect(releasedOf(ids.dq2)).toHaveLength(0);
    });

    it('should answer FINALIST_DISQUALIFIED when booking or confirming for a disqualified finalist', async () => {
      const booking = await app
        .http()
        .post(`/interview-slots/${objectionSlots[2]!.slotId}/book`)
        .set(await admin())
        .send({ proposalId: ids.dq });
      expect([booking.status, code(booking)]).toEqual([409, 'FINALIST_DISQUALIFIED']);

      await disqualify(ids.dq2, `obj_${ids.dq2}_2`);
      const confirming = await app
        .http()
        .post(`/interview-slots/${objectionSlots[1]!.slotId}/confirm`)
        .set(await localAdmin('inst_c'));
      expect([confirming.status, code(confirming)]).toEqual([409, 'FINALIST_DISQUALIFIED']);
      const free = await app
        .model(INTERVIEW_SLOT_MODEL)
        .findById(objectionSlots[2]!.slotId)
        .lean<Slot>()
        .exec();
      expect(free?.proposalId).toBeNull();
    });
  });
});
