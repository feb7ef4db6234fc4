import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { parseCsv } from '../csv/csv-reader';
import type { InstitutionType } from './institution.schema';

/** A regional government (Pemda) as the administrative data describes it. */
export interface Region {
  /** Kemendagri code: `32` for a province, `32.73` for a regency or city. */
  code: string;
  /** What the registry calls it, e.g. `Pemerintah Kota Bandung`. */
  name: string;
  type: Extract<InstitutionType, 'province' | 'regency' | 'city'>;
  /** The province's own code for a province, its parent's for a regency or city. */
  provinceCode: string;
  /**
   * Whether it is a disadvantaged (3T) region. `idn-area-data` carries no such list, so
   * every region starts `false`; the national admin marks them (PATCH /institutions/:id).
   */
  disadvantaged: boolean;
}

/**
 * The Indonesian provinces, regencies and cities shipped in the npm package
 * `idn-area-data` (Kemendagri codes, current regulation: 38 provinces, 514 regencies and
 * cities). Read once from the package's CSV files: the package itself is ESM-only.
 */
@Injectable()
export class RegionCatalogue {
  private loaded?: { provinces: Region[]; regencies: Region[] };

  provinces(): readonly Region[] {
    return this.load().provinces;
  }

  /** Regencies (kabupaten) and cities (kota), each linked to its province. */
  regencies(): readonly Region[] {
    return this.load().regencies;
  }

  isProvinceCode(code: string): boolean {
    return this.load().provinces.some((province) => province.code === code);
  }

  private load(): { provinces: Region[]; regencies: Region[] } {
    if (this.loaded) return this.loaded;
    const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
    const rows = (file: string): string[][] =>
      parseCsv(readFileSync(join(dataDir, file), 'utf8'))
        .slice(1) // header
        .map((record) => record.cells);

    const provinces = rows('provinces.csv').map(([code = '', name = '']): Region => ({
      code,
      name: `Pemerintah Provinsi ${name}`,
      type: 'province',
      provinceCode: code,
      disadvantaged: false,
    }));
    const regencies = rows('regencies.csv').map(
      ([code = '', provinceCode = '', name = '']): Region => ({
        code,
        name: `Pemerintah ${name}`,
        // The data names every entry "Kabupaten …" or "Kota …" (Jakarta's "Kota Administrasi
        // …" and "Kabupaten Administrasi …" included); that prefix is its only type marker.
        type: name.startsWith('Kota ') ? 'city' : 'regency',
        provinceCode,
        disadvantaged: false,
      }),
    );
    this.loaded = { provinces, regencies };
    return this.loaded;
  }
}
