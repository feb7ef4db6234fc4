import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Role } from '@kipp/auth';
import { runInTransaction } from '@kipp/mongo';
import { eventually } from '@kipp/testing';
import { BroadcastRecoveryScheduler } from '../src/broadcast/broadcast-recovery.scheduler';
import { BROADCAST_MODEL, type BroadcastDocument } from '../src/broadcast/broadcast.schema';
import { Directory } from '../src/directory/directory';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

interface Delivery {
  [channel: string]: Record<string, number>;
}

/** Every shape these routes answer, as the assertions read them. */
interface Body {
  broadcastId: string;
  recipientCount: number;
  delivery: Delivery;
  broadcasts: { broadcastId: string }[];
  nextCursor: string | null;
  items: { noticeId: string; template: string; category: string; subject: string; text: string }[];
  counts: { recipients: number; acknowledged: number; pending: number };
  error: { code: string };
}

const bodyOf = (response: { body: unknown }): Body => response.body as Body;

const ED = 'ed_2027';

const INSTITUTIONS = [
  {
    institutionId: 'inst_sleman',
    name: 'Pemerintah Kabupaten Sleman',
    type: 'regency',
    provinceCode: '34',
    revision: 1,
  },
  {
    institutionId: 'inst_kemenkes',
    name: 'Kementerian Kesehatan',
    type: 'ministry',
    provinceCode: null,
    revision: 1,
  },
  {
    institutionId: 'inst_jayapura',
    name: 'Pemerintah Kota Jayapura',
    type: 'city',
    provinceCode: '94',
    revision: 1,
  },
] as const;

interface Person {
  readonly accountId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly roles: Role[];
  readonly institutionId: string | null;
  readonly unitId?: string | null;
  readonly homeProvinceCode?: string | null;
  readonly active?: boolean;
}

const person = (
  key: string,
  locale: 'id' | 'en',
  roles: Role[],
  institutionId: string | null,
  extra: Partial<Person> = {},
): Person => ({
  accountId: `acct_${key}`,
  name: `Orang ${key}`,
  email: `${key}@kipp.test`,
  locale,
  roles,
  institutionId,
  ...extra,
});

const SLEMAN_ADMIN = person('sleman_admin', 'en', ['local_admin'], 'inst_sleman');
const SLEMAN_UNIT = person('sleman_unit', 'id', ['unit_operator'], 'inst_sleman', {
  unitId: 'unit_1',
});
const KEMENKES_ADMIN = person('kemenkes_admin', 'id', ['local_admin'], 'inst_kemenkes');
const JAYAPURA_ADMIN = person('jayapura_admin', 'en', ['local_admin'], 'inst_jayapura');
const EVALUATOR_BUSY = person('eval_busy', 'id', ['evaluator'], null, { homeProvinceCode: '31' });
const EVALUATOR_DONE = person('eval_done', 'en', ['evaluator'], null, { homeProvinceCode: '73' });
const RETIRED = person('retired', 'id', ['evaluator'], null, { active: false });
const PEOPLE = [
  SLEMAN_ADMIN,
  SLEMAN_UNIT,
  KEMENKES_ADMIN,
  JAYAPURA_ADMIN,
  EVALUATOR_BUSY,
  EVALUATOR_DONE,
  RETIRED,
];

let sequence = 0;
function broadcastBody(audience: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    subject: { id: `Pengumuman #${sequence}#`, en: `Announcement #${sequence}#` },
    body: {
      id: `Isi pengumuman ${sequence}: batas unggah diperpanjang.`,
      en: `Announcement ${sequence} text: the upload deadline is extended.`,
    },
    audience,
    ...extra,
  };
}

