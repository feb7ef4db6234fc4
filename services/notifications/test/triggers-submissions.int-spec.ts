import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  EditionPublishedV1,
  editionConfigurationExample,
  InstitutionRegisteredV1,
  proposalSnapshotExample,
  ProposalForwardedV1,
  ProposalNudgedV1,
  ProposalReturnedV1,
  ProposalStalledV1,
  ProposalWithdrawnV1,
  type PayloadOf,
} from '@kipp/contracts';
import { eventually, type CapturedMail } from '@kipp/testing';
import { ACCOUNT_ENTRY_MODEL, type AccountEntry } from '../src/directory/directory.schema';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { PREFERENCES_MODEL, type PreferencesDocument } from '../src/preferences/preferences.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

const PORTAL = 'https://portal.kipp.test';
const BY_LOCAL_ADMIN = { kind: 'account', accountId: 'acct_a_admin_id' } as const;
const BY_UNIT = { kind: 'account', accountId: 'acct_a_op_id' } as const;
/** 16:59:59 UTC: 23.59 WIB, 00.59 WITA and 01.59 WIT the next day. */
const CLOSES_AT = '2027-03-31T16:59:59.000Z';

/** Two institutions whose units share an id, to show recipients never leak across them. */
const MAKASSAR = 'inst_7371';
const JAYAPURA = 'inst_9171';
const UNIT = 'unit_dinkes';
const OTHER_UNIT = 'unit_dukcapil';

interface Person {
  readonly accountId: string;
  readonly email: string;
  readonly name: string;
  readonly locale: 'id' | 'en';
  readonly roles: ['local_admin'] | ['unit_operator'];
  readonly institutionId: string;
  readonly unitId: string | null;
}

const person = (
  accountId: string,
  locale: 'id' | 'en',
  roles: Person['roles'],
  institutionId: string,
  unitId: string | null,
): Person => ({
  accountId,
  email: `${accountId.replace(/_/g, '.')}@example.go.id`,
  name: `Name ${accountId}`,
  locale,
  roles,
  institutionId,
  unitId,
});

const PEOPLE = {
  makassarAdminId: person('acct_a_admin_id', 'id', ['local_admin'], MAKASSAR, null),
  makassarAdminEn: person('acct_a_admin_en', 'en', ['local_admin'], MAKASSAR, null),
  operatorId: person('acct_a_op_id', 'id', ['unit_operator'], MAKASSAR, UNIT),
  operatorEn: person('acct_a_op_en', 'en', ['unit_operator'], MAKASSAR, UNIT),
  operatorGone: person('acct_a_op_gone', 'id', ['unit_operator'], MAKASSAR, UNIT),
  otherUnitOperator: person('acct_a_op_other', 'id', ['unit_operator'], MAKASSAR, OTHER_UNIT),
  jayapuraAdmin: person('acct_b_admin_en', 'en', ['local_admin'], JAYAPURA, null),
  jayapuraOperator: person('acct_b_op_id', 'id', ['unit_operator'], JAYAPURA, UNIT),
} as const;

const emailOf = (...people: Person[]) => people.map((entry) => entry.email).sort();

