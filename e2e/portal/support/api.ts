import { call, type SignedIn } from '../../support/portal-client';
import type { ServiceProcess } from '../../support/service-process';
import type { Person } from './people';

interface SignInStep {
  status: 'signed_in' | 'password_change_required' | 'totp_enrolment_required' | 'totp_required';
  challenge?: string;
  accessToken?: string;
  refreshToken?: string;
}

/**
 * Signs `person` in through registration's API, for the steps a scenario arranges rather than
 * tests (a person who has done the first sign-in already: password, and the code of the
 * authenticator the portal enrolled). Shares the person's authenticator with the browser, so
 * no time step is used twice.
 */
export async function signInByApi(registration: ServiceProcess, person: Person): Promise<SignedIn> {
  let step = await call<SignInStep>(registration, 'POST', '/sessions', {
    body: { userId: person.userId, password: person.password },
  });
  if (step.status === 'totp_required') {
    if (!person.authenticator) throw new Error(`${person.userId} has no authenticator`);
    step = await call<SignInStep>(registration, 'POST', '/sessions/totp', {
      body: { challenge: step.challenge, code: await person.authenticator.code() },
    });
  }
  if (step.status !== 'signed_in') {
    throw new Error(`${person.userId} is not past the first sign-in (${step.status})`);
  }
  return {
    accessToken: step.accessToken!,
    refreshToken: step.refreshToken!,
    headers: { authorization: `Bearer ${step.accessToken!}` },
  };
}
