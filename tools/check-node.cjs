// Fails loudly when the platform is about to run on a Node.js older than the one in
// package.json "engines" (the machine's system Node 20 is end-of-life).
const { engines } = require('../package.json');
const required = Number(/(\d+)/.exec(engines.node)[1]);
const actual = Number(process.versions.node.split('.')[0]);
if (actual < required) {
  process.stderr.write(
    `[kipp] Node.js ${process.versions.node} is too old: the platform needs Node.js ${required}+.\n` +
      `[kipp] Run it through npm (npm start, npm test), which provides Node.js ${required} from node_modules.\n`,
  );
  process.exit(1);
}
