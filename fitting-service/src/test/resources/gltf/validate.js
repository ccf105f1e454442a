// Validates a glTF binary with the Khronos glTF validator and prints its report as JSON on stdout.
// Usage: node validate.js <node_modules directory holding gltf-validator> <file.glb>
// GlbWriterTest runs it; the module directory is passed in because the validator is installed under
// target/, not next to this script.
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, file] = process.argv.slice(2);
const validator = require(path.resolve(modules, 'gltf-validator'));
const bytes = new Uint8Array(fs.readFileSync(file));

validator.validateBytes(bytes, { uri: path.basename(file), maxIssues: 200 })
  .then((report) => process.stdout.write(JSON.stringify(report)))
  .catch((error) => {
    console.error('gltf-validator failed: ' + error);
    process.exit(2);
  });
