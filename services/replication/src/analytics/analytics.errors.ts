import { NotFoundError } from '@kipp/service-kit';

export class InnovationNotFoundError extends NotFoundError {
  constructor(innovationId: string) {
    super('INNOVATION_NOT_FOUND', `innovation ${innovationId} is not in the public database`, {
      innovationId,
    });
  }
}
