import { detectPhotoType } from './photo-type';

describe('detectPhotoType', () => {
  it('should recognise PNG and JPEG by their magic bytes', () => {
    expect(detectPhotoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(detectPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('should refuse a PDF, text or an empty file whatever its name says', () => {
    expect(detectPhotoType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(detectPhotoType(Buffer.from('hello.png'))).toBeNull();
    expect(detectPhotoType(Buffer.alloc(0))).toBeNull();
  });
});
