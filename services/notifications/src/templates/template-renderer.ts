import type { TimeZone } from '@kipp/contracts';
import type { TemplateId, TemplateParams } from '../notification/catalogue';
import type { Locale } from '../notification/contract-types';

export interface RenderContext {
  readonly locale: Locale;
  readonly timeZone: TimeZone;
  readonly recipientName: string;
  /** The message's inbox copy, for the acknowledgement link; null when there is none. */
  readonly inboxMessageId: string | null;
  readonly requiresAck: boolean;
  /**
   * Whether the message goes whatever the recipient's preferences (the footer says so);
   * defaults to the catalogue's flag. A broadcast brings its own.
   */
  readonly mandatory?: boolean;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The portal page the message points to (absolute URL), if any. */
  readonly link: string | null;
}

export { UnrenderableMessageError } from './template.errors';

/** Renders a template in the recipient's language and time zone, as plain text and HTML. */
export abstract class TemplateRenderer {
  /** Throws `UnrenderableMessageError` when the message can never be rendered (do not retry). */
  abstract render<T extends TemplateId>(
    template: T,
    params: TemplateParams[T],
    context: RenderContext,
  ): RenderedMessage;
}
