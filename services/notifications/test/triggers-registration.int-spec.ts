import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRoleGrantedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  editionConfigurationExample,
  InstitutionRegisteredV1,
  InstitutionUpdatedV1,
  LocalAdminRequestDecidedV1,
  PasswordResetRequestedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { DEVELOPMENT_ONLY_RESET_SEALING_KEY } from '@kipp/config';
import { seal, sealingKeyFromBase64 } from '@kipp/service-kit';
import { eventually, type CapturedMail } from '@kipp/testing';
import {
  ACCOUNT_ENTRY_MODEL,
  EDITION_ENTRY_MODEL,
  INSTITUTION_ENTRY_MODEL,
  type AccountEntry,
  type EditionEntry,
  type InstitutionEntry,
} from '../src/directory/directory.schema';
import { OPTIONAL_CATEGORIES } from '../src/notification/catalogue';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { PREFERENCES_MODEL, type PreferencesDocument } from '../src/preferences/preferences.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

const PORTAL = 'https://portal.kipp.test';
const RESET_KEY = sealingKeyFromBase64('dev-reset-1', DEVELOPMENT_ONLY_RESET_SEALING_KEY);
const BY_ADMIN = { kind: 'account', accountId: 'acct_admin' } as const;

const MAKASSAR = {
  institutionId: 'inst_7371',
  code: '73.71',
  name: 'Pemerintah Kota Makassar',
  type: 'city',
  provinceCode: '73',
  disadvantaged: false,
  registeredAt: '2027-01-15T02:00:00.000Z',
} satisfies PayloadOf<typeof InstitutionRegisteredV1>;

function account(
  overrides: Partial<PayloadOf<typeof AccountCreatedV1>> &
    Pick<PayloadOf<typeof AccountCreatedV1>, 'accountId' | 'userId' | 'name' | 'email' | 'locale'>,
): PayloadOf<typeof AccountCreatedV1> {
  return {
    roles: ['unit_operator'],
    institutionId: MAKASSAR.institutionId,
    unitId: 'unit_dukcapil',
    mustChangePassword: true,
    createdBy: { kind: 'account', accountId: 'acct_local_admin' },
    createdAt: '2027-01-21T02:30:00.000Z',
    ...overrides,
  };
}

/** Indonesian prose, not English (and the other way round). */
const INDONESIAN = /\b(Anda|akun|kata sandi|Yth|Halo)\b/i;
const ENGLISH = /\b(you|your|account|password|Dear|Hello)\b/i;

