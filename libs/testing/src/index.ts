export * from './authenticated-user';
export * from './event-builder';
export * from './infrastructure';
export * from './smtp-capture';
export * from './test-database';
export * from './test-topics';
export * from './test-issuer';
export * from './service-test-app';
