import { PassThrough, type Readable } from 'node:stream';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import type { EvidenceStorage } from './evidence-storage';
import { StreamingEvidenceEngine, type StagedEvidence } from './evidence-upload.engine';
import { EvidenceUploadGuard } from './evidence-upload.guard';
import type { ProposalForEvidence } from './evidence.repository';
import type {
  PreparedEvidenceUpload,
  UploadEvidenceUseCase,
} from './use-cases/upload-evidence.use-case';
import type { ExecutionContext } from '@nestjs/common';

const LIMIT = 1024;
const PDF_HEAD = Buffer.from('%PDF-1.7\n0123456789');
const PNG_HEAD = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0,
]);

const prepared: PreparedEvidenceUpload = {
  evidenceId: 'service-standard',
  proposal: { _id: 'prop_1', revision: 4 } as ProposalForEvidence,
  edition: { _id: 'ed_2027', configuration: editionConfigurationExample } as EditionProjection,
  requirement: { maxSizeBytes: LIMIT, allowedTypes: ['application/pdf'] },
};

/** A storage that consumes the stream like GridFS: fails with the source's error. */
function fakeStorage() {
  const received = { bytes: 0 };
  const storage = {
    putStream: jest.fn(
      (source: Readable) =>
        new Promise<string>((resolve, reject) => {
          source.on('data', (chunk: Buffer) => (received.bytes += chunk.length));
          source.once('end', () => resolve('file_new'));
          source.once('error', reject);
        }),
    ),
    describe: jest.fn(),
    get: jest.fn(),
    delete: jest.fn(() => Promise.resolve()),
    listStoredBefore: jest.fn(),
  } satisfies EvidenceStorage;
  return { storage, received };
}

/** A request the guard has prepared, as the engine receives it. */
async function preparedRequest(): Promise<object> {
  const request = { user: { accountId: 'op.1' }, params: { proposalId: 'p', evidenceId: 'e' } };
  const useCase = { prepare: jest.fn(() => Promise.resolve(prepared)) };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  await new EvidenceUploadGuard(useCase as unknown as UploadEvidenceUseCase).canActivate(context);
  return request;
}

function handle(
  engine: StreamingEvidenceEngine,
  request: object,
  chunks: Buffer[],
): Promise<Omit<StagedEvidence, 'originalname'>> {
  const stream = new PassThrough();
  const result = new Promise<Omit<StagedEvidence, 'originalname'>>((resolve, reject) => {
    engine._handleFile(request, { originalname: 'a.pdf', stream }, (error, info) => {
      if (error) reject(error);
      else if (info) resolve(info);
    });
  });
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return result;
}

describe('StreamingEvidenceEngine', () => {
  it('should store the file with its size, checksum and head when the requirement accepts it', async () => {
    const { storage, received } = fakeStorage();
    const staged = await handle(new StreamingEvidenceEngine(storage), await preparedRequest(), [
      PDF_HEAD,
      Buffer.alloc(100),
    ]);
    expect(staged).toMatchObject({ fileId: 'file_new', size: PDF_HEAD.length + 100 });
    expect(staged.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(received.bytes).toBe(PDF_HEAD.length + 100);
  });

  it("should cut the stream with 413 when it crosses the requirement's limit", async () => {
    const { storage, received } = fakeStorage();
    const chunks = [PDF_HEAD, ...Array.from({ length: 10 }, () => Buffer.alloc(512))];
    await expect(
      handle(new StreamingEvidenceEngine(storage), await preparedRequest(), chunks),
    ).rejects.toMatchObject({ code: 'EVIDENCE_TOO_LARGE', details: { maxSizeBytes: LIMIT } });
    expect(received.bytes).toBeLessThanOrEqual(LIMIT);
  });

  it('should refuse with 415 as soon as the first bytes show a type the requirement refuses', async () => {
    const { storage, received } = fakeStorage();
    await expect(
      handle(new StreamingEvidenceEngine(storage), await preparedRequest(), [
        PNG_HEAD,
        Buffer.alloc(500),
      ]),
    ).rejects.toMatchObject({
      code: 'EVIDENCE_TYPE_NOT_ALLOWED',
      details: { detectedType: 'image/png' },
    });
    expect(received.bytes).toBe(0);
  });

  it('should store nothing when the upload was not prepared by the guard', async () => {
    const { storage } = fakeStorage();
    await expect(handle(new StreamingEvidenceEngine(storage), {}, [PDF_HEAD])).rejects.toThrow(
      /not prepared/,
    );
    expect(storage.putStream).not.toHaveBeenCalled();
  });
});
