import { z } from 'zod';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import {
  actorSchema,
  editionConfigurationSchema,
  editionPhaseSchema,
  TIME_ZONES,
  type EditionConfiguration,
} from '@kipp/contracts';
import { EDITION_STATUSES, type Actor, type Edition } from './edition.schema';

/**
 * The national admin sees drafts and the record of changes; everyone else, the anonymous
 * public (null) included, published editions.
 */
export function canSeeDrafts(user: AuthenticatedUser | null): boolean {
  return user !== null && hasAnyRole(user, ['national_admin']);
}

export function actorOf(user: AuthenticatedUser): Actor {
  return { kind: 'account', accountId: user.accountId };
}

/** The configuration as the contracts carry it: the settings with the edition's id. */
export function configurationOf(edition: Pick<Edition, '_id' | 'settings'>): EditionConfiguration {
  return { editionId: edition._id, ...edition.settings };
}

const historyEntryView = z.object({
  at: z.string(),
  by: actorSchema,
  action: z.enum(['created', 'updated', 'published', 'phase-changed']),
  changed: z.array(z.string()).optional(),
  revision: z.number().optional(),
  clonedFrom: z.string().optional(),
  previousPhase: editionPhaseSchema.nullable().optional(),
  phase: editionPhaseSchema.optional(),
  reason: z.string().optional(),
});

export const editionView = z.object({
  editionId: z.string(),
  status: z.enum(EDITION_STATUSES),
  revision: z.number().int(),
  currentPhase: editionPhaseSchema.nullable(),
  /** Set after a manual phase change: the scheduler leaves the phase alone until then. */
  phaseOverride: z.object({ until: z.string().nullable(), reason: z.string() }).nullable(),
  configuration: editionConfigurationSchema,
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The record of changes; only for the national admin. */
  history: z.array(historyEntryView).optional(),
});
export type EditionView = z.infer<typeof editionView>;

export const editionListView = z.object({ editions: z.array(editionView) });
export type EditionListView = z.infer<typeof editionListView>;

export const zonedCalendarView = z.object({
  editionId: z.string(),
  zone: z.enum(TIME_ZONES),
  offset: z.string(),
  phases: z.array(
    z.object({ phase: editionPhaseSchema, startsAt: z.string(), endsAt: z.string() }),
  ),
});

export function toEditionView(edition: Edition, user: AuthenticatedUser | null): EditionView {
  return {
    editionId: edition._id,
    status: edition.status,
    revision: edition.revision,
    currentPhase: edition.currentPhase,
    phaseOverride: edition.phaseOverride
      ? {
          until: edition.phaseOverride.until?.toISOString() ?? null,
          reason: edition.phaseOverride.reason,
        }
      : null,
    configuration: configurationOf(edition),
    publishedAt: edition.publishedAt?.toISOString() ?? null,
    createdAt: edition.createdAt.toISOString(),
    updatedAt: edition.updatedAt.toISOString(),
    ...(canSeeDrafts(user)
      ? {
          history: edition.history.map((entry) => ({
            ...entry,
            at: entry.at.toISOString(),
          })),
        }
      : {}),
  };
}
