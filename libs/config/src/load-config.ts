import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment against `schema` once, at start-up, and returns a deep-frozen
 * object. Keys not in the schema are dropped, so the rest of `process.env` never leaks
 * into the service. An empty value counts as unset, the way `FOO=` in an env file is
 * meant, so defaults apply to it.
 */
export function loadConfig<T extends z.ZodObject>(
  schema: T,
  env: Environment = process.env,
): Readonly<z.output<T>> {
  const result = schema.safeParse(withoutEmptyValues(env));
  if (!result.success) {
    throw new ConfigError(toConfigIssues(result.error, env));
  }
  return deepFreeze(result.data);
}

function withoutEmptyValues(env: Environment): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') {
      present[name] = value;
    }
  }
  return present;
}

function toConfigIssues(error: z.ZodError, env: Environment): ConfigIssue[] {
  return error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(root)';
    const [name] = issue.path;
    const missing = typeof name === 'string' && (env[name] === undefined || env[name] === '');
    return { variable, message: missing ? 'is required' : issue.message };
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) {
      deepFreeze(nested);
    }
  }
  return value;
}
