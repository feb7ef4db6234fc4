import { createHash } from 'node:crypto';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { SubmissionWindow } from '../../proposal/submission-window';
import type { EvidenceStorage } from '../evidence-storage';
import type { StagedEvidence } from '../evidence-upload.engine';
import { detectFileType } from '@kipp/service-kit';
import { SubmissionClosedError } from '../../proposal/proposal.errors';
import {
  EvidenceMissingError,
  EvidenceRequirementUnknownError,
  EvidenceTooLargeError,
  EvidenceTypeNotAllowedError,
  ProposalNotEditableError,
  ProposalNotFoundError,
  ProposalRevisionConflictError,
} from '../evidence.errors';
import type { EvidenceRepository, ProposalForEvidence } from '../evidence.repository';
import {
  acceptedEvidenceType,
  assertEvidenceSize,
  storedFilename,
  UploadEvidenceUseCase,
  type EvidenceParams,
} from './upload-evidence.use-case';

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
  const findProposal = jest.fn(() => Promise.resolve<ProposalForEvidence | null>(loaded));
  const repository = {
    findProposal,
    findEdition: jest.fn(() => Promise.resolve(edition)),
    replaceEvidence,
  } as unknown as EvidenceRepository;
  const assertOpen = jest.fn(() => Promise.resolve());
  const window = { assertOpen } as unknown as SubmissionWindow;
  return {
    useCase: new UploadEvidenceUseCase(repository, storage, window),
    storage,
    replaceEvidence,
    findProposal,
    assertOpen,
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

const closed = new SubmissionClosedError('ed_2027', new Date(), '1 Mei 2027 23.59', 'WIB');

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

  describe('prepare', () => {
    it('should return the requirement and the proposal as read when the unit may upload', async () => {
      const { useCase, storage } = setUp();
      const prepared = await useCase.prepare(operator, params);
      const requirement = editionConfigurationExample.form.evidence.find(
        (candidate) => candidate.evidenceId === 'service-standard',
      );
      expect(prepared.evidenceId).toBe('service-standard');
      expect(prepared.proposal).toMatchObject({ _id: 'prop_1', revision: 4 });
      expect(prepared.requirement).toBe(requirement);
      expect(storage.putStream).not.toHaveBeenCalled();
    });

    it('should refuse before any byte is stored when the proposal, scope, status, close or requirement is wrong', async () => {
      const missing = setUp();
      missing.findProposal.mockResolvedValue(null);
      const afterClose = setUp();
      afterClose.assertOpen.mockRejectedValue(closed);
      const cases: [ReturnType<typeof setUp>, EvidenceParams, unknown][] = [
        [missing, params, ProposalNotFoundError],
        [setUp({ unitId: 'unit_b' }), params, AuthError],
        [setUp({ status: 'submitted' }), params, ProposalNotEditableError],
        [afterClose, params, SubmissionClosedError],
        [setUp(), { ...params, evidenceId: 'video' }, EvidenceRequirementUnknownError],
      ];
      for (const [{ useCase, storage, replaceEvidence }, args, error] of cases) {
        await expect(useCase.prepare(operator, args)).rejects.toBeInstanceOf(error);
        expect(storage.putStream).not.toHaveBeenCalled();
        expect(storage.delete).not.toHaveBeenCalled();
        expect(replaceEvidence).not.toHaveBeenCalled();
      }
    });
  });

  describe('streaming checks', () => {
    it('should refuse past the limit and name the size only when the whole file was seen', async () => {
      const prepared = await setUp().useCase.prepare(operator, params);
      const limit = prepared.requirement.maxSizeBytes;
      expect(() => assertEvidenceSize(prepared, limit, false)).not.toThrow();
      const refusal = (complete: boolean): EvidenceTooLargeError | undefined => {
        try {
          assertEvidenceSize(prepared, limit + 1, complete);
        } catch (error) {
          if (error instanceof EvidenceTooLargeError) return error;
        }
        return undefined;
      };
      expect(refusal(false)?.details).toEqual({
        evidenceId: 'service-standard',
        maxSizeBytes: limit,
      });
      expect(refusal(true)?.details).toEqual({
        evidenceId: 'service-standard',
        maxSizeBytes: limit,
        sizeBytes: limit + 1,
      });
    });

    it('should accept only the requirement types when judging the first bytes', async () => {
      const prepared = await setUp().useCase.prepare(operator, params);
      expect(acceptedEvidenceType(prepared, PDF)).toBe('application/pdf');
      expect(() => acceptedEvidenceType(prepared, PNG)).toThrow(EvidenceTypeNotAllowedError);
    });
  });

  describe('record', () => {
    it('should describe the stored file, then record it with its checksum under the revision prepared', async () => {
      const { useCase, storage, replaceEvidence } = setUp();
      const prepared = await useCase.prepare(operator, params);
      const entry = await useCase.record(operator, prepared, file(PDF));
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

    it('should delete the stored file and record nothing when its type, size or the close refuses it', async () => {
      const huge = file(Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]));
      const cases: [(setup: ReturnType<typeof setUp>) => void, StagedEvidence, unknown][] = [
        [() => undefined, file(PNG, 'x.pdf'), EvidenceTypeNotAllowedError],
        [() => undefined, huge, EvidenceTooLargeError],
        [() => undefined, file(Buffer.alloc(0)), EvidenceMissingError],
        // The close passed while the file was streaming.
        [
          ({ assertOpen }) => assertOpen.mockRejectedValue(closed),
          file(PDF),
          SubmissionClosedError,
        ],
      ];
      for (const [arrange, staged, error] of cases) {
        const setup = setUp();
        const prepared = await setup.useCase.prepare(operator, params);
        arrange(setup);
        await expect(setup.useCase.record(operator, prepared, staged)).rejects.toBeInstanceOf(
          error,
        );
        expect(setup.storage.delete).toHaveBeenCalledWith('file_new');
        expect(setup.storage.describe).not.toHaveBeenCalled();
        expect(setup.replaceEvidence).not.toHaveBeenCalled();
      }
    });

    it('should answer 400 when no file came with the upload', async () => {
      const { useCase } = setUp();
      const prepared = await useCase.prepare(operator, params);
      await expect(useCase.record(operator, prepared, undefined)).rejects.toBeInstanceOf(
        EvidenceMissingError,
      );
    });

    it('should delete the uploaded file when someone changed the proposal since it was prepared', async () => {
      const { useCase, storage } = setUp({}, false);
      const prepared = await useCase.prepare(operator, params);
      await expect(useCase.record(operator, prepared, file(PDF))).rejects.toBeInstanceOf(
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
      await plain.useCase.record(
        operator,
        await plain.useCase.prepare(operator, params),
        file(PDF),
      );
      expect(plain.storage.delete).toHaveBeenCalledWith('file_old');

      const snapshotted = setUp({
        evidence: [old],
        status: 'returned',
        snapshots: [{ evidence: [old] } as unknown as ProposalForEvidence['snapshots'][number]],
      });
      await snapshotted.useCase.record(
        operator,
        await snapshotted.useCase.prepare(operator, params),
        file(PDF),
      );
      expect(snapshotted.storage.delete).not.toHaveBeenCalled();
    });
  });
});
