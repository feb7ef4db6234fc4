// Proposals and editions as submissions and registration answer them, for the specs.
import type { EditionSummary, Proposal } from './proposal-api';

export function proposalFixture(overrides: Partial<Proposal> = {}): Proposal {
  return {
    proposalId: 'prop_1',
    editionId: 'ed_2027',
    groupId: 'general',
    categoryId: 'health',
    institutionId: 'inst_3273',
    unitId: 'unit_9',
    title: 'Layanan Kesehatan Keliling',
    status: 'draft',
    statusSince: '2027-02-10T03:00:00.000Z',
    revision: 4,
    snapshotVersion: null,
    innovationStartDate: '2024-01-15',
    sections: [
      {
        sectionId: 'summary',
        title: { id: 'Ringkasan', en: 'Summary' },
        required: true,
        wordLimit: 5,
        text: 'satu dua tiga',
        wordCount: 3,
      },
      {
        sectionId: 'innovative-idea',
        title: { id: 'Ide inovatif', en: 'Innovative idea' },
        required: true,
        wordLimit: 600,
        text: '',
        wordCount: 0,
      },
    ],
    evidence: [
      {
        evidenceId: 'service-standard',
        required: true,
        allowedTypes: ['application/pdf'],
        maxSizeBytes: 2 * 1024 * 1024,
        uploaded: [],
      },
    ],
    sdgTargets: { selected: ['3.8'], available: ['3.8', '16.6'] },
    sourceInnovationIds: [],
    integrityDeclaration: null,
    eligibility: [
      { check: 'required-sections', outcome: 'fail', detail: 'innovative-idea is empty' },
      { check: 'duplicate-title', outcome: 'pass', detail: 'no duplicate' },
    ],
    eligibilityCheckedAt: '2027-02-10T03:00:00.000Z',
    transitions: [
      { from: null, to: 'draft', by: 'acc-1', at: '2027-02-01T03:00:00.000Z', comment: null },
    ],
    ...overrides,
  };
}

export function editionFixture(overrides: Partial<EditionSummary> = {}): EditionSummary {
  return {
    editionId: 'ed_2027',
    status: 'published',
    currentPhase: 'submission',
    configuration: {
      name: 'KIPP 2027',
      year: 2027,
      categories: [
        { categoryId: 'health', name: { id: 'Kesehatan', en: 'Health' } },
        { categoryId: 'governance', name: { id: 'Tata kelola', en: 'Governance' } },
      ],
      groups: [
        {
          groupId: 'general',
          name: { id: 'Umum', en: 'General' },
          quotaPerInstitution: 2,
          eligibility: { invitationOnly: false, requiresSourceInnovation: false },
        },
        {
          groupId: 'replication',
          name: { id: 'Replikasi', en: 'Replication' },
          quotaPerInstitution: 1,
          eligibility: { invitationOnly: false, requiresSourceInnovation: true },
        },
        {
          groupId: 'special',
          name: { id: 'Khusus', en: 'Special' },
          quotaPerInstitution: 1,
          eligibility: { invitationOnly: true, requiresSourceInnovation: false },
          invitedInstitutionIds: ['inst_1'],
        },
      ],
      form: {
        evidence: [
          {
            evidenceId: 'service-standard',
            title: { id: 'Standar pelayanan', en: 'Service standard' },
          },
        ],
        requiresIntegrityDeclaration: true,
      },
      calendar: [
        {
          phase: 'submission',
          startsAt: '2027-02-01T01:00:00.000Z',
          endsAt: '2099-03-31T16:59:59.000Z',
        },
      ],
    },
    ...overrides,
  };
}
