import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@kipp/service-kit';

/** 400: mandatory notices (account, results, …) always go; they cannot be opted out of. */
export class CategoryMandatoryError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(categories: readonly string[]) {
    super(
      'CATEGORY_MANDATORY',
      `Mandatory categories cannot be opted out of: ${categories.join(', ')}`,
      {
        categories,
      },
    );
  }
}
