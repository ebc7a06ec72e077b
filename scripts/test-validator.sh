#!/usr/bin/env bash
# The tests on a real agave test validator over JSON-RPC: the CLI end to end
# (clients/cli/tests/validator_e2e.rs) and the JS client (clients/js/test/validator/).
# Installs the validator first when missing (scripts/validator.sh; once per machine, see README) and the
# programs when target/deploy lacks them. A missing validator fails, never skips.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
step() { printf '\n==> [%ss] %s\n' "$((SECONDS - start))" "$*"; }
start=$SECONDS

step "agave test validator (scripts/validator.sh)"
JITO_TEST_VALIDATOR="$(scripts/validator.sh)"
export JITO_TEST_VALIDATOR
for so in jito_restaking_program jito_vault_program; do
  if [[ ! -f target/deploy/$so.so ]]; then
    step "build SBF programs"
    scripts/build-sbf.sh
    break
  fi
done

step "CLI end to end on the test validator"
# --workspace: the features the workspace test run resolved, so its build is reused.
cargo +"$JITO_TOOLCHAIN" test --workspace --locked --test validator_e2e -- --ignored --nocapture

step "JS client over RPC on the test validator"
cd clients/js
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm install --no-audit --no-fund --loglevel=error
fi
node --import tsx --test test/validator/*.test.ts

printf '\nvalidator tests passed in %ss\n' "$((SECONDS - start))"
