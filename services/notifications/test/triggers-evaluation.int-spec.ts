import { randomUUID } from 'node:crypto';
import {
  AssignmentChangedV1,
  AssignmentCreatedV1,
  AwardGrantedV1,
  CertificateIssuedV1,
  CertificateRevokedV1,
  InterviewScheduledV1,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  ScoreSubmittedV1,
  SelectionDecidedV1,
  StageResultPublishedV1,
} from '@kipp/contracts';
import { eventually } from '@kipp/testing';
import {
  ASSIGNMENT_ENTRY_MODEL,
  FINALIST_ENTRY_MODEL,
  type AssignmentEntry,
  type FinalistEntry,
  type ProposalEntry,
  PROPOSAL_ENTRY_MODEL,
} from '../src/directory/directory.schema';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { REMINDER_MODEL, type ReminderDocument } from '../src/reminders/reminder.schema';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';
import { DirectorySeed, seedEdition } from './support/directory-seed';
import { expectOneMailEach, mailsAbout } from './support/mail-assertions';

const DAY_MS = 86_400_000;
const PORTAL = 'https://portal.kipp.test';

/** Makassar (South Sulawesi, BPS 73): the institution's people read times in WITA. */
const CITY = { id: 'inst_7371', name: 'Kota Makassar', provinceCode: '73' };
const OTHER_CITY = { id: 'inst_3273', name: 'Kota Bandung', provinceCode: '32' };
const EDITION = { id: 'ed_2027', name: 'KIPP 2027' };

const people = {
  adminId: { id: 'acct_admin_id', email: 'admin.id@makassar.test', locale: 'id' as const },
  adminEn: { id: 'acct_admin_en', email: 'admin.en@makassar.test', locale: 'en' as const },
  operator: { id: 'acct_op_health', email: 'op.health@makassar.test', locale: 'id' as const },
  otherUnitOperator: {
    id: 'acct_op_roads',
    email: 'op.roads@makassar.test',
    locale: 'id' as const,
  },
  otherCityAdmin: { id: 'acct_admin_bdg', email: 'admin@bandung.test', locale: 'id' as const },
  evaluator: { id: 'acct_eval_1', email: 'eval.one@kipp.test', locale: 'en' as const },
  otherEvaluator: { id: 'acct_eval_2', email: 'eval.two@kipp.test', locale: 'id' as const },
  secretariat: { id: 'acct_national', email: 'secretariat@kipp.test', locale: 'id' as const },
};
const TEAM = [people.adminId.email, people.adminEn.email, people.operator.email];
const EVERYONE = Object.values(people).map((person) => person.email);

/** A distinct proposal per test, filed by the health unit of Makassar. */
function proposal(title: string) {
  return { id: `prop_${randomUUID().slice(0, 8)}`, title };
}

