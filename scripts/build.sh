#!/usr/bin/env bash
# The main job: installs what is missing, builds both programs to SBPF v3 (first, so the .so
# files are ready early), regenerates and verifies IDLs and clients, and writes the compute
# report. Each step prints a line when it starts and ends with its time, and a line a minute
# while it runs. Only the programs: scripts/build-sbf.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$SECONDS
heartbeat=
trap '[[ -n $heartbeat ]] && kill "$heartbeat" 2>/dev/null || true' EXIT

# step NAME COMMAND...: runs COMMAND with a start line, a line a minute and an end line.
step() {
  local name="$1" t0=$SECONDS rc=0
  shift
  printf '\n==> [%ss] %s\n' "$((t0 - start))" "$name"
  # sleep without stdout/stderr: a pipe reading this script's output is not held open by it.
  (
    while sleep 60 >/dev/null 2>&1; do
      printf '    ... %s: still running (%ss)\n' "$name" "$((SECONDS - t0))"
    done
  ) &
  heartbeat=$!
  "$@" || rc=$?
  kill "$heartbeat" 2>/dev/null || true
  heartbeat=
  if ((rc)); then
    printf '==> %s FAILED after %ss\n' "$name" "$((SECONDS - t0))" >&2
    exit "$rc"
  fi
  printf '==> %s: done in %ss (total %ss)\n' "$name" "$((SECONDS - t0))" "$((SECONDS - start))"
}

source scripts/env.sh
# Fails with a message if a script lost its exec bit or a toolchain pin disagrees with
# rust-toolchain.toml. Every step below is required: none is skipped.
jito_preflight
step "setup (toolchain, sbpf-linker, codegen npm packages)" scripts/setup.sh
step "build SBF programs -> target/deploy/*.so" scripts/build-sbf.sh
step "build the vault program with the legacy numbering -> target/deploy/jito_vault_program_legacy.so" \
  scripts/build-sbf.sh --legacy-numbering
step "regenerate IDLs and clients" scripts/codegen.sh
step "compute report (compiles and runs the Mollusk benchmark)" scripts/compute-report.sh --write
printf '\nprograms: target/deploy/*.so   report: compute_reports/   total %ss\n' "$((SECONDS - start))"
