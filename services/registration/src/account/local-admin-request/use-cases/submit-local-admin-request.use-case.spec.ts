import { createHash } from 'node:crypto';
import type { AppointmentLetterStore } from '../appointment-letter.store';
import { LetterMissingError, LetterNotPdfError } from '../local-admin-request.errors';
import type { LocalAdminRequestRepository } from '../local-admin-request.repository';
import type { InstitutionDirectory } from '../../../institution/institution-directory';
import {
  submitLocalAdminRequestSchema,
  SubmitLocalAdminRequestUseCase,
} from './submit-local-admin-request.use-case';

const input = submitLocalAdminRequestSchema.parse({
  institutionId: 'inst_a',
  candidateName: 'Dewi',
  candidateEmail: 'dewi@bandung.go.id',
  candidateUserId: 'ortala.bandung',
});

function setUp() {
  const put = jest.fn(() => Promise.resolve({ id: 'file_1' }));
  const insert = jest.fn((request: object) =>
    Promise.resolve({ ...request, createdAt: new Date(), updatedAt: new Date(), outbox: [] }),
  );
  const useCase = new SubmitLocalAdminRequestUseCase(
    { insert } as unknown as LocalAdminRequestRepository,
    { put, delete: jest.fn() } as unknown as AppointmentLetterStore,
    { assertRegistered: () => Promise.resolve() } as unknown as InstitutionDirectory,
  );
  return { useCase, put, insert };
}

describe('SubmitLocalAdminRequestUseCase', () => {
  it('should store neither letter nor request when the letter is not a PDF or missing', async () => {
    const { useCase, put, insert } = setUp();
    const png = { originalname: 'surat.pdf', size: 8, buffer: Buffer.from('\x89PNG\r\n\x1a\n') };
    await expect(useCase.execute(input, png)).rejects.toBeInstanceOf(LetterNotPdfError);
    await expect(useCase.execute(input, undefined)).rejects.toBeInstanceOf(LetterMissingError);
    expect(put).not.toHaveBeenCalled();
    expect(insert).not.toHaveBeenCalled();
  });

  it('should store the letter with its SHA-256 and a pending request', async () => {
    const { useCase, insert } = setUp();
    const bytes = Buffer.from('%PDF-1.7 hello');
    const request = await useCase.execute(input, {
      originalname: 'x.pdf',
      size: bytes.length,
      buffer: bytes,
    });
    expect(request).toMatchObject({
      status: 'pending',
      letter: {
        fileId: 'file_1',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
    expect(insert).toHaveBeenCalledTimes(1);
  });
});
