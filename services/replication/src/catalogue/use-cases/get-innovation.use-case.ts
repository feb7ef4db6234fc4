import { Injectable } from '@nestjs/common';
import { InnovationNotFoundError } from '../catalogue.errors';
import { InnovationRepository, type StoredInnovation } from '../innovation.repository';

@Injectable()
export class GetInnovationUseCase {
  constructor(private readonly innovations: InnovationRepository) {}

  async execute(innovationId: string): Promise<StoredInnovation> {
    const innovation = await this.innovations.findPublic(innovationId);
    if (!innovation) throw new InnovationNotFoundError(innovationId);
    return innovation;
  }
}
