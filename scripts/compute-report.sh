#!/usr/bin/env bash
# The compute report: every instruction's CU as measured by the Mollusk compute
# benchmarks (mollusk_tests/tests/compute_bench.rs; ncn_bench.rs for the NCN program: fixed
# keys and states, so the figures are reproducible to the unit).
#
#   scripts/compute-report.sh --write              run the Mollusk tests, rewrite compute_reports/
#   scripts/compute-report.sh --update-budgets     same, and set every budget to CU + 2% (min +20)
#   scripts/compute-report.sh --check [--measured F]  fail on a budget overrun or a stale report
#   scripts/compute-report.sh --write --compare DIR   also run the tests against other builds in DIR
#                                  (jito_restaking_program.so, jito_vault_program.so, e.g. the
#                                  original programs dumped from a cluster) and add their CU
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

mode="" measured="" compare_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --write) mode=write ;;
    --update-budgets) mode=budgets ;;
    --check) mode=check ;;
    --measured) measured="$2"; shift ;;
    --compare) compare_dir="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -n "$mode" ]] || { echo "usage: $0 --write|--update-budgets|--check [--measured FILE] [--compare DIR]" >&2; exit 2; }

# --workspace: the features of the test command's `cargo test --workspace`, so that its build is
# reused (`-p mollusk-tests` alone resolves other features and compiles the agave stack again).
# The report itself is the test target compute_report (no libtest harness; mollusk_tests/Cargo.toml).
report=(cargo +"$JITO_TOOLCHAIN" test --workspace --quiet --locked --test compute_report --)
mkdir -p target/cu

measure() { # $1: output file; remaining: extra cargo test flags
  local out="$1"; shift
  rm -f "$out"
  JITO_CU_OUT="$out" cargo +"$JITO_TOOLCHAIN" test --workspace --locked --test compute_bench --test ncn_bench --quiet "$@"
}

if [[ -z "$measured" ]]; then
  measured="$root/target/cu/measured.txt"
  measure "$measured"
fi

args=("$mode" --measured "$measured")
if [[ -n "$compare_dir" ]]; then
  compare="$root/target/cu/compare.txt"
  # Build first: a build failure stops here. Another build may then fail tests that pin this
  # project's behaviour; its successes still count, but it must have measured something.
  cargo +"$JITO_TOOLCHAIN" test --workspace --locked --test compute_bench --test ncn_bench --quiet --no-run
  rc=0
  JITO_SBF_OUT_DIR="$(cd "$compare_dir" && pwd)" measure "$compare" --no-fail-fast || rc=$?
  if [[ ! -s $compare ]]; then
    echo "error: the benchmark measured nothing on the builds in $compare_dir (exit $rc)" >&2
    exit 1
  fi
  ((rc == 0)) || echo "note: some benchmark cases failed on the builds in $compare_dir (exit $rc); the report compares the others" >&2
  args+=(--compare "$compare")
fi
"${report[@]}" "${args[@]}"
