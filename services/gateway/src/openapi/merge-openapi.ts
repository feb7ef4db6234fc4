import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

type JsonObject = Record<string, unknown>;

const securityRequirementsSchema = z.array(z.record(z.string(), z.array(z.string())));
type SecurityRequirements = z.infer<typeof securityRequirementsSchema>;

/** What the gateway needs of a service's `/docs-json`; everything else is kept as it is. */
export const serviceOpenApiSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  tags: z.array(z.looseObject({ name: z.string() })).optional(),
  security: securityRequirementsSchema.optional(),
});
export type ServiceOpenApi = z.infer<typeof serviceOpenApiSchema>;

export interface AggregatedOpenApi {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, JsonObject>;
  components: Record<string, JsonObject>;
  tags: (JsonObject & { name: string })[];
  /** Services whose document could not be fetched this time; their routes are missing. */
  'x-unavailable-services': string[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Probes and the service's own documentation are not part of the public API. */
function isInternalPath(path: string): boolean {
  return /^\/(health|docs)(\/|-json|-yaml|$)/.test(path);
}

/** A component name as it appears in a JSON pointer (RFC 6901). */
function pointerToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Copies a JSON value, rewriting every `$ref` string through `rename`. */
function rewriteRefs(value: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rename));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? rename(item) : rewriteRefs(item, rename),
    ]),
  );
}

/** Renames `#/components/<kind>/<name>[/…]` references to the service's prefixed names. */
function componentRefRenamer(service: string, components: ServiceOpenApi['components']) {
  const renames = new Map<string, string>();
  for (const [kind, entries] of Object.entries(components ?? {})) {
    if (kind === 'securitySchemes') continue; // named by security requirements, not $ref
    for (const name of Object.keys(entries)) {
      renames.set(
        `#/components/${kind}/${pointerToken(name)}`,
        `#/components/${kind}/${pointerToken(`${service}.${name}`)}`,
      );
    }
  }
  return (ref: string): string => {
    const match = /^(#\/components\/[^/]+\/[^/]+)(\/.*)?$/.exec(ref);
    const renamed = match?.[1] === undefined ? undefined : renames.get(match[1]);
    return renamed === undefined ? ref : `${renamed}${match?.[2] ?? ''}`;
  };
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

/**
 * One OpenAPI document for the whole platform, as the gateway serves it: each service's
 * paths under `/api/<service>`, its tags as `<service>/<tag>` (untagged operations under
 * `<service>`), its operation ids as `<service>_<id>`, its components as
 * `<service>.<name>` with every reference rewritten, and security schemes merged when two
 * services define the same one (they all use one bearer token). Services that could not
 * be read are listed in `x-unavailable-services`.
 */
export function mergeOpenApi(input: {
  readonly title: string;
  readonly version: string;
  readonly documents: readonly { readonly service: string; readonly document: ServiceOpenApi }[];
  readonly unavailable: readonly string[];
}): AggregatedOpenApi {
  const merged: AggregatedOpenApi = {
    openapi: input.documents[0]?.document.openapi ?? '3.0.0',
    info: {
      title: input.title,
      version: input.version,
      description:
        'Every service of the platform through the gateway: `/api/<service>/…`. Each service ' +
        'verifies the bearer token itself.',
    },
    paths: {},
    components: {},
    tags: [],
    'x-unavailable-services': [...input.unavailable].sort(),
  };
  const schemes: JsonObject = {};
  const tagNames = new Set<string>();
  const addTag = (tag: JsonObject & { name: string }) => {
    if (tagNames.has(tag.name)) return;
    tagNames.add(tag.name);
    merged.tags.push(tag);
  };

  for (const { service, document } of input.documents) {
    const rename = componentRefRenamer(service, document.components);
    const source = rewriteRefs(document, rename) as ServiceOpenApi;

    // Security schemes: shared when identical, prefixed when two services disagree.
    const schemeNames = new Map<string, string>();
    for (const [name, scheme] of Object.entries(source.components?.['securitySchemes'] ?? {})) {
      const known = schemes[name];
      const target =
        known === undefined || isDeepStrictEqual(known, scheme) ? name : `${service}.${name}`;
      schemes[target] = scheme;
      schemeNames.set(name, target);
    }
    const renameSecurity = (requirements: SecurityRequirements | undefined) =>
      requirements?.map((requirement) =>
        Object.fromEntries(
          Object.entries(requirement).map(([name, scopes]) => [
            schemeNames.get(name) ?? name,
            scopes,
          ]),
        ),
      );

    for (const [kind, entries] of Object.entries(source.components ?? {})) {
      if (kind === 'securitySchemes') continue;
      const target = (merged.components[kind] ??= {});
      for (const [name, component] of Object.entries(entries)) {
        target[`${service}.${name}`] = component;
      }
    }

    for (const tag of source.tags ?? []) addTag({ ...tag, name: `${service}/${tag.name}` });

    for (const [path, item] of Object.entries(source.paths)) {
      if (isInternalPath(path)) continue;
      const mergedItem: JsonObject = {};
      for (const [key, value] of Object.entries(item)) {
        if (key === 'servers') continue;
        if (!HTTP_METHODS.has(key)) {
          mergedItem[key] = value;
          continue;
        }
        const operation = asObject(value);
        const ownTags = Array.isArray(operation['tags'])
          ? operation['tags'].filter((tag): tag is string => typeof tag === 'string')
          : [];
        const tags = ownTags.length > 0 ? ownTags.map((tag) => `${service}/${tag}`) : [service];
        for (const name of tags) addTag({ name });
        const own = securityRequirementsSchema.safeParse(operation['security']);
        const security = renameSecurity(own.success ? own.data : source.security);
        mergedItem[key] = {
          ...operation,
          tags,
          ...(typeof operation['operationId'] === 'string'
            ? { operationId: `${service}_${operation['operationId']}` }
            : {}),
          ...(security === undefined ? {} : { security }),
        };
      }
      merged.paths[`/api/${service}${path}`] = mergedItem;
    }
  }
  if (Object.keys(schemes).length > 0) merged.components['securitySchemes'] = schemes;
  return merged;
}
