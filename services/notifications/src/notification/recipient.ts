import type { TimeZone } from '@kipp/contracts';
import type { Locale } from './contract-types';

/** Someone a message goes to, with what rendering needs. */
export interface Recipient {
  /** null for people without an account yet (e.g. a proposed local admin): email only. */
  readonly accountId: string | null;
  readonly email: string;
  readonly name: string;
  readonly locale: Locale;
  readonly timeZone: TimeZone;
}

/** The part of a message id that names its recipient. */
export function recipientKeyOf(recipient: Pick<Recipient, 'accountId' | 'email'>): string {
  return recipient.accountId ?? `email:${recipient.email.toLowerCase()}`;
}

/** One message per (notice, recipient, channel): the id is the at-most-once guarantee. */
export function messageIdOf(noticeId: string, recipientKey: string, channel: string): string {
  return `${noticeId}:${recipientKey}:${channel}`;
}
