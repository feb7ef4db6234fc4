import { AssignmentCreatedV1, InterviewScheduledV1 } from '@kipp/contracts';
import { eventually } from '@kipp/testing';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import {
  REMINDER_MODEL,
  interviewReminderId,
  scoringReminderId,
  type InterviewReminderParams,
  type ReminderDocument,
  type ScoringReminderParams,
} from '../src/reminders/reminder.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';
import { DirectorySeed, seedEdition } from './support/directory-seed';
import { mailsAbout } from './support/mail-assertions';

const MINUTE_MS = 60_000;
/** Makassar (WITA): the local admins confirm interview slots. */
const CITY = { id: 'inst_7371', name: 'Kota Makassar', provinceCode: '73' };
const EDITION = { id: 'ed_2027', name: 'KIPP 2027' };
const people = {
  adminId: { id: 'acct_admin_id', email: 'admin.id@makassar.test', locale: 'id' as const },
  adminEn: { id: 'acct_admin_en', email: 'admin.en@makassar.test', locale: 'en' as const },
  operator: { id: 'acct_op', email: 'op@makassar.test', locale: 'id' as const },
  evaluator: { id: 'acct_eval_1', email: 'eval.one@kipp.test', locale: 'en' as const },
  idleEvaluator: { id: 'acct_eval_2', email: 'eval.two@kipp.test', locale: 'id' as const },
};
const ADMINS = [people.adminId.email, people.adminEn.email];

