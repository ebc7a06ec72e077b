#!/usr/bin/env bash
# Runs every test: builds the programs, runs the Rust tests (unit, Mollusk, IDL
# compatibility, clients), checks the compute budgets and report, checks that
# generated IDLs/clients are up to date, and runs the JS end-to-end tests.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
step() { printf '\n==> %s\n' "$*"; }
start=$SECONDS

step "setup"
scripts/setup.sh
step "build SBF programs"
scripts/build-sbf.sh

step "format and lints"
cargo +"$JITO_TOOLCHAIN" fmt --all --check
cargo +"$JITO_TOOLCHAIN" clippy --workspace --all-targets --locked --quiet -- -D warnings

step "Rust tests (unit, Mollusk, clients)"
mkdir -p target/cu
cu_file="$root/target/cu/measured.txt"
rm -f "$cu_file"
JITO_CU_OUT="$cu_file" cargo +"$JITO_TOOLCHAIN" test --workspace --locked

step "oracle replay: counts (the replay itself ran above)"
cargo +"$JITO_TOOLCHAIN" test --locked -q -p mollusk-tests --test oracle_replay -- --nocapture 2>&1 \
  | grep -E "^ORACLE|^  deviation"

step "compute budgets and report"
scripts/compute-report.sh --check --measured "$cu_file"

if [[ -x scripts/codegen.sh ]]; then
  step "generated IDLs and clients are up to date"
  scripts/codegen.sh --check
fi
if [[ -x scripts/js-test.sh ]]; then
  step "JS end-to-end tests"
  scripts/js-test.sh
fi

printf '\nall tests passed in %ss\n' "$((SECONDS - start))"
