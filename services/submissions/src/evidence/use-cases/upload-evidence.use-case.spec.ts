import { createHash } from 'node:crypto';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { SubmissionWindow } from '../../proposal/submission-window';
import type { EvidenceStorage } from '../evidence-storage';
import type { StagedEvidence } from '../evidence-upload.engine';
import { detectFileType } from '@kipp/service-kit';
import {
  EvidenceRequirementUnknownError,
  EvidenceTooLargeError,
  EvidenceTypeNotAllowedError,
  ProposalNotEditableError,
  ProposalRevisionConflictError,
} from '../evidence.errors';
import type { EvidenceRepository, ProposalForEvidence } from '../evidence.repository';
import { storedFilename, UploadEvidenceUseCase } from './upload-evidence.use-case';

const PDF = Buffer.from('%PDF-1.7 bukti');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const operator: AuthenticatedUser = {
  accountId: 'op.1',
  roles: ['unit_operator'],
  institutionId: 'inst_a',
  unitId: 'unit_a',
  locale: 'id',
};
const params = { proposalId: 'prop_1', evidenceId: 'service-standard' };
const edition = {
  _id: 'ed_2027',
  configuration: editionConfigurationExample,
  submissionClosesAt: new Date(Date.now() + 3_600_000),
} as EditionProjection;

function setUp(proposal: Partial<ProposalForEvidence> = {}, applied = true) {
  const loaded: ProposalForEvidence = {
    _id: 'prop_1',
    editionId: 'ed_2027',
    groupId: 'general',
    institutionId: 'inst_a',
    unitId: 'unit_a',
    status: 'draft',
    revision: 4,
    evidence: [],
    snapshots: [],
    ...proposal,
  };
  const storage = {
    putStream: jest.fn(),
    describe: jest.fn(() => Promise.resolve()),
    get: jest.fn(),
    delete: jest.fn(() => Promise.resolve()),
    listStoredBefore: jest.fn(),
  } satisfies EvidenceStorage;
  const replaceEvidence = jest.fn(() => Promise.resolve(applied));
  const repository = {
    findProposal: jest.fn(() => Promise.resolve(loaded)),
    findEdition: jest.fn(() => Promise.resolve(edition)),
    replaceEvidence,
  } as unknown as EvidenceRepository;
  const window = { assertOpen: jest.fn(() => Promise.resolve()) } as unknown as SubmissionWindow;
  return {
    useCase: new UploadEvidenceUseCase(repository, storage, window),
    storage,
    replaceEvidence,
  };
}

/** An upload as the streaming engine stages it: stored already, not yet accepted. */
const file = (buffer: Buffer, originalname = 'standar.pdf'): StagedEvidence => ({
  originalname,
  fileId: 'file_new',
  size: buffer.length,
  sha256: createHash('sha256').update(buffer).digest('hex'),
  head: buffer.subarray(0, 16),
});

describe('UploadEvidenceUseCase', () => {
  it('should decide the type from the first bytes only when detecting evidence', () => {
    expect(detectFileType(PDF)).toBe('application/pdf');
    expect(detectFileType(PNG)).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectFileType(Buffer.from('%PD'))).toBeNull();
  });

  it('should keep a header-safe name with the real extension when the client name lies', () => {
    expect(storedFilename('bukti "final".pdf', 'service-standard', 'png')).toBe('bukti-final.png');
    expect(storedFilename('.pdf', 'service-standard', 'pdf')).toBe('service-standard.pdf');
  });

  it('should describe the staged file, then record it with its checksum under the revision read', async () => {
    const { useCase, storage, replaceEvidence } = setUp();
    const entry = await useCase.execute(operator, params, file(PDF));
    expect(entry).toMatchObject({
      fileId: 'file_new',
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: 'op.1',
    });
    expect(storage.describe).toHaveBeenCalledWith('file_new', {
      proposalId: 'prop_1',
      evidenceId: 'service-standard',
      filename: 'standar.pdf',
      contentType: 'application/pdf',
      sha256: entry.sha256,
    });
    expect(replaceEvidence).toHaveBeenCalledWith('prop_1', 4, [entry]);
    expect(storage.delete).not.toHaveBeenCalled();
  });

  it('should delete the staged file and record nothing when the type, size, requirement, status or scope is wrong', async () => {
    const cases: [
      ReturnType<typeof setUp>,
      Parameters<UploadEvidenceUseCase['execute']>,
      unknown,
    ][] = [
      [setUp(), [operator, params, file(PNG, 'x.pdf')], EvidenceTypeNotAllowedError],
      [
        setUp(),
        [operator, params, file(Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]))],
        EvidenceTooLargeError,
      ],
      [
        setUp(),
        [operator, { ...params, evidenceId: 'video' }, file(PDF)],
        EvidenceRequirementUnknownError,
      ],
      [setUp({ status: 'submitted' }), [operator, params, file(PDF)], ProposalNotEditableError],
      [setUp({ unitId: 'unit_b' }), [operator, params, file(PDF)], AuthError],
    ];
    for (const [{ useCase, storage, replaceEvidence }, args, error] of cases) {
      await expect(useCase.execute(...args)).rejects.toBeInstanceOf(error);
      expect(storage.delete).toHaveBeenCalledWith('file_new');
      expect(storage.describe).not.toHaveBeenCalled();
      expect(replaceEvidence).not.toHaveBeenCalled();
    }
  });

  it('should delete the uploaded file when someone changed the proposal meanwhile', async () => {
    const { useCase, storage } = setUp({}, false);
    await expect(useCase.execute(operator, params, file(PDF))).rejects.toBeInstanceOf(
      ProposalRevisionConflictError,
    );
    expect(storage.delete).toHaveBeenCalledWith('file_new');
  });

  it('should delete the replaced file unless a forwarded snapshot still holds it', async () => {
    const old = {
      evidenceId: 'service-standard',
      fileId: 'file_old',
      filename: 'a.pdf',
      contentType: 'application/pdf' as const,
      sizeBytes: 1,
      sha256: 'x',
      uploadedBy: 'op.1',
      uploadedAt: new Date(),
    };
    const plain = setUp({ evidence: [old] });
    await plain.useCase.execute(operator, params, file(PDF));
    expect(plain.storage.delete).toHaveBeenCalledWith('file_old');

    const snapshotted = setUp({
      evidence: [old],
      status: 'returned',
      snapshots: [{ evidence: [old] } as unknown as ProposalForEvidence['snapshots'][number]],
    });
    await snapshotted.useCase.execute(operator, params, file(PDF));
    expect(snapshotted.storage.delete).not.toHaveBeenCalled();
  });
});
