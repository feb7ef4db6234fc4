import type { TemplateId, TemplateParams } from '../notification/catalogue';
import type { Locale, SealedSecretPayload } from '../notification/contract-types';
import type { RenderContext } from './template-renderer';

/**
 * One template in one language, as Handlebars sources. The body is written once and compiled
 * twice: as plain text (no escaping) and as HTML (escaped). Blank lines separate paragraphs; a
 * paragraph whose lines all start with "- " is a list.
 */
export interface TemplateText {
  readonly subject: string;
  readonly body: string;
  /** The label of the link to the portal (the HTML button). */
  readonly action: string;
}

/** Builds the absolute links messages carry. */
export interface LinkBuilder {
  /** `${PORTAL_URL}/segment/segment?key=value`, each part URL-encoded. */
  portal(segments: readonly string[], query?: Readonly<Record<string, string>>): string;
  /** Opens a sealed password-reset link; throws `UnrenderableMessageError` if it will not open. */
  resetLink(sealed: SealedSecretPayload): string;
}

export type TemplateTexts = Readonly<Record<Locale, TemplateText>>;

export interface TemplateDefinition<T extends TemplateId> {
  /** The absolute portal link the message points to, if any. */
  readonly link: (
    params: TemplateParams[T],
    links: LinkBuilder,
    context: RenderContext,
  ) => string | null;
  readonly texts: TemplateTexts;
}

export type TemplateDefinitions<K extends TemplateId> = {
  readonly [T in K]: TemplateDefinition<T>;
};
