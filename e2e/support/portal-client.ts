import { Authenticator } from './authenticator';
import type { ServiceProcess } from './service-process';

export interface SignedIn {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly headers: Record<string, string>;
}

interface SignInStep {
  status: 'signed_in' | 'password_change_required' | 'totp_enrolment_required' | 'totp_required';
  challenge?: string;
  accessToken?: string;
  refreshToken?: string;
}

/** JSON over HTTP, failing loudly on an unexpected status. */
export async function call<T>(
  service: ServiceProcess,
  method: string,
  route: string,
  {
    body,
    headers = {},
    expect = [200, 201, 202, 204],
  }: { body?: unknown; headers?: Record<string, string>; expect?: number[] } = {},
): Promise<T> {
  const response = await service.fetch(route, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) {
    throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Signs in as a person would through the portal: the first sign-in changes the initial
 * password, and roles that need a second factor enrol an authenticator (whose codes this
 * client computes, like the app on the person's phone).
 */
export class PortalClient {
  private authenticator: Authenticator | undefined;

  constructor(
    private readonly registration: ServiceProcess,
    readonly userId: string,
    private password: string,
  ) {}

  async signIn(newPassword?: string): Promise<SignedIn> {
    let step = await call<SignInStep>(this.registration, 'POST', '/sessions', {
      body: { userId: this.userId, password: this.password },
    });
    for (let guard = 0; guard < 5; guard += 1) {
      switch (step.status) {
        case 'signed_in':
          return {
            accessToken: step.accessToken!,
            refreshToken: step.refreshToken!,
            headers: { authorization: `Bearer ${step.accessToken!}` },
          };
        case 'password_change_required': {
          if (!newPassword) throw new Error('a new password is required');
          step = await call<SignInStep>(this.registration, 'POST', '/sessions/password-change', {
            body: { challenge: step.challenge, newPassword },
          });
          this.password = newPassword;
          break;
        }
        case 'totp_enrolment_required': {
          const offer = await call<{ secret: string }>(
            this.registration,
            'POST',
            '/sessions/totp/enrolment',
            {
              body: { challenge: step.challenge },
            },
          );
          this.authenticator = new Authenticator(offer.secret);
          step = await call<SignInStep>(
            this.registration,
            'POST',
            '/sessions/totp/enrolment/confirm',
            {
              body: { challenge: step.challenge, code: await this.nextCode() },
            },
          );
          break;
        }
        case 'totp_required':
          step = await call<SignInStep>(this.registration, 'POST', '/sessions/totp', {
            body: { challenge: step.challenge, code: await this.nextCode() },
          });
          break;
      }
    }
    throw new Error(`sign-in of ${this.userId} did not finish`);
  }

  private nextCode(): Promise<string> {
    if (!this.authenticator) throw new Error('no authenticator enrolled');
    return this.authenticator.code();
  }
}
