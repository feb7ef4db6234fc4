import { decideLocalAdminRequestSchema } from './decide-local-admin-request.use-case';

describe('decideLocalAdminRequestSchema', () => {
  it('should require a reason for a rejection only', () => {
    expect(decideLocalAdminRequestSchema.safeParse({ decision: 'rejected' }).success).toBe(false);
    expect(
      decideLocalAdminRequestSchema.safeParse({ decision: 'rejected', reason: '  ' }).success,
    ).toBe(false);
    expect(
      decideLocalAdminRequestSchema.parse({ decision: 'rejected', reason: 'Belum ditandatangani' }),
    ).toEqual({ decision: 'rejected', reason: 'Belum ditandatangani' });
    expect(decideLocalAdminRequestSchema.parse({ decision: 'approved' })).toEqual({
      decision: 'approved',
      reason: null,
    });
  });
});
