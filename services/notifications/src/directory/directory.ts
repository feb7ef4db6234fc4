import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import {
  timeZoneOfProvince,
  type EditionConfiguration,
  type INSTITUTION_TYPES,
} from '@kipp/contracts';
import { unsetOrAtMost, upsertUnlessNewer } from '@kipp/mongo';
import type { Locale, Role } from '../notification/contract-types';
import type { Recipient } from '../notification/recipient';
import {
  ACCOUNT_ENTRY_MODEL,
  ASSIGNMENT_ENTRY_MODEL,
  EDITION_ENTRY_MODEL,
  FINALIST_ENTRY_MODEL,
  INSTITUTION_ENTRY_MODEL,
  PROPOSAL_ENTRY_MODEL,
  type AccountEntry,
  type AssignmentEntry,
  type EditionEntry,
  type FinalistEntry,
  type InstitutionEntry,
  type ProposalEntry,
} from './directory.schema';

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Who a broadcast goes to: every given dimension must hold (an empty one is ignored). */
export interface Audience {
  roles?: readonly Role[];
  institutionTypes?: readonly InstitutionType[];
  provinceCodes?: readonly string[];
  /** Local admins and unit operators of institutions with a finalist in the edition. */
  finalistsOf?: string;
  /** Evaluators with an assignment still open in the edition. */
  evaluatorsNotFinishedIn?: string;
}

type Session = ClientSession | null | undefined;

/**
 * The projections recipients are resolved from, and their upkeep. Every write takes the
 * session of the event being handled, so it commits with that event's messages.
 */
@Injectable()
export class Directory {
  constructor(
    @InjectModel(ACCOUNT_ENTRY_MODEL) private readonly accounts: Model<AccountEntry>,
    @InjectModel(INSTITUTION_ENTRY_MODEL) private readonly institutions: Model<InstitutionEntry>,
    @InjectModel(EDITION_ENTRY_MODEL) private readonly editions: Model<EditionEntry>,
    @InjectModel(PROPOSAL_ENTRY_MODEL) private readonly proposals: Model<ProposalEntry>,
    @InjectModel(ASSIGNMENT_ENTRY_MODEL) private readonly assignments: Model<AssignmentEntry>,
    @InjectModel(FINALIST_ENTRY_MODEL) private readonly finalists: Model<FinalistEntry>,
  ) {}

  // --- upkeep --------------------------------------------------------------------------

  async recordAccount(
    account: {
      accountId: string;
      userId?: string | null;
      name?: string;
      email: string;
      locale: Locale;
      roles: readonly Role[];
      institutionId: string | null;
      unitId?: string | null;
      homeProvinceCode?: string | null;
      active?: boolean;
    },
    session: ClientSession,
  ): Promise<void> {
    const set: Partial<AccountEntry> = {
      email: account.email,
      locale: account.locale,
      institutionId: account.institutionId,
    };
    if (account.userId !== undefined) set.userId = account.userId;
    if (account.name !== undefined) set.name = account.name;
    if (account.unitId !== undefined) set.unitId = account.unitId;
    if (account.homeProvinceCode !== undefined) set.homeProvinceCode = account.homeProvinceCode;
    if (account.active !== undefined) set.active = account.active;
    await this.accounts
      .updateOne(
        { _id: account.accountId },
        {
          $set: set,
          $addToSet: { roles: { $each: [...account.roles] } },
          // An account first heard of by a role grant has no name yet: its email stands in.
          $setOnInsert: account.name === undefined ? { name: account.email } : {},
        },
        { upsert: true, session },
      )
      .exec();
  }

  async setAccountActive(
    accountId: string,
    active: boolean,
    session: ClientSession,
  ): Promise<void> {
    await this.accounts.updateOne({ _id: accountId }, { $set: { active } }, { session }).exec();
  }

  /** Applies a registry record unless a newer revision is already there. */
  async recordInstitution(
    institution: {
      institutionId: string;
      name: string;
      type: InstitutionType;
      provinceCode: string | null;
      revision: number;
    },
    session: ClientSession,
  ): Promise<void> {
    const { institutionId, ...fields } = institution;
    await upsertUnlessNewer(this.institutions, institutionId, fields, session);
  }

