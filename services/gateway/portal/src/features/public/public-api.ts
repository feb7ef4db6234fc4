import type {
  AwardTier,
  EditionConfiguration,
  EditionPhase,
  GROUP_IDS,
  INNOVATION_STATUSES,
  INSTITUTION_TYPES,
} from '@kipp/contracts';
import type { ApiClient } from '../../api/client';

export type GroupId = (typeof GROUP_IDS)[number];
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

const REPLICATION = '/api/replication';
const EVALUATION = '/api/evaluation';
const REGISTRATION = '/api/registration';

// Shapes of the public answers of replication, evaluation and registration (their READMEs).

export interface InnovationAward {
  readonly editionId: string;
  readonly year: number;
  readonly groupId: GroupId;
  readonly tier: AwardTier;
}

export interface InnovationRow {
  readonly innovationId: string;
  readonly title: string;
  readonly year: number;
  readonly awards: readonly InnovationAward[];
  readonly institutionId: string;
  readonly institutionName: string;
  readonly institutionType: InstitutionType;
  readonly provinceCode: string | null;
  readonly categoryId: string;
  readonly sdgTargets: readonly string[];
  readonly status: InnovationStatus;
  readonly publishedAt: string;
  readonly updatedAt: string;
}

export interface InnovationPage {
  readonly items: readonly InnovationRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface InnovationDetail extends InnovationRow {
  readonly revision: number;
  readonly unitId: string | null;
  readonly sections: readonly { readonly sectionId: string; readonly text: string }[];
  readonly proposalIds: readonly string[];
}

export interface PublicReplication {
  readonly replicationId: string;
  readonly innovationId: string;
  readonly innovationTitle: string;
  readonly originInstitutionId: string;
  readonly adopterInstitutionId: string;
  /** The registry's name; null until replication has heard of the institution. */
  readonly adopterInstitutionName: string | null;
  readonly adopterProvinceCode: string | null;
  readonly title: string;
  readonly status: string;
  readonly source: 'registered' | 'proposal';
  readonly recordedAt: string;
  readonly updatedAt: string;
}

/** An institution with innovations in the database, as replication's name lookup finds it. */
export interface InstitutionMatch {
  readonly institutionId: string;
  readonly name: string;
  readonly type: InstitutionType;
  readonly provinceCode: string | null;
  readonly innovations: number;
}

export interface InstitutionMatches {
  readonly items: readonly InstitutionMatch[];
  /** Every match; `items` are the best of them. */
  readonly total: number;
}

export interface PublicVisit {
  readonly visitId: string;
  readonly visitedOn: string;
  readonly visitorInstitutionName: string | null;
  readonly purpose: string;
  readonly ledToReplication: boolean;
}

export interface PublicCheckIn {
  readonly period: number;
  readonly status: 'open' | 'overdue' | 'answered';
  readonly outcome: 'active' | 'scaled' | 'stopped' | null;
  readonly answeredAt: string | null;
}

export interface GraphNode {
  readonly id: string;
  readonly kind: 'innovation' | 'institution';
  readonly refId: string;
  readonly label: string;
  readonly provinceCode: string | null;
  readonly depth: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'owns' | 'replicates';
  readonly replicationId: string | null;
  readonly status: string | null;
}

export interface InnovationDiffusion {
  readonly innovationId: string;
  readonly replications: number;
  readonly adopters: readonly {
    readonly replicationId: string;
    readonly institutionId: string;
    readonly name: string | null;
    readonly provinceCode: string | null;
    readonly status: string;
    readonly recordedAt: string;
    readonly confirmedAt: string | null;
  }[];
  readonly provincesReached: { readonly count: number; readonly provinceCodes: readonly string[] };
  readonly timeToFirstReplicationDays: number | null;
  readonly graph: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] };
}

export interface ProvinceDiffusion {
  readonly provinceCode: string;
  readonly innovations: number;
  readonly replicationsIn: number;
  readonly replicationsOut: number;
  readonly byStatus: Readonly<Record<InnovationStatus, number>>;
}

export interface NationalYear {
  readonly year: number;
  readonly innovationsPublished: number;
  readonly confirmedReplications: number;
  readonly provincesReachedCumulative: number;
  readonly activeShare: number | null;
}

export interface NationalDiffusion {
  readonly from: number;
  readonly to: number;
  readonly years: readonly NationalYear[];
  readonly totals: {
    readonly innovations: number;
    readonly confirmedReplications: number;
    readonly innovationsReplicated: number;
    readonly provincesReached: number;
    readonly activeShare: number | null;
  };
}

export interface OpenDataCatalogue {
  readonly licence: string;
  readonly datasets: readonly {
    readonly id: string;
    readonly title: { readonly id: string; readonly en: string };
    readonly description: { readonly id: string; readonly en: string };
    readonly licence: string;
    readonly formats: readonly {
      readonly format: string;
      readonly href: string;
      readonly mediaType: string;
    }[];
  }[];
}

export interface PublicResult {
  readonly proposalId: string;
  readonly title: string;
  readonly institutionId: string;
  readonly institutionName: string | null;
  readonly categoryId: string;
  readonly groupId: string;
  readonly tiers: readonly AwardTier[];
}

export interface PublicFinalists {
  readonly editionId: string;
  readonly publishedAt: string;
  readonly finalists: readonly {
    readonly proposalId: string;
    readonly title: string;
    readonly institutionName: string | null;
    readonly categoryId: string;
    readonly groupId: string;
  }[];
}

