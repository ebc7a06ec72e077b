#!/usr/bin/env bash
# Packaging test of the JS clients, as a new user gets them: `npm pack` the three packages (built
# to dist/ by scripts/js-test.sh or here), install the tarballs into a new app in a temporary
# directory outside the workspace (no links; registry packages pinned by
# clients/js/pack-test/package-lock.json), then there:
#   1. every bare import in each package's dist/ is a declared peer dependency (or dependency);
#   2. node examples/vault-deposit-withdraw.mjs   ES modules, plain node: vault deposit + withdrawal
#                                                 (NODE_ENV=production: error messages are kept)
#   3. node examples/restaking-handshake.cjs      CommonJS (require): restaking handshake at other ids
#   4. tsc --noEmit (module/moduleResolution nodenext, strict) over typecheck.ts (import types),
#      typecheck.cts (require types) and both examples (checkJs).
# Both examples run on LiteSVM with target/deploy/*.so.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
js="$root/clients/js"
step() { printf '==> %s\n' "$*"; }
start=$SECONDS

for so in jito_restaking_program jito_vault_program; do
  [[ -f $root/target/deploy/$so.so ]] || { echo "target/deploy/$so.so missing: run scripts/build-sbf.sh" >&2; exit 1; }
done
for pkg in restaking vault ncn; do
  [[ -f $js/$pkg/dist/esm/index.js && -f $js/$pkg/dist/cjs/index.js ]] || (cd "$js/$pkg" && npm run --silent build)
done

app="$(mktemp -d "${TMPDIR:-/tmp}/jito-pack-test.XXXXXX")"
trap 'rm -rf "$app"' EXIT
step "npm pack (into $app)"
for pkg in restaking vault ncn; do
  (cd "$js/$pkg" && npm pack --silent --pack-destination "$app" >/dev/null)
done
ls -l "$app"/*.tgz | awk '{ printf "    %s  %s bytes\n", $NF, $5 }'

cp "$js/pack-test/package.json" "$js/pack-test/package-lock.json" "$js/pack-test/tsconfig.json" \
  "$js/pack-test/typecheck.ts" "$js/pack-test/typecheck.cts" \
  "$js/examples/vault-deposit-withdraw.mjs" "$js/examples/restaking-handshake.cjs" "$app/"
cd "$app"
step "npm install of the tarballs (registry packages from the lockfile, npm cache first)"
npm install --prefer-offline --no-audit --no-fund --loglevel=error \
  ./jito-restaking-client-*.tgz ./jito-vault-client-*.tgz ./jito-ncn-client-*.tgz
for pkg in jito-restaking-client jito-vault-client jito-ncn-client; do
  [[ -d node_modules/$pkg && ! -L node_modules/$pkg ]] || { echo "$pkg is not installed as a copy" >&2; exit 1; }
done

step "peer dependencies cover every import of dist/"
node --input-type=module - <<'JS'
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const walk = d => readdirSync(d).flatMap(n => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
let failed = false;
for (const name of ['jito-restaking-client', 'jito-vault-client', 'jito-ncn-client']) {
  const dir = join('node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const declared = new Set([...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {})]);
  const used = new Set();
  for (const file of walk(join(dir, 'dist')).filter(f => /\.(js|d\.ts)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from\s+|require\(|import\()\s*["']([^"'.][^"']*)["']/g)) {
      used.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  const missing = [...used].filter(d => !declared.has(d) && !d.startsWith('node:'));
  console.log(`    ${name}@${pkg.version}: imports ${[...used].sort().join(', ')}`);
  if (missing.length) {
    console.error(`${name}: imported but not in peerDependencies/dependencies: ${missing.join(', ')}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
JS

step "ES modules, plain node: vault deposit and withdrawal (NODE_ENV=production: messages stay)"
NODE_ENV=production node vault-deposit-withdraw.mjs "$root/target/deploy"
step "CommonJS, require: restaking handshake at other program ids"
node restaking-handshake.cjs "$root/target/deploy"
step "the NCN client through import and require: an instruction and a PDA at another program id"
node --input-type=module -e "
import * as ncn from 'jito-ncn-client';
import { generateKeyPairSigner } from '@solana/kit';
const [other, admin, key] = await Promise.all([generateKeyPairSigner(), generateKeyPairSigner(), generateKeyPairSigner()]);
const ix = await ncn.getInitializeConfigInstructionAsync({ ncn: key.address, ncnFeeWallet: key.address, ncnAdmin: admin, tieBreakerAdmin: key.address, epochsBeforeStall: 10n, epochsAfterConsensusBeforeClose: 10n, validSlotsAfterConsensus: 10000n, ncnFeeBps: 100 }, { programAddress: other.address });
const [config] = await ncn.findConfigPda({ ncn: key.address }, { programAddress: other.address });
if (ix.programAddress !== other.address || ix.accounts[0].address !== config) throw new Error('NCN client ignored the program id');
const d = ncn.describeJitoError({ InstructionError: [0, { Custom: 8740 }] }, { instructions: [{ programAddress: other.address }], ncnProgram: other.address });
if (d?.name !== 'CannotVoteWithZeroStake') throw new Error('NCN error not described: ' + d?.text);
console.log('    ESM: ' + d.text);
"
node -e "
const ncn = require('jito-ncn-client');
if (typeof ncn.getCastVoteInstructionAsync !== 'function' || ncn.NCN_ERRORS[8740].name !== 'CannotVoteWithZeroStake') throw new Error('CommonJS NCN client incomplete');
console.log('    CJS: ' + Object.keys(ncn).length + ' exports');
"
step "tsc --noEmit (nodenext, strict)"
npx --no-install tsc -p tsconfig.json

step "packaging test passed in $((SECONDS - start))s"
