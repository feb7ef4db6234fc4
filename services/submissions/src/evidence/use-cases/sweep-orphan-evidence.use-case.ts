import { Inject, Injectable } from '@nestjs/common';
import { EVIDENCE_STORAGE, type EvidenceStorage } from '../evidence-storage';
import { EVIDENCE_SWEEP_OPTIONS, type EvidenceSweepOptions } from '../evidence-sweep.options';
import { EvidenceRepository } from '../evidence.repository';

/**
 * Deletes stored evidence files no proposal points at (neither as current evidence nor in
 * any snapshot) once they are older than the minimum age: the leftovers of failed clean-ups
 * and of uploads whose proposal update lost a race or crashed. Safe on several replicas at
 * once: a file is only ever deleted when unreferenced, and deleting twice is harmless.
 */
@Injectable()
export class SweepOrphanEvidenceUseCase {
  constructor(
    private readonly repository: EvidenceRepository,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    @Inject(EVIDENCE_SWEEP_OPTIONS) private readonly options: EvidenceSweepOptions,
  ) {}

  /** Resolves to the number of files deleted. */
  async execute(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.options.minAgeMs);
    let deleted = 0;
    for await (const fileIds of this.storage.listStoredBefore(before, this.options.pageSize)) {
      const referenced = await this.repository.referencedFileIds(fileIds);
      for (const fileId of fileIds) {
        if (referenced.has(fileId)) continue;
        await this.storage.delete(fileId);
        deleted += 1;
      }
    }
    return deleted;
  }
}
