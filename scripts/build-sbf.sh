#!/usr/bin/env bash
# Builds the programs (restaking, vault, NCN) to SBPF v3 with the upstream
# `bpfel-unknown-none` target and sbpf-linker (no Solana platform-tools), into
# target/deploy/*.so.
#
# Reproducible: absolute paths are remapped, so two clones produce identical files.
#
#   scripts/build-sbf.sh                      release programs, master numbering: target/deploy/*.so
#   scripts/build-sbf.sh --legacy-numbering   the vault program with the older deployed
#                                             numbering (cargo feature legacy-numbering):
#                                             target/deploy/jito_vault_program_legacy.so
#   scripts/build-sbf.sh --logging            debug builds (cargo feature `logging`) into
#                                             target/deploy/logging/*.so: a failing instruction
#                                             logs the failed check, the index of the account it
#                                             failed on and the error code. More CU and bytes;
#                                             never deploy them. The release files are not
#                                             touched (nor changed by the feature).
# The two flags combine (a legacy-numbered logging build). Each build also writes the list of the
# sources it came from (`.sources`, `.sources_legacy` next to the .so files; scripts/env.sh
# `jito_program_sources`), which the Mollusk harness checks before loading a .so.
set -euo pipefail

logging=0 legacy=0
for arg in "$@"; do
  case "$arg" in
    --logging) logging=1 ;;
    --legacy-numbering) legacy=1 ;;
    *) echo "usage: scripts/build-sbf.sh [--legacy-numbering] [--logging]" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

# Program crates to build (package name -> output name lib<name>.so).
packages=(jito-restaking-program jito-vault-program jito-ncn-program)
extra_packages=()
features=()
suffix=""
if (( legacy )); then
  packages=(jito-vault-program)
  features+=(jito-vault-program/legacy-numbering)
  suffix="_legacy"
elif (( !logging )) && [[ -d mollusk_tests/metaplex_recorder ]]; then
  extra_packages+=(metaplex-recorder)
fi

sysroot="$(rustc +"$JITO_TOOLCHAIN" --print sysroot)"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
flags=(
  -C panic=abort
  -C relocation-model=static
  -C jump-tables=no
  -C target-cpu=v4
  -C target-feature=+allows-misaligned-mem-access
  -C link-arg=--arch=v3
  -C link-arg=--llvm-args=--bpf-stack-size=4096
  -C link-arg=--llvm-args=--disable-movsx
  -C link-arg=--llvm-args=--disable-ldsx
  -C link-arg=--llvm-args=--disable-bswap
  -C link-arg=--deploy=false
  --remap-path-prefix="$cargo_home/registry/src=/cargo"
  --remap-path-prefix="$sysroot=/rustc"
  --remap-path-prefix="$root=/jito"
)
# CARGO_ENCODED_RUSTFLAGS: one flag per \x1f-separated field, so paths may contain spaces.
encoded="$(printf '%s\x1f' "${flags[@]}")"
export CARGO_ENCODED_RUSTFLAGS="${encoded%$'\x1f'}"
unset RUSTFLAGS

pkg_args=()
for p in "${packages[@]}" "${extra_packages[@]}"; do pkg_args+=(-p "$p"); done
# Each feature set has its own target dir: switching features in one would rebuild and relink.
target_dir=target/sbf
out_dir=target/deploy
if (( legacy )); then
  target_dir+=-legacy
fi
if (( logging )); then
  for p in "${packages[@]}"; do features+=("$p/logging"); done
  target_dir+=-logging
  out_dir=target/deploy/logging
fi
if (( ${#features[@]} )); then
  pkg_args+=(--features "$(IFS=,; echo "${features[*]}")")
fi

sources="$(jito_program_sources)"
cargo +"$JITO_TOOLCHAIN" build --release --locked \
  --target bpfel-unknown-none \
  --target-dir "$target_dir" \
  -Z build-std=core,alloc \
  --config 'target.bpfel-unknown-none.linker="sbpf-linker"' \
  "${pkg_args[@]}" 2> >(grep -v 'unable to open .*libLLVM.*dlopen failed' >&2)

mkdir -p "$out_dir"
for p in "${packages[@]}" "${extra_packages[@]}"; do
  name="${p//-/_}"
  cp "$target_dir/bpfel-unknown-none/release/lib${name}.so" "$out_dir/${name}${suffix}.so"
done
# The sources this build comes from, taken before it starts (an edit during the build leaves the
# result stale): the Mollusk harness refuses these .so files once the sources differ.
printf '%s\n' "$sources" >"$out_dir/.sources${suffix}"
for p in "${packages[@]}"; do
  f="$out_dir/${p//-/_}${suffix}.so"
  printf '%s  %s bytes  sha256 %s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
done
