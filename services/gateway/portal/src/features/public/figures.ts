import { AWARD_TIERS, type AwardTier } from '@kipp/contracts';
import type { ApiClient } from '../../api/client';
import { loadKnownEditions, yearsBetween, type KnownEdition } from './editions';
import { publicApi, type NationalDiffusion, type ProvinceDiffusion } from './public-api';

export interface HomeFigures {
  readonly national: NationalDiffusion;
  readonly provinces: readonly ProvinceDiffusion[];
  readonly tiers: readonly { tier: AwardTier; count: number }[];
  readonly editions: readonly KnownEdition[];
}

/** Everything the home page shows, from replication's public analytics and catalogue. */
export async function loadHomeFigures(api: ApiClient, signal: AbortSignal): Promise<HomeFigures> {
  const [national, provinces, tiers] = await Promise.all([
    publicApi.national(api, signal),
    publicApi.provinces(api, signal),
    Promise.all(
      AWARD_TIERS.map(async (tier) => ({
        tier,
        count: (await publicApi.innovations(api, { tier, pageSize: 1 }, signal)).total,
      })),
    ),
  ]);
  const editions = await loadKnownEditions(api, yearsBetween(national.from, national.to), signal);
  return { national, provinces: provinces.provinces, tiers, editions };
}
