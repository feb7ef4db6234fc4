import type { EditionConfiguration } from '@kipp/contracts';
import { useApiQuery } from '../../../api/use-api-query';
import { codeMessages } from '../../../api/code-messages';
import { useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { BarChart } from '../../../ui/charts/bar-chart';
import { DonutChart } from '../../../ui/charts/donut-chart';
import { EmptyState } from '../../../ui/empty-state';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { adminMessages } from '../shared/messages';
import { finalistComposition } from './chart-data';
import type { StagePublication } from './evaluation-api';
import { allInstitutions } from './institutions-api';
import { evaluationMessages } from './messages';

/** One constrained value of a representation rule: finalists with it before and after the rules. */
export interface RuleRow {
  readonly key: string;
  readonly rule: string;
  readonly min: number | null;
  readonly max: number | null;
  readonly pureCount: number;
  readonly finalCount: number;
  readonly available: number;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

const countOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The rules of a finalists report, one row per constrained value (the API types the report loosely). */
export function ruleRows(report: Readonly<Record<string, unknown>> | null): RuleRow[] {
  const rules = report?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.filter(isRecord).flatMap((rule) => {
    const dimension =
      isRecord(rule.rule) && typeof rule.rule.dimension === 'string' ? rule.rule.dimension : '';
    const constraints = Array.isArray(rule.constraints) ? rule.constraints.filter(isRecord) : [];
    return constraints.map((c) => {
      const value = typeof c.value === 'string' ? c.value : '';
      return {
        key: `${String(rule.ruleIndex)}-${value}`,
        rule: `${dimension} = ${value}`,
        min: countOf(c.min),
        max: countOf(c.max),
        pureCount: countOf(c.pureCount) ?? 0,
        finalCount: countOf(c.finalCount) ?? 0,
        available: countOf(c.available) ?? 0,
      };
    });
  });
}

/** Finalists by province, institution type, group and category, with the representation rules. */
export function FinalistComposition({
  publication,
  configuration,
}: {
  publication: StagePublication;
  configuration: EditionConfiguration;
}) {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const institutions = useApiQuery('institutions:all', (api, signal) =>
    allInstitutions(api, signal),
  );
  if (institutions.error) return <ErrorAlert error={institutions.error} codes={codeMessages(t)} />;
  if (!institutions.data) return <Progress label={common.loading} />;
  const texts: Readonly<Record<string, unknown>> = t;
  const composition = finalistComposition(publication.entries, institutions.data, {
    unknown: t.unknown,
    type: (type) => {
      const text = texts[`type_${type}`];
      return typeof text === 'string' ? text : type;
    },
    group: (id) => configuration.groups.find((g) => g.groupId === id)?.name[locale] ?? id,
    category: (id) => configuration.categories.find((c) => c.categoryId === id)?.name[locale] ?? id,
  });
  if (composition.byGroup.length === 0) return <EmptyState title={t.compositionEmpty} />;
  const rules = ruleRows(publication.report);
  const infeasible = Array.isArray(publication.report.infeasible)
    ? publication.report.infeasible.length
    : 0;
  return (
    <>
      <DonutChart
        title={t.byGroup}
        description={t.byGroupDesc}
        valueLabel={t.finalists}
        data={composition.byGroup}
      />
      <DonutChart
        title={t.byType}
        description={t.byTypeDesc}
        valueLabel={t.finalists}
        data={composition.byType}
      />
      <BarChart
        title={t.byCategory}
        description={t.byCategoryDesc}
        valueLabel={t.finalists}
        data={composition.byCategory}
      />
      <BarChart
        title={t.byProvince}
        description={t.byProvinceDesc}
        valueLabel={t.finalists}
        data={composition.byProvince}
      />
      {infeasible > 0 ? <p className="field-error">{t.infeasible(infeasible)}</p> : null}
      {rules.length > 0 ? (
        <Table
          caption={t.rulesCaption}
          rows={rules}
          rowKey={(r) => r.key}
          columns={[
            { key: 'rule', header: t.colRule, rowHeader: true, cell: (r) => r.rule },
            { key: 'min', header: t.colMin, numeric: true, cell: (r) => r.min ?? '–' },
            { key: 'max', header: t.colMax, numeric: true, cell: (r) => r.max ?? '–' },
            { key: 'pure', header: t.colPure, numeric: true, cell: (r) => r.pureCount },
            { key: 'final', header: t.colFinal, numeric: true, cell: (r) => r.finalCount },
            { key: 'available', header: t.colAvailable, numeric: true, cell: (r) => r.available },
          ]}
        />
      ) : null}
    </>
  );
}
