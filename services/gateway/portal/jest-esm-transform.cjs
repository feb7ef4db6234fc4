// Transpiles ESM-only packages for jest with SWC. React Router reads `import.meta.hot`
// (Vite's hot reload) in one error path; CommonJS has no `import.meta`, and nothing is hot
// in a test, so it reads as undefined.
const { createTransformer } = require('@swc/jest');

const withoutImportMeta = (source) => source.replaceAll('import.meta.hot', 'undefined');

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    return {
      ...swc,
      process: (source, path, config) => swc.process(withoutImportMeta(source), path, config),
      processAsync: (source, path, config) =>
        swc.processAsync(withoutImportMeta(source), path, config),
      getCacheKey: (source, path, config) =>
        swc.getCacheKey(withoutImportMeta(source), path, config),
    };
  },
};
