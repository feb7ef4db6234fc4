import {
  AWARD_TIERS,
  INNOVATION_STATUSES,
  INSTITUTION_TYPES,
  PROVINCE_CODES,
} from '@kipp/contracts';
import type { InnovationQuery } from './public-api';

/** The database's page size; the URL never carries it. */
export const INNOVATION_PAGE_SIZE = 20;

const SORTS = ['relevance', 'year', 'title'] as const;

/** The filters, in the order the URL lists them. */
const FILTER_KEYS = [
  'year',
  'tier',
  'province',
  'institution',
  'institutionType',
  'category',
  'sdg',
  'status',
] as const satisfies readonly (keyof InnovationQuery)[];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null, max: number): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

function integer(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/**
 * The search a URL describes. Anything the service would refuse (an unknown tier, a page
 * of 0, a province that is no BPS code) is left out rather than sent, so a hand-edited or
 * stale link still shows a list instead of an error.
 */
export function queryFromParams(params: URLSearchParams): InnovationQuery {
  const query: InnovationQuery = {
    q: text(params.get('q'), 200),
    year: integer(params.get('year'), 2014, 2100),
    tier: oneOf(AWARD_TIERS, params.get('tier')),
    province: oneOf(PROVINCE_CODES, params.get('province')),
    institution: text(params.get('institution'), 64),
    institutionType: oneOf(INSTITUTION_TYPES, params.get('institutionType')),
    category: text(params.get('category'), 64),
    sdg: text(params.get('sdg'), 8),
    status: oneOf(INNOVATION_STATUSES, params.get('status')),
    sort: oneOf(SORTS, params.get('sort')),
    page: integer(params.get('page'), 1, 10_000),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

/** The URL search of a query: only what is set, page 1 left out, in a stable order. */
export function paramsFromQuery(query: InnovationQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', ...FILTER_KEYS, 'sort', 'page'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The form's fields as strings (what the controls hold). */
export type SearchForm = Record<Exclude<keyof InnovationQuery, 'page' | 'pageSize'>, string>;

export function formFromQuery(query: InnovationQuery): SearchForm {
  return {
    q: query.q ?? '',
    year: query.year === undefined ? '' : String(query.year),
    tier: query.tier ?? '',
    province: query.province ?? '',
    institution: regionCodeOf(query.institution) ?? query.institution ?? '',
    institutionType: query.institutionType ?? '',
    category: query.category ?? '',
    sdg: query.sdg ?? '',
    status: query.status ?? '',
    sort: query.sort ?? '',
  };
}

/** A new search from the form starts again at page 1. */
export function queryFromForm(form: SearchForm): InnovationQuery {
  return queryFromParams(
    new URLSearchParams(
      Object.entries({ ...form, institution: institutionOfInput(form.institution) }),
    ),
  );
}

const REGION_CODE = /^(\d{2})\.?(\d{2})$/;
const REGION_INSTITUTION = /^inst_(\d{2})(\d{2})$/;

/**
 * The institution a regency/city filter names: a Kemendagri code (`32.73` or `3273`) is the
 * regency's or city's government, whose registry id is `inst_3273`; anything else is taken
 * as an institution id.
 */
export function institutionOfInput(input: string): string {
  const match = REGION_CODE.exec(input.trim());
  return match ? `inst_${match[1]}${match[2]}` : input.trim();
}

/**
 * Whether typed institution text can be searched as it stands: nothing, a regency/city
 * region code, or a registry institution id (`inst_…`). Anything else is part of a name,
 * to be chosen from the lookup's list.
 */
export function isInstitutionReference(input: string): boolean {
  const trimmed = input.trim();
  return trimmed === '' || REGION_CODE.test(trimmed) || trimmed.startsWith('inst_');
}

/** The Kemendagri code (`32.73`) of a regency's or city's institution id; null for others. */
export function regionCodeOf(institution: string | undefined): string | null {
  const match = institution === undefined ? null : REGION_INSTITUTION.exec(institution);
  return match ? `${match[1]}.${match[2]}` : null;
}

/** How many filters (not the words, not the sort) a query sets. */
export function activeFilterCount(query: InnovationQuery): number {
  return FILTER_KEYS.filter((key) => query[key] !== undefined).length;
}
