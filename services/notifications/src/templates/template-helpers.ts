import type Handlebars from 'handlebars';
import { TIME_ZONES, type TimeZone } from '@kipp/contracts';
import type { Locale } from '../notification/contract-types';
import {
  CHECK_LABELS,
  formatInstant,
  formatList,
  formatNumber,
  formatThreshold,
  labelOf,
  ROLE_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
} from './template-format';

/** What every template is rendered with besides its parameters (Handlebars `@data`). */
export interface RenderData {
  readonly locale: Locale;
  readonly timeZone: TimeZone;
}

function renderDataOf(options: Handlebars.HelperOptions): RenderData {
  const data: unknown = options.data;
  if (typeof data === 'object' && data !== null && 'locale' in data && 'timeZone' in data) {
    const { locale, timeZone } = data;
    if ((locale === 'id' || locale === 'en') && TIME_ZONES.includes(timeZone as TimeZone)) {
      return { locale, timeZone: timeZone as TimeZone };
    }
  }
  throw new TypeError('rendered without a locale and time zone');
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be text, got ${String(value)}`);
  return value;
}

function texts(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be a list`);
  return value.map((item) => text(item, what));
}

/**
 * The helpers templates use. Every helper takes its values and the Handlebars options last;
 * a wrong value throws (the renderer turns that into an unrenderable message).
 */
export function registerTemplateHelpers(env: typeof Handlebars): void {
  /** An instant in the recipient's time zone: `{{time closesAt}}`. */
  env.registerHelper('time', (iso: unknown, options: Handlebars.HelperOptions) => {
    const { locale, timeZone } = renderDataOf(options);
    return formatInstant(text(iso, 'an instant'), locale, timeZone);
  });
  /** A threshold such as `7d` in words: `{{within threshold}}`. */
  env.registerHelper('within', (threshold: unknown, options: Handlebars.HelperOptions) =>
    formatThreshold(text(threshold, 'a threshold'), renderDataOf(options).locale),
  );
  /** A proposal by its title in quotes, or by its id while the title is unknown. */
  env.registerHelper('proposal', (title: unknown, proposalId: unknown) => {
    return typeof title === 'string' && title.trim() !== ''
      ? `“${title}”`
      : text(proposalId, 'a proposal id');
  });
  env.registerHelper('number', (value: unknown, options: Handlebars.HelperOptions) => {
    if (typeof value !== 'number') throw new TypeError(`not a number: ${String(value)}`);
    return formatNumber(value, renderDataOf(options).locale);
  });
  /** `{{plural count "file" "files"}}` → "1 file", "3 files" (English only needs it). */
  env.registerHelper(
    'plural',
    (count: unknown, one: unknown, many: unknown, options: Handlebars.HelperOptions) => {
      if (typeof count !== 'number') throw new TypeError(`not a count: ${String(count)}`);
      const noun = count === 1 ? text(one, 'a noun') : text(many, 'a noun');
      return `${formatNumber(count, renderDataOf(options).locale)} ${noun}`;
    },
  );
  env.registerHelper('roleNames', (roles: unknown, options: Handlebars.HelperOptions) => {
    const { locale } = renderDataOf(options);
    return formatList(
      texts(roles, 'roleNames').map((role) => labelOf(ROLE_LABELS, role, locale)),
      locale,
    );
  });
  env.registerHelper('tierName', (tier: unknown, options: Handlebars.HelperOptions) =>
    labelOf(TIER_LABELS, text(tier, 'a tier'), renderDataOf(options).locale),
  );
  env.registerHelper('tierNames', (tiers: unknown, options: Handlebars.HelperOptions) => {
    const { locale } = renderDataOf(options);
    return formatList(
      texts(tiers, 'tierNames').map((tier) => labelOf(TIER_LABELS, tier, locale)),
      locale,
    );
  });
  env.registerHelper('stageName', (stage: unknown, options: Handlebars.HelperOptions) =>
    labelOf(STAGE_LABELS, text(stage, 'a stage'), renderDataOf(options).locale),
  );
  env.registerHelper('checkName', (check: unknown, options: Handlebars.HelperOptions) =>
    labelOf(CHECK_LABELS, text(check, 'a check'), renderDataOf(options).locale),
  );
  /** An edition by its name, or "KIPP" while the name is unknown. */
  env.registerHelper('edition', (name: unknown) => {
    return typeof name === 'string' && name.trim() !== '' ? name : 'KIPP';
  });
  env.registerHelper('count', (items: unknown) => {
    if (!Array.isArray(items)) throw new TypeError('can only count a list');
    return items.length;
  });
  env.registerHelper('eq', (left: unknown, right: unknown) => left === right);
  /** Whether a value is there (0 and false are): `{{#if (isSet score)}}`. */
  env.registerHelper('isSet', (value: unknown) => value !== null && value !== undefined);
}
