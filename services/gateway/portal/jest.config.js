// Unit specs of the portal: *.spec.ts(x) beside the code, in jsdom with Node's fetch
// (jest-environment.cjs). React Router and its dependencies ship as ESM only, so they are
// transpiled to CommonJS like our sources.
const path = require('node:path');
const { moduleNameMapper, workspaceRoot } = require('../../../jest.preset');

const esmOnlyPackages = ['react-router', '@remix-run/route-pattern', 'cookie-es'];

const swc = (syntax) => [
  syntax === 'ecmascript' ? path.join(__dirname, 'jest-esm-transform.cjs') : '@swc/jest',
  {
    jsc: {
      parser: syntax === 'ecmascript' ? { syntax } : { syntax, tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  // One jest project, named like every project's unit specs (`--selectProjects unit`).
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: path.join(__dirname, 'jest-environment.cjs'),
      testEnvironmentOptions: { url: 'http://127.0.0.1/' },
      transform: {
        [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.m?js$`]: swc('ecmascript'),
        '^.+\\.tsx?$': swc('typescript'),
      },
      transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
      moduleNameMapper,
      moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
      setupFilesAfterEnv: ['<rootDir>/jest-setup.ts'],
    },
  ],
  reporters: ['default', path.join(workspaceRoot, 'tools/jest-summary-reporter.cjs')],
};
