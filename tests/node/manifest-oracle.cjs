'use strict';
// Manifest oracle for the .NET tests: validates Teams manifests against the schema bundled in
// @microsoft/app-manifest (resolved offline from each manifest's $schema).
// stdin: {"cases":[{"id","manifest"}]} -> {"results":[{"id","errors":["/path message. Details: ..."]}]}
const Module = require('module');
const path = require('path');
const readStdinJson = require('./lib/read-stdin.cjs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'fs-extra') {
    try { return resolve.call(this, request, ...rest); } catch { return path.join(__dirname, 'lib', 'fs-extra-shim.cjs'); }
  }
  return resolve.call(this, request, ...rest);
};
const { AppManifestUtils } = require('@microsoft/app-manifest');

readStdinJson().then(async (input) => {
  const results = [];
  for (const c of input.cases) {
    results.push({ id: c.id, errors: await AppManifestUtils.validateAgainstSchema(c.manifest) });
  }
  process.stdout.write(JSON.stringify({ results }));
}).catch((e) => { process.stderr.write(String(e && e.stack ? e.stack : e)); process.exit(1); });
