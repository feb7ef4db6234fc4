import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope } from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import type { ProposalTitle, TemplateId, TemplateParams } from '../../notification/catalogue';
import type { NoticeSender } from '../../notification/notice.schema';
import { Notifier } from '../../notification/notifier';
import type { Recipient } from '../../notification/recipient';
import { EVALUATION_SENDER, proposalRefs } from './evaluation-notice';

export interface ProposalAudience {
  readonly recipients: Recipient[];
  readonly title: ProposalTitle;
}

/** An evaluation event's payload that names a proposal. */
interface ProposalPayload {
  editionId: string;
  proposalId: string;
  institutionId: string;
}

/** A notice to a proposal's team: its template, and its params once the title is known. */
export interface TeamNotice<T extends TemplateId> {
  readonly template: T;
  readonly params: (title: ProposalTitle) => TemplateParams[T];
  /** Defaults to `EVALUATION_SENDER`. */
  readonly sentBy?: NoticeSender;
}

/**
 * Who hears about a proposal (its institution's local admins and, once the proposal's unit
 * is known, that unit's operators) and what the proposal is called, if known yet.
 */
@Injectable()
export class ProposalTeam {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async of(
    proposalId: string,
    institutionId: string,
    session: ClientSession,
  ): Promise<ProposalAudience> {
    const proposal = await this.directory.proposal(proposalId, session);
    const recipients = await this.directory.proposalTeam(
      institutionId,
      proposal?.unitId ?? null,
      session,
    );
    return { recipients, title: proposal?.title ?? null };
  }

  /**
   * Tells the team of the event's proposal, with the event id as the notice id and the
   * proposal as its refs. Returns the params the notice was written with.
   */
  async notify<T extends TemplateId>(
    event: EventEnvelope<ProposalPayload>,
    notice: TeamNotice<T>,
    session: ClientSession,
  ): Promise<TemplateParams[T]> {
    const { proposalId, institutionId } = event.payload;
    const { recipients, title } = await this.of(proposalId, institutionId, session);
    const params = notice.params(title);
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: notice.template,
        params,
        recipients,
        refs: proposalRefs(event.payload),
        sentBy: notice.sentBy ?? EVALUATION_SENDER,
      },
      session,
    );
    return params;
  }
}
