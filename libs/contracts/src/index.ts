export * from './envelope';
export * from './descriptor';
export * from './catalogue';
export * from './topics';
export * from './registration/institution-registered.v1';
export * from './registration/signing-key-published.v1';
