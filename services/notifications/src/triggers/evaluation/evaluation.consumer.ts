import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AssignmentChangedV1,
  AssignmentCreatedV1,
  AwardGrantedV1,
  CertificateIssuedV1,
  CertificateRevokedV1,
  InterviewScheduledV1,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  ScoreSubmittedV1,
  SelectionDecidedV1,
  StageResultPublishedV1,
} from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { AssignmentTriggers } from './assignment.triggers';
import { InterviewTriggers } from './interview.triggers';
import { ObjectionTriggers } from './objection.triggers';
import { ResultsTriggers } from './results.triggers';

/** The one handler per evaluation topic: directory upkeep and notices, in its session. */
@Injectable()
export class EvaluationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly assignments: AssignmentTriggers,
    private readonly results: ResultsTriggers,
    private readonly objections: ObjectionTriggers,
    private readonly interviews: InterviewTriggers,
  ) {}

  onModuleInit(): void {
    this.consumer
      .on(SelectionDecidedV1, (event, { session }) => this.results.selectionDecided(event, session))
      .on(AssignmentCreatedV1, (event, { session }) => this.assignments.created(event, session))
      .on(AssignmentChangedV1, (event, { session }) => this.assignments.changed(event, session))
      .on(ScoreSubmittedV1, (event, { session }) => this.assignments.scored(event, session))
      .on(StageResultPublishedV1, (event, { session }) =>
        this.results.stageResultPublished(event, session),
      )
      .on(ObjectionFiledV1, (event, { session }) => this.objections.filed(event, session))
      .on(ObjectionResolvedV1, (event, { session }) => this.objections.resolved(event, session))
      .on(InterviewScheduledV1, (event, { session }) => this.interviews.scheduled(event, session))
      .on(AwardGrantedV1, (event, { session }) => this.results.awardGranted(event, session))
      .on(CertificateIssuedV1, (event, { session }) =>
        this.results.certificateIssued(event, session),
      )
      .on(CertificateRevokedV1, (event, { session }) =>
        this.results.certificateRevoked(event, session),
      );
  }
}
