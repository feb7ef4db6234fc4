import { createHash } from 'node:crypto';
import { authenticatedUser } from '@kipp/testing';
import type { FieldPhotoStorage } from '../field-photo.storage';
import type { FieldVerificationRepository } from '../field-verification.repository';
import { MAX_PHOTO_BYTES } from '../photo-type';
import { UploadFieldPhotoUseCase } from './upload-field-photo.use-case';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const user = authenticatedUser(['panelist'], { accountId: 'acct_panel' });

function setup(exists = true) {
  const stored: Buffer[] = [];
  const storage = {
    put: jest.fn((bytes: Buffer) => {
      stored.push(bytes);
      return Promise.resolve({ id: '0123456789abcdef01234567' });
    }),
    delete: jest.fn().mockResolvedValue(undefined),
  };
  const repository = {
    findById: jest.fn().mockResolvedValue(exists ? { _id: 'fv_1', photos: [] } : null),
    addPhoto: jest.fn().mockResolvedValue({ _id: 'fv_1' }),
  };
  const useCase = new UploadFieldPhotoUseCase(
    repository as unknown as FieldVerificationRepository,
    storage as unknown as FieldPhotoStorage,
  );
  return { useCase, stored, repository };
}

const file = (buffer: Buffer, size = buffer.length) => ({ originalname: 'x.png', size, buffer });

describe('UploadFieldPhotoUseCase', () => {
  it('should store a JPEG with its SHA-256 and record it when the bytes are a JPEG', async () => {
    const { useCase, stored, repository } = setup();
    const photo = await useCase.execute(user, 'fv_1', file(JPEG));
    expect(photo).toMatchObject({
      contentType: 'image/jpeg',
      sha256: createHash('sha256').update(JPEG).digest('hex'),
      sizeBytes: JPEG.length,
      uploadedBy: 'acct_panel',
    });
    expect(stored).toEqual([JPEG]);
    expect(repository.addPhoto).toHaveBeenCalledWith('fv_1', photo);
  });

  it('should answer 415 and store nothing when the bytes are not an image', async () => {
    const { useCase, stored } = setup();
    await expect(
      useCase.execute(user, 'fv_1', file(Buffer.from('%PDF-1.4'))),
    ).rejects.toMatchObject({
      code: 'PHOTO_TYPE_NOT_ALLOWED',
      status: 415,
    });
    expect(stored).toHaveLength(0);
  });

  it('should answer 413 when the photo is over 10 MB', async () => {
    const { useCase } = setup();
    await expect(
      useCase.execute(user, 'fv_1', file(JPEG, MAX_PHOTO_BYTES + 1)),
    ).rejects.toMatchObject({
      code: 'PHOTO_TOO_LARGE',
    });
  });

  it('should answer 404 and store nothing when the verification does not exist', async () => {
    const { useCase, stored } = setup(false);
    await expect(useCase.execute(user, 'fv_1', file(JPEG))).rejects.toMatchObject({
      code: 'FIELD_VERIFICATION_NOT_FOUND',
    });
    expect(stored).toHaveLength(0);
  });
});
