// Copied by scripts/codegen/codama.mjs from scripts/codegen/js/describeError.ts; do not edit.

// Names a failed transaction's program error: which Jito program failed, with which code, what
// the error is called and what it means. Takes any failure: a LiteSVM
// `FailedTransactionMetadata` (send or simulate), a `@solana/kit` `SolanaError` (thrown by
// `sendTransaction` / `sendAndConfirmTransaction`, or the instruction error itself), the value
// of a `simulateTransaction` response (`{ err, logs }`), or a bare transaction error
// (`{ InstructionError: [index, { Custom: code }] }`).
//
// The failing program comes from the runtime's log line `Program <id> failed: custom program
// error: 0x..` when the failure carries logs (LiteSVM, preflight, simulation), else from the
// instruction index and `options.instructions` (the transaction message's instructions).
// The restaking and vault programs both number their errors from 1000, so a code alone does not
// name the error.

import {
  type Address,
  isSolanaError,
  SOLANA_ERROR__INSTRUCTION_ERROR__CUSTOM,
} from "@solana/kit";

import {
  type JitoErrorInfo,
  NCN_DEFAULT_PROGRAM_ADDRESS,
  NCN_ERRORS,
  RESTAKING_DEFAULT_PROGRAM_ADDRESS,
  RESTAKING_ERRORS,
  VAULT_DEFAULT_PROGRAM_ADDRESS,
  VAULT_ERRORS,
} from "./errorTables.js";

export type JitoProgramName = "restaking" | "vault" | "ncn";

export type JitoErrorDescription = {
  /** `restaking`, `vault` or `ncn`; `null` when the failing program is none of them (e.g. SPL Token). */
  readonly program: JitoProgramName | null;
  /** The failing program's address, when the failure tells it. */
  readonly programAddress: Address | null;
  /** Index of the failing instruction in the transaction, when known. */
  readonly instructionIndex: number | null;
  /** The custom error code (`Custom(code)`). */
  readonly code: number;
  /** The error's name, e.g. `VaultUpdateNeeded`; `null` for another program's code. */
  readonly name: string | null;
  /** What the error means, from the program sources. */
  readonly message: string;
  /** One line: `vault: VaultUpdateNeeded (1020): <message>`. */
  readonly text: string;
};

export type DescribeJitoErrorOptions = {
  /** The restaking program's id if not the original one. */
  readonly restakingProgram?: Address;
  /** The vault program's id if not the original one. */
  readonly vaultProgram?: Address;
  /** The NCN program's id if not the template's default. */
  readonly ncnProgram?: Address;
  /** The failed transaction's instructions (e.g. its transaction message's `instructions`). */
  readonly instructions?:
    | ReadonlyArray<{ readonly programAddress: Address }>
    | Readonly<Record<number, { readonly programAddress: Address }>>;
  /** Program logs, when the failure object does not carry them. */
  readonly logs?: readonly string[];
};

type Extracted = { code: number; index: number | null; logs: readonly string[] };

const FAILED_LOG = /^Program (\w+) failed: custom program error: 0x([0-9a-fA-F]+)$/;

/**
 * Describes the custom program error inside `failure`, or returns `null` when it holds none
 * (a success, a signature or account-loading error, a builtin instruction error).
 */
