import { z } from 'zod';
import { groupIdSchema } from '../registration/edition-configuration';
import { instantSchema } from '../shared/common';

/**
 * The immutable, versioned content of a proposal as its local admin forwarded it to the
 * ministry: what evaluation sees, exactly.
 */
export const proposalSnapshotSchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  /** 1 for the first forward; a proposal returned and forwarded again gets the next. */
  snapshotVersion: z.number().int().positive(),
  editionId: z.string().min(1).max(64),
  groupId: groupIdSchema,
  categoryId: z.string().min(1).max(48),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  innovationStartDate: z.iso.date(),
  sections: z.array(
    z.strictObject({
      sectionId: z.string().min(1).max(48),
      text: z.string().max(100_000),
      wordCount: z.number().int().min(0),
    }),
  ),
  sdgTargets: z.array(z.string().min(1).max(8)),
  /** Earlier top innovations a replication-group proposal replicates. */
  sourceInnovationIds: z.array(z.string().min(1).max(64)),
  evidence: z.array(
    z.strictObject({
      evidenceId: z.string().min(1).max(48),
      fileId: z.string().min(1).max(64),
      filename: z.string().min(1).max(255),
      contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
      sizeBytes: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  integrityDeclaration: z.strictObject({
    signedBy: z.string().min(1).max(64),
    signedAt: instantSchema,
  }),
  /** The eligibility pre-checks as they stood at the forward. */
  eligibility: z.array(
    z.strictObject({
      check: z.string().min(1).max(48),
      outcome: z.enum(['pass', 'warn', 'fail']),
      detail: z.string().max(1000),
    }),
  ),
});

export type ProposalSnapshot = z.infer<typeof proposalSnapshotSchema>;

export const proposalSnapshotExample: ProposalSnapshot = {
  proposalId: 'prop_8d1e',
  snapshotVersion: 1,
  editionId: 'ed_2027',
  groupId: 'general',
  categoryId: 'health',
  institutionId: 'inst_3273',
  unitId: 'unit_dinkes',
  title: 'Posyandu Digital Kota Bandung',
  innovationStartDate: '2024-03-01',
  sections: [{ sectionId: 'summary', text: 'Layanan posyandu terintegrasi…', wordCount: 180 }],
  sdgTargets: ['3.8'],
  sourceInnovationIds: [],
  evidence: [
    {
      evidenceId: 'service-standard',
      fileId: 'file_51a2',
      filename: 'standar-pelayanan.pdf',
      contentType: 'application/pdf',
      sizeBytes: 482_113,
      sha256: 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdef0123',
    },
  ],
  integrityDeclaration: { signedBy: 'acct_7f3a', signedAt: '2027-03-20T04:00:00.000Z' },
  eligibility: [{ check: 'innovation-age', outcome: 'pass', detail: '3.1 years at the close' }],
};
