import { Schema } from 'mongoose';
import { EDITION_PHASES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';
import type { EditionPhase } from './edition-calendar';
import type { EditionSettings } from './edition-rules';

export const EDITION_STATUSES = ['draft', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** Who did something, as the contracts name actors. */
export type Actor = { kind: 'account'; accountId: string } | { kind: 'system'; process: string };

/** One change on record: who, when, what. */
export interface EditionHistoryEntry {
  at: Date;
  by: Actor;
  action: 'created' | 'updated' | 'published' | 'phase-changed';
  /** Top-level configuration fields that changed (`updated`). */
  changed?: string[];
  revision?: number;
  clonedFrom?: string;
  previousPhase?: EditionPhase | null;
  phase?: EditionPhase;
  reason?: string;
}

/**
 * A manual phase change holds until the next phase start of the calendar (`until`); the
 * scheduler leaves the edition alone until then. `until` null: no phase starts later, so
 * the manual phase holds until the calendar is edited or the admin moves it again.
 */
export interface PhaseOverride {
  until: Date | null;
  reason: string;
}

export interface Edition extends OutboxFields {
  _id: string;
  status: EditionStatus;
  /** Kept beside the configuration for the unique index. */
  year: number;
  settings: EditionSettings;
  /** 0 while a draft; 1 when published; +1 with every published change. */
  revision: number;
  currentPhase: EditionPhase | null;
  /** Counts phase changes; every phase change is conditional on the count it read. */
  phaseSequence: number;
  phaseOverride: PhaseOverride | null;
  history: EditionHistoryEntry[];
  createdBy: string;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const EDITION_MODEL = 'Edition';

const historyEntrySchema = new Schema<EditionHistoryEntry>(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.Mixed, required: true },
    action: { type: String, required: true },
    changed: { type: [String], default: undefined },
    revision: { type: Number },
    clonedFrom: { type: String },
    previousPhase: { type: String, default: undefined },
    phase: { type: String },
    reason: { type: String },
  },
  { _id: false },
);

export const editionSchema = new Schema<Edition>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, enum: EDITION_STATUSES },
    year: { type: Number, required: true },
    // Validated against the contract by the use cases; stored as the configuration reads.
    settings: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    currentPhase: { type: String, enum: [...EDITION_PHASES, null], default: null },
    phaseSequence: { type: Number, required: true, default: 0 },
    phaseOverride: {
      type: new Schema<PhaseOverride>(
        { until: { type: Date, default: null }, reason: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
    history: { type: [historyEntrySchema], default: [] },
    createdBy: { type: String, required: true },
    publishedAt: { type: Date, default: null },
  },
  { ...schemaOptions('editions'), minimize: false },
);
editionSchema.plugin(outboxPlugin);
// One edition per year ("KIPP 2027"): creating or moving an edition to a taken year is refused.
editionSchema.index({ year: 1 }, { unique: true });
// The phase scheduler reads every published edition on each tick; the list filters by status.
editionSchema.index({ status: 1, year: -1 });
