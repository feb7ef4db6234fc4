import { editionConfigurationExample } from '@kipp/contracts';
import { detectEvidenceType } from './evidence-type';
import { formatWib, isWindowOpen, objectionWindowOf, windowInWib } from './objection-window';

const window = {
  startsAt: new Date('2027-06-03T03:00:00Z'),
  endsAt: new Date('2027-06-08T03:00:00Z'),
};

describe('objection window', () => {
  it('should be open when now is from its start up to but excluding its end', () => {
    expect(isWindowOpen(window, new Date('2027-06-03T02:59:59Z'))).toBe(false);
    expect(isWindowOpen(window, new Date('2027-06-03T03:00:00Z'))).toBe(true);
    expect(isWindowOpen(window, new Date('2027-06-08T02:59:59Z'))).toBe(true);
    expect(isWindowOpen(window, new Date('2027-06-08T03:00:00Z'))).toBe(false);
  });

  it('should be closed when the calendar has no objection phase', () => {
    const none = objectionWindowOf(editionConfigurationExample);
    expect(none).toBeNull();
    expect(isWindowOpen(none, new Date())).toBe(false);
    expect(windowInWib(none)).toBeNull();
  });

  it('should read the objection phase from the calendar when it has one', () => {
    const found = objectionWindowOf({
      ...editionConfigurationExample,
      calendar: [
        {
          phase: 'objection',
          startsAt: '2027-06-03T03:00:00.000Z',
          endsAt: '2027-06-08T03:00:00.000Z',
        },
      ],
    });
    expect(found).toEqual(window);
  });

  it('should name the window in WIB (UTC+7) when formatting', () => {
    expect(formatWib(new Date('2027-06-03T20:30:00Z'))).toBe('2027-06-04 03:30 WIB');
    expect(windowInWib(window)).toEqual({
      startsAt: '2027-06-03 10:00 WIB',
      endsAt: '2027-06-08 10:00 WIB',
    });
  });
});

describe('detectEvidenceType', () => {
  it('should know PDF, JPEG and PNG by their first bytes when the name says otherwise', () => {
    expect(detectEvidenceType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(
      detectEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe('image/png');
  });

  it('should refuse anything else when the bytes do not match', () => {
    expect(detectEvidenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectEvidenceType(Buffer.from('<html>'))).toBeNull();
    expect(detectEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});
