import { InstitutionRegisteredV1 } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { InstitutionRepository, NewInstitution } from '../institution.repository';
import { RegionCatalogue } from '../region-catalogue';
import { SeedRegionsUseCase } from './seed-regions.use-case';

class InMemoryInstitutions {
  readonly byCode = new Map<
    string,
    { institution: NewInstitution; events: readonly PendingEvent[] }
  >();

  findExistingCodes(codes: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(codes.filter((code) => this.byCode.has(code))));
  }

  insertSkippingExisting(
    items: readonly { institution: NewInstitution; events: readonly PendingEvent[] }[],
  ): Promise<number> {
    let inserted = 0;
    for (const item of items) {
      if (this.byCode.has(item.institution.code)) continue;
      this.byCode.set(item.institution.code, item);
      inserted++;
    }
    return Promise.resolve(inserted);
  }
}

describe('SeedRegionsUseCase', () => {
  const regions = new RegionCatalogue();

  function setUp() {
    const institutions = new InMemoryInstitutions();
    const notifier = new OutboxNotifier();
    const nudge = jest.fn();
    notifier.attach(nudge);
    const useCase = new SeedRegionsUseCase(
      institutions as unknown as InstitutionRepository,
      regions,
      notifier,
    );
    return { institutions, nudge, useCase };
  }

  it('should register 38 provinces and 514 regencies and cities, each with its registered event', async () => {
    const { institutions, nudge, useCase } = setUp();

    const result = await useCase.execute();

    expect(result).toEqual({ provinces: 38, regenciesAndCities: 514, created: 552 });
    expect(institutions.byCode.size).toBe(552);
    const bandung = institutions.byCode.get('32.73');
    expect(bandung?.institution).toMatchObject({
      _id: 'inst_3273',
      name: 'Pemerintah Kota Bandung',
      type: 'city',
      provinceCode: '32',
      disadvantaged: false,
      registeredBy: 'system:region-seed',
    });
    expect(institutions.byCode.get('32')?.institution).toMatchObject({
      name: 'Pemerintah Provinsi Jawa Barat',
      type: 'province',
      provinceCode: '32',
    });
    expect(institutions.byCode.get('32.04')?.institution.type).toBe('regency');
    expect(bandung?.events).toHaveLength(1);
    expect(bandung?.events[0]).toMatchObject({
      topic: InstitutionRegisteredV1.topic,
      key: 'inst_3273',
    });
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should link every regency and city to a province of the data', () => {
    const provinces = new Set(regions.provinces().map((p) => p.code));
    expect(regions.regencies().every((r) => provinces.has(r.provinceCode))).toBe(true);
    expect(regions.regencies().filter((r) => r.type === 'city')).toHaveLength(98);
  });

  it('should write nothing and wake nothing when run a second time', async () => {
    const { institutions, nudge, useCase } = setUp();
    await useCase.execute();
    nudge.mockClear();

    const second = await useCase.execute();

    expect(second.created).toBe(0);
    expect(institutions.byCode.size).toBe(552);
    expect(nudge).not.toHaveBeenCalled();
  });
});
