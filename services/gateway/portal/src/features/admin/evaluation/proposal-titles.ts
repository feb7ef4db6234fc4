import { useApiQuery } from '../../../api/use-api-query';
import { evaluationApi, type ProposalListing } from './evaluation-api';

/** The edition's forwarded proposals by id (titles and institutions for the id-only views). */
export function useProposalDirectory(editionId: string): ReadonlyMap<string, ProposalListing> {
  const query = useApiQuery(`proposals:${editionId}`, (api, signal) =>
    evaluationApi.proposals(api, editionId, signal),
  );
  return new Map((query.data ?? []).map((p) => [p.proposalId, p]));
}
