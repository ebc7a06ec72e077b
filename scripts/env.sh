# Sourced by the scripts: the pinned toolchain and tool versions, in one place.
# The Rust toolchain is rust-toolchain.toml's `channel` (the one pin; scripts/check-pins.sh fails
# if anything else names another nightly).
_jito_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JITO_TOOLCHAIN="$(sed -n 's/^channel *= *"\([^"]*\)".*/\1/p' "$_jito_root/rust-toolchain.toml")"
if [[ -z $JITO_TOOLCHAIN ]]; then
  echo "scripts/env.sh: no channel = \"...\" line in $_jito_root/rust-toolchain.toml" >&2
  return 1 2>/dev/null || exit 1
fi
export JITO_TOOLCHAIN
export JITO_SBPF_LINKER_VERSION="0.2.6"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Mollusk turns on agave's debug logs (one line per failed instruction) unless RUST_LOG says otherwise.
export RUST_LOG="${RUST_LOG:-error}"

# The sources a program build depends on, one `sha256  path` line each (sorted, paths relative to
# the workspace root): every .rs and Cargo.toml under programs/, the workspace Cargo.toml and
# Cargo.lock, and scripts/build-sbf.sh (its flags). scripts/build-sbf.sh writes it next to the .so
# files it copies (target/deploy/.sources, .sources_legacy; target/deploy/logging/...); the Mollusk
# harness (mollusk_tests/src/lib.rs, `read_program`) recomputes it and refuses a .so whose sources
# changed since. Keep the two file lists in step.
jito_program_sources() {
  (
    cd "$_jito_root"
    {
      find programs -type f \( -name '*.rs' -o -name Cargo.toml \) -not -path '*/target/*'
      printf '%s\n' Cargo.toml Cargo.lock scripts/build-sbf.sh
    } | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha256sum
  )
}

# Checks the scripts/test.sh and scripts/build.sh run first; fails with a message naming the fix:
#   - every script is executable (a lost exec bit must not skip a step);
#   - every toolchain pin in the repository names rust-toolchain.toml's channel.
jito_preflight() {
  local failed=0 f
  for f in "$_jito_root"/scripts/*.sh; do
    [[ $(basename "$f") == env.sh ]] && continue # sourced, not run
    if [[ ! -x $f ]]; then
      echo "error: scripts/$(basename "$f") is not executable: chmod +x scripts/$(basename "$f")" >&2
      failed=1
    fi
  done
  local pins
  pins="$(cd "$_jito_root" && git grep -nIE 'nightly-[0-9]{4}-[0-9]{2}-[0-9]{2}' -- . ':!Cargo.lock' \
    | grep -v "$JITO_TOOLCHAIN" || true)"
  if [[ -n $pins ]]; then
    printf '%s\n' "$pins" >&2
    echo "error: the lines above pin another toolchain than rust-toolchain.toml ($JITO_TOOLCHAIN): edit rust-toolchain.toml, the one pin, and make them agree" >&2
    failed=1
  fi
  return "$failed"
}
