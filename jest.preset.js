// Shared jest configuration: SWC transpiles TypeScript (with decorator metadata for
// NestJS), path aliases resolve to library sources, and every project has two jest
// projects: `unit` (specs beside the code) and `integration` (real infrastructure).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const workspaceRoot = __dirname;

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(workspaceRoot, target),
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

function project(projectDir, displayName, testMatch, extra = {}) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform,
    moduleNameMapper,
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch,
    ...extra,
  };
}

/** Builds the jest configuration of one Nx project. */
function jestConfig(projectDir, { integrationTimeoutMs = 120_000 } = {}) {
  return {
    projects: [
      project(projectDir, 'unit', ['<rootDir>/src/**/*.spec.ts']),
      project(projectDir, 'integration', ['<rootDir>/test/**/*.int-spec.ts']),
    ],
    // A guard against hangs on real infrastructure, never a performance assertion.
    testTimeout: integrationTimeoutMs,
    reporters: ['default', path.join(workspaceRoot, 'tools/jest-summary-reporter.cjs')],
  };
}

module.exports = { jestConfig, moduleNameMapper, transform, workspaceRoot };
