#!/usr/bin/env bash
# Builds both programs to SBPF v3 with the upstream `bpfel-unknown-none` target and
# sbpf-linker (no Solana platform-tools), into target/deploy/*.so.
#
#   scripts/build-sbf.sh                      both programs, master numbering
#   scripts/build-sbf.sh --legacy-numbering   the vault program with the older deployed
#                                             numbering (cargo feature legacy-numbering),
#                                             target/deploy/jito_vault_program_legacy.so
#
# Reproducible: absolute paths are remapped, so two clones produce identical files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

legacy=0
case "${1:-}" in
  "") ;;
  --legacy-numbering) legacy=1 ;;
  *) echo "usage: scripts/build-sbf.sh [--legacy-numbering]" >&2; exit 2 ;;
esac

# Program crates to build (package name -> output name lib<name>.so).
packages=(jito-restaking-program jito-vault-program)
extra_packages=()
feature_args=()
suffix=""
if (( legacy )); then
  packages=(jito-vault-program)
  feature_args=(--features jito-vault-program/legacy-numbering)
  suffix="_legacy"
elif [[ -d mollusk_tests/metaplex_recorder ]]; then
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

cargo +"$JITO_TOOLCHAIN" build --release --locked \
  --target bpfel-unknown-none \
  --target-dir target/sbf \
  -Z build-std=core,alloc \
  --config 'target.bpfel-unknown-none.linker="sbpf-linker"' \
  "${pkg_args[@]}" "${feature_args[@]}" 2> >(grep -v 'unable to open .*libLLVM.*dlopen failed' >&2)

mkdir -p target/deploy
for p in "${packages[@]}" "${extra_packages[@]}"; do
  name="${p//-/_}"
  cp "target/sbf/bpfel-unknown-none/release/lib${name}.so" "target/deploy/${name}${suffix}.so"
done
for p in "${packages[@]}"; do
  f="target/deploy/${p//-/_}${suffix}.so"
  printf '%s  %s bytes  sha256 %s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
done
