import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { runInTransaction } from '@kipp/mongo';
import type { Role } from '@kipp/auth';
import { Directory } from '../src/directory/directory';
import type { TemplateId, TemplateParams } from '../src/notification/catalogue';
import { Notifier } from '../src/notification/notifier';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

interface InboxItem {
  id: string;
  noticeId: string;
  template: string;
  category: string;
  subject: string;
  text: string;
  html: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  requiresAck: boolean;
  acknowledgedAt: string | null;
}

/** Every shape these routes answer, as the assertions read them. */
interface Body extends InboxItem {
  items: InboxItem[];
  nextCursor: string | null;
  error: { code: string };
  notices: { id: string; title: { id: string; en: string } }[];
  counts: { recipients: number; acknowledged: number; pending: number };
  recipients: { accountId: string }[];
}

const bodyOf = (response: { body: unknown }): Body => response.body as Body;

const PORTAL = 'https://portal.kipp.test';
const DENPASAR = 'inst_5171';
const MEDAN = 'inst_1271';

interface Person {
  readonly accountId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly roles: Role[];
  readonly institutionId: string | null;
  readonly unitId?: string;
}

const ALICE: Person = {
  accountId: 'acct_alice',
  name: 'Ni Luh Ayu',
  email: 'ayu@denpasarkota.go.id',
  locale: 'id',
  roles: ['local_admin'],
  institutionId: DENPASAR,
};
const BOB: Person = {
  accountId: 'acct_bob',
  name: 'Bob Hartono',
  email: 'bob@denpasarkota.go.id',
  locale: 'en',
  roles: ['unit_operator'],
  institutionId: DENPASAR,
  unitId: 'unit_dukcapil',
};
const CAROL: Person = {
  accountId: 'acct_carol',
  name: 'Carolina Siregar',
  email: 'carol@pemkomedan.go.id',
  locale: 'en',
  roles: ['local_admin'],
  institutionId: MEDAN,
};

const returned: TemplateParams['proposal.returned'] = {
  proposalId: 'prop_1',
  title: 'Antrean Daring Dukcapil',
  comment: 'Lengkapi bukti dampak.',
};
const result: TemplateParams['stage.result'] = {
  proposalId: 'prop_1',
  title: 'Antrean Daring Dukcapil',
  editionId: 'ed_2027',
  stage: 'shortlist',
  advanced: true,
  rank: 4,
  score: 81.5,
};