describe('scheduled reminders', () => {
  let app: NotificationsTestApp;

  beforeAll(async () => {
    // One-minute offsets, so that reminders planned from events fire within the test.
    app = await startNotificationsApp({
      env: { SCORING_REMINDER_OFFSETS: '1m', INTERVIEW_CONFIRM_REMINDER_OFFSETS: '1m' },
    });
    await DirectorySeed.run(app, async (seed) => {
      await seed.cities(CITY);
      await seed.account(people.adminId, { roles: ['local_admin'], institutionId: CITY.id });
      await seed.account(people.adminEn, { roles: ['local_admin'], institutionId: CITY.id });
      await seed.account(people.operator, {
        roles: ['unit_operator'],
        institutionId: CITY.id,
        unitId: 'unit_health',
      });
      await seed.account(people.evaluator, { roles: ['evaluator'], homeProvinceCode: '31' });
      await seed.account(people.idleEvaluator, { roles: ['evaluator'], homeProvinceCode: '31' });
    });
    await seedEdition(app, EDITION);
  });

  afterAll(async () => {
    await app.close();
  });

  async function seedProposals(entries: readonly { id: string; title: string }[]): Promise<void> {
    await DirectorySeed.run(app, (seed) =>
      seed.proposals(
        { editionId: EDITION.id, institutionId: CITY.id, unitId: 'unit_health' },
        entries,
      ),
    );
  }

  function reminders() {
    return app.model<ReminderDocument>(REMINDER_MODEL);
  }

  function interviewReminder(
    params: InterviewReminderParams,
    overrides: Partial<ReminderDocument> = {},
  ): Partial<ReminderDocument> {
    return {
      _id: interviewReminderId(params.slotId, params.startsAt, '1d'),
      kind: 'interview',
      scope: `interview:${params.proposalId}`,
      fireAt: new Date(Date.now() - MINUTE_MS),
      status: 'scheduled',
      params: { ...params },
      firedAt: null,
      notified: null,
      ...overrides,
    };
  }

  function interviewParams(proposalId: string, slotId: string): InterviewReminderParams {
    return {
      proposalId,
      editionId: EDITION.id,
      institutionId: CITY.id,
      slotId,
      startsAt: '2027-06-12T02:00:00.000Z',
      confirmBy: '2027-06-11T02:00:00.000Z',
    };
  }

  it('should fire due reminders once each: scoring with the open count, silently without work, interview to the local admins, never a cancelled one', async () => {
    const dueAt = '2027-05-15T16:59:59.000Z';
    await DirectorySeed.run(app, async ({ directory, session }) => {
      for (const assignmentId of ['asg_1', 'asg_2']) {
        await directory.openAssignment(
          {
            assignmentId,
            proposalId: `prop_${assignmentId}`,
            editionId: EDITION.id,
            evaluatorAccountId: people.evaluator.id,
            dueAt: new Date(dueAt),
          },
          session,
        );
      }
    });
    await seedProposals([
      { id: 'prop_due', title: 'Klinik Apung Spermonde' },
      { id: 'prop_cancelled', title: 'Bank Sampah Digital' },
    ]);
    const busy: ScoringReminderParams = {
      editionId: EDITION.id,
      evaluatorAccountId: people.evaluator.id,
      dueAt,
    };
    const idle: ScoringReminderParams = { ...busy, evaluatorAccountId: people.idleEvaluator.id };
    const scoring = (params: ScoringReminderParams): Partial<ReminderDocument> => ({
      _id: scoringReminderId(params, '1d'),
      kind: 'scoring',
      scope: `scoring:${params.editionId}:${params.evaluatorAccountId}`,
      fireAt: new Date(Date.now() - MINUTE_MS),
      status: 'scheduled',
      params: { ...params },
      firedAt: null,
      notified: null,
    });
    await reminders().insertMany([
      scoring(busy),
      scoring(idle),
      interviewReminder(interviewParams('prop_due', 'slot_due')),
      interviewReminder(interviewParams('prop_cancelled', 'slot_cancelled'), {
        status: 'cancelled',
      }),
    ]);

    await eventually(() => {
      const mails = mailsAbout(app.smtp, EDITION.name).get(people.evaluator.email) ?? [];
      expect(mails).toHaveLength(1);
      // Due 23:59 WIB (the evaluator's zone).
      expect(mails[0]?.text).toMatch(/23[.:]59 WIB/);
    });
    const scoringMessage = await app
      .model<MessageDocument>(MESSAGE_MODEL)
      .findOne({ noticeId: scoringReminderId(busy, '1d'), channel: 'email' })
      .lean<MessageDocument>()
      .exec();
    expect(scoringMessage?.params).toMatchObject({ openAssignments: 2, editionName: EDITION.name });
    const told = await eventually(() => {
      const byRecipient = mailsAbout(app.smtp, 'Klinik Apung Spermonde');
      expect([...byRecipient.keys()].sort()).toEqual([...ADMINS].sort());
      return byRecipient;
    });
    for (const address of ADMINS) {
      const [mail, ...more] = told.get(address) ?? [];
      expect(more).toEqual([]);
      // 02:00 UTC is 10:00 in Makassar.
      expect(mail?.text).toMatch(/10[.:]00 WITA/);
    }

    const states = Object.fromEntries(
      (await reminders().find().lean<ReminderDocument[]>().exec()).map((reminder) => [
        reminder._id,
        [reminder.status, reminder.notified],
      ]),
    );
    expect(states).toEqual({
      [scoringReminderId(busy, '1d')]: ['fired', true],
      [scoringReminderId(idle, '1d')]: ['fired', false],
      [interviewReminderId('slot_due', '2027-06-12T02:00:00.000Z', '1d')]: ['fired', true],
      [interviewReminderId('slot_cancelled', '2027-06-12T02:00:00.000Z', '1d')]: [
        'cancelled',
        null,
      ],
    });
    expect(mailsAbout(app.smtp, 'Bank Sampah Digital').size).toBe(0);
    expect(app.smtp.to(people.idleEvaluator.email)).toEqual([]);
  });

  it('should fire reminders planned from events at their time, and not those of a slot confirmed in the meantime', async () => {
    await seedProposals([
      { id: 'prop_booked', title: 'Perpustakaan Keliling Pulau' },
      { id: 'prop_confirmed', title: 'Sekolah Lapang Petani' },
      { id: 'prop_scored', title: 'Rumah Singgah Pasien' },
    ]);
    // The reminders fire a few seconds from now: one minute before these instants.
    const soon = new Date(Date.now() + MINUTE_MS + 5_000);
    soon.setUTCMilliseconds(0);
    const slot = {
      editionId: EDITION.id,
      institutionId: CITY.id,
      startsAt: new Date(soon.getTime() + 86_400_000).toISOString(),
      presentationMinutes: 7,
      interviewMinutes: 13,
      confirmBy: soon.toISOString(),
      changedBy: { kind: 'system' as const, process: 'interview-booking' },
      changedAt: new Date().toISOString(),
    };
    await app.publish(
      InterviewScheduledV1,
      { ...slot, proposalId: 'prop_booked', slotId: 'slot_1', change: 'booked' },
      { ...slot, proposalId: 'prop_confirmed', slotId: 'slot_2', change: 'booked' },
    );
    await app.publish(InterviewScheduledV1, {
      ...slot,
      proposalId: 'prop_confirmed',
      slotId: 'slot_2',
      change: 'confirmed',
    });
    await app.publish(AssignmentCreatedV1, {
      assignmentId: 'asg_soon',
      proposalId: 'prop_scored',
      editionId: EDITION.id,
      evaluatorAccountId: people.evaluator.id,
      reason: 'initial',
      dueAt: soon.toISOString(),
      createdAt: new Date().toISOString(),
    });
    // A deadline closer than the offset plans nothing (the reminder would come too late).
    const tooSoon = new Date(Date.now() + 30_000).toISOString();
    await app.publish(AssignmentCreatedV1, {
      assignmentId: 'asg_late',
      proposalId: 'prop_scored',
      editionId: EDITION.id,
      evaluatorAccountId: people.idleEvaluator.id,
      reason: 'initial',
      dueAt: tooSoon,
      createdAt: new Date().toISOString(),
    });

    const confirmedId = interviewReminderId('slot_2', slot.startsAt, '1m');
    await eventually(async () => {
      expect(await reminders().findById(confirmedId).lean().exec()).toMatchObject({
        status: 'cancelled',
      });
    });
    await eventually(
      () => {
        const byRecipient = mailsAbout(app.smtp, 'Perpustakaan Keliling Pulau');
        // The booking itself, then its confirmation reminder.
        for (const address of ADMINS) expect(byRecipient.get(address)).toHaveLength(2);
        // Its scoring reminder names the edition, not a proposal (the first test sent one).
        const scoring = app.smtp
          .to(people.evaluator.email)
          .filter(
            (mail) => mail.text.includes(EDITION.name) && !mail.text.includes('Rumah Singgah'),
          );
        expect(scoring).toHaveLength(2);
      },
      { timeoutMs: 60_000 },
    );
    const fired = await reminders()
      .findById(interviewReminderId('slot_1', slot.startsAt, '1m'))
      .lean<ReminderDocument>()
      .exec();
    expect(fired?.status).toBe('fired');
    expect(fired?.firedAt?.getTime()).toBeGreaterThanOrEqual(soon.getTime() - MINUTE_MS);
    // The confirmed slot's reminder was due as early and never fired.
    expect(await reminders().findById(confirmedId).lean().exec()).toMatchObject({
      status: 'cancelled',
    });
    for (const address of ADMINS) {
      expect(mailsAbout(app.smtp, 'Sekolah Lapang Petani').get(address)).toHaveLength(1);
    }
    const scoringReminder = await reminders()
      .findById(
        scoringReminderId(
          {
            editionId: EDITION.id,
            evaluatorAccountId: people.evaluator.id,
            dueAt: soon.toISOString(),
          },
          '1m',
        ),
      )
      .lean<ReminderDocument>()
      .exec();
    expect(scoringReminder).toMatchObject({ status: 'fired', notified: true });
    expect(
      await reminders().countDocuments({
        scope: `scoring:${EDITION.id}:${people.idleEvaluator.id}`,
        'params.dueAt': tooSoon,
      }),
    ).toBe(0);
  });

  it('should fire each reminder exactly once when three replicas scan the same reminders', async () => {
    await app.startReplica();
    await app.startReplica();
    const count = 30;
    const entries = Array.from({ length: count }, (_, index) => ({
      id: `prop_many_${index}`,
      title: `Inovasi Serentak ${String(index).padStart(2, '0')}`,
    }));
    await seedProposals(entries);
    await reminders().insertMany(
      entries.map((entry, index) =>
        interviewReminder(interviewParams(entry.id, `slot_many_${index}`)),
      ),
    );

    const noticeIds = entries.map((_, index) =>
      interviewReminderId(`slot_many_${index}`, '2027-06-12T02:00:00.000Z', '1d'),
    );
    await eventually(
      async () => {
        expect(await reminders().countDocuments({ _id: { $in: noticeIds }, status: 'fired' })).toBe(
          count,
        );
        // Every mail settled (none pending or in flight) before counting what arrived.
        expect(
          await app.model<MessageDocument>(MESSAGE_MODEL).countDocuments({
            noticeId: { $in: noticeIds },
            channel: 'email',
            status: 'sent',
          }),
        ).toBe(count * ADMINS.length);
        expect(
          app.smtp.mails.filter((mail) => mail.text.includes('Inovasi Serentak')),
        ).toHaveLength(count * ADMINS.length);
      },
      { timeoutMs: 60_000 },
    );
    for (const entry of entries) {
      const byRecipient = mailsAbout(app.smtp, entry.title);
      expect([...byRecipient.keys()].sort()).toEqual([...ADMINS].sort());
      for (const address of ADMINS) expect(byRecipient.get(address)).toHaveLength(1);
    }
    expect(
      await app
        .model<MessageDocument>(MESSAGE_MODEL)
        .countDocuments({ noticeId: { $in: noticeIds } }),
    ).toBe(count * ADMINS.length * 2);
  });
});
