import { z } from 'zod';
import { instantSchema, localizedText, localizedTextSchema } from '../shared/common';

/** The phases of an edition, in calendar order. */
export const EDITION_PHASES = [
  'registration',
  'submission',
  'administrative-selection',
  'desk-evaluation',
  'panel-review',
  'objection',
  'interview',
  'field-verification',
  'plenary',
  'results',
  'closed',
] as const;
export const editionPhaseSchema = z.enum(EDITION_PHASES);
export type EditionPhase = z.infer<typeof editionPhaseSchema>;

export const GROUP_IDS = ['general', 'replication', 'special'] as const;
export const groupIdSchema = z.enum(GROUP_IDS);

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lowercase letters, digits and dashes');

export const editionCategorySchema = z.strictObject({
  categoryId: idSchema,
  name: localizedTextSchema,
});

export const editionGroupSchema = z.strictObject({
  groupId: groupIdSchema,
  name: localizedTextSchema,
  /** Most proposals one institution may forward in this group. */
  quotaPerInstitution: z.number().int().min(0).max(1000),
  eligibility: z.strictObject({
    /** Only invited institutions may enter (the special group). */
    invitationOnly: z.boolean(),
    /** A proposal must name earlier top innovations it replicates (the replication group). */
    requiresSourceInnovation: z.boolean(),
    /** An innovation that already reached the Top 99 this many times may not enter again. */
    maxPriorTop99: z.number().int().min(0).max(10).nullable(),
    /** Past winners may not enter this group (e.g. the general group). */
    excludesPastWinners: z.boolean(),
  }),
  /**
   * The institutions invited to an invitation-only group (e.g. earlier winners for the
   * special group). Absent or empty: nobody is invited yet.
   */
  invitedInstitutionIds: z.array(z.string().min(1).max(64)).max(5000).optional(),
});

export const formSectionSchema = z.strictObject({
  sectionId: idSchema,
  title: localizedTextSchema,
  /** The groups whose form has this section. */
  groups: z.array(groupIdSchema).min(1),
  wordLimit: z.number().int().min(1).max(10_000),
  required: z.boolean(),
});

export const evidenceRequirementSchema = z.strictObject({
  evidenceId: idSchema,
  title: localizedTextSchema,
  groups: z.array(groupIdSchema).min(1),
  required: z.boolean(),
  allowedTypes: z.array(z.enum(EVIDENCE_TYPES)).min(1),
  maxSizeBytes: z
    .number()
    .int()
    .min(1)
    .max(50 * 1024 * 1024),
});

