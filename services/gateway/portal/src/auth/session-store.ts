import { ApiError } from '../api/api-error';
import type { ApiClient, TokenSource } from '../api/client';
import { readAccessToken, type SessionUser } from './access-token';

/** localStorage key of the refresh token (and the user id it was issued to). */
export const SESSION_STORAGE_KEY = 'kipp.session';
/** The Web Lock that serialises refreshes across the browser's tabs. */
export const REFRESH_LOCK_NAME = 'kipp.session.refresh';

export const SESSION_ROUTES = {
  refresh: '/api/registration/sessions/refresh',
  logout: '/api/registration/sessions/logout',
} as const;

/** The tokens a completed sign-in or a refresh returns. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export type SessionState =
  | { readonly status: 'restoring' }
  | { readonly status: 'signed-out'; readonly reason: string | null }
  | {
      readonly status: 'signed-in';
      readonly user: SessionUser;
      /** The user id typed at sign-in (tokens carry only the account id). */
      readonly userId: string | null;
      /** Whether the account has a second factor on, as far as this browser saw; null if unknown. */
      readonly secondFactor: boolean | null;
    };

/** What a sign-in learnt besides the tokens. */
export interface SignInFacts {
  readonly userId: string | null;
  readonly secondFactor: boolean | null;
}

interface StoredSession extends SignInFacts {
  readonly refreshToken: string;
}

/** The part of `navigator.locks` used here, so tests and old browsers can do without. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SessionStoreOptions {
  /** A client without a token source: refresh and logout are public routes. */
  readonly api: ApiClient;
  readonly storage?: Storage | undefined;
  readonly locks?: LockManagerLike | undefined;
  /** Where `storage` events of other tabs arrive (the window). */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
}

function defaultLocks(): LockManagerLike | undefined {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return undefined;
  return {
    request: <T>(name: string, callback: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        // The lock is held until the callback's promise settles.
        locks.request(name, () => callback().then(resolve, reject)).catch(reject);
      }),
  };
}

/**
 * The signed-in session. The access token lives in memory only; the refresh token (which
 * registration rotates on every use and revokes the whole session for when a used one comes
 * back) is kept in localStorage so a reload or a second tab stays signed in. Refreshes are
 * serialised across tabs with a Web Lock, each reading the newest token first, so two tabs
 * never present the same token twice.
 */
export class SessionStore implements TokenSource {
  private state: SessionState = { status: 'restoring' };
  private token: string | null = null;
  private inflight: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  /** The stored session when there is no usable storage (the session then lasts as long as the page). */
  private memory: StoredSession | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly api: ApiClient;
  private readonly storage: Storage | undefined;
  private readonly locks: LockManagerLike | undefined;
  private readonly events: SessionStoreOptions['events'];

  constructor(options: SessionStoreOptions) {
    this.api = options.api;
    this.storage = options.storage;
    this.locks = options.locks ?? defaultLocks();
    this.events = options.events;
    this.events?.addEventListener('storage', this.onStorage);
  }

  dispose(): void {
    this.events?.removeEventListener('storage', this.onStorage);
    this.listeners.clear();
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  accessToken(): string | null {
    return this.token;
  }

  /** On start: a stored refresh token is turned into a fresh access token, else signed out. */
  restore(): Promise<void> {
    this.restoring ??= this.restoreNow();
    return this.restoring;
  }

  private async restoreNow(): Promise<void> {
    if (!this.read()) {
      this.set({ status: 'signed-out', reason: null });
      return;
    }
    await this.refresh();
    if (this.state.status === 'restoring') this.set({ status: 'signed-out', reason: null });
  }

  /** Called with the tokens the last sign-in step returned. */
  completeSignIn(tokens: IssuedTokens, facts: SignInFacts): boolean {
    const user = readAccessToken(tokens.accessToken);
    if (!user) return false;
    this.write({ refreshToken: tokens.refreshToken, ...facts });
    this.token = tokens.accessToken;
    this.set({ status: 'signed-in', user, ...facts });
    return true;
  }

  /**
   * The refresh token of this session, for a call that asks registration to keep this
   * session while it ends the others (a password change in the profile).
   */
  currentRefreshToken(): string | null {
    return this.read()?.refreshToken ?? null;
  }

  /** Records a second factor turned on or off in the profile. */
  setSecondFactor(enabled: boolean): void {
    const stored = this.read();
    if (stored) this.write({ ...stored, secondFactor: enabled });
    if (this.state.status === 'signed-in') this.set({ ...this.state, secondFactor: enabled });
  }

  /** Renews the access token once, however many calls ask at the same time. */
  refresh(): Promise<boolean> {
    this.inflight ??= this.withLock(() => this.refreshNow()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Ends the session on the server (best effort) and here, in every tab. */
  async signOut(): Promise<void> {
    const stored = this.read();
    this.clear(null);
    if (!stored) return;
    try {
      await this.api.post(
        SESSION_ROUTES.logout,
        { refreshToken: stored.refreshToken },
        { auth: false },
      );
    } catch {
      // The tokens are gone from this browser either way; the refresh token expires on its own.
    }
  }

  private async refreshNow(): Promise<boolean> {
    const stored = this.read();
    if (!stored) {
      this.clear(this.state.status === 'signed-in' ? 'AUTH_TOKEN_EXPIRED' : null);
      return false;
    }
    let tokens: IssuedTokens;
    try {
      tokens = await this.api.post<IssuedTokens>(
        SESSION_ROUTES.refresh,
        { refreshToken: stored.refreshToken },
        { auth: false },
      );
    } catch (error) {
      // A rejected token ends the session; a network failure leaves it for the next try.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        this.clear(error.code);
      } else if (this.state.status === 'restoring') {
        this.set({ status: 'signed-out', reason: error instanceof ApiError ? error.code : null });
      }
      return false;
    }
    return this.completeSignIn(tokens, {
      userId: stored.userId,
      secondFactor: stored.secondFactor,
    });
  }

  private withLock(action: () => Promise<boolean>): Promise<boolean> {
    return this.locks ? this.locks.request(REFRESH_LOCK_NAME, action) : action();
  }

  private clear(reason: string | null, forget = true): void {
    if (forget) this.remove();
    this.token = null;
    this.set({ status: 'signed-out', reason });
  }

  private readonly onStorage = (event: StorageEvent): void => {
    // Another tab signed out: so does this one.
    if (event.key === SESSION_STORAGE_KEY && event.newValue === null && this.token !== null) {
      this.clear(null, false);
    }
  };

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private read(): StoredSession | null {
    if (!this.storage) return this.memory;
    try {
      const raw = this.storage.getItem(SESSION_STORAGE_KEY);
      if (!raw) return null;
      const value: unknown = JSON.parse(raw);
      if (
        typeof value === 'object' &&
        value !== null &&
        'refreshToken' in value &&
        typeof value.refreshToken === 'string'
      ) {
        const userId = 'userId' in value && typeof value.userId === 'string' ? value.userId : null;
        const secondFactor =
          'secondFactor' in value && typeof value.secondFactor === 'boolean'
            ? value.secondFactor
            : null;
        return { refreshToken: value.refreshToken, userId, secondFactor };
      }
    } catch {
      return this.memory;
    }
    return null;
  }

  private write(session: StoredSession): void {
    this.memory = session;
    try {
      this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Kept in memory only: the session lasts as long as the page.
    }
  }

  private remove(): void {
    this.memory = null;
    try {
      this.storage?.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // nothing stored
    }
  }
}
