const { jestConfig } = require('../jest.preset');

// Whole services run as child processes here; allow for their start-up on a busy machine.
module.exports = jestConfig(__dirname, { integrationTimeoutMs: 240_000 });
