'use strict';
// Reads all of standard input as UTF-8 and parses it as JSON.
module.exports = async function readStdinJson() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};
