import { editionConfigurationExample } from '@kipp/contracts';
import type { OutboxNotifier } from '@kipp/messaging';
import type { StageRepository } from '../../stage/stage.repository';
import type { ObjectionEvidenceStorage } from '../objection-evidence.storage';
import type { ObjectionRateLimiter } from '../objection-rate-limiter';
import { ObjectionRateLimitedError } from '../objection.errors';
import type { NewObjection, ObjectionRepository } from '../objection.repository';
import { FileObjectionUseCase } from './file-objection.use-case';

const NOW = new Date('2027-06-05T03:00:00Z');
const PDF = Buffer.from('%PDF-1.7\n');
const body = {
  proposalId: 'p1',
  name: 'Budi',
  email: 'budi@example.id',
  grounds: 'The service started in 2026, not in 2024.',
};

function setUp(currentPhase = 'objection') {
  const inserted: NewObjection[] = [];
  const objections = {
    insert: jest.fn((o: NewObjection) => {
      inserted.push(o);
      return Promise.resolve();
    }),
  };
  const stages = {
    findEdition: jest.fn(() =>
      Promise.resolve({
        _id: 'ed_1',
        configuration: {
          ...editionConfigurationExample,
          calendar: [
            {
              phase: 'objection',
              startsAt: '2027-06-03T03:00:00.000Z',
              endsAt: '2027-06-08T03:00:00.000Z',
            },
          ],
        },
        currentPhase,
      }),
    ),
    latest: jest.fn(() =>
      Promise.resolve({
        entries: [
          { proposalId: 'p1', advanced: true },
          { proposalId: 'p2', advanced: false },
        ],
      }),
    ),
    findProposal: jest.fn(() =>
      Promise.resolve({
        _id: 'p1',
        institutionId: 'inst_1',
        title: 'Inovasi',
        institution: { name: 'Kota A' },
        disqualification: null,
        withdrawnAt: null,
      }),
    ),
  };
  let nextId = 0;
  const storage = {
    put: jest.fn(() => Promise.resolve({ id: `file_${(nextId += 1)}` })),
    delete: jest.fn(() => Promise.resolve()),
  };
  const rateLimiter = { consume: jest.fn(() => Promise.resolve()) };
  const outbox = { nudge: jest.fn() };
  const useCase = new FileObjectionUseCase(
    objections as unknown as ObjectionRepository,
    stages as unknown as StageRepository,
    storage as unknown as ObjectionEvidenceStorage,
    rateLimiter as unknown as ObjectionRateLimiter,
    outbox as unknown as OutboxNotifier,
  );
  return { useCase, objections, stages, storage, rateLimiter, outbox, inserted };
}

const upload = (buffer: Buffer, originalname = 'bukti.pdf') => ({
  buffer,
  originalname,
  size: buffer.length,
});

describe('FileObjectionUseCase', () => {
  it('should store the files with their SHA-256 and write the objection with its event when the window is open', async () => {
    const { useCase, inserted, outbox } = setUp();
    const filed = await useCase.execute('ed_1', '10.0.0.1', body, [upload(PDF)], NOW);
    expect(filed).toMatchObject({ proposalId: 'p1', evidenceCount: 1 });
    const [objection] = inserted;
    expect(objection?.evidence[0]).toMatchObject({
      fileId: 'file_1',
      contentType: 'application/pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(objection?.outbox).toHaveLength(1);
    expect(objection?.outbox[0]?.key).toBe('p1');
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('should refuse before anything else when the address is over its limit', async () => {
    const { useCase, rateLimiter, stages } = setUp();
    rateLimiter.consume.mockRejectedValueOnce(new ObjectionRateLimitedError(60));
    await expect(useCase.execute('ed_1', '10.0.0.1', body, [], NOW)).rejects.toMatchObject({
      code: 'OBJECTION_RATE_LIMITED',
    });
    expect(stages.findEdition).not.toHaveBeenCalled();
  });

  it('should answer OBJECTION_WINDOW_CLOSED with the window in WIB when the edition has left the objection phase', async () => {
    const { useCase } = setUp('interview');
    await expect(
      useCase.execute('ed_1', 'ip', body, [], new Date('2027-06-08T03:00:00Z')),
    ).rejects.toMatchObject({
      code: 'OBJECTION_WINDOW_CLOSED',
      details: { window: { startsAt: '2027-06-03 10:00 WIB', endsAt: '2027-06-08 10:00 WIB' } },
    });
  });

  it('should answer PROPOSAL_NOT_A_FINALIST when the proposal did not advance', async () => {
    const { useCase } = setUp();
    await expect(
      useCase.execute('ed_1', 'ip', { ...body, proposalId: 'p2' }, [], NOW),
    ).rejects.toMatchObject({ code: 'PROPOSAL_NOT_A_FINALIST' });
  });

  it('should store nothing when one file is not a PDF, JPEG or PNG', async () => {
    const { useCase, storage } = setUp();
    await expect(
      useCase.execute('ed_1', 'ip', body, [upload(PDF), upload(Buffer.from('MZ'), 'x.pdf')], NOW),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_EVIDENCE_TYPE' });
    expect(storage.put).not.toHaveBeenCalled();
  });

  it('should remove the stored files when the objection cannot be written', async () => {
    const { useCase, objections, storage } = setUp();
    objections.insert.mockRejectedValueOnce(new Error('database down'));
    await expect(
      useCase.execute('ed_1', 'ip', body, [upload(PDF), upload(PDF)], NOW),
    ).rejects.toThrow('database down');
    expect(storage.delete.mock.calls).toEqual([['file_1'], ['file_2']]);
  });
});
