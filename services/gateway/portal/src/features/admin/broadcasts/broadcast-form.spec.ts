import {
  audienceOf,
  bodyOf,
  checkDraft,
  EMPTY_DRAFT,
  fanOutProgress,
  keyFor,
} from './broadcast-form';

const filled = {
  ...EMPTY_DRAFT,
  subjectId: ' Pengumuman ',
  subjectEn: 'Announcement',
  bodyId: 'Isi',
  bodyEn: 'Text',
  roles: ['local_admin' as const],
};

describe('broadcast drafts', () => {
  it('should ask for both languages and at least one audience dimension', () => {
    expect(checkDraft(EMPTY_DRAFT)).toEqual({
      subjectId: 'subjectIdRequired',
      subjectEn: 'subjectEnRequired',
      bodyId: 'bodyIdRequired',
      bodyEn: 'bodyEnRequired',
      audience: 'audienceRequired',
    });
    expect(checkDraft(filled)).toEqual({});
  });

  it('should refuse province codes that are not two digits and over-long text', () => {
    expect(checkDraft({ ...filled, provinceCodes: '32, 3' })).toEqual({
      provinceCodes: 'provinceCodeInvalid',
    });
    expect(
      checkDraft({ ...filled, subjectEn: 'x'.repeat(201), bodyId: 'y'.repeat(10_001) }),
    ).toEqual({
      subjectEn: 'subjectTooLong',
      bodyId: 'bodyTooLong',
    });
  });

  it('should send only the audience dimensions that are filled in, provinces without repeats', () => {
    expect(
      audienceOf({ ...EMPTY_DRAFT, provinceCodes: '32 35,32', finalistsOf: 'ed_2027' }),
    ).toEqual({
      provinceCodes: ['32', '35'],
      finalistsOf: 'ed_2027',
    });
    expect(bodyOf(filled)).toEqual({
      subject: { id: 'Pengumuman', en: 'Announcement' },
      body: { id: 'Isi', en: 'Text' },
      audience: { roles: ['local_admin'] },
      mandatory: false,
      requiresAck: false,
    });
  });

  it('should keep the idempotency key for the same content and take a new one when it changes', () => {
    let n = 0;
    const newKey = () => `key-${(n += 1)}`;
    const first = keyFor(null, bodyOf(filled), newKey);
    expect(first.key).toBe('key-1');
    expect(keyFor(first, bodyOf(filled), newKey)).toBe(first);
    expect(keyFor(first, bodyOf({ ...filled, bodyEn: 'Other' }), newKey).key).toBe('key-2');
  });

  it('should count the recipients reached while fanning out, and all of them when done', () => {
    const delivery = { inbox: { delivered: 30, suppressed: 5 }, email: { pending: 20 } };
    expect(fanOutProgress({ status: 'fanning-out', recipientCount: 100, delivery })).toEqual({
      done: 35,
      total: 100,
    });
    expect(fanOutProgress({ status: 'fanning-out', recipientCount: 10, delivery: {} })).toEqual({
      done: 0,
      total: 10,
    });
    expect(fanOutProgress({ status: 'done', recipientCount: 100, delivery })).toEqual({
      done: 100,
      total: 100,
    });
  });
});
