import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { LOCALES } from '@kipp/contracts';
import { detectFileType } from '@kipp/service-kit';
import { InstitutionDirectory } from '../../../institution/institution-directory';
import { userIdSchema } from '../../new-account';
import { AppointmentLetterStore } from '../appointment-letter.store';
import { LetterMissingError, LetterNotPdfError } from '../local-admin-request.errors';
import { LocalAdminRequestRepository } from '../local-admin-request.repository';
import type { LocalAdminRequest } from '../local-admin-request.schema';

export const MAX_LETTER_BYTES = 2 * 1024 * 1024;

/** The form fields of the multipart request (the letter is the file field `letter`). */
export const submitLocalAdminRequestSchema = z.strictObject({
  institutionId: z.string().trim().min(1).max(64),
  candidateName: z.string().trim().min(1).max(200),
  candidateEmail: z.email().max(254).toLowerCase(),
  candidateUserId: userIdSchema,
  locale: z.enum(LOCALES).default('id'),
});
export type SubmitLocalAdminRequestInput = z.infer<typeof submitLocalAdminRequestSchema>;

/** The uploaded file as multer's memory storage gives it (only what is read here). */
export interface UploadedLetter {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * An institution asks for a local admin in the app, with its signed appointment letter,
 * instead of sending a scan by chat. Anonymous: the person has no account yet. The letter
 * is checked by its content, not by its name or declared type, before anything is stored.
 */
@Injectable()
export class SubmitLocalAdminRequestUseCase {
  constructor(
    private readonly requests: LocalAdminRequestRepository,
    private readonly letters: AppointmentLetterStore,
    private readonly institutions: InstitutionDirectory,
  ) {}

  async execute(
    input: SubmitLocalAdminRequestInput,
    letter: UploadedLetter | undefined,
  ): Promise<LocalAdminRequest> {
    if (!letter || letter.size === 0) throw new LetterMissingError();
    // The size limit is enforced by the upload itself (413 before this runs).
    if (detectFileType(letter.buffer, ['application/pdf']) === null) throw new LetterNotPdfError();
    await this.institutions.assertRegistered(input.institutionId);

    const requestId = `lar_${randomUUID()}`;
    const sha256 = createHash('sha256').update(letter.buffer).digest('hex');
    const filename = `${requestId}.pdf`;
    const { id: fileId } = await this.letters.put(letter.buffer, filename, {
      requestId,
      sha256,
      contentType: 'application/pdf',
    });
    try {
      return await this.requests.insert({
        _id: requestId,
        ...input,
        status: 'pending',
        letter: { fileId, filename, sizeBytes: letter.size, sha256 },
        decision: null,
      });
    } catch (error) {
      // No request, no letter: do not keep an orphan file.
      await this.letters.delete(fileId).catch(() => undefined);
      throw error;
    }
  }
}
