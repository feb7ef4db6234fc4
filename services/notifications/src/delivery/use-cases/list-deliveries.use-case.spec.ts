import { ValidationError } from '@kipp/service-kit';
import {
  decodeCursor,
  deliveryFilterOf,
  encodeCursor,
  listDeliveriesSchema,
} from './list-deliveries.use-case';

describe('delivery log query', () => {
  it('should give back the row a cursor was made from when decoded', () => {
    const cursor = encodeCursor({
      createdAt: '2027-03-22T03:20:00.000Z',
      id: 'evt-1:acct-1:email',
    });
    expect(decodeCursor(cursor)).toEqual({
      createdAt: new Date('2027-03-22T03:20:00.000Z'),
      id: 'evt-1:acct-1:email',
    });
  });

  it('should refuse a cursor the API did not make', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(ValidationError);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect(() => decodeCursor(forged)).toThrow(ValidationError);
  });

  it('should turn every filter into its field when all are given', () => {
    const input = listDeliveriesSchema.parse({
      status: 'failed',
      channel: 'email',
      template: 'proposal.returned',
      accountId: 'acct-1',
      email: ' Siti@Bandung.go.id ',
      noticeId: 'evt-1',
      editionId: 'ed-1',
      proposalId: 'prop-1',
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-04-01T00:00:00.000Z',
    });
    expect(input.limit).toBe(50);
    expect(deliveryFilterOf(input)).toEqual({
      status: 'failed',
      channel: 'email',
      template: 'proposal.returned',
      'recipient.accountId': 'acct-1',
      'recipient.email': 'siti@bandung.go.id',
      noticeId: 'evt-1',
      'refs.editionId': 'ed-1',
      'refs.proposalId': 'prop-1',
      createdAt: {
        $gte: new Date('2027-03-01T00:00:00.000Z'),
        $lt: new Date('2027-04-01T00:00:00.000Z'),
      },
    });
  });

  it('should reject an unknown template or status', () => {
    expect(listDeliveriesSchema.safeParse({ template: 'nope' }).success).toBe(false);
    expect(listDeliveriesSchema.safeParse({ status: 'lost' }).success).toBe(false);
  });
});
