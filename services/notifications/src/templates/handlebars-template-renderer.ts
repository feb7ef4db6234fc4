import Handlebars from 'handlebars';
import { unseal, type SealingKey } from '@kipp/service-kit';
import {
  TEMPLATES,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateParams,
} from '../notification/catalogue';
import type { Locale, SealedSecretPayload } from '../notification/contract-types';
import { CATEGORY_REASONS, HTML_LAYOUT, LAYOUT_PHRASES, TEXT_LAYOUT } from './layout.templates';
import { TEMPLATE_DEFINITIONS } from './template-definitions';
import { registerTemplateHelpers, type RenderData } from './template-helpers';
import { bodyToHtml, escapeAttribute, tidyText } from './template-markup';
import { TemplateRenderer, type RenderContext, type RenderedMessage } from './template-renderer';
import type { LinkBuilder, TemplateDefinition } from './template-source';
import { UnrenderableMessageError } from './template.errors';

export interface HandlebarsTemplateRendererOptions {
  /** The portal's base URL, e.g. `https://kipp.menpan.go.id`. */
  readonly portalUrl: string;
  /** Keys that open the password-reset links registration seals. */
  readonly resetSealingKeys: readonly SealingKey[];
}

type Compiled = Handlebars.TemplateDelegate;

interface CompiledText {
  readonly subject: Compiled;
  readonly text: Compiled;
  readonly html: Compiled;
  readonly action: string;
}

/**
 * Renders the catalogue's templates with Handlebars. Every template is compiled once, at
 * construction, in strict mode (a missing parameter throws): the plain-text variant with
 * `noEscape`, the HTML variant escaped. Both are wrapped in their layout.
 */
export class HandlebarsTemplateRenderer extends TemplateRenderer {
  private readonly portalBase: string;
  private readonly compiled: ReadonlyMap<TemplateId, Readonly<Record<Locale, CompiledText>>>;
  private readonly textLayout: Compiled;
  private readonly htmlLayout: Compiled;
  private readonly links: LinkBuilder;

  constructor(private readonly options: HandlebarsTemplateRendererOptions) {
    super();
    this.portalBase = options.portalUrl.replace(/\/+$/, '');
    const text = createEnvironment('text');
    const html = createEnvironment('html');
    const compile = (env: typeof Handlebars, source: string): Compiled => {
      env.parse(source); // a syntax error stops the start, not the first message
      return forceCompile(env.compile(source, { strict: true, noEscape: env === text }));
    };

    this.compiled = new Map(
      TEMPLATE_IDS.map((id) => {
        const { texts } = TEMPLATE_DEFINITIONS[id];
        const byLocale = (locale: Locale): CompiledText => ({
          subject: compile(text, texts[locale].subject),
          text: compile(text, texts[locale].body),
          html: compile(html, texts[locale].body),
          action: texts[locale].action,
        });
        return [id, { id: byLocale('id'), en: byLocale('en') }];
      }),
    );
    this.textLayout = compile(text, TEXT_LAYOUT);
    this.htmlLayout = compile(html, HTML_LAYOUT);
    this.links = {
      portal: (segments, query) => this.portalLink(segments, query),
      resetLink: (sealed) => this.openResetLink(sealed),
    };
  }

  override render<T extends TemplateId>(
    template: T,
    params: TemplateParams[T],
    context: RenderContext,
  ): RenderedMessage {
    try {
      // Params are data: plain JSON, so that Handlebars sees own properties only (a document
      // object from the database would hide its fields behind prototype getters).
      const plain = JSON.parse(JSON.stringify(params)) as TemplateParams[T];
      return this.renderOrThrow(template, plain, context);
    } catch (error) {
      if (error instanceof UnrenderableMessageError) throw error;
      throw new UnrenderableMessageError(
        template,
        error instanceof Error ? error.message : String(error),
        { cause: error },
      );
    }
  }

  private renderOrThrow<T extends TemplateId>(
    template: T,
    params: TemplateParams[T],
    context: RenderContext,
  ): RenderedMessage {
    const definition = TEMPLATE_DEFINITIONS[template] as TemplateDefinition<T>;
    const compiled = this.compiled.get(template)?.[context.locale];
    if (!compiled) throw new UnrenderableMessageError(template, `no ${context.locale} template`);
    const data: RenderData = { locale: context.locale, timeZone: context.timeZone };
    const options = { data };

    const link = definition.link(params, this.links, context);
    const subject = compiled.subject(params, options).replace(/\s+/g, ' ').trim();
    const meta = TEMPLATES[template];
    const layout = {
      locale: context.locale,
      phrases: LAYOUT_PHRASES[context.locale],
      subject,
      recipientName: context.recipientName,
      link,
      action: compiled.action,
      ackLink:
        context.requiresAck && context.inboxMessageId
          ? this.portalLink(['inbox', context.inboxMessageId])
          : null,
      reason: CATEGORY_REASONS[meta.category][context.locale],
      settingsNote: settingsNoteOf(template, context),
      preferencesUrl: this.portalLink(['settings', 'notifications']),
    };
    const text = this.textLayout(
      { ...layout, body: tidyText(compiled.text(params, options)) },
      options,
    );
    const html = this.htmlLayout(
      { ...layout, body: bodyToHtml(tidyText(compiled.html(params, options))) },
      options,
    );
    return { subject, text: tidyText(text) + '\n', html, link };
  }

  private portalLink(
    segments: readonly string[],
    query?: Readonly<Record<string, string>>,
  ): string {
    const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
    const search = query ? new URLSearchParams(query).toString() : '';
    return `${this.portalBase}/${path}${search ? `?${search}` : ''}`;
  }

  private openResetLink(sealed: SealedSecretPayload): string {
    let link: string;
    try {
      link = unseal(sealed, this.options.resetSealingKeys);
    } catch (error) {
      throw new UnrenderableMessageError(
        'account.password-reset',
        'the sealed reset link does not open',
        { cause: error },
      );
    }
    if (!URL.canParse(link) || !/^https?:$/.test(new URL(link).protocol)) {
      throw new UnrenderableMessageError(
        'account.password-reset',
        'the sealed reset link is not an http(s) URL',
      );
    }
    return link;
  }
}

/** The footer's second sentence: why the message cannot be turned off, or where it can. */
function settingsNoteOf(template: TemplateId, context: RenderContext): string {
  const phrases = LAYOUT_PHRASES[context.locale];
  if (TEMPLATES[template].category === 'digest') return phrases.digest;
  return (context.mandatory ?? TEMPLATES[template].mandatory) ? phrases.mandatory : phrases.optOut;
}

function createEnvironment(kind: 'text' | 'html'): typeof Handlebars {
  const env = Handlebars.create();
  registerTemplateHelpers(env);
  // Links in attributes: escaped for HTML, but without Handlebars' `=` and backtick entities.
  env.registerHelper('url', (value: unknown) => {
    if (typeof value !== 'string') throw new TypeError(`not a link: ${String(value)}`);
    return kind === 'html' ? new env.SafeString(escapeAttribute(value)) : value;
  });
  return env;
}

/** Handlebars compiles on first use; a first use with no parameters compiles it now. */
function forceCompile(template: Compiled): Compiled {
  try {
    template({}, { data: { locale: 'en', timeZone: 'WIB' } });
  } catch {
    // Strict mode throws for the missing parameters, once compiled: expected.
  }
  return template;
}
