import { ApiClient } from '../api/client';
import {
  accessTokenFor,
  MemoryStorage,
  startTestServer,
  type TestServer,
} from '../testing/http-test-server';
import {
  SESSION_STORAGE_KEY,
  SessionStore,
  type LockManagerLike,
  type SessionState,
} from './session-store';

/** navigator.locks as a browser gives it to every tab: one holder at a time, in order. */
class SerialLocks implements LockManagerLike {
  private tail: Promise<unknown> = Promise.resolve();

  request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
    const run = this.tail.then(callback);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * Registration's refresh and logout as the portal meets them: refresh tokens work once and
 * rotate; presenting a used one revokes the whole session.
 */
function registration() {
  let generation = 0;
  const valid = new Set<string>(['refresh-0']);
  const used = new Set<string>();
  let revoked = false;
  return {
    handler: (request: { path: string; body: string }) => {
      const { refreshToken } = JSON.parse(request.body || '{}') as { refreshToken?: string };
      if (request.path === '/api/registration/sessions/logout') {
        revoked = true;
        return { status: 204 };
      }
      if (refreshToken && used.has(refreshToken)) {
        revoked = true;
        return {
          status: 401,
          body: { error: { code: 'REFRESH_TOKEN_REUSED', message: 'reused' } },
        };
      }
      if (revoked || !refreshToken || !valid.has(refreshToken)) {
        return {
          status: 401,
          body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'invalid' } },
        };
      }
      valid.delete(refreshToken);
      used.add(refreshToken);
      generation += 1;
      valid.add(`refresh-${generation}`);
      return {
        status: 200,
        body: {
          status: 'signed_in',
          accessToken: accessTokenFor({
            sub: 'acc-1',
            roles: ['unit_operator'],
            institutionId: 'inst_1',
            unitId: 'unit-1',
          }),
          accessTokenExpiresIn: 900,
          refreshToken: `refresh-${generation}`,
        },
      };
    },
    get revoked() {
      return revoked;
    },
  };
}

function stored(storage: Storage): unknown {
  const raw = storage.getItem(SESSION_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

describe('SessionStore', () => {
  let server: TestServer;
  let backend: ReturnType<typeof registration>;
  const stores: SessionStore[] = [];

  beforeAll(async () => {
    server = await startTestServer((request) => backend.handler(request));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    backend = registration();
    server.requests.length = 0;
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
  });

  const open = (storage: Storage, locks?: LockManagerLike) => {
    const store = new SessionStore({ api: new ApiClient({ baseUrl: server.url }), storage, locks });
    stores.push(store);
    return store;
  };

  const signedInStorage = () => {
    const storage = new MemoryStorage();
    storage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({
        refreshToken: 'refresh-0',
        userId: 'operator.bandung',
        secondFactor: false,
      }),
    );
    return storage;
  };

  it('should be signed out after restoring when nothing is stored', async () => {
    const store = open(new MemoryStorage());
    expect(store.getSnapshot().status).toBe('restoring');

    await store.restore();

    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: null });
    expect(server.requests).toHaveLength(0);
  });

  it('should restore a stored session with a new access token and keep the rotated refresh token', async () => {
    const storage = signedInStorage();
    const store = open(storage);

    await store.restore();

    const state = store.getSnapshot();
    expect(state).toMatchObject({
      status: 'signed-in',
      userId: 'operator.bandung',
      secondFactor: false,
      user: {
        accountId: 'acc-1',
        roles: ['unit_operator'],
        institutionId: 'inst_1',
        unitId: 'unit-1',
      },
    });
    expect(store.accessToken()).toMatch(/^ey/);
    expect(stored(storage)).toEqual({
      refreshToken: 'refresh-1',
      userId: 'operator.bandung',
      secondFactor: false,
    });
  });

  it('should send one refresh however many calls ask for it at once', async () => {
    const store = open(signedInStorage());

    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()]);

    expect(results).toEqual([true, true, true]);
    expect(server.requests).toHaveLength(1);
  });

  it('should never present a used refresh token when two tabs refresh at the same time', async () => {
    const storage = signedInStorage();
    const locks = new SerialLocks();
    const first = open(storage, locks);
    const second = open(storage, locks);

    const results = await Promise.all([first.refresh(), second.refresh()]);

    expect(results).toEqual([true, true]);
    expect(backend.revoked).toBe(false);
    expect(
      server.requests.map((r) => (JSON.parse(r.body) as { refreshToken: string }).refreshToken),
    ).toEqual(['refresh-0', 'refresh-1']);
    expect(stored(storage)).toMatchObject({ refreshToken: 'refresh-2' });
  });

  it('should sign out and forget the token when registration rejects it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ refreshToken: 'unknown', userId: 'x' }));
    const store = open(storage);
    const seen: SessionState[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));

    await store.restore();

    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'REFRESH_TOKEN_INVALID' });
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(seen.at(-1)?.status).toBe('signed-out');
  });

  it('should keep the stored session when the refresh fails for want of a network', async () => {
    const closed = await startTestServer(() => ({ status: 200 }));
    await closed.close();
    const storage = signedInStorage();
    const store = new SessionStore({ api: new ApiClient({ baseUrl: closed.url }), storage });
    stores.push(store);

    await store.restore();

    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'NETWORK_ERROR' });
    expect(stored(storage)).toMatchObject({ refreshToken: 'refresh-0' });
  });

  it('should keep a completed sign-in and end it on the server at sign-out', async () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    await store.restore();

    const accepted = store.completeSignIn(
      {
        accessToken: accessTokenFor({ sub: 'acc-9', roles: ['national_admin'] }),
        refreshToken: 'refresh-0',
      },
      { userId: 'admin', secondFactor: true },
    );

    expect(accepted).toBe(true);
    expect(store.getSnapshot()).toMatchObject({
      status: 'signed-in',
      userId: 'admin',
      secondFactor: true,
    });
    await store.signOut();
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: null });
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(server.requests.map((r) => [r.path, r.body])).toEqual([
      ['/api/registration/sessions/logout', JSON.stringify({ refreshToken: 'refresh-0' })],
    ]);
  });

  it('should refuse tokens that are not access tokens', async () => {
    const store = open(new MemoryStorage());
    await store.restore();

    expect(
      store.completeSignIn(
        { accessToken: 'not-a-jwt', refreshToken: 'r' },
        { userId: null, secondFactor: null },
      ),
    ).toBe(false);
    expect(store.getSnapshot().status).toBe('signed-out');
  });

  it('should sign out this tab when another tab signs out', async () => {
    const storage = signedInStorage();
    const events = new EventTarget();
    const store = new SessionStore({
      api: new ApiClient({ baseUrl: server.url }),
      storage,
      events,
    });
    stores.push(store);
    await store.restore();
    expect(store.getSnapshot().status).toBe('signed-in');

    storage.removeItem(SESSION_STORAGE_KEY);
    events.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY, newValue: null }));

    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: null });
    expect(store.accessToken()).toBeNull();
  });
});
