#!/usr/bin/env bash
# Regenerates everything derived from the interface crates:
#   idl/jito_{restaking,vault}.json     Shank IDLs     (scripts/codegen/shank-idl)
#   idl/codama/*.json                   Codama trees   (scripts/codegen/codama.mjs)
#   clients/rust/*/src/generated        Rust clients
#   clients/js/*/src/generated          TypeScript clients (@solana/kit)
#
#   scripts/codegen.sh           regenerate
#   scripts/codegen.sh --check   regenerate, then fail if anything under idl/ or clients/
#                                differs from git (modified or untracked files)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/env.sh

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: scripts/codegen.sh [--check]" >&2; exit 2 ;;
esac

step() { printf '==> %s\n' "$*"; }
start=$SECONDS

# npm deps of the generator, from the committed lockfile. `npm install` rather than `npm ci`
# (see CODEGEN notes: `npm ci` trips over optional platform packages the registry lacks).
codegen_dir=scripts/codegen
if [[ ! -d $codegen_dir/node_modules ]] || [[ $codegen_dir/package-lock.json -nt $codegen_dir/node_modules/.package-lock.json ]]; then
  step "npm install (scripts/codegen)"
  (cd "$codegen_dir" && npm install --no-audit --no-fund --loglevel=error)
fi

step "Shank IDLs"
RUST_BACKTRACE=0 cargo +"$JITO_TOOLCHAIN" run --locked --quiet -p jito-shank-idl -- --root "$root" --out "$root/idl"

step "Codama trees and clients"
node "$codegen_dir/codama.mjs" --root "$root"

if (( check )); then
  step "drift check (idl/, clients/)"
  untracked="$(git ls-files --others --exclude-standard -- idl clients)"
  if ! git diff --quiet -- idl clients || [[ -n $untracked ]]; then
    git --no-pager diff --stat -- idl clients
    [[ -n $untracked ]] && printf 'untracked:\n%s\n' "$untracked"
    echo "generated IDLs/clients are out of date: run scripts/codegen.sh and commit the result" >&2
    exit 1
  fi
fi
step "codegen done in $((SECONDS - start))s"
