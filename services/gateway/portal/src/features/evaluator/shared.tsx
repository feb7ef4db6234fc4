// Pieces the evaluator pages (and the local admin's interview page) share: the time zone
// the person reads times in and the edition picker.
import { TIME_ZONES, type TimeZone } from '@kipp/contracts';
import { useEffect, useState } from 'react';
import type { ApiQuery } from '../../api/use-api-query';
import { useApiQuery } from '../../api/use-api-query';
import type { Locale } from '../../i18n';
import { browserZone } from '../../ui/date-time';
import { Select } from '../../ui/field';
import { evaluatorApi, type EditionSummary } from './evaluator-api';

export const ZONE_STORAGE_KEY = 'kipp.zone';

function isZone(value: unknown): value is TimeZone {
  return typeof value === 'string' && (TIME_ZONES as readonly string[]).includes(value);
}

function storedZone(): TimeZone {
  try {
    const value = globalThis.localStorage.getItem(ZONE_STORAGE_KEY);
    return isZone(value) ? value : browserZone();
  } catch {
    return browserZone();
  }
}

/** The zone deadlines and sessions are shown in: chosen once, remembered, else the browser's. */
export function useZone(): readonly [TimeZone, (zone: TimeZone) => void] {
  const [zone, setZone] = useState<TimeZone>(storedZone);
  const choose = (next: TimeZone) => {
    setZone(next);
    try {
      globalThis.localStorage.setItem(ZONE_STORAGE_KEY, next);
    } catch {
      // A browser that refuses storage still shows the chosen zone on this page.
    }
  };
  return [zone, choose];
}

export function ZoneSelect({
  label,
  zone,
  onChange,
}: {
  label: string;
  zone: TimeZone;
  onChange: (zone: TimeZone) => void;
}) {
  return (
    <Select
      label={label}
      value={zone}
      onChange={(event) => {
        if (isZone(event.target.value)) onChange(event.target.value);
      }}
      options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
    />
  );
}

/** The edition to start on: the newest one still running, else the newest. */
export function defaultEdition(editions: readonly EditionSummary[]): string | null {
  const running = editions.find((e) => e.currentPhase !== 'closed' && e.currentPhase !== null);
  return (running ?? editions[0])?.editionId ?? null;
}

/** The published editions and the one chosen (the running one until the person picks). */
export function useEditionChoice(): {
  readonly editions: ApiQuery<{ editions: EditionSummary[] }>;
  readonly editionId: string | null;
  readonly edition: EditionSummary | null;
  readonly choose: (editionId: string) => void;
} {
  const editions = useApiQuery('editions', (api, signal) => evaluatorApi.editions(api, signal));
  const [editionId, setEditionId] = useState<string | null>(null);
  const list = editions.data?.editions;
  useEffect(() => {
    if (editionId === null && list) setEditionId(defaultEdition(list));
  }, [editionId, list]);
  const edition = list?.find((e) => e.editionId === editionId) ?? null;
  return { editions, editionId, edition, choose: setEditionId };
}

export function EditionSelect({
  label,
  editions,
  value,
  onChange,
}: {
  label: string;
  editions: readonly EditionSummary[];
  value: string | null;
  onChange: (editionId: string) => void;
}) {
  return (
    <Select
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      options={editions.map((e) => ({ value: e.editionId, label: e.configuration.name }))}
    />
  );
}

/**
 * Names of an edition's categories, groups, form sections, evidence requirements and rubric
 * criteria, by id, in the page's language.
 */
export function editionNames(edition: EditionSummary | null, locale: Locale) {
  const config = edition?.configuration;
  const byId = <T,>(
    items: readonly T[] | undefined,
    id: (item: T) => string,
    name: (item: T) => string,
  ) => new Map((items ?? []).map((item) => [id(item), name(item)]));
  return {
    category: byId(
      config?.categories,
      (c) => c.categoryId,
      (c) => c.name[locale],
    ),
    group: byId(
      config?.groups,
      (g) => g.groupId,
      (g) => g.name[locale],
    ),
    section: byId(
      config?.form.sections,
      (s) => s.sectionId,
      (s) => s.title[locale],
    ),
    evidence: byId(
      config?.form.evidence,
      (e) => e.evidenceId,
      (e) => e.title[locale],
    ),
    deskCriterion: byId(
      config?.rubric.criteria,
      (c) => c.criterionId,
      (c) => c.name[locale],
    ),
    panelCriterion: byId(
      config?.panelRubric.criteria,
      (c) => c.criterionId,
      (c) => c.name[locale],
    ),
  };
}
