import { z } from 'zod';
import { ZodBody } from './zod-decorators';

describe('zod request decorators', () => {
  it('should refuse to decorate a constructor parameter', () => {
    class NotAController {
      constructor(readonly body: unknown) {}
    }

    expect(() => {
      ZodBody(z.object({}))(NotAController, undefined, 0);
    }).toThrow('Zod request decorators apply to parameters of route handlers only');
  });
});
