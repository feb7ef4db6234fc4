import {
  fireRush,
  publishRushEdition,
  seedSubmittedProposals,
  startRushEnvironment,
  verifyRush,
  type RushEnvironment,
} from '../bench/deadline-rush';

describe('submissions service: the deadline rush', () => {
  let env: RushEnvironment;

  beforeAll(async () => {
    env = await startRushEnvironment();
  });

  afterAll(async () => {
    await env.dispose();
  });

  it('should lose no acknowledged forward when many local admins forward at once', async () => {
    const editionId = await publishRushEdition(env, new Date(Date.now() + 10 * 60_000), 2);
    const targets = await seedSubmittedProposals(env, editionId, 20, 2);

    const results = await fireRush(env, targets, { concurrency: 16 });

    expect(results).toHaveLength(targets.length);
    for (const result of results) {
      expect([200, 409]).toContain(result.status);
      if (result.status === 409) expect(result.code).toBe('QUOTA_EXCEEDED');
    }
    const report = await verifyRush(env, results);
    expect(report).toEqual({
      acknowledged: results.filter((r) => r.status === 200).length,
      lostInDatabase: [],
      lostOnBroker: [],
      duplicatedOnBroker: [],
      halfWritten: [],
    });
    expect(report.acknowledged).toBeGreaterThan(0);
  });

  it('should forward everything answered before the close and refuse everything sent after it when the close falls during the rush', async () => {
    const closesAt = new Date(Date.now() + 15_000);
    const editionId = await publishRushEdition(env, closesAt, 3);
    const targets = await seedSubmittedProposals(env, editionId, 20, 3);
    // Start the rush a couple of seconds before the close, paced so that it straddles it.
    await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() - Date.now() - 2_000));

    const results = await fireRush(env, targets, { concurrency: 4, paceMs: 250 });

    const before = results.filter((r) => r.answeredAt < closesAt.getTime());
    const after = results.filter((r) => r.sentAt >= closesAt.getTime());
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    for (const result of before) expect(result.status).toBe(200);
    for (const result of after) {
      expect(result).toMatchObject({ status: 409, code: 'SUBMISSION_CLOSED' });
    }
    // Requests in flight at the close may go either way, but only these two ways.
    for (const result of results) {
      expect(result.status === 200 || result.code === 'SUBMISSION_CLOSED').toBe(true);
    }
    const report = await verifyRush(env, results);
    expect(report).toMatchObject({
      lostInDatabase: [],
      lostOnBroker: [],
      duplicatedOnBroker: [],
      halfWritten: [],
    });
    expect(report.acknowledged).toBe(results.filter((r) => r.status === 200).length);
  });
});
