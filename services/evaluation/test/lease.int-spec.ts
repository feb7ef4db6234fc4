import { eventually } from '@kipp/testing';
import { LEASE_MODEL, type Lease } from '../src/lease/lease.schema';
import { LeaseService } from '../src/lease/lease.service';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

describe('leases over recomputations', () => {
  let app: EvaluationTestApp;
  let leases: LeaseService;

  beforeAll(async () => {
    app = await startEvaluationApp();
    leases = app.app.get(LeaseService);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a second computation in the same process while the first holds the lease', async () => {
    const first = await leases.acquire('ranking:ed_same_process');
    const second = await leases.acquire('ranking:ed_same_process');

    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await leases.assertHeld(first!);
  });

  it('should let one of two replicas compute at a time, and the other after release', async () => {
    const replica = await app.startReplica();
    const other = replica.app.get(LeaseService);
    const started: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));

    const running = leases.runExclusive('assignment:ed_race', async () => {
      started.push('first');
      await held;
    });
    await eventually(() => expect(started).toEqual(['first']));
    const refused = await other.runExclusive('assignment:ed_race', () => {
      started.push('second');
      return Promise.resolve();
    });
    release();
    await running;
    const after = await other.runExclusive('assignment:ed_race', () => {
      started.push('third');
      return Promise.resolve();
    });

    expect(refused).toEqual({ ran: false });
    expect(after).toEqual({ ran: true, result: undefined });
    expect(started).toEqual(['first', 'third']);
  });

  it('should fence an expired holder out once another has taken the lease over', async () => {
    const stale = await leases.acquire('calibration:ed_fence', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await leases.acquire('calibration:ed_fence');

    expect(fresh!.token).toBeGreaterThan(stale!.token);
    await expect(leases.assertHeld(stale!)).rejects.toMatchObject({ code: 'LEASE_LOST' });
    await leases.assertHeld(fresh!);
    const stored = await app.model<Lease>(LEASE_MODEL).findById('calibration:ed_fence').lean();
    expect(stored).toMatchObject({ holder: fresh!.holder, token: fresh!.token });
  });
});
