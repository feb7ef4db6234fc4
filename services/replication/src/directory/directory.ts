import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { INSTITUTION_TYPES, ProposalSnapshot } from '@kipp/contracts';
import { upsertUnlessNewer } from '@kipp/mongo';
import {
  INSTITUTION_ENTRY_MODEL,
  PROPOSAL_ENTRY_MODEL,
  type InstitutionEntry,
  type ProposalEntry,
} from './directory.schema';

type Session = ClientSession | null | undefined;

/**
 * Institutions and forwarded proposals, kept from registration's and submissions' events.
 * Writes take the session of the event being handled.
 */
@Injectable()
export class Directory {
  constructor(
    @InjectModel(INSTITUTION_ENTRY_MODEL) private readonly institutions: Model<InstitutionEntry>,
    @InjectModel(PROPOSAL_ENTRY_MODEL) private readonly proposals: Model<ProposalEntry>,
  ) {}

  /** Applies a registry record unless a newer revision is already there. */
  async recordInstitution(
    institution: {
      institutionId: string;
      code: string;
      name: string;
      type: (typeof INSTITUTION_TYPES)[number];
      provinceCode: string | null;
      disadvantaged: boolean;
      revision: number;
    },
    session: ClientSession,
  ): Promise<void> {
    const { institutionId, ...fields } = institution;
    await upsertUnlessNewer(this.institutions, institutionId, fields, session);
  }

  /** Keeps the latest snapshot version of a forwarded proposal. */
  async recordSnapshot(
    snapshot: ProposalSnapshot,
    forwardedAt: Date,
    session: ClientSession,
  ): Promise<boolean> {
    const current = await this.proposals
      .findById(snapshot.proposalId, { snapshotVersion: 1 })
      .session(session)
      .lean<Pick<ProposalEntry, 'snapshotVersion'>>()
      .exec();
    if (current && current.snapshotVersion >= snapshot.snapshotVersion) return false;
    await this.proposals
      .updateOne(
        { _id: snapshot.proposalId },
        { $set: { snapshotVersion: snapshot.snapshotVersion, snapshot, forwardedAt } },
        { upsert: true, session },
      )
      .exec();
    return true;
  }

  async institution(institutionId: string, session?: Session): Promise<InstitutionEntry | null> {
    return this.institutions
      .findById(institutionId)
      .session(session ?? null)
      .lean<InstitutionEntry>()
      .exec();
  }

  async institutionsById(ids: readonly string[]): Promise<Map<string, InstitutionEntry>> {
    if (ids.length === 0) return new Map();
    const found = await this.institutions
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<InstitutionEntry[]>()
      .exec();
    return new Map(found.map((entry) => [entry._id, entry]));
  }

  async snapshot(proposalId: string, session?: Session): Promise<ProposalSnapshot | null> {
    const entry = await this.proposals
      .findById(proposalId)
      .session(session ?? null)
      .lean<ProposalEntry>()
      .exec();
    return entry?.snapshot ?? null;
  }
}
