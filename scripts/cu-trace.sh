#!/usr/bin/env bash
# Where an instruction's compute units go: runs a compute benchmark with Mollusk's register
# tracing (cargo feature `mollusk-tests/trace`) and writes, for each benchmark record, the
# instructions the measured invocation executed, one line each (`pc: instruction`; a syscall's
# line names it), to target/cu-trace/<bench>/<program>/<Instruction>.txt, and prints a summary.
# CU = executed instructions + syscall costs (+ CPI work), so the listing is the whole own cost.
#
#   scripts/cu-trace.sh [compute_bench|ncn_bench] [test-name filter]
#   e.g. scripts/cu-trace.sh compute_bench lifecycle
#        scripts/cu-trace.sh ncn_bench
#        CU_TRACE_REUSE=1 scripts/cu-trace.sh compute_bench   (listings again, no new run)
#
# Tracing makes the benchmark slow (minutes for the lifecycle); the programs and their CU are the
# ones scripts/build-sbf.sh built (only empty section headers are added for the trace loader).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

bench="${1:-compute_bench}"
filter="${2:-}"
out="target/cu-trace/$bench"
raw="$out/raw"
if [[ ${CU_TRACE_REUSE:-} != 1 ]]; then # CU_TRACE_REUSE=1: only redo the listings
rm -rf "$out"
mkdir -p "$raw"

echo "cu-trace: running $bench${filter:+ ($filter)} with register tracing into $raw ..." >&2
SBF_TRACE_DIR="$PWD/$raw" SBF_TRACE_DISASSEMBLE=1 \
  cargo +"$JITO_TOOLCHAIN" test --workspace --features mollusk-tests/trace --test "$bench" \
  ${filter:+"$filter"} -- --test-threads=1 >"$out/test.log" 2>&1 || {
  tail -30 "$out/test.log" >&2
  echo "cu-trace: $bench failed (log: $out/test.log)" >&2
  exit 1
}
fi

# Each record links the run with its compute units (target/cu-trace/<bench>/raw/<program>/<name>
# -> raw/runs/<n>); the measured invocation is the run's last to finish (a CPI's callee finishes
# before its caller).
printf '%-10s %-46s %8s  %s\n' program instruction executed syscalls
for link in "$raw"/*/*; do
  [[ -L $link ]] || continue
  program="$(basename "$(dirname "$link")")"
  instruction="$(basename "$link")"
  last="$(ls -t "$link"/*.trace 2>/dev/null | head -1 || true)"
  [[ -n $last ]] || continue
  mkdir -p "$out/$program"
  listing="$out/$program/$instruction.txt"
  sed -E 's/^ *[0-9]+ \[[^]]*\] *//' "$last" >"$listing"
  syscalls="$(grep -o 'syscall [a-z_0-9]*' "$listing" | sed 's/syscall //' | sort | uniq -c |
    awk '{printf "%s%s x%d", sep, $2, $1; sep=", "}' || true)"
  printf '%-10s %-46s %8d  %s\n' "$program" "$instruction" "$(wc -l <"$listing")" "$syscalls"
done
echo "cu-trace: listings in $out/<program>/<Instruction>.txt" >&2
