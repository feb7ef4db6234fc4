import { Controller, Get, HttpStatus, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody } from '@kipp/service-kit';
import { GetPreferencesUseCase, type PreferencesView } from './use-cases/get-preferences.use-case';
import {
  updatePreferencesBodySchema,
  UpdatePreferencesUseCase,
  type UpdatePreferencesBody,
} from './use-cases/update-preferences.use-case';

const preferencesView = z.object({
  optedOut: z.array(z.string()),
  dailyDigest: z.boolean(),
  categories: z.array(
    z.object({
      category: z.string(),
      name: z.object({ id: z.string(), en: z.string() }),
      optional: z.boolean(),
      optedOut: z.boolean(),
    }),
  ),
});

/** The caller's own notification preferences. */
@ApiTags('preferences')
@ApiBearerAuth()
@Controller('preferences')
export class PreferencesController {
  constructor(
    private readonly getPreferences: GetPreferencesUseCase,
    private readonly updatePreferences: UpdatePreferencesUseCase,
  ) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, preferencesView, 'Your choices, category by category')
  get(@CurrentUser() user: AuthenticatedUser): Promise<PreferencesView> {
    return this.getPreferences.execute(user.accountId);
  }

  @Put()
  @ApiZodResponse(HttpStatus.OK, preferencesView, 'Your choices, as saved')
  async put(
    @ZodBody(updatePreferencesBodySchema) body: UpdatePreferencesBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PreferencesView> {
    await this.updatePreferences.execute(user.accountId, body);
    return this.getPreferences.execute(user.accountId);
  }
}
