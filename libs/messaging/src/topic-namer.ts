import { deadLetterTopicOf, type EventDescriptor } from '@kipp/contracts';

/**
 * Maps contract topics to broker topics. The prefix is empty in every deployment; tests set
 * it so that parallel test files never share a topic.
 */
export class TopicNamer {
  constructor(readonly prefix = '') {}

  topicOf(descriptor: Pick<EventDescriptor, 'topic'>): string {
    return `${this.prefix}${descriptor.topic}`;
  }

  deadLetterTopicOf(topic: string): string {
    return deadLetterTopicOf(topic);
  }
}
