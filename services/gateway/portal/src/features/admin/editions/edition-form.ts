import {
  EDITION_PHASES,
  TIME_ZONE_OFFSET,
  TIME_ZONE_OFFSET_HOURS,
  type CalendarEntry,
  type EditionPhase,
  type Locale,
  type RubricCriterion,
  type TimeZone,
} from '@kipp/contracts';
import { ApiError } from '../../../api/api-error';
import type { EditionSettings } from './edition-api';

/** One rejected field of an edition: its dotted path as the API names it, and the rule's code. */
export interface FieldIssue {
  readonly path: string;
  /** The edition rule broken (EDITION_INVALID); null for a shape error (VALIDATION_FAILED). */
  readonly code: string | null;
}

/** The codes whose details list issues per field. */
const FIELD_ERROR_CODES = new Set(['EDITION_INVALID', 'VALIDATION_FAILED']);

/**
 * The per-field issues of a failed save: registration answers `EDITION_INVALID` (rules) or
 * `VALIDATION_FAILED` (shape) with `details.issues: [{ path, code?, message }]`, `path`
 * dotted like the body (`calendar.2.startsAt`). Anything else has none.
 */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError) || !FIELD_ERROR_CODES.has(error.code)) return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const issues: unknown = details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null || !('path' in issue)) return [];
    const path = typeof issue.path === 'string' ? issue.path : '';
    const code = 'code' in issue && typeof issue.code === 'string' ? issue.code : null;
    return [{ path, code }];
  });
}

