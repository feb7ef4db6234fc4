import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  CATEGORIES,
  OPTIONAL_CATEGORIES,
  type OptionalCategory,
} from '../../notification/catalogue';
import { CategoryMandatoryError } from '../preferences.errors';
import { PreferencesRepository } from '../preferences.repository';

/** Unknown categories fail validation; known but mandatory ones fail with their own code. */
export const updatePreferencesBodySchema = z.strictObject({
  optedOut: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length * 2),
  dailyDigest: z.boolean(),
});
export type UpdatePreferencesBody = z.infer<typeof updatePreferencesBodySchema>;

const optional = new Set<string>(OPTIONAL_CATEGORIES);

@Injectable()
export class UpdatePreferencesUseCase {
  constructor(private readonly preferences: PreferencesRepository) {}

  async execute(accountId: string, body: UpdatePreferencesBody): Promise<void> {
    const mandatory = [...new Set(body.optedOut.filter((category) => !optional.has(category)))];
    if (mandatory.length > 0) throw new CategoryMandatoryError(mandatory);
    const optedOut = OPTIONAL_CATEGORIES.filter((category: OptionalCategory) =>
      (body.optedOut as readonly string[]).includes(category),
    );
    await this.preferences.replace(accountId, { optedOut, dailyDigest: body.dailyDigest });
  }
}
