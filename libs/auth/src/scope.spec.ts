import { AuthError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { assertInstitutionScope, assertUnitScope, hasAnyRole } from './scope';

const user = (overrides: Partial<AuthenticatedUser>): AuthenticatedUser => ({
  accountId: 'acc_1',
  roles: [],
  institutionId: null,
  unitId: null,
  locale: 'id',
  ...overrides,
});

const nationalAdmin = user({ roles: ['national_admin'] });
const localAdmin = user({ roles: ['local_admin'], institutionId: 'inst_a' });
const operator = user({ roles: ['unit_operator'], institutionId: 'inst_a', unitId: 'unit_1' });
const evaluator = user({ roles: ['evaluator'] });

function forbidden(check: () => void): void {
  expect(check).toThrow(AuthError);
  expect(check).toThrow(expect.objectContaining({ code: 'AUTH_FORBIDDEN', status: 403 }) as Error);
}

describe('assertInstitutionScope', () => {
  it('should let a national admin into any institution', () => {
    expect(() => {
      assertInstitutionScope(nationalAdmin, 'inst_b');
    }).not.toThrow();
  });

  it('should let a local admin and a unit operator into their own institution', () => {
    expect(() => {
      assertInstitutionScope(localAdmin, 'inst_a');
      assertInstitutionScope(operator, 'inst_a');
    }).not.toThrow();
  });

  it('should forbid another institution', () => {
    forbidden(() => {
      assertInstitutionScope(localAdmin, 'inst_b');
    });
    forbidden(() => {
      assertInstitutionScope(operator, 'inst_b');
    });
  });

  it('should forbid users that belong to no institution', () => {
    forbidden(() => {
      assertInstitutionScope(evaluator, 'inst_a');
    });
  });
});

describe('assertUnitScope', () => {
  it('should let a national admin into any unit', () => {
    expect(() => {
      assertUnitScope(nationalAdmin, 'inst_b', 'unit_9');
    }).not.toThrow();
  });

  it('should let a local admin into every unit of their institution only', () => {
    expect(() => {
      assertUnitScope(localAdmin, 'inst_a', 'unit_9');
    }).not.toThrow();
    forbidden(() => {
      assertUnitScope(localAdmin, 'inst_b', 'unit_9');
    });
  });

  it('should let a unit operator into their own unit only', () => {
    expect(() => {
      assertUnitScope(operator, 'inst_a', 'unit_1');
    }).not.toThrow();
    forbidden(() => {
      assertUnitScope(operator, 'inst_a', 'unit_2');
    });
  });

  it('should forbid a unit with the same id in another institution', () => {
    forbidden(() => {
      assertUnitScope(operator, 'inst_b', 'unit_1');
    });
  });

  it('should forbid evaluators', () => {
    forbidden(() => {
      assertUnitScope(evaluator, 'inst_a', 'unit_1');
    });
  });
});

describe('hasAnyRole', () => {
  it('should be true when the user holds one of the roles', () => {
    expect(hasAnyRole(operator, ['local_admin', 'unit_operator'])).toBe(true);
    expect(hasAnyRole(operator, ['evaluator'])).toBe(false);
  });
});
