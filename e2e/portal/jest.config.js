const { jestConfig } = require('../../jest.preset');

// The portal in a real browser against the whole platform, its services started as processes.
// The timeout guards against hangs only: a scenario walks several pages and waits for events.
module.exports = jestConfig(__dirname, { integrationTimeoutMs: 300_000 });
