import type { ApiClient } from '../../../api/client';
import type { InterviewSlot } from '../../evaluator/evaluator-api';

const EVALUATION = '/api/evaluation';
const seg = (value: string) => encodeURIComponent(value);

export interface InstitutionStageResults {
  readonly stages: readonly {
    readonly stage: string;
    readonly version: number;
    readonly entries: readonly {
      readonly proposalId: string;
      readonly title: string | null;
      readonly rank: number;
      readonly advanced: boolean;
    }[];
  }[];
}

export const interviewApi = {
  results: (api: ApiClient, institutionId: string, editionId: string, signal?: AbortSignal) =>
    api.get<InstitutionStageResults>(`${EVALUATION}/institutions/${seg(institutionId)}/results`, {
      query: { editionId },
      ...(signal ? { signal } : {}),
    }),
  book: (api: ApiClient, slotId: string, proposalId: string) =>
    api.post<InterviewSlot>(`${EVALUATION}/interview-slots/${seg(slotId)}/book`, { proposalId }),
  move: (api: ApiClient, slotId: string, withSlotId: string) =>
    api.post<unknown>(`${EVALUATION}/interview-slots/${seg(slotId)}/swap`, { withSlotId }),
  confirm: (api: ApiClient, slotId: string) =>
    api.post<InterviewSlot>(`${EVALUATION}/interview-slots/${seg(slotId)}/confirm`),
  release: (api: ApiClient, slotId: string) =>
    api.post<InterviewSlot>(`${EVALUATION}/interview-slots/${seg(slotId)}/release`),
};
