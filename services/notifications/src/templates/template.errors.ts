import type { TemplateId } from '../notification/catalogue';

/**
 * A message that can never be rendered: a password-reset seal that does not open, a missing
 * or malformed parameter. Retrying cannot help, so the dispatcher fails the message for good.
 */
export class UnrenderableMessageError extends Error {
  override readonly name = 'UnrenderableMessageError';

  constructor(
    readonly template: TemplateId,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot render ${template}: ${reason}`, options);
  }
}
