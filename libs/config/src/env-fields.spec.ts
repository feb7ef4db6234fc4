import {
  envBool,
  envDuration,
  envEnum,
  envInt,
  envList,
  envPort,
  envString,
  envUri,
} from './env-fields';

describe('env fields', () => {
  describe('envString', () => {
    it('should trim the value when it has surrounding spaces', () => {
      expect(envString().parse('  a b  ')).toBe('a b');
    });

    it('should reject the value when it is blank', () => {
      expect(envString().safeParse('   ').success).toBe(false);
    });
  });

  describe('envInt', () => {
    it.each([
      ['42', 42],
      ['-7', -7],
      [' 8 ', 8],
    ])('should parse %j as %d', (raw, parsed) => {
      expect(envInt().parse(raw)).toBe(parsed);
    });

    it.each(['4.2', '1e3', 'abc', '0x10'])('should reject %j as not an integer', (raw) => {
      expect(envInt().safeParse(raw).error?.issues[0]?.message).toBe('must be an integer');
    });

    it('should reject the value when it is outside the bounds', () => {
      expect(envInt({ min: 1 }).safeParse('0').error?.issues[0]?.message).toBe(
        'must be at least 1',
      );
    });
  });

  describe('envPort', () => {
    it('should accept 0 when a test asks for a free port', () => {
      expect(envPort().parse('0')).toBe(0);
    });

    it('should reject the value when it is above 65535', () => {
      expect(envPort().safeParse('65536').success).toBe(false);
    });
  });

  describe('envBool', () => {
    it.each([
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ])('should parse %j as %s', (raw, parsed) => {
      expect(envBool().parse(raw)).toBe(parsed);
    });

    it('should reject the value when it is not one of the four spellings', () => {
      expect(envBool().safeParse('yes').error?.issues[0]?.message).toBe(
        'must be true, false, 1 or 0',
      );
    });
  });

  describe('envDuration', () => {
    it.each([
      ['1500', 1_500],
      ['500ms', 500],
      ['10s', 10_000],
      ['5m', 300_000],
      ['1h', 3_600_000],
    ])('should parse %j as %d milliseconds', (raw, parsed) => {
      expect(envDuration().parse(raw)).toBe(parsed);
    });

    it.each(['10 s', '1d', '-5s', 's'])('should reject %j', (raw) => {
      expect(envDuration().safeParse(raw).success).toBe(false);
    });
  });

  describe('envList', () => {
    it('should split, trim and drop empty items when given a comma list', () => {
      expect(envList().parse(' a:1, b:2 ,,c:3 ')).toEqual(['a:1', 'b:2', 'c:3']);
    });

    it('should reject the value when it holds no items', () => {
      expect(envList().safeParse(' , ').success).toBe(false);
    });
  });

  describe('envUri', () => {
    const mongo = envUri(['mongodb', 'mongodb+srv']);

    it('should accept a multi-host URI when the scheme matches', () => {
      expect(mongo.parse('mongodb://a:27017,b:27017/?replicaSet=rs0')).toBe(
        'mongodb://a:27017,b:27017/?replicaSet=rs0',
      );
    });

    it('should reject the value when the scheme differs', () => {
      expect(mongo.safeParse('http://localhost').error?.issues[0]?.message).toBe(
        'must be a URI starting with mongodb:// or mongodb+srv://',
      );
    });
  });

  describe('envEnum', () => {
    it('should name the allowed values when the value is not one of them', () => {
      expect(envEnum(['a', 'b']).safeParse('c').error?.issues[0]?.message).toBe(
        'must be one of a, b',
      );
    });
  });
});
