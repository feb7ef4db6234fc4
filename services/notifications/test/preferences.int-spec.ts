import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { runInTransaction } from '@kipp/mongo';
import { eventually } from '@kipp/testing';
import { Directory } from '../src/directory/directory';
import {
  CATEGORIES,
  OPTIONAL_CATEGORIES,
  type TemplateId,
  type TemplateParams,
} from '../src/notification/catalogue';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { Notifier } from '../src/notification/notifier';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

/** Every shape these routes answer, as the assertions read them. */
interface Body {
  optedOut: string[];
  dailyDigest: boolean;
  categories: { category: string; optional: boolean; optedOut: boolean }[];
  error: { code: string; details: { issues: unknown[] } };
  items: { noticeId: string }[];
  unread: number;
}

const bodyOf = (response: { body: unknown }): Body => response.body as Body;

const KUPANG = 'inst_5371';
const DEWI = {
  accountId: 'acct_dewi',
  name: 'Dewi Lestari',
  email: 'dewi@kupangkota.go.id',
  locale: 'id' as const,
  roles: ['local_admin' as const],
  institutionId: KUPANG,
};

describe('preferences', () => {
  let app: NotificationsTestApp;
  let connection: Connection;
  let headers: Record<string, string>;

  async function notify<T extends TemplateId>(
    noticeId: string,
    template: T,
    params: TemplateParams[T],
  ) {
    const recipients = await app.app.get(Directory).accountsById([DEWI.accountId]);
    await runInTransaction(connection, (session) =>
      app.app
        .get(Notifier)
        .notify(
          { noticeId, template, params, recipients, sentBy: { kind: 'system', process: 'test' } },
          session,
        ),
    );
  }

  beforeAll(async () => {
    app = await startNotificationsApp();
    connection = app.app.get<Connection>(getConnectionToken());
    await runInTransaction(connection, async (session) => {
      const directory = app.app.get(Directory);
      await directory.recordInstitution(
        {
          institutionId: KUPANG,
          name: 'Pemerintah Kota Kupang',
          type: 'city',
          provinceCode: '53',
          revision: 1,
        },
        session,
      );
      await directory.recordAccount(DEWI, session);
    });
    headers = await app.issuer.headers(['local_admin'], {
      accountId: DEWI.accountId,
      institutionId: KUPANG,
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('should answer everything on, at once, for someone who never chose', async () => {
    const response = await app.http().get('/preferences').set(headers).expect(200);

    expect(bodyOf(response).optedOut).toEqual([]);
    expect(bodyOf(response).dailyDigest).toBe(false);
    expect(bodyOf(response).categories).toHaveLength(CATEGORIES.length);
    expect(bodyOf(response).categories[0]).toEqual({
      category: 'proposal',
      name: { id: 'Perkembangan proposal', en: 'Proposal updates' },
      optional: true,
      optedOut: false,
    });
    expect(
      bodyOf(response)
        .categories.filter((entry: { optional: boolean }) => entry.optional)
        .map((entry: { category: string }) => entry.category),
    ).toEqual([...OPTIONAL_CATEGORIES]);
    expect(bodyOf(response).categories).toContainEqual({
      category: 'results',
      name: { id: 'Hasil dan sertifikat', en: 'Results and certificates' },
      optional: false,
      optedOut: false,
    });
  });

  it('should refuse unknown and mandatory categories and change nothing', async () => {
    const unknown = await app
      .http()
      .put('/preferences')
      .set(headers)
      .send({ optedOut: ['proposal', 'spam'], dailyDigest: true })
      .expect(400);
    expect(bodyOf(unknown).error.code).toBe('VALIDATION_FAILED');
    expect(bodyOf(unknown).error.details.issues).toEqual([
      expect.objectContaining({ path: 'optedOut.1' }),
    ]);

    const mandatory = await app
      .http()
      .put('/preferences')
      .set(headers)
      .send({ optedOut: ['proposal', 'results'], dailyDigest: true })
      .expect(400);
    expect(bodyOf(mandatory).error).toMatchObject({
      code: 'CATEGORY_MANDATORY',
      details: { categories: ['results'] },
    });

    for (const body of [
      { optedOut: [] },
      { optedOut: 'proposal', dailyDigest: false },
      { optedOut: [], dailyDigest: 'yes' },
    ]) {
      const bad = await app.http().put('/preferences').set(headers).send(body).expect(400);
      expect(bodyOf(bad).error.code).toBe('VALIDATION_FAILED');
    }

    const after = await app.http().get('/preferences').set(headers).expect(200);
    expect(bodyOf(after)).toMatchObject({ optedOut: [], dailyDigest: false });
  });

  it('should keep what was chosen and suppress opted-out notices but not mandatory ones', async () => {
    const saved = await app
      .http()
      .put('/preferences')
      .set(headers)
      .send({ optedOut: ['broadcast', 'proposal'], dailyDigest: false })
      .expect(200);
    expect(bodyOf(saved).optedOut).toEqual(['proposal', 'broadcast']);
    const again = await app.http().get('/preferences').set(headers).expect(200);
    expect(bodyOf(again).optedOut).toEqual(['proposal', 'broadcast']);
    expect(bodyOf(again).categories).toContainEqual(
      expect.objectContaining({ category: 'proposal', optional: true, optedOut: true }),
    );

    await notify('evt_returned_pref', 'proposal.returned', {
      proposalId: 'prop_kupang',
      title: 'Layanan Air Bersih Keliling',
      comment: 'Tambahkan data penerima manfaat.',
    });
    await notify('evt_selection_pref', 'selection.decided', {
      proposalId: 'prop_kupang',
      title: 'Layanan Air Bersih Keliling',
      outcome: 'pass',
      reasons: [{ check: 'completeness', outcome: 'pass', note: 'Lengkap' }],
    });

    const messages = app.model<MessageDocument>(MESSAGE_MODEL);
    const suppressed = await messages
      .find({ noticeId: 'evt_returned_pref' })
      .lean<MessageDocument[]>();
    expect(suppressed.map((message) => [message.channel, message.status]).sort()).toEqual([
      ['email', 'suppressed'],
      ['inbox', 'suppressed'],
    ]);

    const inbox = await app.http().get('/inbox').set(headers).expect(200);
    expect(bodyOf(inbox).items.map((item: { noticeId: string }) => item.noticeId)).toEqual([
      'evt_selection_pref',
    ]);
    await app.http().get('/inbox/evt_returned_pref:acct_dewi:inbox').set(headers).expect(404);
    const counts = await app.http().get('/inbox/unread-count').set(headers).expect(200);
    expect(bodyOf(counts).unread).toBe(1);

    // The mandatory one goes by email too; the opted-out one never does.
    const mail = await eventually(() => {
      const found = app.smtp.to(DEWI.email);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(mail.text).toContain('Layanan Air Bersih Keliling');
    expect(mail.text).not.toContain('Tambahkan data penerima manfaat.');
  });
});
