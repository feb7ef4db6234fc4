import type { EventDescriptor } from './descriptor';
import { ProposalForwardedV1 } from './submissions/proposal-forwarded.v1';
import { ProposalReturnedV1 } from './submissions/proposal-returned.v1';
import { ProposalWithdrawnV1 } from './submissions/proposal-withdrawn.v1';
import { ProposalStalledV1 } from './submissions/proposal-stalled.v1';
import { ProposalNudgedV1 } from './submissions/proposal-nudged.v1';
import { InstitutionRegisteredV1 } from './registration/institution-registered.v1';
import { SigningKeyPublishedV1 } from './registration/signing-key-published.v1';
import { InstitutionUpdatedV1 } from './registration/institution-updated.v1';
import { AccountCreatedV1 } from './registration/account-created.v1';
import { AccountRoleGrantedV1 } from './registration/account-role-granted.v1';
import { AccountDeactivatedV1 } from './registration/account-deactivated.v1';
import { AccountReactivatedV1 } from './registration/account-reactivated.v1';
import { PasswordResetRequestedV1 } from './registration/password-reset-requested.v1';
import { LocalAdminRequestDecidedV1 } from './registration/local-admin-request-decided.v1';
import { EditionPublishedV1 } from './registration/edition-published.v1';
import { EditionUpdatedV1 } from './registration/edition-updated.v1';
import { EditionPhaseChangedV1 } from './registration/edition-phase-changed.v1';
import { InnovationPublishedV1 } from './replication/innovation-published.v1';
import { InnovationUpdatedV1 } from './replication/innovation-updated.v1';
import { SelectionDecidedV1 } from './evaluation/selection-decided.v1';
import { AssignmentCreatedV1 } from './evaluation/assignment-created.v1';
import { AssignmentChangedV1 } from './evaluation/assignment-changed.v1';
import { ScoreSubmittedV1 } from './evaluation/score-submitted.v1';
import { StageResultPublishedV1 } from './evaluation/stage-result-published.v1';
import { ObjectionFiledV1 } from './evaluation/objection-filed.v1';
import { ObjectionResolvedV1 } from './evaluation/objection-resolved.v1';
import { InterviewScheduledV1 } from './evaluation/interview-scheduled.v1';
import { AwardGrantedV1 } from './evaluation/award-granted.v1';
import { CertificateIssuedV1 } from './evaluation/certificate-issued.v1';
import { CertificateRevokedV1 } from './evaluation/certificate-revoked.v1';
import { CountersignRequestedV1 } from './replication/countersign-requested.v1';
import { CheckInDueV1 } from './replication/check-in-due.v1';
import { CheckInOverdueV1 } from './replication/check-in-overdue.v1';
import { ReplicationRecordedV1 } from './replication/link-recorded.v1';
import { ReplicationCountersignedV1 } from './replication/link-countersigned.v1';
import { ReplicationDisputedV1 } from './replication/link-disputed.v1';
import { ReplicationStatusChangedV1 } from './replication/link-status-changed.v1';
import { VisitRecordedV1 } from './replication/visit-recorded.v1';
import { VisitConfirmedV1 } from './replication/visit-confirmed.v1';
import { CheckInSubmittedV1 } from './replication/check-in-submitted.v1';
import { MessageDeadLetteredV1 } from './notifications/message-dead-lettered.v1';

/** Every event version the platform knows, for catalogue tests and tooling. */
export const ALL_EVENTS: readonly EventDescriptor[] = [
  InstitutionRegisteredV1,
  SigningKeyPublishedV1,
  InstitutionUpdatedV1,
  AccountCreatedV1,
  AccountRoleGrantedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  PasswordResetRequestedV1,
  LocalAdminRequestDecidedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  EditionPhaseChangedV1,
  ProposalForwardedV1,
  ProposalReturnedV1,
  ProposalWithdrawnV1,
  ProposalStalledV1,
  ProposalNudgedV1,
  InnovationPublishedV1,
  InnovationUpdatedV1,
  SelectionDecidedV1,
  AssignmentCreatedV1,
  AssignmentChangedV1,
  ScoreSubmittedV1,
  StageResultPublishedV1,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  InterviewScheduledV1,
  AwardGrantedV1,
  CertificateIssuedV1,
  CertificateRevokedV1,
  CountersignRequestedV1,
  CheckInDueV1,
  CheckInOverdueV1,
  ReplicationRecordedV1,
  ReplicationCountersignedV1,
  ReplicationDisputedV1,
  ReplicationStatusChangedV1,
  VisitRecordedV1,
  VisitConfirmedV1,
  CheckInSubmittedV1,
  MessageDeadLetteredV1,
];
