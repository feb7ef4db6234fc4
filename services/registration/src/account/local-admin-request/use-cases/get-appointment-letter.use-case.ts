import { Injectable } from '@nestjs/common';
import { AppointmentLetterStore } from '../appointment-letter.store';
import { LocalAdminRequestNotFoundError } from '../local-admin-request.errors';
import { LocalAdminRequestRepository } from '../local-admin-request.repository';

/** The letter of a request, for the national admin (route restricted to it). */
@Injectable()
export class GetAppointmentLetterUseCase {
  constructor(
    private readonly requests: LocalAdminRequestRepository,
    private readonly letters: AppointmentLetterStore,
  ) {}

  async execute(requestId: string): Promise<{ filename: string; sha256: string; bytes: Buffer }> {
    const request = await this.requests.findById(requestId);
    if (!request) throw new LocalAdminRequestNotFoundError(requestId);
    const bytes = await this.letters.read(request.letter.fileId);
    // A request always points at a stored letter; a missing one is a fault, not a 404.
    if (!bytes) throw new Error(`appointment letter ${request.letter.fileId} is missing`);
    return { filename: request.letter.filename, sha256: request.letter.sha256, bytes };
  }
}