describe('notifications triggered by evaluation events', () => {
  let app: NotificationsTestApp;

  beforeAll(async () => {
    app = await startNotificationsApp();
    await DirectorySeed.run(app, async (seed) => {
      await seed.cities(CITY, OTHER_CITY);
      await seed.account(people.adminId, {
        name: 'Andi Admin',
        roles: ['local_admin'],
        institutionId: CITY.id,
      });
      await seed.account(people.adminEn, {
        name: 'Ellen Admin',
        roles: ['local_admin'],
        institutionId: CITY.id,
      });
      await seed.account(people.operator, {
        name: 'Oki Operator',
        roles: ['unit_operator'],
        institutionId: CITY.id,
        unitId: 'unit_health',
      });
      await seed.account(people.otherUnitOperator, {
        name: 'Rudi Roads',
        roles: ['unit_operator'],
        institutionId: CITY.id,
        unitId: 'unit_roads',
      });
      await seed.account(people.otherCityAdmin, {
        name: 'Budi Bandung',
        roles: ['local_admin'],
        institutionId: OTHER_CITY.id,
      });
      // Evaluators read times in their home province's zone: Jakarta, WIB.
      await seed.account(people.evaluator, {
        name: 'Eva Evaluator',
        roles: ['evaluator'],
        homeProvinceCode: '31',
      });
      await seed.account(people.otherEvaluator, {
        name: 'Edo Evaluator',
        roles: ['evaluator'],
        homeProvinceCode: '31',
      });
      await seed.account(people.secretariat, {
        name: 'Sekretariat KIPP',
        roles: ['national_admin'],
      });
    });
    await seedEdition(app, EDITION);
  });

  afterAll(async () => {
    await app.close();
  });

  /** The forwarded proposal, as submissions' events leave it in the directory. */
  async function seedProposal(entry: { id: string; title: string }): Promise<void> {
    await DirectorySeed.run(app, (seed) =>
      seed.proposals({ editionId: EDITION.id, institutionId: CITY.id, unitId: 'unit_health' }, [
        entry,
      ]),
    );
  }

  async function inboxCopies(noticeId: string): Promise<MessageDocument[]> {
    return app
      .model<MessageDocument>(MESSAGE_MODEL)
      .find({ noticeId, channel: 'inbox' })
      .sort({ _id: 1 })
      .lean<MessageDocument[]>()
      .exec();
  }

  async function remindersIn(scope: string): Promise<ReminderDocument[]> {
    return app
      .model<ReminderDocument>(REMINDER_MODEL)
      .find({ scope })
      .sort({ _id: 1 })
      .lean<ReminderDocument[]>()
      .exec();
  }

  it('should tell the proposal team the selection outcome with its reasons, once, when the decision arrives twice', async () => {
    const entry = proposal('Posyandu Digital Makassar');
    await seedProposal(entry);
    const decision = {
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      snapshotVersion: 1,
      outcome: 'fail' as const,
      reasons: [
        { check: 'innovation-age', outcome: 'fail' as const, note: 'Berjalan 0 tahun; minimal 1' },
        { check: 'completeness', outcome: 'pass' as const, note: '' },
      ],
      decisionRevision: 1,
      decidedBy: { kind: 'account' as const, accountId: people.secretariat.id },
      decidedAt: '2027-04-10T03:00:00.000Z',
    };
    const [first] = await app.publish(SelectionDecidedV1, decision);
    const mails = await expectOneMailEach(app.smtp, entry.title, TEAM);
    for (const mail of mails.values()) {
      expect(mail.text).toContain('Berjalan 0 tahun; minimal 1');
      expect(`${mail.text}${mail.html}`).toContain(PORTAL);
    }
    // In the recipient's language: the Indonesian and English mails differ.
    expect(mails.get(people.adminId.email)?.subject).not.toEqual(
      mails.get(people.adminEn.email)?.subject,
    );
    const inbox = await inboxCopies(first!.eventId);
    expect(inbox.map((message) => message.recipient.accountId).sort()).toEqual(
      [people.adminEn.id, people.adminId.id, people.operator.id].sort(),
    );

    // The same event again, then a revised decision behind it on the same partition: once
    // the revision's mail is out, the duplicate has been consumed too.
    await app.republish(first!);
    await app.publish(SelectionDecidedV1, {
      ...decision,
      outcome: 'pass',
      reasons: [{ check: 'innovation-age', outcome: 'pass', note: 'Dikoreksi setelah banding' }],
      decisionRevision: 2,
    });
    await eventually(() => {
      for (const address of TEAM) {
        const mails = mailsAbout(app.smtp, entry.title).get(address) ?? [];
        expect(mails).toHaveLength(2);
        expect(mails.filter((mail) => mail.text.includes('Berjalan 0 tahun'))).toHaveLength(1);
      }
    });
    expect(
      EVERYONE.filter((address) => mailsAbout(app.smtp, entry.title).has(address)).sort(),
    ).toEqual([...TEAM].sort());
  });

  it('should tell the evaluator of a new assignment, say so for a reassignment, and plan scoring reminders before the deadline', async () => {
    const entry = proposal('Layanan Kesehatan Keliling');
    await seedProposal(entry);
    // 10 days ahead, 16:59:59 UTC = 23:59 WIB.
    const dueDay = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
    const dueAt = `${dueDay}T16:59:59.000Z`;
    const base = {
      proposalId: entry.id,
      editionId: EDITION.id,
      evaluatorAccountId: people.evaluator.id,
      dueAt,
      createdAt: new Date().toISOString(),
    };
    const [initial] = await app.publish(AssignmentCreatedV1, {
      ...base,
      assignmentId: 'asg_first',
      reason: 'initial',
    });
    const first = await expectOneMailEach(app.smtp, entry.title, [people.evaluator.email]);
    const mail = first.get(people.evaluator.email)!;
    expect(mail.text).toMatch(/23[:.]59 WIB/);
    expect(mail.text).toContain(EDITION.name);
    expect(`${mail.text}${mail.html}`).toContain(PORTAL);

    await app.republish(initial!);
    await app.publish(AssignmentCreatedV1, {
      ...base,
      assignmentId: 'asg_second',
      reason: 'reassignment',
    });
    await eventually(() => {
      const mails = mailsAbout(app.smtp, entry.title).get(people.evaluator.email) ?? [];
      expect(mails).toHaveLength(2);
      // A reassignment reads differently from the first assignment.
      expect(mails[1]?.text).not.toEqual(mails[0]?.text);
    });
    expect([...mailsAbout(app.smtp, entry.title).keys()]).toEqual([people.evaluator.email]);

    const assignments = await app
      .model<AssignmentEntry>(ASSIGNMENT_ENTRY_MODEL)
      .find({ proposalId: entry.id })
      .lean<AssignmentEntry[]>()
      .exec();
    expect(assignments.map((assignment) => [assignment._id, assignment.open]).sort()).toEqual([
      ['asg_first', true],
      ['asg_second', true],
    ]);
    // Default offsets 3d and 1d; both assignments share the deadline, so one reminder each.
    const reminders = await remindersIn(`scoring:${EDITION.id}:${people.evaluator.id}`);
    expect(reminders.map((reminder) => [reminder._id, reminder.status, reminder.fireAt])).toEqual([
      [
        `scoring:${EDITION.id}:${people.evaluator.id}:${dueAt}:1d`,
        'scheduled',
        new Date(Date.parse(dueAt) - DAY_MS),
      ],
      [
        `scoring:${EDITION.id}:${people.evaluator.id}:${dueAt}:3d`,
        'scheduled',
        new Date(Date.parse(dueAt) - 3 * DAY_MS),
      ],
    ]);
  });

  it('should tell an evaluator of a revoked assignment, keep quiet on a decline, and cancel the reminders once nothing is left to score', async () => {
    const entry = proposal('Sistem Antrean Puskesmas');
    await seedProposal(entry);
    const dueAt = new Date(Date.now() + 9 * DAY_MS).toISOString();
    const created = (assignmentId: string) => ({
      assignmentId,
      proposalId: entry.id,
      editionId: EDITION.id,
      evaluatorAccountId: people.otherEvaluator.id,
      reason: 'initial' as const,
      dueAt,
      createdAt: new Date().toISOString(),
    });
    await app.publish(AssignmentCreatedV1, created('asg_a'), created('asg_b'), created('asg_c'));
    const scope = `scoring:${EDITION.id}:${people.otherEvaluator.id}`;
    await eventually(async () => {
      expect(mailsAbout(app.smtp, entry.title).get(people.otherEvaluator.email)).toHaveLength(3);
      expect((await remindersIn(scope)).map((reminder) => reminder.status)).toEqual([
        'scheduled',
        'scheduled',
      ]);
    });
    const change = {
      proposalId: entry.id,
      editionId: EDITION.id,
      evaluatorAccountId: people.otherEvaluator.id,
      replacedBy: null,
      changedBy: { kind: 'account' as const, accountId: people.secretariat.id },
      changedAt: new Date().toISOString(),
    };
    await app.publish(
      AssignmentChangedV1,
      { ...change, assignmentId: 'asg_a', change: 'declined', reason: 'Konflik kepentingan' },
      {
        ...change,
        assignmentId: 'asg_b',
        change: 'revoked',
        reason: 'Penilai ditarik oleh sekretariat',
      },
    );
    await eventually(async () => {
      const mails = mailsAbout(app.smtp, entry.title).get(people.otherEvaluator.email) ?? [];
      expect(mails).toHaveLength(4);
      expect(mails[3]?.text).toContain('Penilai ditarik oleh sekretariat');
      const open = await app
        .model<AssignmentEntry>(ASSIGNMENT_ENTRY_MODEL)
        .find({ proposalId: entry.id, open: true })
        .lean<AssignmentEntry[]>()
        .exec();
      expect(open.map((assignment) => assignment._id)).toEqual(['asg_c']);
    });
    // One assignment is still open: its deadline's reminders stay.
    expect((await remindersIn(scope)).map((reminder) => reminder.status)).toEqual([
      'scheduled',
      'scheduled',
    ]);
    expect(mailsAbout(app.smtp, 'Konflik kepentingan').size).toBe(0);

    await app.publish(ScoreSubmittedV1, {
      proposalId: entry.id,
      editionId: EDITION.id,
      stage: 'desk',
      assignmentId: 'asg_c',
      scorerAccountId: people.otherEvaluator.id,
      criteria: [{ criterionId: 'novelty', score: 80 }],
      weightedScore: 80,
      revision: 1,
      submittedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      expect((await remindersIn(scope)).map((reminder) => reminder.status)).toEqual([
        'cancelled',
        'cancelled',
      ]);
    });
    const closed = await app
      .model<AssignmentEntry>(ASSIGNMENT_ENTRY_MODEL)
      .findById('asg_c')
      .lean<AssignmentEntry>()
      .exec();
    expect(closed?.open).toBe(false);
    expect(mailsAbout(app.smtp, entry.title).get(people.otherEvaluator.email)).toHaveLength(4);
  });

  it('should record finalists and tell the team each stage result to acknowledge, except the final stage', async () => {
    const entry = proposal('Posko Gizi Terpadu');
    await seedProposal(entry);
    const result = {
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      rank: 12,
      score: 88.4,
      publishedAt: new Date().toISOString(),
    };
    const [finalists] = await app.publish(StageResultPublishedV1, {
      ...result,
      stage: 'finalists',
      advanced: true,
      publicationId: 'pub_finalists_1',
    });
    await app.publish(StageResultPublishedV1, {
      ...result,
      stage: 'final',
      advanced: true,
      publicationId: 'pub_final_1',
    });
    const mails = await expectOneMailEach(app.smtp, entry.title, TEAM);
    for (const mail of mails.values()) expect(`${mail.text}${mail.html}`).toContain(PORTAL);
    const finalist = await app
      .model<FinalistEntry>(FINALIST_ENTRY_MODEL)
      .findById(entry.id)
      .lean<FinalistEntry>()
      .exec();
    expect(finalist).toMatchObject({ editionId: EDITION.id, institutionId: CITY.id });
    const inbox = await inboxCopies(finalists!.eventId);
    expect(inbox).toHaveLength(3);
    expect(
      inbox.every((message) => message.requiresAck && message.template === 'stage.result'),
    ).toBe(true);

    // A republication that drops it from the finalists removes it.
    await app.publish(StageResultPublishedV1, {
      ...result,
      stage: 'finalists',
      advanced: false,
      rank: null,
      publicationId: 'pub_finalists_2',
    });
    await eventually(async () => {
      expect(
        await app.model<FinalistEntry>(FINALIST_ENTRY_MODEL).findById(entry.id).lean().exec(),
      ).toBeNull();
      expect(mailsAbout(app.smtp, entry.title).get(people.adminId.email)).toHaveLength(2);
    });
    // The final stage's result was never told.
    expect(
      await app.model<MessageDocument>(MESSAGE_MODEL).countDocuments({
        'refs.proposalId': entry.id,
        template: 'stage.result',
        'params.stage': 'final',
      }),
    ).toBe(0);
  });

  it('should tell the institution and the secretariat of an objection, and the institution of its outcome to acknowledge', async () => {
    const entry = proposal('Pasar Rakyat Daring');
    await seedProposal(entry);
    const [filed] = await app.publish(ObjectionFiledV1, {
      objectionId: 'obj_1',
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      evidenceCount: 2,
      filedAt: '2027-06-03T03:00:00.000Z',
    });
    const mails = await expectOneMailEach(app.smtp, entry.title, [
      ...TEAM,
      people.secretariat.email,
    ]);
    // 03:00 UTC is 11:00 in Makassar (WITA) and 10:00 in Jakarta (WIB).
    expect(mails.get(people.adminEn.email)?.text).toMatch(/11[:.]00 WITA/);
    expect(mails.get(people.secretariat.email)?.text).toMatch(/10[.:]00 WIB/);
    const secretariatCopies = await inboxCopies(`${filed!.eventId}:secretariat`);
    expect(secretariatCopies.map((message) => message.recipient.accountId)).toEqual([
      people.secretariat.id,
    ]);
    expect(await inboxCopies(filed!.eventId)).toHaveLength(3);

    const [resolved] = await app.publish(ObjectionResolvedV1, {
      objectionId: 'obj_1',
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      outcome: 'dismissed',
      reason: 'Layanan berjalan sejak Maret 2024 sesuai SK terlampir.',
      resolvedBy: { kind: 'account', accountId: people.secretariat.id },
      resolvedAt: '2027-06-09T03:00:00.000Z',
    });
    await eventually(() => {
      const byRecipient = mailsAbout(app.smtp, 'Layanan berjalan sejak Maret 2024');
      expect([...byRecipient.keys()].sort()).toEqual([...TEAM].sort());
      for (const address of TEAM) expect(byRecipient.get(address)).toHaveLength(1);
    });
    const inbox = await inboxCopies(resolved!.eventId);
    expect(inbox).toHaveLength(3);
    expect(inbox.every((message) => message.requiresAck)).toBe(true);

    // The first objection again, then a second one behind it on the same partition.
    await app.republish(filed!);
    await app.publish(ObjectionFiledV1, {
      objectionId: 'obj_2',
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      evidenceCount: 0,
      filedAt: '2027-06-04T03:00:00.000Z',
    });
    await eventually(() => {
      const byRecipient = mailsAbout(app.smtp, entry.title);
      // Filed, resolved, the second filed; the secretariat: both filings.
      for (const address of TEAM) expect(byRecipient.get(address)).toHaveLength(3);
      expect(byRecipient.get(people.secretariat.email)).toHaveLength(2);
    });
    expect(await inboxCopies(filed!.eventId)).toHaveLength(3);
  });

  it('should tell the team of a booked slot in their time zone, plan confirmation reminders, and stop them when confirmed, moved or released', async () => {
    const entry = proposal('Ambulans Desa Siaga');
    await seedProposal(entry);
    const startsAt = new Date(Date.now() + 5 * DAY_MS);
    startsAt.setUTCHours(2, 0, 0, 0); // 10:00 WITA
    const confirmBy = new Date(startsAt.getTime() - 2 * DAY_MS);
    const slot = {
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      presentationMinutes: 7,
      interviewMinutes: 13,
      confirmBy: confirmBy.toISOString(),
      changedBy: { kind: 'account' as const, accountId: people.secretariat.id },
      changedAt: new Date().toISOString(),
    };
    const [booked] = await app.publish(InterviewScheduledV1, {
      ...slot,
      slotId: 'slot_a',
      change: 'booked',
      startsAt: startsAt.toISOString(),
    });
    const mails = await expectOneMailEach(app.smtp, entry.title, TEAM);
    for (const mail of mails.values()) expect(mail.text).toMatch(/10[.:]00 WITA/);
    const inbox = await inboxCopies(booked!.eventId);
    expect(inbox).toHaveLength(3);
    expect(inbox.every((message) => message.requiresAck)).toBe(true);
    const scope = `interview:${entry.id}`;
    const bookedIds = [
      `interview:slot_a:${startsAt.toISOString()}:1d`,
      `interview:slot_a:${startsAt.toISOString()}:3h`,
    ];
    expect((await remindersIn(scope)).map((reminder) => [reminder._id, reminder.status])).toEqual(
      bookedIds.map((id) => [id, 'scheduled']),
    );

    // Moved to another slot an hour later: new reminders replace the old ones.
    const movedTo = new Date(startsAt.getTime() + 3_600_000);
    await app.publish(InterviewScheduledV1, {
      ...slot,
      slotId: 'slot_b',
      change: 'moved',
      startsAt: movedTo.toISOString(),
    });
    await eventually(async () => {
      expect(mailsAbout(app.smtp, entry.title).get(people.adminId.email)).toHaveLength(2);
      expect(mailsAbout(app.smtp, entry.title).get(people.adminId.email)?.[1]?.text).toMatch(
        /11[.:]00 WITA/,
      );
      const statuses = new Map(
        (await remindersIn(scope)).map((reminder) => [reminder._id, reminder.status]),
      );
      expect(Object.fromEntries(statuses)).toEqual({
        [bookedIds[0]!]: 'cancelled',
        [bookedIds[1]!]: 'cancelled',
        [`interview:slot_b:${movedTo.toISOString()}:1d`]: 'scheduled',
        [`interview:slot_b:${movedTo.toISOString()}:3h`]: 'scheduled',
      });
    });

    // Confirmed by the local admin: nothing to say, nothing more to remind.
    await app.publish(InterviewScheduledV1, {
      ...slot,
      slotId: 'slot_b',
      change: 'confirmed',
      startsAt: movedTo.toISOString(),
      changedBy: { kind: 'account', accountId: people.adminId.id },
    });
    // Then released: told, and the reminders stay cancelled.
    const [released] = await app.publish(InterviewScheduledV1, {
      ...slot,
      slotId: 'slot_b',
      change: 'released',
      startsAt: movedTo.toISOString(),
    });
    await eventually(async () => {
      expect(mailsAbout(app.smtp, entry.title).get(people.adminEn.email)).toHaveLength(3);
      expect((await remindersIn(scope)).every((reminder) => reminder.status === 'cancelled')).toBe(
        true,
      );
    });
    const releasedCopies = await inboxCopies(released!.eventId);
    expect(releasedCopies.map((message) => message.params['change'])).toEqual([
      'released',
      'released',
      'released',
    ]);
    expect(
      await app
        .model<MessageDocument>(MESSAGE_MODEL)
        .countDocuments({ 'refs.proposalId': entry.id, 'params.change': 'confirmed' }),
    ).toBe(0);

    // The first booking again, then a new booking behind it on the same partition.
    await app.republish(booked!);
    await app.publish(InterviewScheduledV1, {
      ...slot,
      slotId: 'slot_c',
      change: 'booked',
      startsAt: startsAt.toISOString(),
    });
    await eventually(async () => {
      for (const address of TEAM)
        expect(mailsAbout(app.smtp, entry.title).get(address)).toHaveLength(4);
      expect(
        (await remindersIn(scope)).filter((reminder) => reminder.status === 'scheduled'),
      ).toHaveLength(2);
    });
    expect(await inboxCopies(booked!.eventId)).toHaveLength(3);
  });

  it('should record the award and tell the team of it and of its certificates', async () => {
    const entry = proposal('Kelurahan Tanggap Bencana');
    // Not forwarded as far as this service knows: the award itself names the proposal.
    const [granted] = await app.publish(AwardGrantedV1, {
      proposalId: entry.id,
      editionId: EDITION.id,
      year: 2027,
      institutionId: CITY.id,
      unitId: 'unit_health',
      groupId: 'general',
      categoryId: 'health',
      title: entry.title,
      tiers: ['finalist', 'top'],
      snapshotVersion: 1,
      rank: 7,
      grantedAt: new Date().toISOString(),
    });
    const mails = await expectOneMailEach(app.smtp, entry.title, TEAM);
    for (const mail of mails.values()) expect(`${mail.text}${mail.html}`).toContain(PORTAL);
    const recorded = await app
      .model<ProposalEntry>(PROPOSAL_ENTRY_MODEL)
      .findById(entry.id)
      .lean<ProposalEntry>()
      .exec();
    expect(recorded).toMatchObject({
      title: entry.title,
      unitId: 'unit_health',
      institutionId: CITY.id,
    });
    expect((await inboxCopies(granted!.eventId)).every((message) => message.requiresAck)).toBe(
      true,
    );

    const certificate = {
      certificateId: 'cert_2027_0007',
      proposalId: entry.id,
      editionId: EDITION.id,
      institutionId: CITY.id,
      tier: 'top' as const,
    };
    await app.publish(CertificateIssuedV1, {
      ...certificate,
      verificationCode: 'KIPP27-7Q4M-X2PD',
      issuedAt: new Date().toISOString(),
    });
    await expectOneMailEach(app.smtp, 'KIPP27-7Q4M-X2PD', TEAM);
    await app.publish(CertificateRevokedV1, {
      ...certificate,
      replacedBy: null,
      reason: 'Penghargaan dicabut setelah keberatan dikabulkan',
      revokedAt: new Date().toISOString(),
    });
    await expectOneMailEach(app.smtp, 'Penghargaan dicabut setelah keberatan dikabulkan', TEAM);
  });
});