export interface PublicObjectionOutcome {
  readonly objectionId: string;
  readonly proposalId: string;
  readonly proposalTitle: string;
  readonly institutionName: string | null;
  readonly filedAt: string;
  readonly status: 'pending' | 'upheld' | 'dismissed';
  readonly reason: string | null;
  readonly resolvedAt: string | null;
}

export interface FiledObjection {
  readonly objectionId: string;
  readonly proposalId: string;
  readonly editionId: string;
  readonly evidenceCount: number;
  readonly filedAt: string;
}

export type CertificateVerification =
  | {
      readonly valid: true;
      readonly certificate: {
        readonly tier: AwardTier;
        readonly title: string;
        readonly institution: string;
        readonly edition: string;
        readonly year: number;
        readonly issuedAt: string;
      };
    }
  | { readonly valid: false; readonly revoked: { readonly at: string; readonly reason: string } };

/** An edition as registration lists it to signed-in people (its calendar in UTC). */
export interface RegisteredEdition {
  readonly editionId: string;
  readonly status: string;
  readonly currentPhase: EditionPhase | null;
  readonly configuration: EditionConfiguration;
}

/** The search parameters replication's public list takes. */
export interface InnovationQuery {
  readonly q?: string;
  readonly year?: number;
  readonly tier?: AwardTier;
  readonly province?: string;
  readonly institution?: string;
  readonly institutionType?: InstitutionType;
  readonly category?: string;
  readonly sdg?: string;
  readonly status?: InnovationStatus;
  readonly sort?: 'relevance' | 'year' | 'title';
  readonly page?: number;
  readonly pageSize?: number;
}

const enc = encodeURIComponent;

export const publicApi = {
  innovations: (api: ApiClient, query: InnovationQuery, signal?: AbortSignal) =>
    api.get<InnovationPage>(`${REPLICATION}/public/innovations`, {
      query: { ...query },
      auth: false,
      signal,
    }),
  innovation: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<InnovationDetail>(`${REPLICATION}/public/innovations/${enc(id)}`, {
      auth: false,
      signal,
    }),
  replications: (
    api: ApiClient,
    query: { innovationId?: string; province?: string; offset?: number; limit?: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ replications: PublicReplication[]; total: number }>(
      `${REPLICATION}/public/replications`,
      { query, auth: false, signal },
    ),
  institutions: (api: ApiClient, query: { q: string; limit?: number }, signal?: AbortSignal) =>
    api.get<InstitutionMatches>(`${REPLICATION}/public/institutions`, {
      query,
      auth: false,
      signal,
    }),
  visits: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<{ visits: PublicVisit[] }>(`${REPLICATION}/public/innovations/${enc(id)}/visits`, {
      auth: false,
      signal,
    }),
  checkIns: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<{ checkIns: PublicCheckIn[] }>(
      `${REPLICATION}/public/innovations/${enc(id)}/check-ins`,
      { auth: false, signal },
    ),
  innovationDiffusion: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<InnovationDiffusion>(`${REPLICATION}/public/innovations/${enc(id)}/diffusion`, {
      auth: false,
      signal,
    }),
  provinces: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ provinces: ProvinceDiffusion[] }>(`${REPLICATION}/public/provinces/diffusion`, {
      auth: false,
      signal,
    }),
  provinceDiffusion: (api: ApiClient, code: string, signal?: AbortSignal) =>
    api.get<ProvinceDiffusion>(`${REPLICATION}/public/provinces/${enc(code)}/diffusion`, {
      auth: false,
      signal,
    }),
  national: (api: ApiClient, signal?: AbortSignal) =>
    api.get<NationalDiffusion>(`${REPLICATION}/public/diffusion/national`, {
      auth: false,
      signal,
    }),
  openData: (api: ApiClient, signal?: AbortSignal) =>
    api.get<OpenDataCatalogue>(`${REPLICATION}/public/open-data`, { auth: false, signal }),
  results: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<PublicResult[]>(`${EVALUATION}/public/editions/${enc(editionId)}/results`, {
      auth: false,
      signal,
    }),
  finalists: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<PublicFinalists>(`${EVALUATION}/public/editions/${enc(editionId)}/finalists`, {
      auth: false,
      signal,
    }),
  objectionOutcomes: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<{ objections: PublicObjectionOutcome[] }>(
      `${EVALUATION}/public/editions/${enc(editionId)}/objections`,
      { auth: false, signal },
    ),
  fileObjection: (
    api: ApiClient,
    editionId: string,
    form: FormData,
    onProgress: (loaded: number, total: number) => void,
  ) =>
    api.upload<FiledObjection>(`${EVALUATION}/public/editions/${enc(editionId)}/objections`, form, {
      onProgress,
    }),
  verifyCertificate: (api: ApiClient, code: string, signal?: AbortSignal) =>
    api.get<CertificateVerification>(`${EVALUATION}/public/certificates/verify/${enc(code)}`, {
      auth: false,
      signal,
    }),
  /** Published editions, for anyone (registration's public list). */
  editions: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ editions: RegisteredEdition[] }>(`${REGISTRATION}/public/editions`, {
      auth: false,
      signal,
    }),
};

/** Where a browser downloads the open data (same origin, through the gateway). */
export function openDataHref(href: string): string {
  return `${REPLICATION}${href}`;
}
