// Run after `npm install` / `npm ci` (package.json "postinstall"): fixes, in node_modules, a bug of
// an installed dependency that has no fixed release yet. Each fix checks the code it replaces and
// says so when it is not there (already fixed upstream, or changed): it never patches blindly.
//
// postgres.js 3.4.9 (porsager/postgres issues 1066, 1154, 1208): a small write is deferred with
// setImmediate; when the server closes the connection before it runs (pg_terminate_backend, a
// failover, a restart), nextWrite() calls socket.write on a null socket and throws from the
// timer, an uncaught exception that ends the whole process instead of the query failing with
// CONNECTION_CLOSED and postgres.js reconnecting. The guard below settles the pending queries with
// that error, as the upstream pull requests (1168, 1176, 1209) do.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* cyber8k: guard nextWrite against a closed socket */';
const ORIGINAL = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const PATCHED = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

// A direct dependency, so npm installs it at the top of node_modules.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');
if (!existsSync(path.join(root, 'package.json'))) {
  console.warn(`patch-dependencies: ${root} is not installed; nothing to patch`);
} else {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    const code = readFileSync(full, 'utf8');
    if (code.includes(MARK)) continue;
    if (!code.includes(ORIGINAL)) {
      console.warn(`patch-dependencies: postgres ${version} ${file} no longer has the unguarded nextWrite; check whether the fix is still needed`);
      continue;
    }
    writeFileSync(full, code.replace(ORIGINAL, PATCHED));
    console.log(`patch-dependencies: postgres ${version} ${file}: nextWrite guarded against a closed socket`);
  }
}
