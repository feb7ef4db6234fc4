const { jestConfig } = require('../../jest.preset');

// jose 6 ships as ESM only. Node 24 can require() it natively, but jest's module runtime
// cannot without --experimental-vm-modules, so its files are transpiled to CommonJS here.
const esmOnlyPackages = ['jose'];

const esmTransform = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
];

const config = jestConfig(__dirname);

module.exports = {
  ...config,
  projects: config.projects.map((project) => ({
    ...project,
    transform: {
      ...project.transform,
      [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: esmTransform,
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  })),
};
