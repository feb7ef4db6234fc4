import { z } from 'zod';
import { ValidationError } from '../errors/domain-errors';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('ZodValidationPipe', () => {
  const schema = z.object({
    title: z.string().trim().min(3),
    sections: z.array(z.object({ words: z.number().int().max(600) })),
    limit: z.coerce.number().default(20),
  });

  it('should return the parsed value when the input is valid', () => {
    const pipe = new ZodValidationPipe(schema, 'body');

    expect(pipe.transform({ title: '  Inovasi  ', sections: [{ words: 10 }] })).toEqual({
      title: 'Inovasi',
      sections: [{ words: 10 }],
      limit: 20,
    });
  });

  it('should throw VALIDATION_FAILED with dotted paths when nested fields are invalid', () => {
    const pipe = new ZodValidationPipe(schema, 'body');

    const invalid = { title: 'x', sections: [{ words: 10 }, { words: 601 }] };

    expect(() => pipe.transform(invalid)).toThrow(ValidationError);
    expect(() => pipe.transform(invalid)).toThrow('Invalid request body');
    try {
      pipe.transform(invalid);
    } catch (error) {
      expect((error as ValidationError).code).toBe('VALIDATION_FAILED');
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        'title',
        'sections.1.words',
      ]);
    }
  });

  it('should name the request part when the query is invalid', () => {
    const pipe = new ZodValidationPipe(z.object({ limit: z.coerce.number().max(5) }), 'query');

    expect(() => pipe.transform({ limit: '9' })).toThrow('Invalid request query');
  });

  it('should report the root with an empty path when the input is not an object', () => {
    const pipe = new ZodValidationPipe(schema, 'body');

    try {
      pipe.transform(undefined);
      throw new Error('expected the pipe to throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { path: '', message: expect.any(String) as unknown },
      ]);
    }
  });
});
