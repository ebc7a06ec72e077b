#!/usr/bin/env bash
# Runs every test: builds the programs, runs the Rust tests (unit, Mollusk, IDL
# compatibility, clients), checks the compute budgets and report, checks that
# generated IDLs/clients are up to date, runs the JS end-to-end tests, and last the CLI and JS
# tests over JSON-RPC on a real agave test validator (scripts/test-validator.sh, which installs
# the validator once per machine).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh
step() { printf '\n==> %s\n' "$*"; }
start=$SECONDS
# Fails with a message if a script lost its exec bit or a toolchain pin disagrees with
# rust-toolchain.toml. Every step below is required: none is skipped.
jito_preflight

step "setup"
scripts/setup.sh
step "build SBF programs"
scripts/build-sbf.sh
step "build the vault program with the legacy numbering"
scripts/build-sbf.sh --legacy-numbering
step "build the logging builds (target/deploy/logging, checked by client_e2e)"
scripts/build-sbf.sh --logging

step "format and lints"
cargo +"$JITO_TOOLCHAIN" fmt --all --check
cargo +"$JITO_TOOLCHAIN" clippy --workspace --all-targets --locked --quiet -- -D warnings
# The clients' optional RPC reads (feature `fetch`, agave 4.3 client crates).
cargo +"$JITO_TOOLCHAIN" clippy -p jito-restaking-client -p jito-vault-client -p jito-ncn-client --features fetch \
  --locked --quiet -- -D warnings
# The harness's trace support (scripts/cu-trace.sh), compiled only with mollusk-tests/trace.
cargo +"$JITO_TOOLCHAIN" clippy --workspace --lib --features mollusk-tests/trace --locked --quiet -- -D warnings

# Every cargo command resolves features for the whole workspace (--workspace; a target filter
# where needed): `-p mollusk-tests` alone resolves other features (the CLI turns on the clients'
# `fetch` and agave's serde/wincode) and compiles the Mollusk/agave stack a second time.
step "Rust tests (unit, Mollusk, clients, CLI offline)"
mkdir -p target/cu
cu_file="$root/target/cu/measured.txt"
rm -f "$cu_file"
JITO_CU_OUT="$cu_file" cargo +"$JITO_TOOLCHAIN" test --workspace --locked

step "vault Mollusk tests against the legacy-numbered build (JITO_VAULT_NUMBERING=legacy)"
# Same tests and binaries; the harness loads jito_vault_program_legacy.so and sends every vault
# instruction through the client's legacy numbering (mollusk_tests::for_vault_build).
JITO_VAULT_NUMBERING=legacy cargo +"$JITO_TOOLCHAIN" test --workspace --locked --test 'vault_*'

step "oracle replay: counts (the replay itself ran above)"
cargo +"$JITO_TOOLCHAIN" test --workspace --locked -q --test oracle_replay -- --nocapture 2>&1 \
  | grep -E "^ORACLE|^  deviation"

step "Rust clients package (cargo package --locked)"
cargo +"$JITO_TOOLCHAIN" package --locked --quiet -p jito-restaking-client -p jito-vault-client -p jito-ncn-client

step "compute budgets and report"
scripts/compute-report.sh --check --measured "$cu_file"

step "generated IDLs and clients are up to date"
scripts/codegen.sh --check
step "JS end-to-end tests"
scripts/js-test.sh

step "tests on a real validator: the CLI and the JS client over JSON-RPC"
scripts/test-validator.sh

printf '\nall tests passed in %ss\n' "$((SECONDS - start))"
