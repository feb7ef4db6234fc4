import { z } from 'zod';
import {
  calendarEntrySchema,
  editionConfigurationSchema,
  editionGroupSchema,
  evaluationSettingsSchema,
  TIME_ZONES,
} from '@kipp/contracts';
import { ACCEPTED_OFFSETS, toUtcInstant } from './edition-calendar';
import { EDITION_STATUSES } from './edition.schema';

export const editionParams = z.strictObject({ editionId: z.string().min(1).max(64) });
export type EditionParams = z.infer<typeof editionParams>;

export const listQuery = z.strictObject({
  status: z.enum(EDITION_STATUSES).optional(),
  year: z.coerce.number().int().min(2014).max(2100).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const calendarQuery = z.strictObject({ zone: z.enum(TIME_ZONES).default('WIB') });
export type CalendarQuery = z.infer<typeof calendarQuery>;

/**
 * An instant as the national admin writes it: UTC, or with the WIB/WITA/WIT offset the
 * decree states it in. Stored and returned as UTC.
 */
const writtenInstant = z.iso
  .datetime({ offset: true })
  .refine((instant) => ACCEPTED_OFFSETS.some((offset) => instant.endsWith(offset)), {
    message: `use UTC (Z) or a WIB/WITA/WIT offset (${ACCEPTED_OFFSETS.slice(2).join(', ')})`,
  })
  .transform(toUtcInstant);

const writtenCalendarEntry = calendarEntrySchema.extend({
  startsAt: writtenInstant,
  endsAt: writtenInstant,
});

// A negative quota passes the shape check so the edition rules report it with the others
// (EDITION_INVALID, NEGATIVE_QUOTA) instead of a bare shape error.
const writtenGroup = editionGroupSchema.extend({
  quotaPerInstitution: z.number().int().max(1000),
});

/**
 * The configuration of an edition as written: the contract's shape, without the id. The
 * evaluation settings are optional in the contract (older editions) but required here.
 */
export const editionSettingsInput = editionConfigurationSchema.omit({ editionId: true }).extend({
  groups: z.array(writtenGroup).min(1),
  calendar: z.array(writtenCalendarEntry).min(1),
  evaluation: evaluationSettingsSchema,
});

/** A new edition as a copy of an earlier one, its calendar moved to the new year. */
export const cloneEditionInput = z.strictObject({
  cloneFrom: z.string().min(1).max(64),
  name: editionConfigurationSchema.shape.name,
  year: editionConfigurationSchema.shape.year,
});
export type CloneEditionInput = z.infer<typeof cloneEditionInput>;

export const createEditionInput = z.union([cloneEditionInput, editionSettingsInput]);
export type CreateEditionInput = z.infer<typeof createEditionInput>;

/** A full replacement of the configuration; a published edition needs the revision read. */
export const updateEditionInput = editionSettingsInput.extend({
  expectedRevision: z.number().int().min(0).optional(),
});
export type UpdateEditionInput = z.infer<typeof updateEditionInput>;

export const changePhaseInput = z.strictObject({
  phase: calendarEntrySchema.shape.phase,
  reason: z.string().trim().min(3).max(500),
});
export type ChangePhaseInput = z.infer<typeof changePhaseInput>;
