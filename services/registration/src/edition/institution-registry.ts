import { Injectable } from '@nestjs/common';
import { InstitutionDirectory } from '../institution/institution-directory';
import { InstitutionNotFoundError } from '../institution/institution.errors';
import {
  invitedInstitutionIds,
  validateEditionSettings,
  type EditionIssue,
  type EditionSettings,
} from './edition-rules';

/** Which institution ids the registry does not hold: the rules stay pure, this looks up. */
export abstract class InstitutionRegistry {
  abstract unknownOf(institutionIds: readonly string[]): Promise<string[]>;
}

@Injectable()
export class DirectoryInstitutionRegistry implements InstitutionRegistry {
  constructor(private readonly directory: InstitutionDirectory) {}

  async unknownOf(institutionIds: readonly string[]): Promise<string[]> {
    // The directory answers one id at a time; invitation lists are short (earlier winners).
    const unknown = await Promise.all(
      institutionIds.map(async (institutionId) => {
        try {
          await this.directory.assertRegistered(institutionId);
          return null;
        } catch (error) {
          if (error instanceof InstitutionNotFoundError) return institutionId;
          throw error;
        }
      }),
    );
    return unknown.filter((id): id is string => id !== null);
  }
}

/** The edition rules, with the invited institutions looked up in the registry. */
export async function editionIssues(
  settings: EditionSettings,
  registry: InstitutionRegistry,
): Promise<EditionIssue[]> {
  const unknown = await registry.unknownOf(invitedInstitutionIds(settings));
  return validateEditionSettings(settings, { unknownInstitutionIds: new Set(unknown) });
}
