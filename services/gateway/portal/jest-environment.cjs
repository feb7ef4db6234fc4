// jsdom, plus Node's own fetch and its companions: jsdom has no fetch, and the specs call
// real HTTP servers on 127.0.0.1 rather than a mocked fetch. AbortController comes along so
// that the signals the portal passes are the ones Node's fetch understands.
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal'];
const IF_MISSING = ['TextEncoder', 'TextDecoder'];

class PortalEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    for (const name of IF_MISSING) this.global[name] ??= globalThis[name];
  }
}

module.exports = PortalEnvironment;
