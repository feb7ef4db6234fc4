import { deliveryFilterOf, listDeliveriesSchema } from './list-deliveries.use-case';

describe('delivery log query', () => {
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
