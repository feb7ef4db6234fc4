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

// Packages that ship as ESM only. Node 24 can require() them natively, but jest's module
// runtime cannot without --experimental-vm-modules, so they are transpiled to CommonJS.
const esmOnlyPackages = ['jose'];

const transform = {
  [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
  ],
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
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
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