describe('broadcasts', () => {
  let app: NotificationsTestApp;
  let connection: Connection;
  let admin: Record<string, string>;

  const send = (body: unknown, key = `key-${Math.random()}`) =>
    app
      .http()
      .post('/broadcasts')
      .set(admin)
      .set('Idempotency-Key', key)
      .send(body as object);

  /** Every copy of a broadcast reaches exactly `people`: inbox and email, in their language. */
  async function expectReached(
    broadcastId: string,
    body: ReturnType<typeof broadcastBody>,
    people: Person[],
  ) {
    const messages = await app
      .model<MessageDocument>(MESSAGE_MODEL)
      .find({ noticeId: broadcastId })
      .lean<MessageDocument[]>();
    expect([...new Set(messages.map((message) => message.recipient.accountId))].sort()).toEqual(
      people.map((p) => p.accountId).sort(),
    );
    for (const p of people) {
      const mail = await eventually(() => {
        const found = app.smtp
          .to(p.email)
          .filter((m) => m.subject.includes(body.subject[p.locale]));
        expect(found).toHaveLength(1);
        return found[0]!;
      });
      expect(mail.text).toContain(body.body[p.locale]);
      const inbox = await app
        .http()
        .get('/inbox')
        .set(
          await app.issuer.headers(p.roles, {
            accountId: p.accountId,
            institutionId: p.institutionId,
            unitId: p.unitId ?? null,
          }),
        )
        .expect(200);
      const item = bodyOf(inbox).items.find(
        (entry: { noticeId: string }) => entry.noticeId === broadcastId,
      );
      expect(item).toMatchObject({ template: 'broadcast', category: 'broadcast' });
      expect(item?.subject).toContain(body.subject[p.locale]);
      expect(item?.text).toContain(body.body[p.locale]);
    }
    const others = PEOPLE.filter((p) => !people.includes(p));
    for (const p of others) {
      expect(
        app.smtp
          .to(p.email)
          .filter(
            (m) => m.subject.includes(body.subject.id) || m.subject.includes(body.subject.en),
          ),
      ).toEqual([]);
    }
  }

  beforeAll(async () => {
    app = await startNotificationsApp();
    connection = app.app.get<Connection>(getConnectionToken());
    const directory = app.app.get(Directory);
    await runInTransaction(connection, async (session) => {
      for (const institution of INSTITUTIONS)
        await directory.recordInstitution(institution, session);
      for (const p of PEOPLE) await directory.recordAccount(p, session);
      await directory.recordFinalist(
        {
          proposalId: 'prop_jayapura',
          editionId: ED,
          institutionId: 'inst_jayapura',
          isFinalist: true,
        },
        session,
      );
      await directory.openAssignment(
        {
          assignmentId: 'asg_busy',
          proposalId: 'prop_jayapura',
          editionId: ED,
          evaluatorAccountId: EVALUATOR_BUSY.accountId,
          dueAt: null,
        },
        session,
      );
      await directory.openAssignment(
        {
          assignmentId: 'asg_done',
          proposalId: 'prop_jayapura',
          editionId: ED,
          evaluatorAccountId: EVALUATOR_DONE.accountId,
          dueAt: null,
        },
        session,
      );
      await directory.closeAssignment('asg_done', session);
    });
    admin = await app.issuer.headers(['national_admin'], { accountId: 'acct_national' });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['a role', { roles: ['evaluator'] }, [EVALUATOR_BUSY, EVALUATOR_DONE]],
    ['an institution type', { institutionTypes: ['regency'] }, [SLEMAN_ADMIN, SLEMAN_UNIT]],
    ['a province', { provinceCodes: ['94'] }, [JAYAPURA_ADMIN]],
    ['the finalists of an edition', { finalistsOf: ED }, [JAYAPURA_ADMIN]],
    ['evaluators not finished', { evaluatorsNotFinishedIn: ED }, [EVALUATOR_BUSY]],
    [
      'a role and an institution type',
      { roles: ['local_admin'], institutionTypes: ['ministry', 'regency'] },
      [SLEMAN_ADMIN, KEMENKES_ADMIN],
    ],
  ])('should reach exactly the people selected by %s', async (_name, audience, people) => {
    const body = broadcastBody(audience);
    const response = await send(body).expect(201);
    expect(bodyOf(response).recipientCount).toBe(people.length);
    expect(bodyOf(response).broadcastId).toMatch(/^broadcast-/);

    await expectReached(bodyOf(response).broadcastId, body, people);
  });

  it('should answer the same broadcast for a retried request and refuse a reused key', async () => {
    const body = broadcastBody({ provinceCodes: ['34'] }, { mandatory: true, requiresAck: true });
    const first = await send(body, 'retry-1').expect(201);
    const retry = await send(body, 'retry-1').expect(200);
    expect(bodyOf(retry)).toEqual(bodyOf(first));
    await expectReached(bodyOf(first).broadcastId, body, [SLEMAN_ADMIN, SLEMAN_UNIT]);

    const reused = await send(broadcastBody({ provinceCodes: ['34'] }), 'retry-1').expect(409);
    expect(bodyOf(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      await app
        .model<BroadcastDocument>(BROADCAST_MODEL)
        .countDocuments({ idempotencyKey: 'retry-1' }),
    ).toBe(1);

    // Acknowledgement asked for: the sender sees it among the notices to confirm.
    const acknowledgements = await app
      .http()
      .get(`/notices/${bodyOf(first).broadcastId}/acknowledgements`)
      .set(admin)
      .expect(200);
    expect(bodyOf(acknowledgements).counts).toEqual({ recipients: 2, acknowledged: 0, pending: 2 });
  });

  it('should send a mandatory broadcast to someone who opted out, and an optional one not', async () => {
    const headers = await app.issuer.headers(['local_admin'], {
      accountId: KEMENKES_ADMIN.accountId,
      institutionId: 'inst_kemenkes',
    });
    await app
      .http()
      .put('/preferences')
      .set(headers)
      .send({ optedOut: ['broadcast'], dailyDigest: false })
      .expect(200);

    const optional = broadcastBody({ institutionTypes: ['ministry'] });
    const skipped = await send(optional).expect(201);
    const mandatory = broadcastBody({ institutionTypes: ['ministry'] }, { mandatory: true });
    const sent = await send(mandatory).expect(201);

    await expectReached(bodyOf(sent).broadcastId, mandatory, [KEMENKES_ADMIN]);
    const suppressed = await app
      .model<MessageDocument>(MESSAGE_MODEL)
      .find({ noticeId: bodyOf(skipped).broadcastId })
      .lean<MessageDocument[]>();
    expect(suppressed.map((message) => message.status)).toEqual(['suppressed', 'suppressed']);
    const inbox = await app.http().get('/inbox').set(headers).expect(200);
    expect(bodyOf(inbox).items.map((item: { noticeId: string }) => item.noticeId)).not.toContain(
      bodyOf(skipped).broadcastId,
    );
    expect(
      app.smtp
        .to(KEMENKES_ADMIN.email)
        .filter((mail) => mail.subject.includes(optional.subject.id)),
    ).toEqual([]);
  });

  it('should report status and delivery counts', async () => {
    const body = broadcastBody({ roles: ['evaluator'] });
    const sent = await send(body).expect(201);
    await expectReached(bodyOf(sent).broadcastId, body, [EVALUATOR_BUSY, EVALUATOR_DONE]);

    const one = await eventually(async () => {
      const response = await app
        .http()
        .get(`/broadcasts/${bodyOf(sent).broadcastId}`)
        .set(admin)
        .expect(200);
      expect(bodyOf(response).delivery.email).toEqual({ sent: 2 });
      return response;
    });
    expect(bodyOf(one)).toMatchObject({
      broadcastId: bodyOf(sent).broadcastId,
      subject: body.subject,
      audience: { roles: ['evaluator'] },
      status: 'done',
      recipientCount: 2,
      mandatory: false,
      requiresAck: false,
      sentBy: 'acct_national',
      delivery: { inbox: { delivered: 2 }, email: { sent: 2 } },
    });
    const list = await app.http().get('/broadcasts?limit=2').set(admin).expect(200);
    expect(bodyOf(list).broadcasts[0]?.broadcastId).toBe(bodyOf(sent).broadcastId);
    expect(bodyOf(list).nextCursor).toEqual(expect.any(String));
    const missing = await app.http().get('/broadcasts/broadcast-nope').set(admin).expect(404);
    expect(bodyOf(missing).error.code).toBe('BROADCAST_NOT_FOUND');
  });

  it('should finish a fan-out left half-way by a replica that stopped', async () => {
    const broadcasts = app.model<BroadcastDocument>(BROADCAST_MODEL);
    await broadcasts.create({
      _id: 'broadcast-interrupted',
      sentBy: 'acct_national',
      idempotencyKey: 'interrupted',
      requestHash: 'x',
      subject: { id: 'Pengumuman tertunda', en: 'Delayed announcement' },
      body: { id: 'Isi yang tertunda.', en: 'Delayed text.' },
      audience: { roles: ['local_admin'] },
      mandatory: false,
      requiresAck: false,
      recipientIds: [JAYAPURA_ADMIN.accountId, SLEMAN_ADMIN.accountId],
      recipientCount: 2,
      chunksDone: 0,
      status: 'fanning-out',
      claimedUntil: new Date(Date.now() - 1000),
      completedAt: null,
    });

    // A pass already under way may have looked before the broadcast was there: ask again.
    const recovered = await eventually(async () => {
      await app.app.get(BroadcastRecoveryScheduler).runOnce();
      const found = await broadcasts.findById('broadcast-interrupted').lean<BroadcastDocument>();
      expect(found).toMatchObject({ status: 'done', chunksDone: 1 });
      return found;
    });
    expect(recovered?.completedAt).toBeInstanceOf(Date);
    for (const p of [JAYAPURA_ADMIN, SLEMAN_ADMIN]) {
      await eventually(() => {
        expect(
          app.smtp.to(p.email).filter((mail) => mail.subject.includes('Delayed announcement')),
        ).toHaveLength(1);
      });
    }
  });

  it('should refuse an audience that resolves to nobody, and bad requests, writing nothing', async () => {
    const broadcasts = app.model<BroadcastDocument>(BROADCAST_MODEL);
    const messages = app.model<MessageDocument>(MESSAGE_MODEL);
    const before = [await broadcasts.countDocuments(), await messages.countDocuments()];

    const empty = await send(broadcastBody({ provinceCodes: ['11'] })).expect(422);
    expect(bodyOf(empty).error.code).toBe('AUDIENCE_EMPTY');

    const noKey = await app
      .http()
      .post('/broadcasts')
      .set(admin)
      .send(broadcastBody({ roles: ['evaluator'] }))
      .expect(400);
    expect(bodyOf(noKey).error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');

    const valid = broadcastBody({ roles: ['evaluator'] });
    for (const bad of [
      { ...valid, audience: {} },
      { ...valid, audience: { roles: [] } },
      { ...valid, audience: { roles: ['superuser'] } },
      { ...valid, body: { id: 'x'.repeat(10_001), en: 'ok' } },
      { ...valid, subject: { id: 'Hanya Indonesia' } },
      { ...valid, extra: true },
      { ...valid, mandatory: 'yes' },
    ]) {
      const response = await send(bad).expect(400);
      expect(bodyOf(response).error.code).toBe('VALIDATION_FAILED');
    }

    const forbidden = await app
      .http()
      .post('/broadcasts')
      .set(await app.issuer.headers(['local_admin'], { institutionId: 'inst_sleman' }))
      .set('Idempotency-Key', 'local')
      .send(valid)
      .expect(403);
    expect(bodyOf(forbidden).error.code).toBe('AUTH_FORBIDDEN');

    expect([await broadcasts.countDocuments(), await messages.countDocuments()]).toEqual(before);
  });
});
