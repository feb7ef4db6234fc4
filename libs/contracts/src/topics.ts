import declared from '../topics.json';

export interface TopicDeclaration {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps messages forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
}

/** The declared list of topics (libs/contracts/topics.json). */
export const TOPICS: readonly TopicDeclaration[] = declared.topics as TopicDeclaration[];
