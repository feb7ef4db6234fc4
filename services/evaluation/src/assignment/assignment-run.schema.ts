import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';
import type { Exclusion, Shortfall } from './solver/assignment-solver';

/**
 * A summary of one solve: the settings it used, what it created, the loads it left and the
 * proposals it could not fully serve. The per-proposal exclusions are kept apart in
 * `assignment_exclusions` so a run of thousands of proposals stays far below 16 MB.
 */
export interface AssignmentRun {
  _id: string;
  editionId: string;
  startedBy: string;
  evaluatorsPerProposal: number;
  maxProposalsPerEvaluator: number;
  proposalsConsidered: number;
  evaluatorsConsidered: number;
  assignmentsCreated: number;
  totalCost: number;
  load: { min: number; max: number; mean: number };
  expertiseMatchShare: number;
  shortfalls: Shortfall[];
  updatedAt: Date;
  createdAt: Date;
}

/** For one proposal in one run: every evaluator it could not get, and why. */
export interface AssignmentExclusion {
  /** `<runId>:<proposalId>`. */
  _id: string;
  runId: string;
  editionId: string;
  proposalId: string;
  excluded: Exclusion[];
  createdAt: Date;
  updatedAt: Date;
}

export const ASSIGNMENT_RUN_MODEL = 'AssignmentRun';
export const ASSIGNMENT_EXCLUSION_MODEL = 'AssignmentExclusion';

export const assignmentRunSchema = new Schema<AssignmentRun>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    startedBy: { type: String, required: true },
    evaluatorsPerProposal: { type: Number, required: true },
    maxProposalsPerEvaluator: { type: Number, required: true },
    proposalsConsidered: { type: Number, required: true },
    evaluatorsConsidered: { type: Number, required: true },
    assignmentsCreated: { type: Number, required: true },
    totalCost: { type: Number, required: true },
    load: { type: Schema.Types.Mixed, required: true },
    expertiseMatchShare: { type: Number, required: true },
    shortfalls: { type: Schema.Types.Mixed, default: [] },
  },
  schemaOptions('assignment_runs'),
);
// The admin lists an edition's runs, newest first.
assignmentRunSchema.index({ editionId: 1, createdAt: -1 });

export const assignmentExclusionSchema = new Schema<AssignmentExclusion>(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    editionId: { type: String, required: true },
    proposalId: { type: String, required: true },
    excluded: { type: Schema.Types.Mixed, default: [] },
  },
  schemaOptions('assignment_exclusions'),
);
// An explanation reads the latest run's exclusions of one proposal.
assignmentExclusionSchema.index({ proposalId: 1, createdAt: -1 });
