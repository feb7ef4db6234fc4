import type { EventDescriptor } from './descriptor';
import { InstitutionRegisteredV1 } from './registration/institution-registered.v1';
import { SigningKeyPublishedV1 } from './registration/signing-key-published.v1';

/** Every event version the platform knows, for catalogue tests and tooling. */
export const ALL_EVENTS: readonly EventDescriptor[] = [
  InstitutionRegisteredV1,
  SigningKeyPublishedV1,
];
