import { hashOf, sendBroadcastBodySchema } from './send-broadcast.use-case';

const body = (audience: Record<string, unknown>) =>
  sendBroadcastBodySchema.parse({
    subject: { id: 'Pengumuman', en: 'Announcement' },
    body: { id: 'Isi', en: 'Text' },
    audience,
  });

describe('sendBroadcastBodySchema', () => {
  it('should default to an optional broadcast without acknowledgement', () => {
    expect(body({ roles: ['evaluator'] })).toMatchObject({ mandatory: false, requiresAck: false });
  });

  it.each([{}, { roles: [] }, { provinceCodes: ['9'] }, { finalistsOf: '' }])(
    'should reject the audience %p',
    (audience) => {
      expect(() => body(audience)).toThrow();
    },
  );

  it('should reject a body over 10 000 characters', () => {
    const parsed = sendBroadcastBodySchema.safeParse({
      subject: { id: 'a', en: 'b' },
      body: { id: 'x'.repeat(10_001), en: 'y' },
      audience: { roles: ['evaluator'] },
    });
    expect(parsed.success).toBe(false);
  });
});

describe('hashOf', () => {
  it('should hash the same request the same whatever the order of its lists', () => {
    expect(hashOf(body({ provinceCodes: ['51', '94'], roles: ['local_admin'] }))).toBe(
      hashOf(body({ roles: ['local_admin'], provinceCodes: ['94', '51'] })),
    );
  });

  it('should tell different requests apart', () => {
    expect(hashOf(body({ provinceCodes: ['51'] }))).not.toBe(
      hashOf(body({ provinceCodes: ['94'] })),
    );
    expect(hashOf(body({ roles: ['evaluator'] }))).not.toBe(
      hashOf({ ...body({ roles: ['evaluator'] }), mandatory: true }),
    );
  });
});
