/** What a failed send means for the message. */
export interface SmtpFailure {
  /** A refusal that another attempt would not change (5xx reply). */
  readonly permanent: boolean;
  readonly description: string;
}

interface NodemailerError {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
}

/**
 * Sorts a nodemailer error: a 5xx reply (recipient refused, message refused) is permanent;
 * a 4xx reply, a refused or dropped connection or a timeout is transient.
 */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const message = error instanceof Error ? error.message : String(error);
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  const code = typeof failure.code === 'string' ? failure.code : null;
  const description = [code, responseCode, message].filter((part) => part !== null).join(' ');
  return { permanent: responseCode !== null && responseCode >= 500, description };
}
