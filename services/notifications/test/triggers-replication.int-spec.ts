import { CheckInDueV1, CheckInOverdueV1, CountersignRequestedV1 } from '@kipp/contracts';
import { eventually } from '@kipp/testing';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';
import { DirectorySeed } from './support/directory-seed';
import { expectOneMailEach, mailsAbout } from './support/mail-assertions';

/** The origin: Bandung (West Java, WIB); the adopter: Yogyakarta. */
const ORIGIN = { id: 'inst_3273', name: 'Kota Bandung', provinceCode: '32' };
const ADOPTER = { id: 'inst_3471', name: 'Kota Yogyakarta', provinceCode: '34' };

const people = {
  originAdmin: { id: 'acct_bdg_admin', email: 'admin@bandung.test', locale: 'id' as const },
  originAdminEn: { id: 'acct_bdg_admin_en', email: 'admin.en@bandung.test', locale: 'en' as const },
  originOperator: { id: 'acct_bdg_health', email: 'health@bandung.test', locale: 'id' as const },
  otherUnitOperator: { id: 'acct_bdg_roads', email: 'roads@bandung.test', locale: 'id' as const },
  adopterAdmin: { id: 'acct_jogja_admin', email: 'admin@jogja.test', locale: 'id' as const },
};
const ORIGIN_TEAM = [
  people.originAdmin.email,
  people.originAdminEn.email,
  people.originOperator.email,
];
const EVERYONE = Object.values(people).map((person) => person.email);

describe('notifications triggered by replication events', () => {
  let app: NotificationsTestApp;

  beforeAll(async () => {
    app = await startNotificationsApp();
    await DirectorySeed.run(app, async (seed) => {
      await seed.cities(ORIGIN, ADOPTER);
      const admin = { roles: ['local_admin' as const], institutionId: ORIGIN.id };
      const operator = { roles: ['unit_operator' as const], institutionId: ORIGIN.id };
      await seed.account(people.originAdmin, admin);
      await seed.account(people.originAdminEn, admin);
      await seed.account(people.originOperator, { ...operator, unitId: 'unit_dinkes' });
      await seed.account(people.otherUnitOperator, { ...operator, unitId: 'unit_roads' });
      await seed.account(people.adopterAdmin, { ...admin, institutionId: ADOPTER.id });
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('should ask the origin institution and unit to counter-sign, naming the adopter, once when the request arrives twice', async () => {
    const request = {
      replicationId: 'rep_4c2a',
      innovationId: 'inv_2019_0042',
      innovationTitle: 'Posyandu Digital Kota Bandung',
      originInstitutionId: ORIGIN.id,
      originUnitId: 'unit_dinkes',
      adopterInstitutionId: ADOPTER.id,
      replicationTitle: 'Posyandu Digital Kota Yogyakarta',
      respondBy: '2028-03-15T16:59:59.000Z',
      requestedBy: { kind: 'account' as const, accountId: people.adopterAdmin.id },
      requestedAt: '2028-03-01T03:00:00.000Z',
    };
    const [first] = await app.publish(CountersignRequestedV1, request);
    const mails = await expectOneMailEach(
      app.smtp,
      'Posyandu Digital Kota Yogyakarta',
      ORIGIN_TEAM,
    );
    for (const mail of mails.values()) {
      expect(mail.text).toContain(ADOPTER.name);
      expect(mail.text).toContain('Posyandu Digital Kota Bandung');
      // 16:59:59 UTC is 23:59 in Bandung.
      expect(mail.text).toMatch(/23[.:]59 WIB/);
      expect(`${mail.text}${mail.html}`).toContain('https://portal.kipp.test');
    }
    expect(mails.get(people.originAdmin.email)?.subject).not.toEqual(
      mails.get(people.originAdminEn.email)?.subject,
    );

    // The duplicate, then another request on the same partition (same replication key).
    await app.republish(first!);
    await app.publish(CountersignRequestedV1, {
      ...request,
      replicationTitle: 'Posyandu Digital Yogyakarta Tahap Dua',
    });
    await expectOneMailEach(app.smtp, 'Posyandu Digital Yogyakarta Tahap Dua', ORIGIN_TEAM);
    await expectOneMailEach(app.smtp, 'Posyandu Digital Kota Yogyakarta', ORIGIN_TEAM);
    // Nobody else: not the other unit, not the adopter.
    const told = mailsAbout(app.smtp, 'Posyandu Digital');
    expect(EVERYONE.filter((address) => told.has(address)).sort()).toEqual([...ORIGIN_TEAM].sort());
  });

  it('should tell the unit and its local admins that a check-in is due, then overdue', async () => {
    const checkIn = {
      checkInId: 'chk_2028_0042',
      innovationId: 'inv_2019_0042',
      innovationTitle: 'Sistem Informasi Gizi Balita',
      institutionId: ORIGIN.id,
      unitId: 'unit_dinkes',
      period: 2028,
      dueAt: '2028-06-30T16:59:59.000Z',
      occurredAt: '2028-06-01T00:00:00.000Z',
    };
    const [due] = await app.publish(CheckInDueV1, checkIn);
    const dueMails = await expectOneMailEach(app.smtp, 'Sistem Informasi Gizi Balita', ORIGIN_TEAM);
    for (const mail of dueMails.values()) {
      expect(mail.text).toContain('2028');
      expect(mail.text).toMatch(/23[.:]59 WIB/);
    }
    await app.republish(due!);
    await app.publish(CheckInOverdueV1, { ...checkIn, occurredAt: '2028-07-01T00:00:00.000Z' });
    await eventually(() => {
      const byRecipient = mailsAbout(app.smtp, 'Sistem Informasi Gizi Balita');
      expect([...byRecipient.keys()].sort()).toEqual([...ORIGIN_TEAM].sort());
      for (const address of ORIGIN_TEAM) {
        const [first, second, ...more] = byRecipient.get(address) ?? [];
        expect(more).toEqual([]);
        // Due, then overdue: two different messages.
        expect(second?.subject).toBeDefined();
        expect(second?.subject).not.toEqual(first?.subject);
      }
    });
    const inbox = await app
      .model<MessageDocument>(MESSAGE_MODEL)
      .find({ noticeId: due!.eventId, channel: 'inbox' })
      .lean<MessageDocument[]>()
      .exec();
    expect(inbox.map((message) => message.recipient.accountId).sort()).toEqual(
      [people.originAdmin.id, people.originAdminEn.id, people.originOperator.id].sort(),
    );
  });
});
