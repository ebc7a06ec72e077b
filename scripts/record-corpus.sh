#!/usr/bin/env bash
# Records the oracle corpus: runs the test targets that generate cases (the
# negative matrices, the random sequences, the compute benchmark, the token and
# Token-2022 scenarios, ...) with JITO_ORACLE_RECORD set, so that every restaking
# and vault instruction they run is also run on the ORIGINAL binaries
# (../shared/original-programs, or $JITO_ORIGINAL_PROGRAMS), then packs the
# results into mollusk_tests/corpus/*.bin.zst (committed). Needs the original
# binaries and the `zstd` command (level 19; the replay decodes with the pure-Rust
# ruzstd); the replay test (tests/oracle_replay.rs) needs neither.
#
#   scripts/record-corpus.sh            # the default target set
#   scripts/record-corpus.sh vault_crank restaking_init   # only these targets
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

originals="${JITO_ORIGINAL_PROGRAMS:-$root/../shared/original-programs}"
for f in jito_restaking_program.so jito_vault_program.so; do
  [[ -f "$originals/$f" ]] || { echo "missing $originals/$f (the original binaries)" >&2; exit 1; }
done
export JITO_ORIGINAL_PROGRAMS="$originals"

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(restaking_negative vault_negative restaking_random vault_random compute_bench
    restaking_init restaking_admin restaking_tickets restaking_handshake
    vault_admin vault_config vault_crank vault_delegation vault_deposit_withdraw
    vault_tickets vault_token vault_token_2022 vault_arithmetic vault_metadata)
fi

scripts/build-sbf.sh
raw="$root/target/oracle-raw"
rm -rf "$raw"
mkdir -p "$raw"
# The random sequences: the tests' fixed default seeds, 48 sequences each
# (about 6,000 instruction steps in all; JITO_RECORD_RANDOM_CASES to change).
# Build every target first (--workspace: the test command's features, so its build is reused):
# a build failure stops here; a failing test below is only a warning (its cases are recorded).
test_args=()
for t in "${targets[@]}"; do test_args+=(--test "$t"); done
cargo +"$JITO_TOOLCHAIN" test --workspace --locked --no-run "${test_args[@]}"
for t in "${targets[@]}"; do
  echo "==> recording $t"
  env_extra=()
  if [[ "$t" == *_random ]]; then
    env_extra=(JITO_PROPTEST_CASES="${JITO_RECORD_RANDOM_CASES:-48}")
  fi
  env "${env_extra[@]}" JITO_ORACLE_RECORD="$raw" cargo +"$JITO_TOOLCHAIN" test --workspace --locked --test "$t" -q 2>&1 | tail -3 || echo "warning: $t failed (its cases are recorded anyway)"
done
echo "==> packing"
cargo +"$JITO_TOOLCHAIN" run --locked -q -p mollusk-tests --bin oracle_pack -- "$raw"