export const calendarEntrySchema = z.strictObject({
  phase: editionPhaseSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

/** Most characters of a rubric criterion's guidance, in each language. */
export const RUBRIC_GUIDANCE_MAX_LENGTH = 2000;

export const rubricCriterionSchema = z.strictObject({
  criterionId: idSchema,
  name: localizedTextSchema,
  /** Weights of a rubric add up to 100. */
  weight: z.number().positive().max(100),
  /**
   * What the secretariat means by the criterion and what a low or a high score looks like,
   * shown to evaluators and panelists beside the criterion while they score. Optional.
   */
  guidance: localizedText(RUBRIC_GUIDANCE_MAX_LENGTH).optional(),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const REPRESENTATION_DIMENSIONS = [
  'category',
  'group',
  'institution-type',
  'province',
  'disadvantaged-region',
  'institution',
] as const;

/**
 * A representation rule for composing the finalists: at least `min` and at most `max`
 * finalists whose `dimension` equals `value` (every value of the dimension when `value` is
 * null). `disadvantaged-region` takes the values `true`/`false` (3T regions).
 */
export const representationRuleSchema = z.strictObject({
  dimension: z.enum(REPRESENTATION_DIMENSIONS),
  value: z.string().min(1).max(64).nullable(),
  min: z.number().int().min(0).nullable(),
  max: z.number().int().min(0).nullable(),
});
export type RepresentationRule = z.infer<typeof representationRuleSchema>;

/** How the ministry side judges the edition: every size, margin and window is data. */
export const evaluationSettingsSchema = z.strictObject({
  /** Evaluators do not see which institution a proposal comes from. */
  blindReview: z.boolean(),
  /** Hard cap of desk assignments per evaluator. */
  maxProposalsPerEvaluator: z.number().int().min(1).max(10_000),
  /** Minutes after the desk-evaluation end in which scores are still accepted. */
  scoringGraceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** Scores an evaluator must have submitted before their scores are normalised. */
  minScoresForNormalization: z.number().int().min(2).max(1000),
  /** Two weighted scores of one proposal further apart than this call an extra evaluator. */
  divergenceMargin: z.number().positive().max(1000),
  /** Representation rules for the finalists. */
  representation: z.array(representationRuleSchema).max(200),
  interview: z.strictObject({
    presentationMinutes: z.number().int().min(1).max(120),
    interviewMinutes: z.number().int().min(1).max(120),
    /** The local admin confirms a slot at least this many hours before it starts. */
    confirmationLeadHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 14),
  }),
});
export type EvaluationSettings = z.infer<typeof evaluationSettingsSchema>;

export const rubricSchema = z.strictObject({
  scale: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  criteria: z.array(rubricCriterionSchema).min(1),
});

/**
 * Everything an edition decides: all of it is data set by the national admin, none of it
 * code. Published in full with every edition event, so consumers never ask for it.
 */
export const editionConfigurationSchema = z.strictObject({
  editionId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  year: z.number().int().min(2014).max(2100),
  theme: localizedTextSchema,
  categories: z.array(editionCategorySchema).min(1),
  groups: z.array(editionGroupSchema).min(1),
  /** Counted back from the close of submission. */
  minimumInnovationAgeYears: z.number().min(0).max(10),
  form: z.strictObject({
    sections: z.array(formSectionSchema).min(1),
    evidence: z.array(evidenceRequirementSchema),
    /** SDG targets (e.g. "3.8", "16.6") a proposal may link to. */
    sdgTargets: z.array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/)),
    requiresIntegrityDeclaration: z.boolean(),
  }),
  /** Phases with start and end instants (UTC); shown in WIB/WITA/WIT by the portal. */
  calendar: z.array(calendarEntrySchema).min(1),
  passingGrade: z.number().min(0).max(100),
  stageSizes: z.strictObject({
    shortlist: z.number().int().min(1),
    finalistsGeneral: z.number().int().min(1),
    finalistsSpecial: z.number().int().min(0),
    winnersTop: z.number().int().min(1),
    winnersOutstanding: z.number().int().min(0),
    winnersReplicationTop: z.number().int().min(0),
  }),
  evaluatorsPerProposal: z.number().int().min(1).max(10),
  rubric: rubricSchema,
  panelRubric: rubricSchema,
  /**
   * How evaluation judges the edition. Optional in v1 for editions published before it
   * existed; registration requires it for every edition it publishes now.
   */
  evaluation: evaluationSettingsSchema.optional(),
});

export type EditionConfiguration = z.infer<typeof editionConfigurationSchema>;

export const editionConfigurationExample: EditionConfiguration = {
  editionId: 'ed_2027',
  name: 'KIPP 2027',
  year: 2027,
  theme: {
    id: 'Inovasi untuk pelayanan publik yang inklusif',
    en: 'Innovation for inclusive public service',
  },
  categories: [
    { categoryId: 'health', name: { id: 'Kesehatan', en: 'Health' } },
    { categoryId: 'governance', name: { id: 'Tata kelola', en: 'Governance' } },
  ],
  groups: [
    {
      groupId: 'general',
      name: { id: 'Umum', en: 'General' },
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
      name: { id: 'Replikasi', en: 'Replication' },
      quotaPerInstitution: 5,
      eligibility: {
        invitationOnly: false,
        requiresSourceInnovation: true,
        maxPriorTop99: 1,
        excludesPastWinners: false,
      },
    },
  ],
  minimumInnovationAgeYears: 1,
  form: {
    sections: [
      {
        sectionId: 'summary',
        title: { id: 'Ringkasan', en: 'Summary' },
        groups: ['general', 'replication'],
        wordLimit: 200,
        required: true,
      },
      {
        sectionId: 'innovative-idea',
        title: { id: 'Ide inovatif', en: 'Innovative idea' },
        groups: ['general'],
        wordLimit: 600,
        required: true,
      },
    ],
    evidence: [
      {
        evidenceId: 'service-standard',
        title: { id: 'Standar pelayanan', en: 'Service standard' },
        groups: ['general', 'replication'],
        required: true,
        allowedTypes: ['application/pdf'],
        maxSizeBytes: 2 * 1024 * 1024,
      },
    ],
    sdgTargets: ['3.8', '16.6'],
    requiresIntegrityDeclaration: true,
  },
  calendar: [
    {
      phase: 'registration',
      startsAt: '2027-01-06T01:00:00.000Z',
      endsAt: '2027-02-01T01:00:00.000Z',
    },
    {
      phase: 'submission',
      startsAt: '2027-02-01T01:00:00.000Z',
      endsAt: '2027-03-31T16:59:59.000Z',
    },
  ],
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
      {
        criterionId: 'novelty',
        name: { id: 'Kebaruan', en: 'Novelty' },
        weight: 50,
        guidance: {
          id: 'Seberapa baru cara pelayanan ini bagi instansi dan wilayahnya. Rendah: meniru layanan yang sudah umum tanpa perubahan. Tinggi: pendekatan baru atau modifikasi nyata yang belum ada di wilayah tersebut.',
          en: 'How new this way of serving is for the institution and its region. Low: copies a common service unchanged. High: a new approach or a real modification not yet found in the region.',
        },
      },
      {
        criterionId: 'effectiveness',
        name: { id: 'Efektivitas', en: 'Effectiveness' },
        weight: 50,
        guidance: {
          id: 'Apakah inovasi mencapai tujuannya, dibuktikan dengan data sebelum dan sesudah. Rendah: klaim tanpa data. Tinggi: perbaikan terukur bagi penerima layanan.',
          en: 'Whether the innovation reaches its aims, shown by data from before and after. Low: claims without data. High: measured improvement for the people served.',
        },
      },
    ],
  },
  panelRubric: {
    scale: { min: 0, max: 100 },
    criteria: [
      { criterionId: 'presentation', name: { id: 'Presentasi', en: 'Presentation' }, weight: 100 },
    ],
  },
  evaluation: {
    blindReview: false,
    maxProposalsPerEvaluator: 40,
    scoringGraceMinutes: 30,
    minScoresForNormalization: 5,
    divergenceMargin: 20,
    representation: [
      { dimension: 'category', value: null, min: 1, max: null },
      { dimension: 'disadvantaged-region', value: 'true', min: 5, max: null },
      { dimension: 'institution', value: null, min: null, max: 3 },
    ],
    interview: { presentationMinutes: 7, interviewMinutes: 13, confirmationLeadHours: 24 },
  },
};