describe('inbox and acknowledgements', () => {
  let app: NotificationsTestApp;
  let connection: Connection;

  const as = (person: Person) =>
    app.issuer.headers(person.roles, {
      accountId: person.accountId,
      institutionId: person.institutionId,
      unitId: person.unitId ?? null,
      locale: person.locale,
    });

  async function notify<T extends TemplateId>(
    noticeId: string,
    template: T,
    params: TemplateParams[T],
    people: Person[],
    createdAt: Date,
  ): Promise<void> {
    const recipients = await app.app.get(Directory).accountsById(people.map((p) => p.accountId));
    await runInTransaction(connection, (session) =>
      app.app.get(Notifier).notify(
        {
          noticeId,
          template,
          params,
          recipients,
          refs: { editionId: 'ed_2027', proposalId: 'prop_1', institutionId: DENPASAR },
          sentBy: { kind: 'system', process: 'test' },
        },
        session,
        createdAt,
      ),
    );
  }

  beforeAll(async () => {
    app = await startNotificationsApp();
    connection = app.app.get<Connection>(getConnectionToken());
    const directory = app.app.get(Directory);
    await runInTransaction(connection, async (session) => {
      await directory.recordInstitution(
        {
          institutionId: DENPASAR,
          name: 'Pemerintah Kota Denpasar',
          type: 'city',
          provinceCode: '51',
          revision: 1,
        },
        session,
      );
      await directory.recordInstitution(
        {
          institutionId: MEDAN,
          name: 'Pemerintah Kota Medan',
          type: 'city',
          provinceCode: '12',
          revision: 1,
        },
        session,
      );
      for (const person of [ALICE, BOB, CAROL]) await directory.recordAccount(person, session);
    });
    await notify(
      'evt_returned',
      'proposal.returned',
      returned,
      [ALICE, BOB],
      new Date('2027-03-01T02:00:00Z'),
    );
    await notify(
      'evt_result',
      'stage.result',
      result,
      [ALICE, BOB, CAROL],
      new Date('2027-03-02T02:00:00Z'),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it("should list only the caller's messages, newest first, rendered in their language", async () => {
    const alice = await app
      .http()
      .get('/inbox')
      .set(await as(ALICE))
      .expect(200);
    const bob = await app
      .http()
      .get('/inbox')
      .set(await as(BOB))
      .expect(200);

    expect(bodyOf(alice).items.map((item: { id: string }) => item.id)).toEqual([
      'evt_result:acct_alice:inbox',
      'evt_returned:acct_alice:inbox',
    ]);
    const [resultItem, returnedItem] = bodyOf(alice).items;
    expect(returnedItem).toMatchObject({
      noticeId: 'evt_returned',
      template: 'proposal.returned',
      category: 'proposal',
      createdAt: '2027-03-01T02:00:00.000Z',
      readAt: null,
      requiresAck: false,
      acknowledgedAt: null,
    });
    expect(returnedItem?.text).toContain('Antrean Daring Dukcapil');
    expect(returnedItem?.text).toContain('Lengkapi bukti dampak.');
    expect(returnedItem?.link).toMatch(new RegExp(`^${PORTAL}/`));
    expect(resultItem).toMatchObject({ template: 'stage.result', requiresAck: true });
    // The same notice in Bob's English and in Alice's Indonesian differ.
    const bobResult = bodyOf(bob).items.find(
      (item: { noticeId: string }) => item.noticeId === 'evt_result',
    );
    expect(bobResult?.id).toBe('evt_result:acct_bob:inbox');
    expect(bobResult?.subject).not.toBe(resultItem?.subject);
    expect(bodyOf(bob).items.every((item: { id: string }) => item.id.includes('acct_bob'))).toBe(
      true,
    );
  });

  it('should page with a cursor', async () => {
    const first = await app
      .http()
      .get('/inbox?limit=1')
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(first).items).toHaveLength(1);
    expect(bodyOf(first).nextCursor).toEqual(expect.any(String));

    const second = await app
      .http()
      .get(`/inbox?limit=1&cursor=${bodyOf(first).nextCursor}`)
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(second).items.map((item: { id: string }) => item.id)).toEqual([
      'evt_returned:acct_alice:inbox',
    ]);
    expect(bodyOf(second).nextCursor).toBeNull();

    const bad = await app
      .http()
      .get('/inbox?cursor=garbage')
      .set(await as(ALICE))
      .expect(400);
    expect(bodyOf(bad).error.code).toBe('VALIDATION_FAILED');
  });

  it("should answer 404 for another person's message, never 403", async () => {
    const theirs = 'evt_returned:acct_alice:inbox';
    for (const request of [
      app.http().get(`/inbox/${theirs}`),
      app.http().post(`/inbox/${theirs}/read`),
      app.http().post(`/inbox/${theirs}/acknowledge`),
    ]) {
      const response = await request.set(await as(CAROL)).expect(404);
      expect(bodyOf(response).error.code).toBe('MESSAGE_NOT_FOUND');
    }
    const mine = await app
      .http()
      .get(`/inbox/${theirs}`)
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(mine).readAt).toBeNull();
  });

  it('should need a bearer token', async () => {
    const response = await app.http().get('/inbox').expect(401);
    expect(bodyOf(response).error.code).toBe('AUTH_TOKEN_MISSING');
  });

  it('should count unread and awaiting acknowledgement, and keep the first reading time', async () => {
    const headers = await as(ALICE);
    expect((await app.http().get('/inbox/unread-count').set(headers).expect(200)).body).toEqual({
      unread: 2,
      awaitingAcknowledgement: 1,
    });

    const id = 'evt_returned:acct_alice:inbox';
    const first = await app.http().post(`/inbox/${id}/read`).set(headers).expect(200);
    expect(bodyOf(first).readAt).toEqual(expect.any(String));
    const again = await app.http().post(`/inbox/${id}/read`).set(headers).expect(200);
    expect(bodyOf(again).readAt).toBe(bodyOf(first).readAt);

    expect((await app.http().get('/inbox/unread-count').set(headers).expect(200)).body).toEqual({
      unread: 1,
      awaitingAcknowledgement: 1,
    });
    const unread = await app.http().get('/inbox?unread=true').set(headers).expect(200);
    expect(bodyOf(unread).items.map((item: { id: string }) => item.id)).toEqual([
      'evt_result:acct_alice:inbox',
    ]);
    const read = await app.http().get('/inbox?unread=false').set(headers).expect(200);
    expect(bodyOf(read).items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('should refuse to acknowledge a message that does not ask for it', async () => {
    const response = await app
      .http()
      .post('/inbox/evt_returned:acct_alice:inbox/acknowledge')
      .set(await as(ALICE))
      .expect(409);
    expect(bodyOf(response).error.code).toBe('ACKNOWLEDGEMENT_NOT_REQUIRED');
  });

  it('should acknowledge once, mark read, and show the sender who has and who has not', async () => {
    const id = 'evt_result:acct_alice:inbox';
    const first = await app
      .http()
      .post(`/inbox/${id}/acknowledge`)
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(first).acknowledgedAt).toEqual(expect.any(String));
    expect(bodyOf(first).readAt).toBe(bodyOf(first).acknowledgedAt);
    const again = await app
      .http()
      .post(`/inbox/${id}/acknowledge`)
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(again).acknowledgedAt).toBe(bodyOf(first).acknowledgedAt);
    expect(
      (
        await app
          .http()
          .get('/inbox/unread-count')
          .set(await as(ALICE))
          .expect(200)
      ).body,
    ).toEqual({ unread: 0, awaitingAcknowledgement: 0 });

    const admin = await app.issuer.headers(['national_admin'], { accountId: 'acct_national' });
    const notices = await app.http().get('/notices?requiresAck=true').set(admin).expect(200);
    expect(bodyOf(notices).notices).toEqual([
      expect.objectContaining({
        id: 'evt_result',
        template: 'stage.result',
        requiresAck: true,
        recipientCount: 3,
        acknowledgedCount: 1,
      }),
    ]);
    const [title] = bodyOf(notices).notices.map((notice) => notice.title);
    expect(title?.id).toContain('Antrean Daring Dukcapil');
    expect(title?.en).toContain('Antrean Daring Dukcapil');
    expect(title?.id).not.toBe(title?.en);

    const all = await app.http().get('/notices/evt_result/acknowledgements').set(admin).expect(200);
    expect(bodyOf(all).counts).toEqual({ recipients: 3, acknowledged: 1, pending: 2 });
    expect(bodyOf(all).recipients).toEqual(
      expect.arrayContaining([
        {
          accountId: ALICE.accountId,
          name: ALICE.name,
          email: ALICE.email,
          institutionId: DENPASAR,
          readAt: bodyOf(first).readAt,
          acknowledgedAt: bodyOf(first).acknowledgedAt,
        },
        {
          accountId: CAROL.accountId,
          name: CAROL.name,
          email: CAROL.email,
          institutionId: MEDAN,
          readAt: null,
          acknowledgedAt: null,
        },
      ]),
    );
    const pending = await app
      .http()
      .get('/notices/evt_result/acknowledgements?acknowledged=false')
      .set(admin)
      .expect(200);
    expect(
      bodyOf(pending)
        .recipients.map((row: { accountId: string }) => row.accountId)
        .sort(),
    ).toEqual([BOB.accountId, CAROL.accountId]);

    // Pages of one: the counts stay over everyone, the pages cover each recipient once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await app
        .http()
        .get('/notices/evt_result/acknowledgements')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(admin)
        .expect(200);
      const page = response.body as {
        counts: unknown;
        recipients: { accountId: string }[];
        nextCursor: string | null;
      };
      expect(page.counts).toEqual({ recipients: 3, acknowledged: 1, pending: 2 });
      seen.push(...page.recipients.map((row) => row.accountId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual([ALICE.accountId, BOB.accountId, CAROL.accountId].sort());
  });

  it('should show local admins the notices about their own institution only', async () => {
    const own = await app
      .http()
      .get('/notices/evt_result/acknowledgements')
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(own).counts.recipients).toBe(3);
    const listed = await app
      .http()
      .get('/notices')
      .set(await as(ALICE))
      .expect(200);
    expect(bodyOf(listed).notices.map((notice: { id: string }) => notice.id)).toEqual([
      'evt_result',
      'evt_returned',
    ]);

    const other = await app
      .http()
      .get('/notices/evt_result/acknowledgements')
      .set(await as(CAROL))
      .expect(404);
    expect(bodyOf(other).error.code).toBe('NOTICE_NOT_FOUND');
    const none = await app
      .http()
      .get('/notices')
      .set(await as(CAROL))
      .expect(200);
    expect(bodyOf(none).notices).toEqual([]);
  });

  it('should forbid the notices view to everyone but admins', async () => {
    for (const headers of [await as(BOB), await app.issuer.headers(['evaluator'])]) {
      const response = await app.http().get('/notices').set(headers).expect(403);
      expect(bodyOf(response).error.code).toBe('AUTH_FORBIDDEN');
      await app.http().get('/notices/evt_result/acknowledgements').set(headers).expect(403);
    }
  });

  it('should mark everything read at once', async () => {
    const headers = await as(BOB);
    const response = await app.http().post('/inbox/read-all').set(headers).expect(200);
    expect(bodyOf(response)).toEqual({ marked: 2 });
    expect((await app.http().get('/inbox/unread-count').set(headers).expect(200)).body).toEqual({
      unread: 0,
      awaitingAcknowledgement: 1,
    });
    expect((await app.http().post('/inbox/read-all').set(headers).expect(200)).body).toEqual({
      marked: 0,
    });
  });
});