export function describeJitoError(
  failure: unknown,
  options: DescribeJitoErrorOptions = {},
): JitoErrorDescription | null {
  const extracted = extract(failure, 0);
  if (!extracted) return null;
  const { code, index } = extracted;
  const logs = options.logs ?? extracted.logs;

  // The first failure line with this code is the program that raised it (an outer program
  // that invoked it fails with the same code after it).
  let programAddress: Address | null = null;
  for (const line of logs) {
    const m = FAILED_LOG.exec(line.trim());
    if (m && parseInt(m[2], 16) === code) {
      programAddress = m[1] as Address;
      break;
    }
  }
  if (!programAddress && index !== null && options.instructions) {
    const ix = (options.instructions as Record<number, { programAddress: Address } | undefined>)[index];
    programAddress = ix?.programAddress ?? null;
  }

  const restaking = options.restakingProgram ?? (RESTAKING_DEFAULT_PROGRAM_ADDRESS as Address);
  const vault = options.vaultProgram ?? (VAULT_DEFAULT_PROGRAM_ADDRESS as Address);
  const ncn = options.ncnProgram ?? (NCN_DEFAULT_PROGRAM_ADDRESS as Address);
  const tables: ReadonlyArray<[JitoProgramName, Address, Readonly<Record<number, JitoErrorInfo>>]> = [
    ["restaking", restaking, RESTAKING_ERRORS],
    ["vault", vault, VAULT_ERRORS],
    ["ncn", ncn, NCN_ERRORS],
  ];
  const match = tables.find(([, address]) => address === programAddress);
  const program: JitoProgramName | null = match ? match[0] : null;
  const info: JitoErrorInfo | undefined = match ? match[2][code] : undefined;

  const name = info?.name ?? null;
  const message =
    info?.message ??
    (program
      ? `The ${program} program has no error with this code.`
      : `Custom error of ${programAddress ?? "an unknown program"}; not a Jito program error.`);
  const text = `${program ?? programAddress ?? "unknown program"}: ${name ?? "Custom"} (${code}): ${message}`;
  return Object.freeze({ program, programAddress, instructionIndex: index, code, name, message, text });
}

function asCode(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "bigint") return Number(value);
  return null;
}

function logsOf(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((l): l is string => typeof l === "string") : [];
}

// `{ InstructionError: [index, { Custom: code }] }`, as in RPC responses (numbers or bigints).
function fromTransactionError(err: unknown): Extracted | null {
  if (!err || typeof err !== "object" || !("InstructionError" in err)) return null;
  const pair = (err as { InstructionError: unknown }).InstructionError;
  if (!Array.isArray(pair) || pair.length !== 2) return null;
  const inner = pair[1];
  if (!inner || typeof inner !== "object" || !("Custom" in inner)) return null;
  const code = asCode((inner as { Custom: unknown }).Custom);
  if (code === null) return null;
  return { code, index: asCode(pair[0]), logs: [] };
}

function extract(failure: unknown, depth: number): Extracted | null {
  if (depth > 8 || failure === null || failure === undefined || typeof failure !== "object") return null;
  const f = failure as Record<string, unknown>;

  // LiteSVM FailedTransactionMetadata: err() -> TransactionErrorInstructionError { index, err() }.
  if (typeof f.err === "function" && typeof f.meta === "function") {
    const err = (f.err as () => unknown).call(failure) as Record<string, unknown> | number | undefined;
    const meta = (f.meta as () => { logs?: () => string[] }).call(failure);
    const logs = typeof meta?.logs === "function" ? meta.logs() : [];
    if (err && typeof err === "object" && typeof err.err === "function") {
      const inner = (err.err as () => unknown).call(err) as Record<string, unknown> | number | undefined;
      const code = inner && typeof inner === "object" ? asCode(inner.code) : null;
      if (code !== null) return { code, index: asCode(err.index), logs };
    }
    return null;
  }

  // @solana/kit errors: the instruction error itself, or an error whose cause chain holds it
  // (preflight failure: context.logs + cause).
  if (isSolanaError(failure)) {
    if (isSolanaError(failure, SOLANA_ERROR__INSTRUCTION_ERROR__CUSTOM)) {
      return { code: Number(failure.context.code), index: asCode(failure.context.index), logs: [] };
    }
    const found = extract((failure as { cause?: unknown }).cause, depth + 1);
    if (!found) return null;
    const context = (failure as { context?: Record<string, unknown> }).context ?? {};
    return found.logs.length ? found : { ...found, logs: logsOf(context.logs) };
  }

  // A simulation response (`{ value: { err, logs } }`), its value, or a bare transaction error.
  if ("value" in f && f.value && typeof f.value === "object") return extract(f.value, depth + 1);
  if ("err" in f) {
    const found = fromTransactionError(f.err);
    return found ? { ...found, logs: logsOf(f.logs) } : null;
  }
  const direct = fromTransactionError(failure);
  if (direct) return direct;
  if (failure instanceof Error && failure.cause) return extract(failure.cause, depth + 1);
  return null;
}
