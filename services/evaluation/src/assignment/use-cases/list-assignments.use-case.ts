import { Injectable } from '@nestjs/common';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { EditionNotFoundError } from '../assignment.errors';
import { AssignmentRepository, type AssignmentFilter } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';

/** The national admin's view of an edition's assignments, with why each pair was made. */
@Injectable()
export class ListAssignmentsUseCase {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
  ) {}

  async execute(
    editionId: string,
    filter: Omit<AssignmentFilter, 'editionId'>,
  ): Promise<Assignment[]> {
    if (!(await this.sources.edition(editionId))) throw new EditionNotFoundError(editionId);
    return this.assignments.list({ ...filter, editionId });
  }
}
