# Sourced by the scripts: the pinned toolchain and tool versions, in one place.
export JITO_TOOLCHAIN="nightly-2026-10-30"
export JITO_SBPF_LINKER_VERSION="0.2.6"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Mollusk turns on agave's debug logs (one line per failed instruction) unless RUST_LOG says otherwise.
export RUST_LOG="${RUST_LOG:-error}"
