import { detectFileType, FILE_TYPE_HEAD_BYTES } from './detect-file-type';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const PDF = Buffer.from('%PDF-1.7\n');

describe('detectFileType', () => {
  it('should recognise PDF, JPEG and PNG by their magic bytes', () => {
    expect(detectFileType(PDF)).toBe('application/pdf');
    expect(detectFileType(JPEG)).toBe('image/jpeg');
    expect(detectFileType(PNG)).toBe('image/png');
  });

  it('should answer null for other content, a truncated signature or an empty file', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectFileType(Buffer.from('<html>'))).toBeNull();
    expect(detectFileType(Buffer.from('%PD'))).toBeNull();
    expect(detectFileType(PNG.subarray(0, 7))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });

  it('should answer null for a recognised type outside the accepted ones', () => {
    expect(detectFileType(PDF, ['image/jpeg', 'image/png'])).toBeNull();
    expect(detectFileType(JPEG, ['image/jpeg', 'image/png'])).toBe('image/jpeg');
    expect(detectFileType(PNG, ['application/pdf'])).toBeNull();
  });

  it('should need no more than FILE_TYPE_HEAD_BYTES leading bytes', () => {
    expect(FILE_TYPE_HEAD_BYTES).toBe(8);
    expect(detectFileType(PNG.subarray(0, FILE_TYPE_HEAD_BYTES))).toBe('image/png');
  });
});
