#!/usr/bin/env bash
# Installs what the build needs and is missing; skips what is present.
#   - the pinned nightly (LLVM 23) with rust-src, rustfmt, clippy
#   - sbpf-linker (relinks upstream BPF output into SBPF v3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

step() { printf '==> %s\n' "$*"; }

if ! rustup toolchain list | grep -q "^$JITO_TOOLCHAIN"; then
  step "installing toolchain $JITO_TOOLCHAIN"
  rustup toolchain install "$JITO_TOOLCHAIN" --profile minimal \
    --component rust-src,rustfmt,clippy --no-self-update
else
  installed="$(rustup +"$JITO_TOOLCHAIN" component list --installed 2>/dev/null || true)"
  for c in rust-src rustfmt clippy; do
    if ! grep -q "^$c" <<<"$installed"; then
      step "adding $c to $JITO_TOOLCHAIN"
      rustup component add "$c" --toolchain "$JITO_TOOLCHAIN"
    fi
  done
fi

# Capture first: `grep -q` closing the pipe early would make the pipeline fail under pipefail.
linker_version="$(sbpf-linker --version 2>/dev/null || true)"
if ! grep -q "^sbpf-linker $JITO_SBPF_LINKER_VERSION\b" <<<"$linker_version"; then
  step "installing sbpf-linker $JITO_SBPF_LINKER_VERSION"
  cargo +"$JITO_TOOLCHAIN" install sbpf-linker --version "$JITO_SBPF_LINKER_VERSION" --locked
fi