  async recordEdition(
    edition: EditionConfiguration,
    revision: number,
    session: ClientSession,
  ): Promise<void> {
    await upsertUnlessNewer(
      this.editions,
      edition.editionId,
      { name: edition.name, year: edition.year, calendar: edition.calendar, revision },
      session,
    );
  }

  /** Keeps what is known of a proposal; a null title never erases a known one. */
  async recordProposal(
    proposal: {
      proposalId: string;
      editionId: string;
      institutionId: string;
      unitId?: string | null;
      title?: string | null;
    },
    session: ClientSession,
  ): Promise<void> {
    const set: Partial<ProposalEntry> = {
      editionId: proposal.editionId,
      institutionId: proposal.institutionId,
    };
    if (proposal.unitId) set.unitId = proposal.unitId;
    if (proposal.title) set.title = proposal.title;
    await this.proposals
      .updateOne({ _id: proposal.proposalId }, { $set: set }, { upsert: true, session })
      .exec();
  }

  async openAssignment(
    assignment: {
      assignmentId: string;
      proposalId: string;
      editionId: string;
      evaluatorAccountId: string;
      dueAt: Date | null;
    },
    session: ClientSession,
  ): Promise<void> {
    const { assignmentId, ...fields } = assignment;
    await this.assignments
      .updateOne(
        { _id: assignmentId },
        // An assignment already closed (events of one proposal arrive in order) stays closed.
        { $set: fields, $setOnInsert: { open: true } },
        { upsert: true, session },
      )
      .exec();
  }

  async closeAssignment(assignmentId: string, session: ClientSession): Promise<void> {
    await this.assignments
      .updateOne({ _id: assignmentId }, { $set: { open: false } }, { session })
      .exec();
  }

  async recordFinalist(
    finalist: { proposalId: string; editionId: string; institutionId: string; isFinalist: boolean },
    session: ClientSession,
  ): Promise<void> {
    if (!finalist.isFinalist) {
      await this.finalists.deleteOne({ _id: finalist.proposalId }, { session }).exec();
      return;
    }
    await this.finalists
      .updateOne(
        { _id: finalist.proposalId },
        { $set: { editionId: finalist.editionId, institutionId: finalist.institutionId } },
        { upsert: true, session },
      )
      .exec();
  }

  // --- lookups -------------------------------------------------------------------------

  async proposal(proposalId: string, session?: Session): Promise<ProposalEntry | null> {
    return this.proposals
      .findById(proposalId)
      .session(session ?? null)
      .lean<ProposalEntry>()
      .exec();
  }

  async edition(editionId: string, session?: Session): Promise<EditionEntry | null> {
    return this.editions
      .findById(editionId)
      .session(session ?? null)
      .lean<EditionEntry>()
      .exec();
  }

  async institution(institutionId: string, session?: Session): Promise<InstitutionEntry | null> {
    return this.institutions
      .findById(institutionId)
      .session(session ?? null)
      .lean<InstitutionEntry>()
      .exec();
  }

  /**
   * Deactivates or reactivates a known account unless a later change is already applied:
   * the two events travel on different topics, so they may arrive in either order.
   */
  async setAccountStatus(
    accountId: string,
    active: boolean,
    changedAt: Date,
    session: ClientSession,
  ): Promise<void> {
    await this.accounts
      .updateOne(
        {
          _id: accountId,
          statusChangedAt: unsetOrAtMost(changedAt),
        },
        { $set: { active, statusChangedAt: changedAt } },
        { session },
      )
      .exec();
  }

  /** One account as known here, active or not. */
  async account(accountId: string, session?: Session): Promise<AccountEntry | null> {
    return this.accounts
      .findById(accountId)
      .session(session ?? null)
      .lean<AccountEntry>()
      .exec();
  }

  async openAssignmentsOf(
    evaluatorAccountId: string,
    editionId: string,
    session?: Session,
  ): Promise<AssignmentEntry[]> {
    return this.assignments
      .find({ evaluatorAccountId, editionId, open: true })
      .session(session ?? null)
      .lean<AssignmentEntry[]>()
      .exec();
  }

  // --- recipients ----------------------------------------------------------------------

  /** Active accounts among `accountIds`, as recipients. */
  async accountsById(accountIds: readonly string[], session?: Session): Promise<Recipient[]> {
    return this.recipientsWhere({ _id: { $in: [...new Set(accountIds)] } }, session);
  }

