/** One variable that failed validation, named as in the environment. */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/**
 * Thrown by `loadConfig` when the environment does not satisfy the schema. The message
 * lists every problem on its own line so one failed start shows everything to fix.
 * Values are never echoed: a malformed variable may well be a secret.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    const noun = issues.length === 1 ? 'variable is' : 'variables are';
    super(
      [
        `Invalid configuration: ${issues.length} ${noun} missing or invalid`,
        ...issues.map((issue) => `  ${issue.variable}: ${issue.message}`),
      ].join('\n'),
    );
  }
}
