#!/usr/bin/env bash
# JS side: installs the client workspace's npm deps (committed lockfile), builds the two
# packages (tsc: dist/esm, dist/cjs, .d.ts), type-checks the clients and the tests, runs the
# end-to-end tests (node:test + LiteSVM) against target/deploy/*.so (build them with
# scripts/build-sbf.sh), then the packaging test (scripts/js-pack-test.sh: npm pack, install
# the tarballs into a new app outside the workspace, run the examples with plain node).
# test/validator/ (JSON-RPC on the agave test validator) runs from scripts/test-validator.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/clients/js"
step() { printf '==> %s (%ss)\n' "$1" "$((SECONDS - start))"; }
start=$SECONDS

# `npm install`, not `npm ci`: see scripts/codegen/README.md.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm install (clients/js)"
  npm install --no-audit --no-fund --loglevel=error
fi
for so in jito_restaking_program jito_vault_program jito_vault_program_legacy jito_ncn_program; do
  [[ -f $root/target/deploy/$so.so ]] || { echo "target/deploy/$so.so missing: run scripts/build-sbf.sh (and --legacy-numbering)" >&2; exit 1; }
done

step "build the packages (tsc: dist/esm, dist/cjs)"
npm run --silent build --workspaces
step "tsc (clients and tests)"
npx --no-install tsc -p .
step "end-to-end tests (LiteSVM)"
node --import tsx --test test/*.test.ts
step "packaging test"
"$root/scripts/js-pack-test.sh"
step "JS tests done"