  async localAdminsOf(institutionId: string, session?: Session): Promise<Recipient[]> {
    return this.recipientsWhere({ institutionId, roles: 'local_admin' }, session);
  }

  /** Unit operators of one unit of an institution. */
  async unitOperatorsOf(
    institutionId: string,
    unitId: string,
    session?: Session,
  ): Promise<Recipient[]> {
    return this.recipientsWhere({ institutionId, unitId, roles: 'unit_operator' }, session);
  }

  /** The people who speak for a proposal: its institution's local admins and its unit. */
  async proposalTeam(
    institutionId: string,
    unitId: string | null,
    session?: Session,
  ): Promise<Recipient[]> {
    const admins = await this.localAdminsOf(institutionId, session);
    const operators = unitId ? await this.unitOperatorsOf(institutionId, unitId, session) : [];
    return uniqueRecipients([...admins, ...operators]);
  }

  async nationalAdmins(session?: Session): Promise<Recipient[]> {
    return this.recipientsWhere({ roles: 'national_admin' }, session);
  }

  /** The institution of each known account among `accountIds` (null: none). */
  async institutionsOfAccounts(accountIds: readonly string[]): Promise<Map<string, string | null>> {
    const found = await this.accounts
      .find({ _id: { $in: [...new Set(accountIds)] } }, { institutionId: 1 })
      .lean<Pick<AccountEntry, '_id' | 'institutionId'>[]>()
      .exec();
    return new Map(found.map((account) => [account._id, account.institutionId]));
  }

  /** Everyone a broadcast's audience describes, each once. */
  async audience(audience: Audience): Promise<Recipient[]> {
    const filter: QueryFilter<AccountEntry> = {};
    const and: QueryFilter<AccountEntry>[] = [];
    if (audience.roles?.length) and.push({ roles: { $in: [...audience.roles] } });
    if (audience.institutionTypes?.length || audience.provinceCodes?.length) {
      const institutionFilter: QueryFilter<InstitutionEntry> = {};
      if (audience.institutionTypes?.length)
        institutionFilter.type = { $in: [...audience.institutionTypes] };
      if (audience.provinceCodes?.length)
        institutionFilter.provinceCode = { $in: [...audience.provinceCodes] };
      const ids = await this.institutions.distinct('_id', institutionFilter).exec();
      and.push({ institutionId: { $in: ids } });
    }
    if (audience.finalistsOf) {
      const ids = await this.finalists
        .distinct('institutionId', { editionId: audience.finalistsOf })
        .exec();
      and.push({
        institutionId: { $in: ids },
        roles: { $in: ['local_admin', 'unit_operator'] },
      });
    }
    if (audience.evaluatorsNotFinishedIn) {
      const ids = await this.assignments
        .distinct('evaluatorAccountId', { editionId: audience.evaluatorsNotFinishedIn, open: true })
        .exec();
      and.push({ _id: { $in: ids } });
    }
    if (and.length > 0) filter.$and = and;
    return this.recipientsWhere(filter, null);
  }

  private async recipientsWhere(
    filter: QueryFilter<AccountEntry>,
    session: Session,
  ): Promise<Recipient[]> {
    const accounts = await this.accounts
      .find({ ...filter, active: true })
      .sort({ _id: 1 })
      .session(session ?? null)
      .lean<AccountEntry[]>()
      .exec();
    const institutionIds = [...new Set(accounts.flatMap((account) => account.institutionId ?? []))];
    const institutions =
      institutionIds.length === 0
        ? []
        : await this.institutions
            .find({ _id: { $in: institutionIds } }, { provinceCode: 1 })
            .session(session ?? null)
            .lean<Pick<InstitutionEntry, '_id' | 'provinceCode'>[]>()
            .exec();
    const provinceOf = new Map(institutions.map((entry) => [entry._id, entry.provinceCode]));
    return accounts.map((account) => ({
      accountId: account._id,
      email: account.email,
      name: account.name,
      locale: account.locale,
      timeZone: timeZoneOfProvince(
        account.institutionId
          ? (provinceOf.get(account.institutionId) ?? null)
          : account.homeProvinceCode,
      ),
    }));
  }
}

/** Each account (or address) once, in the order first seen. */
export function uniqueRecipients(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = recipient.accountId ?? recipient.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