describe('registration triggers', () => {
  let app: NotificationsTestApp;

  const messages = () => app.model<MessageDocument>(MESSAGE_MODEL);
  const accounts = () => app.model<AccountEntry>(ACCOUNT_ENTRY_MODEL);

  /** The emails of a notice once none is waiting to be sent. */
  async function settledEmails(noticeId: string): Promise<MessageDocument[]> {
    return eventually(async () => {
      const found = await messages().find({ noticeId, channel: 'email' }).lean().exec();
      expect(found.length).toBeGreaterThan(0);
      for (const message of found) expect(['pending', 'sending']).not.toContain(message.status);
      return found;
    });
  }

  /** The inbox copy of a (single-recipient) notice. */
  async function inboxCopy(noticeId: string): Promise<MessageDocument | null> {
    return messages().findOne({ noticeId, channel: 'inbox' }).lean().exec();
  }

  /** The one mail to `address` whose text contains `marker`. */
  async function onlyMailTo(address: string, marker: string): Promise<CapturedMail> {
    return eventually(() => {
      const mails = app.smtp.to(address).filter((mail) => mail.text.includes(marker));
      expect(mails).toHaveLength(1);
      return mails[0]!;
    });
  }

  beforeAll(async () => {
    app = await startNotificationsApp();
    await app.publish(InstitutionRegisteredV1, MAKASSAR);
    await eventually(async () => {
      expect(
        await app.model<InstitutionEntry>(INSTITUTION_ENTRY_MODEL).findById(MAKASSAR.institutionId),
      ).not.toBeNull();
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('account.created', () => {
    it('should welcome a unit operator in Indonesian with the institution and a sign-in link, and keep an inbox copy in WITA', async () => {
      const [event] = await app.publish(
        AccountCreatedV1,
        account({
          accountId: 'acct_siti',
          userId: 'upp.dukcapil.makassar',
          name: 'Siti Rahmawati',
          email: 'siti@makassarkota.go.id',
          locale: 'id',
        }),
      );

      const mail = await onlyMailTo('siti@makassarkota.go.id', 'Siti Rahmawati');
      expect(mail.subject).not.toBe('');
      expect(mail.text).toContain('Siti Rahmawati');
      expect(mail.text).toContain('Pemerintah Kota Makassar');
      expect(mail.text).toContain(`${PORTAL}/sign-in`);
      expect(mail.text).toMatch(INDONESIAN);
      expect(mail.html).toContain(`${PORTAL}/sign-in`);

      const inbox = await inboxCopy(event!.eventId);
      expect(inbox).toMatchObject({
        template: 'account.welcome',
        status: 'delivered',
        recipient: { accountId: 'acct_siti', locale: 'id', timeZone: 'WITA' },
        refs: { institutionId: MAKASSAR.institutionId },
      });
      const entry = await accounts().findById('acct_siti').lean().exec();
      expect(entry).toMatchObject({
        name: 'Siti Rahmawati',
        email: 'siti@makassarkota.go.id',
        roles: ['unit_operator'],
        institutionId: MAKASSAR.institutionId,
        unitId: 'unit_dukcapil',
        active: true,
      });
    });

    it("should welcome an evaluator in English in the time zone of the reviewer's home province", async () => {
      const [event] = await app.publish(
        AccountCreatedV1,
        account({
          accountId: 'acct_maria',
          userId: 'te.maria',
          name: 'Maria Wenda',
          email: 'maria.wenda@uncen.ac.id',
          locale: 'en',
          roles: ['evaluator'],
          institutionId: null,
          unitId: null,
          createdBy: BY_ADMIN,
          reviewerProfile: {
            affiliation: 'Universitas Cenderawasih',
            homeProvinceCode: '91',
            pastEngagementInstitutionIds: [],
            declaredConflictInstitutionIds: [],
            expertiseCategoryIds: ['health'],
          },
        }),
      );

      const mail = await onlyMailTo('maria.wenda@uncen.ac.id', 'Maria Wenda');
      expect(mail.text).toContain('Maria Wenda');
      expect(mail.text).toContain(`${PORTAL}/sign-in`);
      expect(mail.text).toMatch(ENGLISH);
      expect(mail.text).not.toMatch(/\bAnda\b/);

      const inbox = await inboxCopy(event!.eventId);
      expect(inbox).toMatchObject({
        status: 'delivered',
        recipient: { accountId: 'acct_maria', locale: 'en', timeZone: 'WIT' },
      });
      const entry = await accounts().findById('acct_maria').lean().exec();
      expect(entry).toMatchObject({ homeProvinceCode: '91', institutionId: null });
    });
  });

  describe('password-reset.requested', () => {
    const link = (token: string) => `${PORTAL}/reset-password?token=${token}`;
    const request = (
      resetId: string,
      token: string,
    ): PayloadOf<typeof PasswordResetRequestedV1> => ({
      resetId,
      accountId: 'acct_budi',
      email: 'budi@makassarkota.go.id',
      name: 'Budi Santoso',
      locale: 'id',
      sealedLink: seal(link(token), RESET_KEY),
      expiresAt: '2027-01-21T03:00:00.000Z',
      requestedAt: '2027-01-21T02:30:00.000Z',
    });

    beforeAll(async () => {
      await app.publish(
        AccountCreatedV1,
        account({
          accountId: 'acct_budi',
          userId: 'upp.budi',
          name: 'Budi Santoso',
          email: 'budi@makassarkota.go.id',
          locale: 'id',
        }),
      );
      // Opted out of everything optional and on a daily digest: a reset still goes at once.
      await app.model<PreferencesDocument>(PREFERENCES_MODEL).create({
        _id: 'acct_budi',
        optedOut: [...OPTIONAL_CATEGORIES],
        dailyDigest: true,
      });
      await eventually(async () => {
        expect(await accounts().findById('acct_budi')).not.toBeNull();
      });
    });

    it('should email the unsealed one-time link with its expiry in WITA, keep it sealed at rest and write no inbox copy, even for someone who opted out of everything', async () => {
      const [event] = await app.publish(PasswordResetRequestedV1, request('pwr_1', 'tok-first'));

      const mail = await onlyMailTo('budi@makassarkota.go.id', link('tok-first'));
      expect(mail.text).toContain('Budi Santoso');
      expect(mail.text).toMatch(INDONESIAN);
      // 03:00 UTC is 11.00 in Makassar.
      expect(mail.text).toMatch(/11\.00 WITA/);
      expect(mail.html).toContain(link('tok-first'));

      const stored = await settledEmails(event!.eventId);
      expect(await messages().countDocuments({ noticeId: event!.eventId }).exec()).toBe(1);
      expect(stored[0]).toMatchObject({
        channel: 'email',
        template: 'account.password-reset',
        status: 'sent',
        recipient: { accountId: 'acct_budi', timeZone: 'WITA' },
      });
      expect(JSON.stringify(stored[0]!.params)).not.toContain('tok-first');
    });

    it('should send one mail per request when a request is delivered twice', async () => {
      const [first] = await app.publish(PasswordResetRequestedV1, request('pwr_2', 'tok-twice'));
      await onlyMailTo('budi@makassarkota.go.id', link('tok-twice'));

      await app.republish(first!, first!);
      const [second] = await app.publish(PasswordResetRequestedV1, request('pwr_3', 'tok-again'));
      await onlyMailTo('budi@makassarkota.go.id', link('tok-again'));
      await app.consumed(PasswordResetRequestedV1);
      await settledEmails(second!.eventId);

      expect(
        app.smtp.to('budi@makassarkota.go.id').filter((mail) => mail.text.includes('tok-twice')),
      ).toHaveLength(1);
      expect(await messages().countDocuments({ noticeId: first!.eventId }).exec()).toBe(1);
    });
  });

  describe('local-admin-request.decided', () => {
    const decision = (
      overrides: Partial<PayloadOf<typeof LocalAdminRequestDecidedV1>>,
    ): PayloadOf<typeof LocalAdminRequestDecidedV1> => ({
      requestId: 'lar_1',
      institutionId: MAKASSAR.institutionId,
      candidateName: 'Andi Pratama',
      candidateEmail: 'andi@makassarkota.go.id',
      locale: 'id',
      decision: 'rejected',
      reason: 'Surat penunjukan belum ditandatangani kepala daerah.',
      accountId: null,
      decidedBy: BY_ADMIN,
      decidedAt: '2027-01-17T04:00:00.000Z',
      ...overrides,
    });

    it('should tell a rejected candidate in Indonesian why, by email only', async () => {
      const [event] = await app.publish(LocalAdminRequestDecidedV1, decision({}));

      const mail = await onlyMailTo(
        'andi@makassarkota.go.id',
        'Surat penunjukan belum ditandatangani kepala daerah.',
      );
      expect(mail.text).toContain('Andi Pratama');
      expect(mail.text).toContain('Pemerintah Kota Makassar');
      expect(mail.text).toMatch(INDONESIAN);

      const stored = await settledEmails(event!.eventId);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.recipient).toMatchObject({ accountId: null, timeZone: 'WITA' });
      expect(await messages().countDocuments({ noticeId: event!.eventId }).exec()).toBe(1);
    });

    it('should tell an approved candidate in English, with an inbox copy on the new account', async () => {
      const [event] = await app.publish(
        LocalAdminRequestDecidedV1,
        decision({
          requestId: 'lar_2',
          candidateName: 'Dewi Lestari',
          candidateEmail: 'dewi@makassarkota.go.id',
          locale: 'en',
          decision: 'approved',
          reason: null,
          accountId: 'acct_dewi',
        }),
      );

      const mail = await onlyMailTo('dewi@makassarkota.go.id', 'Pemerintah Kota Makassar');
      expect(mail.text).toContain('Dewi Lestari');
      expect(mail.text).toContain(PORTAL);
      expect(mail.text).toMatch(ENGLISH);

      const inbox = await inboxCopy(event!.eventId);
      expect(inbox).toMatchObject({
        status: 'delivered',
        template: 'local-admin-request.decided',
        recipient: { accountId: 'acct_dewi', locale: 'en' },
      });
    });
  });

  describe('directory upkeep', () => {
    it('should add a granted role without a message and keep the institution when a reviewer role comes with none', async () => {
      await app.publish(
        AccountCreatedV1,
        account({
          accountId: 'acct_rudi',
          userId: 'admin.rudi',
          name: 'Rudi Hartono',
          email: 'rudi@makassarkota.go.id',
          locale: 'id',
          roles: ['local_admin'],
          unitId: null,
          createdBy: BY_ADMIN,
        }),
      );
      const [grant] = await app.publish(AccountRoleGrantedV1, {
        accountId: 'acct_rudi',
        role: 'evaluator',
        institutionId: null,
        email: 'rudi@makassarkota.go.id',
        locale: 'en',
        reviewerProfile: {
          affiliation: 'Universitas Hasanuddin',
          homeProvinceCode: '73',
          pastEngagementInstitutionIds: [],
          declaredConflictInstitutionIds: [],
          expertiseCategoryIds: [],
        },
        grantedBy: BY_ADMIN,
        grantedAt: '2027-01-22T01:00:00.000Z',
      });

      const entry = await eventually(async () => {
        const found = await accounts().findById('acct_rudi').lean().exec();
        expect(found?.roles).toEqual(['local_admin', 'evaluator']);
        return found;
      });
      expect(entry).toMatchObject({
        name: 'Rudi Hartono',
        locale: 'en',
        institutionId: MAKASSAR.institutionId,
        homeProvinceCode: '73',
      });
      expect(await messages().countDocuments({ noticeId: grant!.eventId }).exec()).toBe(0);
    });

    it('should mark an account inactive when deactivated and active again when reactivated, in the order of the changes, keeping its address current', async () => {
      const status = {
        accountId: 'acct_siti',
        email: 'siti.baru@makassarkota.go.id',
        locale: 'en' as const,
        roles: ['unit_operator' as const],
        institutionId: MAKASSAR.institutionId,
        reason: 'Pindah tugas',
        changedBy: BY_ADMIN,
        changedAt: '2027-03-01T02:00:00.000Z',
      };
      await app.publish(AccountDeactivatedV1, status);
      await eventually(async () => {
        expect(await accounts().findById('acct_siti').lean().exec()).toMatchObject({
          active: false,
          email: 'siti.baru@makassarkota.go.id',
          locale: 'en',
        });
      });

      await app.publish(AccountReactivatedV1, {
        ...status,
        reason: 'Kembali bertugas',
        changedAt: '2027-04-01T02:00:00.000Z',
      });
      await eventually(async () => {
        expect((await accounts().findById('acct_siti').lean().exec())?.active).toBe(true);
      });

      // The two topics are not ordered against each other: an older deactivation consumed
      // late changes nothing.
      await app.publish(AccountDeactivatedV1, { ...status, changedAt: '2027-03-15T02:00:00.000Z' });
      await app.consumed(AccountDeactivatedV1);
      expect((await accounts().findById('acct_siti').lean().exec())?.active).toBe(true);
    });

    it('should keep an account inactive when its deactivation is consumed before its creation', async () => {
      await app.publish(AccountDeactivatedV1, {
        accountId: 'acct_eko',
        email: 'eko@makassarkota.go.id',
        locale: 'id',
        roles: ['unit_operator'],
        institutionId: MAKASSAR.institutionId,
        reason: null,
        changedBy: BY_ADMIN,
        changedAt: '2027-03-01T02:00:00.000Z',
      });
      await eventually(async () => {
        expect((await accounts().findById('acct_eko').lean().exec())?.active).toBe(false);
      });

      await app.publish(
        AccountCreatedV1,
        account({
          accountId: 'acct_eko',
          userId: 'upp.eko',
          name: 'Eko Prasetyo',
          email: 'eko@makassarkota.go.id',
          locale: 'id',
        }),
      );
      await eventually(async () => {
        expect(await accounts().findById('acct_eko').lean().exec()).toMatchObject({
          name: 'Eko Prasetyo',
          userId: 'upp.eko',
          active: false,
        });
      });
    });

    it('should apply institution updates in revision order and ignore a stale one', async () => {
      const registry = {
        institutionId: MAKASSAR.institutionId,
        code: MAKASSAR.code,
        type: MAKASSAR.type,
        provinceCode: MAKASSAR.provinceCode,
        disadvantaged: false,
        changed: ['name' as const],
        updatedBy: BY_ADMIN,
        updatedAt: '2027-01-20T03:00:00.000Z',
      };
      await app.publish(
        InstitutionUpdatedV1,
        { ...registry, name: 'Kota Makassar (baru)', revision: 2 },
        { ...registry, name: 'Kota Makassar (lama)', revision: 1 },
      );
      await app.consumed(InstitutionUpdatedV1);
      const entry = await app
        .model<InstitutionEntry>(INSTITUTION_ENTRY_MODEL)
        .findById(MAKASSAR.institutionId)
        .lean()
        .exec();
      expect(entry).toMatchObject({
        name: 'Kota Makassar (baru)',
        revision: 2,
        provinceCode: '73',
      });
    });

    it('should keep the latest published edition and ignore a stale update', async () => {
      const edition = { ...editionConfigurationExample, editionId: 'ed_reg', name: 'KIPP 2027' };
      await app.publish(EditionPublishedV1, {
        edition,
        revision: 1,
        publishedBy: BY_ADMIN,
        publishedAt: '2027-01-05T03:00:00.000Z',
      });
      await app.publish(
        EditionUpdatedV1,
        {
          edition: { ...edition, name: 'KIPP 2027 (revisi)' },
          revision: 3,
          changed: ['name'],
          updatedBy: BY_ADMIN,
          updatedAt: '2027-01-10T03:00:00.000Z',
        },
        {
          edition: { ...edition, name: 'KIPP 2027 (usang)' },
          revision: 2,
          changed: ['name'],
          updatedBy: BY_ADMIN,
          updatedAt: '2027-01-09T03:00:00.000Z',
        },
      );
      await app.consumed(EditionPublishedV1, EditionUpdatedV1);
      const entry = await app
        .model<EditionEntry>(EDITION_ENTRY_MODEL)
        .findById('ed_reg')
        .lean()
        .exec();
      expect(entry).toMatchObject({ name: 'KIPP 2027 (revisi)', revision: 3, year: 2027 });
    });
  });
});
