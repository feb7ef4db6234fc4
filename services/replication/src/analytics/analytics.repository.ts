import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import type { ReplicationLink } from '@kipp/contracts';
import { InjectConnection } from '@kipp/mongo';
import { INNOVATION_MODEL, type InnovationDocument } from '../catalogue/innovation.schema';
import type {
  ConfirmedLinkFacts,
  InnovationFacts,
  InnovationSummary,
  LinkGroup,
} from './diffusion';

/** The ledger's collection (part of the ledger; read here, never written). */
export const REPLICATION_LINKS_COLLECTION = 'replication_links';

/** A link as the ledger stores it: the contract's fields, `_id` = replicationId, dates as Date. */
type StoredLink = Omit<ReplicationLink, 'replicationId' | 'recordedAt' | 'updatedAt'> & {
  _id: string;
  recordedAt: Date;
  updatedAt: Date;
  /** The ledger's record of changes; the counter-signature's date comes from here. */
  history?: { action: string; at: Date }[];
};

const CONFIRMED = { confirmation: 'confirmed' } as const;

const INNOVATION_FIELDS = {
  title: 1,
  institutionId: 1,
  institutionName: 1,
  provinceCode: 1,
  status: 1,
  awards: 1,
  publishedAt: 1,
} as const;

type InnovationFields = Pick<
  InnovationDocument,
  | '_id'
  | 'title'
  | 'institutionId'
  | 'institutionName'
  | 'provinceCode'
  | 'status'
  | 'awards'
  | 'publishedAt'
>;

/** Reads the public database and the ledger for the diffusion figures. Confirmed links only. */
@Injectable()
export class AnalyticsRepository {
  constructor(
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async innovation(innovationId: string): Promise<InnovationFacts | null> {
    const found = await this.innovations
      .findById(innovationId, INNOVATION_FIELDS)
      .lean<InnovationFields>()
      .exec();
    return found ? toFacts(found) : null;
  }

  /** The innovations of these institutions (an adopter's own, for second-order spread). */
  async innovationsOf(institutionIds: readonly string[]): Promise<InnovationFacts[]> {
    if (institutionIds.length === 0) return [];
    const found = await this.innovations
      .find({ institutionId: { $in: [...institutionIds] } }, INNOVATION_FIELDS)
      .lean<InnovationFields[]>()
      .exec();
    return found.map(toFacts);
  }

  /** Every innovation, with the few fields the province and national figures need. */
  async innovationSummaries(): Promise<InnovationSummary[]> {
    const found = await this.innovations
      .find({}, { provinceCode: 1, status: 1, 'awards.year': 1, publishedAt: 1 })
      .lean<
        Pick<InnovationDocument, '_id' | 'provinceCode' | 'status' | 'awards' | 'publishedAt'>[]
      >()
      .exec();
    return found.map((innovation) => ({
      innovationId: innovation._id,
      provinceCode: innovation.provinceCode,
      status: innovation.status,
      awardYears: innovation.awards.map((award) => award.year),
      publishedAt: innovation.publishedAt,
    }));
  }

  /** Confirmed links of these innovations. */
  async confirmedLinksOf(innovationIds: readonly string[]): Promise<ConfirmedLinkFacts[]> {
    if (innovationIds.length === 0) return [];
    const found = await this.links()
      .find(
        { ...CONFIRMED, innovationId: { $in: [...innovationIds] } },
        {
          projection: {
            innovationId: 1,
            adopterInstitutionId: 1,
            adopterProvinceCode: 1,
            status: 1,
            recordedAt: 1,
            history: 1,
          },
        },
      )
      .toArray();
    return found.map((link) => ({
      replicationId: link._id,
      innovationId: link.innovationId,
      adopterInstitutionId: link.adopterInstitutionId,
      adopterProvinceCode: link.adopterProvinceCode,
      status: link.status,
      recordedAt: new Date(link.recordedAt),
      confirmedAt: countersignedAt(link.history ?? []),
    }));
  }

  /** Confirmed links counted by innovation, adopter province and year recorded (UTC). */
  async confirmedLinkGroups(): Promise<LinkGroup[]> {
    const groups = await this.links()
      .aggregate<{
        _id: { innovationId: string; adopterProvinceCode: string | null; year: number };
        count: number;
      }>([
        { $match: CONFIRMED },
        {
          $group: {
            _id: {
              innovationId: '$innovationId',
              adopterProvinceCode: '$adopterProvinceCode',
              year: { $year: '$recordedAt' },
            },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return groups.map((group) => ({
      innovationId: group._id.innovationId,
      adopterProvinceCode: group._id.adopterProvinceCode ?? null,
      year: group._id.year,
      count: group.count,
    }));
  }

  private links() {
    return this.connection.collection<StoredLink>(REPLICATION_LINKS_COLLECTION);
  }
}

function toFacts(innovation: InnovationFields): InnovationFacts {
  return {
    innovationId: innovation._id,
    title: innovation.title,
    institutionId: innovation.institutionId,
    institutionName: innovation.institutionName,
    provinceCode: innovation.provinceCode,
    status: innovation.status,
    awardYears: innovation.awards.map((award) => award.year),
    publishedAt: innovation.publishedAt,
  };
}

/** When the origin last counter-signed the link (the ledger's history), if it says. */
function countersignedAt(history: readonly { action: string; at: Date }[]): Date | null {
  const countersigned = history.filter((entry) => entry.action === 'countersigned').at(-1);
  return countersigned ? new Date(countersigned.at) : null;
}
