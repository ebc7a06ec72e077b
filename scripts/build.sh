#!/usr/bin/env bash
# The main job: installs what is missing, builds both programs to SBPF v3,
# regenerates and verifies IDLs and clients, and writes the compute report.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step() { printf '\n==> %s\n' "$*"; }

step "setup"
scripts/setup.sh
step "build SBF programs"
scripts/build-sbf.sh
step "build the vault program with the legacy numbering"
scripts/build-sbf.sh --legacy-numbering
if [[ -x scripts/codegen.sh ]]; then
  step "regenerate IDLs and clients"
  scripts/codegen.sh
fi
step "compute report"
scripts/compute-report.sh --write
printf '\nprograms: target/deploy/*.so   report: compute_reports/\n'
