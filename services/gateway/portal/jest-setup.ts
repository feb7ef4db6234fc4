import { configure } from '@testing-library/react';

// `findBy…` and `waitFor` wait for the page to settle, not against a clock: on a loaded
// machine a page backed by a real local server can take well over the library's 1 s default.
configure({ asyncUtilTimeout: 30_000 });

// Above those waits, so a slow page fails with what it was waiting for. Set here: jest reads
// `testTimeout` only from the top level of a configuration, never from one of its projects.
jest.setTimeout(60_000);
