'use strict';
// @microsoft/app-manifest 1.1.2 requires 'fs-extra' without declaring it as a dependency.
// The manifest oracle only needs these few calls, so they are served from node's own fs.
const fs = require('fs');
module.exports = {
  pathExists: async (p) => fs.existsSync(p),
  readFile: (p, enc) => fs.promises.readFile(p, enc),
  readJson: async (p) => JSON.parse(await fs.promises.readFile(p, 'utf8')),
  writeJson: (p, obj, opts) => fs.promises.writeFile(p, JSON.stringify(obj, null, (opts && opts.spaces) || 0)),
};
