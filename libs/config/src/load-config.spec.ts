import { z } from 'zod';
import { ConfigError } from './config-error';
import { envBool, envInt, envString } from './env-fields';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  const schema = z.object({
    API_KEY: envString(),
    RETRIES: envInt({ min: 0, max: 10 }).default(3),
    FEATURE_ON: envBool().default(false),
    NESTED: z.object({ inner: z.array(z.string()) }).default({ inner: ['a'] }),
  });

  it('should return the parsed values when the environment is valid', () => {
    const config = loadConfig(schema, { API_KEY: 'k', RETRIES: '5', FEATURE_ON: '1' });

    expect(config).toEqual({
      API_KEY: 'k',
      RETRIES: 5,
      FEATURE_ON: true,
      NESTED: { inner: ['a'] },
    });
  });

  it('should drop variables the schema does not name', () => {
    const config = loadConfig(schema, { API_KEY: 'k', PATH: '/usr/bin', HOME: '/root' });

    expect(Object.keys(config)).toEqual(['API_KEY', 'RETRIES', 'FEATURE_ON', 'NESTED']);
  });

  it('should treat an empty value as unset when a default exists', () => {
    expect(loadConfig(schema, { API_KEY: 'k', RETRIES: '' }).RETRIES).toBe(3);
  });

  it('should deep-freeze the result when parsing succeeds', () => {
    const config = loadConfig(schema, { API_KEY: 'k' });

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.NESTED)).toBe(true);
    expect(Object.isFrozen(config.NESTED.inner)).toBe(true);
    expect(() => {
      config.NESTED.inner.push('b');
    }).toThrow(TypeError);
  });

  it('should list every bad or missing variable on its own line when parsing fails', () => {
    const parse = () => loadConfig(schema, { RETRIES: '99', FEATURE_ON: 'maybe' });

    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      [
        'Invalid configuration: 3 variables are missing or invalid',
        '  API_KEY: is required',
        '  RETRIES: must be at most 10',
        '  FEATURE_ON: must be true, false, 1 or 0',
      ].join('\n'),
    );
  });

  it('should expose the issues for programmatic use when parsing fails', () => {
    try {
      loadConfig(schema, { API_KEY: '   ' });
      throw new Error('expected loadConfig to throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues).toEqual([
        { variable: 'API_KEY', message: 'must not be blank' },
      ]);
    }
  });

  it('should not echo the rejected value when a variable is invalid', () => {
    const secret = 'not-a-number-but-a-secret';

    expect(() => loadConfig(schema, { API_KEY: 'k', RETRIES: secret })).toThrow(
      /RETRIES: must be an integer$/,
    );
    expect(() => loadConfig(schema, { API_KEY: 'k', RETRIES: secret })).not.toThrow(secret);
  });
});
