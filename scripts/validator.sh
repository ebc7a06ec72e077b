#!/usr/bin/env bash
# Installs the agave test validator (`solana-test-validator` from the `agave-validator` 4.2.2
# crate on crates.io) once per machine, into ~/.cache/jito-restaking (like sbpf-linker in
# ~/.cargo/bin: a tool, not a build product, so a fresh clone or a clean target/ reuses it).
# The CLI and JS end-to-end tests run it.
#
# Why 4.2.2: it is the newest agave whose ledger builds against the rocksdb on crates.io (4.3.x
# calls methods of agave's patched rocksdb, which is not published), and its solana-sbpf 0.21.1
# has the same SBPF v3 (SIMD-0377) as the 0.23 our Mollusk uses, so the v3 programs load.
# 3.1.x runs an older, incompatible "v3". Built with the pinned nightly, -O1 and no LTO: a test
# validator only runs for minutes, and -O1 roughly halves the build (~50 min on 2 cores, once).
# Prints a line a minute while cargo runs.
#   scripts/validator.sh           install if missing, print the binary's path last
#   scripts/validator.sh --path    print the binary's path only (no build)
# JITO_TOOLS_DIR moves the cache; JITO_TEST_VALIDATOR (read by the tests) overrides the binary.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

AGAVE_VERSION="4.2.2"
tools="${JITO_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jito-restaking}"
dest="$tools/agave-$AGAVE_VERSION"
bin="$dest/bin/solana-test-validator"

if [[ "${1:-}" == "--path" ]]; then
  echo "$bin"
  exit 0
fi

if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "$AGAVE_VERSION"; then
  echo "$bin"
  exit 0
fi

# Native dependencies of the validator's crates (rocksdb via bindgen, hidapi, prost).
missing=()
command -v clang >/dev/null || missing+=(clang libclang-dev)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
pkg-config --exists libudev 2>/dev/null || missing+=(libudev-dev)
command -v cmake >/dev/null || missing+=(cmake)
if ((${#missing[@]})); then
  echo "==> installing Debian packages: ${missing[*]}" >&2
  if [[ $(id -u) -eq 0 ]]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

t0=$SECONDS
echo "==> building solana-test-validator (agave-validator $AGAVE_VERSION) into $dest; once per machine, ~50 min on 2 cores" >&2
(
  while sleep 60 >/dev/null 2>&1; do
    echo "    ... solana-test-validator build: still running ($((SECONDS - t0))s)" >&2
  done
) &
heartbeat=$!
trap 'kill "$heartbeat" 2>/dev/null || true' EXIT
CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
CARGO_PROFILE_RELEASE_LTO=false \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
CARGO_PROFILE_RELEASE_DEBUG=0 \
CARGO_TARGET_DIR="$tools/validator-build" \
  cargo +"$JITO_TOOLCHAIN" install agave-validator --version "=$AGAVE_VERSION" --locked \
  --bin solana-test-validator --root "$dest" --no-track >&2
kill "$heartbeat" 2>/dev/null || true
echo "==> solana-test-validator built in $((SECONDS - t0))s" >&2
# The build directory is only needed to resume a failed build.
rm -rf "$tools/validator-build"
echo "$bin"