describe('submissions triggers', () => {
  let app: NotificationsTestApp;
  let proposalCount = 0;
  let editionCount = 0;

  const messages = () => app.model<MessageDocument>(MESSAGE_MODEL);

  /**
   * The email messages of a notice once none waits to be sent, with who they went to: exactly
   * `expected`, each once.
   */
  async function emailsOf(noticeId: string, expected: Person[]): Promise<MessageDocument[]> {
    return eventually(async () => {
      const found = await messages().find({ noticeId, channel: 'email' }).lean().exec();
      expect(found.map((message) => message.recipient.email).sort()).toEqual(emailOf(...expected));
      for (const message of found) expect(['pending', 'sending']).not.toContain(message.status);
      return found;
    });
  }

  /** Mails whose text contains `marker`, by recipient, once every expected one arrived. */
  async function mailsWith(marker: string, expected: Person[]): Promise<Map<string, CapturedMail>> {
    return eventually(() => {
      const mails = app.smtp.mails.filter((mail) => mail.text.includes(marker));
      expect(mails.flatMap((mail) => mail.to).sort()).toEqual(emailOf(...expected));
      return new Map(mails.map((mail) => [mail.to[0]!, mail]));
    });
  }

  async function inboxOf(noticeId: string, who: Person): Promise<MessageDocument | null> {
    return messages()
      .findOne({ noticeId, channel: 'inbox', 'recipient.accountId': who.accountId })
      .lean()
      .exec();
  }

  function nextProposal(): { proposalId: string; title: string } {
    proposalCount += 1;
    return {
      proposalId: `prop_${proposalCount}`,
      title: `Inovasi Layanan ${proposalCount}A`,
    };
  }

  async function publishEdition(): Promise<{ editionId: string; name: string }> {
    editionCount += 1;
    const edition = {
      ...editionConfigurationExample,
      editionId: `ed_${editionCount}`,
      name: `KIPP Uji ${editionCount}A`,
    };
    await app.publish(EditionPublishedV1, {
      edition,
      revision: 1,
      publishedBy: BY_LOCAL_ADMIN,
      publishedAt: '2027-01-05T03:00:00.000Z',
    });
    return { editionId: edition.editionId, name: edition.name };
  }

  function stalled(
    proposal: { proposalId: string; title: string },
    editionId: string,
    overrides: Partial<PayloadOf<typeof ProposalStalledV1>>,
  ): PayloadOf<typeof ProposalStalledV1> {
    return {
      ...proposal,
      editionId,
      institutionId: MAKASSAR,
      unitId: UNIT,
      sittingWith: 'unit',
      threshold: '7d',
      since: '2027-03-10T03:00:00.000Z',
      closesAt: CLOSES_AT,
      detectedAt: '2027-03-24T16:59:59.000Z',
      ...overrides,
    };
  }

  beforeAll(async () => {
    app = await startNotificationsApp();
    await app.publish(
      InstitutionRegisteredV1,
      {
        institutionId: MAKASSAR,
        code: '73.71',
        name: 'Pemerintah Kota Makassar',
        type: 'city',
        provinceCode: '73',
        disadvantaged: false,
        registeredAt: '2027-01-15T02:00:00.000Z',
      },
      {
        institutionId: JAYAPURA,
        code: '91.71',
        name: 'Pemerintah Kota Jayapura',
        type: 'city',
        provinceCode: '91',
        disadvantaged: true,
        registeredAt: '2027-01-15T02:00:00.000Z',
      },
    );
    await app.publish(
      AccountCreatedV1,
      ...Object.values(PEOPLE).map((entry) => ({
        ...entry,
        roles: [...entry.roles],
        userId: entry.accountId,
        mustChangePassword: true,
        createdBy: BY_LOCAL_ADMIN,
        createdAt: '2027-01-21T02:30:00.000Z',
      })),
    );
    await app.publish(AccountDeactivatedV1, {
      accountId: PEOPLE.operatorGone.accountId,
      email: PEOPLE.operatorGone.email,
      locale: 'id',
      roles: ['unit_operator'],
      institutionId: MAKASSAR,
      reason: 'Pindah tugas',
      changedBy: BY_LOCAL_ADMIN,
      changedAt: '2027-03-01T02:00:00.000Z',
    });
    await eventually(async () => {
      const entries = await app.model<AccountEntry>(ACCOUNT_ENTRY_MODEL).find().lean().exec();
      expect(entries).toHaveLength(Object.keys(PEOPLE).length);
      expect(entries.find((entry) => entry._id === PEOPLE.operatorGone.accountId)?.active).toBe(
        false,
      );
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('proposal.forwarded', () => {
    it("should tell the unit's active operators in their language, and nobody else", async () => {
      const proposal = nextProposal();
      const [event] = await app.publish(ProposalForwardedV1, {
        snapshot: {
          ...proposalSnapshotExample,
          ...proposal,
          institutionId: MAKASSAR,
          unitId: UNIT,
        },
        forwardedBy: BY_LOCAL_ADMIN,
        forwardedAt: '2027-03-25T03:00:00.000Z',
      });

      const expected = [PEOPLE.operatorId, PEOPLE.operatorEn];
      await emailsOf(event!.eventId, expected);
      const mails = await mailsWith(proposal.title, expected);
      const indonesian = mails.get(PEOPLE.operatorId.email)!;
      const english = mails.get(PEOPLE.operatorEn.email)!;
      expect(indonesian.text).toContain(`${PORTAL}/proposals/${proposal.proposalId}`);
      expect(english.html).toContain(`${PORTAL}/proposals/${proposal.proposalId}`);
      expect(indonesian.text).toMatch(/25 Maret 2027/);
      expect(english.text).toMatch(/25 March 2027/);
      expect(indonesian.subject).not.toBe(english.subject);

      expect(await inboxOf(event!.eventId, PEOPLE.operatorEn)).toMatchObject({
        status: 'delivered',
        template: 'proposal.forwarded',
        refs: { proposalId: proposal.proposalId, institutionId: MAKASSAR },
      });
    });
  });

  describe('proposal.returned', () => {
    it("should give the unit's operators the comment, skipping one who opted out of proposal news", async () => {
      await app.model<PreferencesDocument>(PREFERENCES_MODEL).create({
        _id: PEOPLE.operatorEn.accountId,
        optedOut: ['proposal'],
        dailyDigest: false,
      });
      const proposal = nextProposal();
      const comment = 'Lengkapi bukti SK penetapan inovator.';
      const [event] = await app.publish(ProposalReturnedV1, {
        ...proposal,
        editionId: 'ed_x',
        institutionId: MAKASSAR,
        unitId: UNIT,
        comment,
        returnedBy: BY_LOCAL_ADMIN,
        returnedAt: '2027-03-22T03:00:00.000Z',
      });

      const stored = await emailsOf(event!.eventId, [PEOPLE.operatorId, PEOPLE.operatorEn]);
      const byEmail = new Map(stored.map((message) => [message.recipient.email, message]));
      expect(byEmail.get(PEOPLE.operatorEn.email)?.status).toBe('suppressed');
      expect(byEmail.get(PEOPLE.operatorId.email)?.status).toBe('sent');
      expect((await inboxOf(event!.eventId, PEOPLE.operatorEn))?.status).toBe('suppressed');

      const mails = await mailsWith(proposal.title, [PEOPLE.operatorId]);
      const mail = mails.get(PEOPLE.operatorId.email)!;
      expect(mail.text).toContain(comment);
      expect(mail.text).toContain(`${PORTAL}/proposals/${proposal.proposalId}`);
      expect((await inboxOf(event!.eventId, PEOPLE.operatorId))?.status).toBe('delivered');

      // Delivered twice, then a later return of the same proposal: one mail per return.
      await app.republish(event!);
      const [again] = await app.publish(ProposalReturnedV1, {
        ...proposal,
        editionId: 'ed_x',
        institutionId: MAKASSAR,
        unitId: UNIT,
        comment: 'Perbaiki ringkasan.',
        returnedBy: BY_LOCAL_ADMIN,
        returnedAt: '2027-03-23T03:00:00.000Z',
      });
      await app.consumed(ProposalReturnedV1);
      await emailsOf(again!.eventId, [PEOPLE.operatorId, PEOPLE.operatorEn]);
      await mailsWith('Perbaiki ringkasan.', [PEOPLE.operatorId]);
      expect(app.smtp.mails.filter((entry) => entry.text.includes(comment))).toHaveLength(1);
    });
  });

  describe('proposal.withdrawn', () => {
    it("should tell the institution's local admins, naming the proposal by the title known here", async () => {
      const proposal = nextProposal();
      // A return taught the service the title; the withdrawal carries none.
      await app.publish(ProposalReturnedV1, {
        ...proposal,
        editionId: 'ed_x',
        institutionId: MAKASSAR,
        unitId: OTHER_UNIT,
        comment: 'Perbaiki.',
        returnedBy: BY_LOCAL_ADMIN,
        returnedAt: '2027-03-22T03:00:00.000Z',
      });
      const [event] = await app.publish(ProposalWithdrawnV1, {
        proposalId: proposal.proposalId,
        editionId: 'ed_x',
        institutionId: MAKASSAR,
        unitId: OTHER_UNIT,
        wasForwarded: false,
        withdrawnBy: BY_UNIT,
        withdrawnAt: '2027-03-23T03:00:00.000Z',
      });

      const expected = [PEOPLE.makassarAdminId, PEOPLE.makassarAdminEn];
      const stored = await emailsOf(event!.eventId, expected);
      expect(stored[0]!.params).toMatchObject({ title: proposal.title, wasForwarded: false });
      const mails = await eventually(() => {
        const found = expected.map((entry) =>
          app.smtp.to(entry.email).find((mail) => mail.text.includes(proposal.title)),
        );
        expect(found.every(Boolean)).toBe(true);
        return found as CapturedMail[];
      });
      expect(mails[0]!.text).toMatch(/23 Maret 2027/);
      expect(mails[1]!.text).toMatch(/23 March 2027/);
      expect((await inboxOf(event!.eventId, PEOPLE.makassarAdminId))?.status).toBe('delivered');
    });
  });

  describe('proposal.nudged', () => {
    function nudged(
      proposal: { proposalId: string; title: string },
      message: string | null,
    ): PayloadOf<typeof ProposalNudgedV1> {
      return {
        ...proposal,
        editionId: 'ed_x',
        institutionId: MAKASSAR,
        unitId: UNIT,
        message,
        nudgedBy: BY_LOCAL_ADMIN,
        nudgedAt: '2027-03-20T02:00:00.000Z',
        closesAt: CLOSES_AT,
      };
    }

    it("should mail the unit's active operators the local admin's message quoted, once, with an inbox copy", async () => {
      const proposal = nextProposal();
      const message = 'Mohon lengkapi bagian keberlanjutan minggu ini.';
      const [event] = await app.publish(ProposalNudgedV1, nudged(proposal, message));

      const operators = [PEOPLE.operatorId, PEOPLE.operatorEn];
      await emailsOf(event!.eventId, operators);
      const mails = await mailsWith(proposal.title, operators);
      const indonesian = mails.get(PEOPLE.operatorId.email)!;
      const english = mails.get(PEOPLE.operatorEn.email)!;
      expect(indonesian.text).toContain(`Pesan Admin Lokal:\n“${message}”`);
      expect(english.text).toContain(`Message from the local admin:\n“${message}”`);
      expect(indonesian.text).toMatch(/1 April 2027 pukul 00\.59 WITA/);
      expect(english.html).toContain(`${PORTAL}/proposals/${proposal.proposalId}`);
      expect(indonesian.subject).not.toBe(english.subject);
      expect(await inboxOf(event!.eventId, PEOPLE.operatorId)).toMatchObject({
        status: 'delivered',
        template: 'proposal.nudged',
        params: { message },
        refs: { proposalId: proposal.proposalId, institutionId: MAKASSAR },
      });

      await app.republish(event!);
      await app.consumed(ProposalNudgedV1);
      expect(app.smtp.mails.filter((mail) => mail.text.includes(proposal.title))).toHaveLength(2);
    });

    it('should leave the message part out when the local admin wrote none', async () => {
      const proposal = nextProposal();
      const [event] = await app.publish(ProposalNudgedV1, nudged(proposal, null));

      await emailsOf(event!.eventId, [PEOPLE.operatorId, PEOPLE.operatorEn]);
      const mails = await mailsWith(proposal.title, [PEOPLE.operatorId, PEOPLE.operatorEn]);
      expect(mails.get(PEOPLE.operatorId.email)!.text).not.toContain('Pesan Admin Lokal');
      expect(mails.get(PEOPLE.operatorEn.email)!.text).not.toContain('Message from');
    });
  });

  describe('proposal.stalled', () => {
    it("should nudge the unit's active operators and remind the local admins once, in WITA and each one's language", async () => {
      const edition = await publishEdition();
      const proposal = nextProposal();
      const [event] = await app.publish(
        ProposalStalledV1,
        stalled(proposal, edition.editionId, {}),
      );

      const operators = [PEOPLE.operatorId, PEOPLE.operatorEn];
      await emailsOf(event!.eventId, operators);
      const nudges = await mailsWith(proposal.title, operators);
      expect(nudges.get(PEOPLE.operatorId.email)!.text).toMatch(/1 April 2027 pukul 00\.59 WITA/);
      expect(nudges.get(PEOPLE.operatorEn.email)!.text).toMatch(/1 April 2027, 00:59 WITA/);
      expect(nudges.get(PEOPLE.operatorId.email)!.text).toContain(
        `${PORTAL}/proposals/${proposal.proposalId}`,
      );

      const admins = [PEOPLE.makassarAdminId, PEOPLE.makassarAdminEn];
      const noticeId = `deadline:${edition.editionId}:${MAKASSAR}:7d`;
      await emailsOf(noticeId, admins);
      const reminders = await mailsWith(edition.name, admins);
      expect(reminders.get(PEOPLE.makassarAdminId.email)!.text).toMatch(/00\.59 WITA/);
      expect(reminders.get(PEOPLE.makassarAdminEn.email)!.text).toMatch(/00:59 WITA/);
      expect(reminders.get(PEOPLE.makassarAdminEn.email)!.text).toContain(
        `${PORTAL}/institution/drafts?edition=${edition.editionId}`,
      );
      expect(reminders.get(PEOPLE.makassarAdminId.email)!.subject).not.toBe(
        reminders.get(PEOPLE.makassarAdminEn.email)!.subject,
      );
      expect(await inboxOf(noticeId, PEOPLE.makassarAdminEn)).toMatchObject({
        status: 'delivered',
        template: 'deadline.reminder',
        refs: { editionId: edition.editionId, institutionId: MAKASSAR, proposalId: null },
      });
    });

    it('should nudge the local admins in WIT when the proposal sits with them', async () => {
      const edition = await publishEdition();
      const proposal = nextProposal();
      const [event] = await app.publish(
        ProposalStalledV1,
        stalled(proposal, edition.editionId, {
          institutionId: JAYAPURA,
          sittingWith: 'local_admin',
          threshold: '3h',
        }),
      );

      const admins = [PEOPLE.jayapuraAdmin];
      await emailsOf(event!.eventId, admins);
      await emailsOf(`deadline:${edition.editionId}:${JAYAPURA}:3h`, admins);
      const nudge = (await mailsWith(proposal.title, admins)).get(PEOPLE.jayapuraAdmin.email)!;
      expect(nudge.text).toMatch(/1 April 2027, 01:59 WIT\b/);
      const reminder = (await mailsWith(edition.name, admins)).get(PEOPLE.jayapuraAdmin.email)!;
      expect(reminder.text).toMatch(/01:59 WIT\b/);
    });

    it('should remind each local admin once per threshold however many proposals stall or the event repeats', async () => {
      const edition = await publishEdition();
      const first = nextProposal();
      const second = nextProposal();
      const [event] = await app.publish(
        ProposalStalledV1,
        stalled(first, edition.editionId, { threshold: '1d' }),
      );
      await app.republish(event!);
      // More proposals of the institution at once, spread over the partitions the service
      // consumes concurrently: their transactions race for the one reminder.
      const more = [nextProposal(), nextProposal(), nextProposal()];
      await app.publish(
        ProposalStalledV1,
        stalled(second, edition.editionId, { threshold: '1d', unitId: OTHER_UNIT }),
        stalled(first, edition.editionId, { threshold: '1d', sittingWith: 'local_admin' }),
        ...more.map((proposal) =>
          stalled(proposal, edition.editionId, { threshold: '1d', unitId: OTHER_UNIT }),
        ),
      );
      await app.consumed(ProposalStalledV1);

      const admins = [PEOPLE.makassarAdminId, PEOPLE.makassarAdminEn];
      await emailsOf(`deadline:${edition.editionId}:${MAKASSAR}:1d`, admins);
      await mailsWith(edition.name, admins);
      await emailsOf(event!.eventId, [PEOPLE.operatorId, PEOPLE.operatorEn]);
      await mailsWith(second.title, [PEOPLE.otherUnitOperator]);
      // The first proposal: one nudge to each operator (the repeat added none), and one to
      // each local admin once it sat with them.
      await eventually(() => {
        const current = app.smtp.mails.filter((mail) => mail.text.includes(first.title));
        expect(current.flatMap((mail) => mail.to).sort()).toEqual(
          emailOf(PEOPLE.operatorId, PEOPLE.operatorEn, ...admins),
        );
      });
      expect(
        app.smtp.mails
          .filter((mail) => mail.text.includes(edition.name))
          .flatMap((mail) => mail.to),
      ).toHaveLength(2);
    });
  });
});
