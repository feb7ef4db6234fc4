import type { MessageRefs } from '../../notification/message.schema';
import type { NoticeSender } from '../../notification/notice.schema';

/** Notices caused by an evaluation event without an actor of its own. */
export const EVALUATION_SENDER: NoticeSender = { kind: 'system', process: 'evaluation' };

/** What a notice about one proposal refers to, for the delivery log. */
export function proposalRefs(payload: {
  editionId: string;
  proposalId: string;
  institutionId: string;
}): MessageRefs {
  return {
    editionId: payload.editionId,
    proposalId: payload.proposalId,
    institutionId: payload.institutionId,
  };
}