/** The issues at a path or under it (`groups.0` also takes `groups.0.quotaPerInstitution`). */
export function issuesAt(issues: readonly FieldIssue[], path: string, exact = true): FieldIssue[] {
  return issues.filter(
    (issue) => issue.path === path || (!exact && issue.path.startsWith(`${path}.`)),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as a `datetime-local` value on the wall clock of a zone
 * (`2027-03-31T23:59` for 16:59 UTC in WIB); empty for an empty or broken instant.
 */
export function toZonedInput(instant: string, zone: TimeZone): string {
  const time = Date.parse(instant);
  if (!instant || Number.isNaN(time)) return '';
  const shifted = new Date(time + TIME_ZONE_OFFSET_HOURS[zone] * 3_600_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/**
 * A `datetime-local` value read on the wall clock of a zone, as the UTC instant the API
 * stores (`2027-03-31T23:59` WIB → `2027-03-31T16:59:00.000Z`); null when incomplete.
 */
export function fromZonedInput(value: string, zone: TimeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const parsed = Date.parse(
    `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}${TIME_ZONE_OFFSET[zone]}`,
  );
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** Sets one phase's start or end in the calendar, keeping the entries in phase order. */
export function setPhaseTime(
  calendar: readonly CalendarEntry[],
  phase: EditionPhase,
  edge: 'startsAt' | 'endsAt',
  instant: string,
): CalendarEntry[] {
  const existing = calendar.find((entry) => entry.phase === phase);
  const next = existing
    ? calendar.map((entry) => (entry.phase === phase ? { ...entry, [edge]: instant } : entry))
    : [
        ...calendar,
        {
          phase,
          startsAt: edge === 'startsAt' ? instant : '',
          endsAt: edge === 'endsAt' ? instant : '',
        },
      ];
  return sortCalendar(next);
}

/** Takes a phase out of the calendar. */
export function removePhase(
  calendar: readonly CalendarEntry[],
  phase: EditionPhase,
): CalendarEntry[] {
  return calendar.filter((entry) => entry.phase !== phase);
}

export function sortCalendar(calendar: readonly CalendarEntry[]): CalendarEntry[] {
  return [...calendar].sort(
    (a, b) => EDITION_PHASES.indexOf(a.phase) - EDITION_PHASES.indexOf(b.phase),
  );
}

/** The sum of a rubric's weights (they must come to 100). */
export function weightTotal(criteria: readonly { weight: number }[]): number {
  return (
    Math.round(
      criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0) * 1000,
    ) / 1000
  );
}

/**
 * A rubric criterion after one language of its guidance was edited. Guidance is optional:
 * once both languages are blank the criterion has none; otherwise both texts go as typed, so
 * a language left empty is reported at its field.
 */
export function withGuidance(
  criterion: RubricCriterion,
  language: Locale,
  text: string,
): RubricCriterion {
  const { guidance, ...rest } = criterion;
  const next = { id: guidance?.id ?? '', en: guidance?.en ?? '', [language]: text };
  return next.id.trim() === '' && next.en.trim() === '' ? rest : { ...rest, guidance: next };
}

/** A number typed into a field: a finite number, or NaN so the API reports the field. */
export function numberInput(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** A value of a number field: empty for NaN so a half-typed number does not show "NaN". */
export function numberValue(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * The starting point of a new edition for a year: the indicative sections and limits of the
 * brief, the usual groups and stage sizes and a calendar across the year (WIB, 09.00 and
 * 23.59). Every part is then the admin's to change.
 */
export function starterSettings(year: number): EditionSettings {
  const at = (month: number, day: number, hour: number, minute = 0) =>
    new Date(Date.UTC(year, month - 1, day, hour - 7, minute)).toISOString();
  const text = (id: string, en: string) => ({ id, en });
  const phases: [EditionPhase, string, string][] = [
    ['registration', at(1, 6, 9), at(2, 1, 9)],
    ['submission', at(2, 1, 9), at(3, 31, 23, 59)],
    ['administrative-selection', at(4, 1, 9), at(4, 21, 23, 59)],
    ['desk-evaluation', at(4, 22, 9), at(5, 31, 23, 59)],
    ['panel-review', at(6, 1, 9), at(6, 14, 23, 59)],
    ['objection', at(6, 15, 9), at(6, 19, 23, 59)],
    ['interview', at(6, 22, 9), at(7, 3, 23, 59)],
    ['field-verification', at(7, 6, 9), at(7, 17, 23, 59)],
    ['plenary', at(7, 20, 9), at(7, 24, 23, 59)],
    ['results', at(7, 27, 9), at(12, 31, 23, 59)],
  ];
  const general = ['general', 'replication'] as const;
  const sections: [
    string,
    string,
    string,
    number,
    readonly ('general' | 'replication' | 'special')[],
  ][] = [
    ['summary', 'Ringkasan', 'Summary', 200, ['general', 'replication', 'special']],
    ['innovative-idea', 'Ide inovatif', 'Innovative idea', 600, general],
    ['significance', 'Signifikansi', 'Significance', 600, general],
    ['sdg-contribution', 'Kontribusi terhadap TPB', 'SDG contribution', 200, general],
    ['adaptability', 'Adaptabilitas', 'Adaptability', 400, general],
    [
      'sustainability',
      'Keberlanjutan',
      'Sustainability',
      600,
      ['general', 'replication', 'special'],
    ],
    [
      'stakeholder-collaboration',
      'Kolaborasi pemangku kepentingan',
      'Stakeholder collaboration',
      200,
      general,
    ],
  ];
  return {
    name: `KIPP ${year}`,
    year,
    theme: text('', ''),
    categories: [
      { categoryId: 'public-service', name: text('Pelayanan publik', 'Public service') },
      { categoryId: 'governance', name: text('Tata kelola', 'Governance') },
      {
        categoryId: 'sdgs',
        name: text('Tujuan Pembangunan Berkelanjutan', 'Sustainable Development Goals'),
      },
    ],
    groups: [
      {
        groupId: 'general',
        name: text('Umum', 'General'),
        quotaPerInstitution: 10,
        eligibility: {
          invitationOnly: false,
          requiresSourceInnovation: false,
          maxPriorTop99: 1,
          excludesPastWinners: true,
        },
      },
      {
        groupId: 'replication',
        name: text('Replikasi', 'Replication'),
        quotaPerInstitution: 5,
        eligibility: {
          invitationOnly: false,
          requiresSourceInnovation: true,
          maxPriorTop99: 1,
          excludesPastWinners: false,
        },
      },
      {
        groupId: 'special',
        name: text('Khusus', 'Special'),
        quotaPerInstitution: 1,
        eligibility: {
          invitationOnly: true,
          requiresSourceInnovation: false,
          maxPriorTop99: null,
          excludesPastWinners: false,
        },
      },
    ],
    minimumInnovationAgeYears: 1,
    form: {
      sections: sections.map(([sectionId, id, en, wordLimit, groups]) => ({
        sectionId,
        title: text(id, en),
        groups: [...groups],
        wordLimit,
        required: true,
      })),
      evidence: [
        {
          evidenceId: 'service-standard',
          title: text('Standar pelayanan', 'Service standard'),
          groups: ['general', 'replication', 'special'],
          required: true,
          allowedTypes: ['application/pdf'],
          maxSizeBytes: 2 * 1024 * 1024,
        },
        {
          evidenceId: 'innovator-decree',
          title: text('SK inovator', 'Decree naming the innovator'),
          groups: ['general', 'replication', 'special'],
          required: true,
          allowedTypes: ['application/pdf'],
          maxSizeBytes: 2 * 1024 * 1024,
        },
      ],
      sdgTargets: ['3.8', '16.6', '16.7'],
      requiresIntegrityDeclaration: true,
    },
    calendar: phases.map(([phase, startsAt, endsAt]) => ({ phase, startsAt, endsAt })),
    passingGrade: 85,
    stageSizes: {
      shortlist: 150,
      finalistsGeneral: 99,
      finalistsSpecial: 15,
      winnersTop: 45,
      winnersOutstanding: 5,
      winnersReplicationTop: 5,
    },
    evaluatorsPerProposal: 3,
    rubric: {
      scale: { min: 0, max: 100 },
      criteria: [
        { criterionId: 'novelty', name: text('Kebaruan', 'Novelty'), weight: 20 },
        { criterionId: 'effectiveness', name: text('Efektivitas', 'Effectiveness'), weight: 20 },
        {
          criterionId: 'significance',
          name: text('Signifikansi/kemanfaatan', 'Significance/usefulness'),
          weight: 20,
        },
        {
          criterionId: 'transferability',
          name: text('Dapat ditransfer/direplikasi', 'Transferability/replicability'),
          weight: 20,
        },
        {
          criterionId: 'sustainability',
          name: text('Keberlanjutan', 'Sustainability'),
          weight: 20,
        },
      ],
    },
    panelRubric: {
      scale: { min: 0, max: 100 },
      criteria: [
        { criterionId: 'presentation', name: text('Presentasi', 'Presentation'), weight: 40 },
        { criterionId: 'interview', name: text('Wawancara', 'Interview'), weight: 60 },
      ],
    },
    evaluation: {
      blindReview: true,
      maxProposalsPerEvaluator: 40,
      scoringGraceMinutes: 30,
      minScoresForNormalization: 5,
      divergenceMargin: 20,
      representation: [
        { dimension: 'category', value: null, min: 1, max: null },
        { dimension: 'disadvantaged-region', value: 'true', min: 5, max: null },
      ],
      interview: { presentationMinutes: 7, interviewMinutes: 13, confirmationLeadHours: 24 },
    },
  };
}
