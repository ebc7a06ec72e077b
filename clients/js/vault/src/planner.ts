// Planner for a vault's epoch update (hand-written, not generated; the Rust client has the same
// planner in clients/rust/vault/src/planner.rs).
//
// A vault needs InitializeVaultUpdateStateTracker, one crank per operator in the tracker's index
// order (starting at `ncnEpoch % operatorCount`, wrapping around), then
// CloseVaultUpdateStateTracker. `planVaultUpdate` packs those steps into the fewest transactions:
// consecutive cranks in one transaction become one BatchCrankVaultUpdateStateTracker instruction,
// and every transaction stays within the packet size (measured on the compiled, encoded
// transaction), the account-lock limit and the compute limits. It resumes a partial update from
// the tracker's last cranked index. Packing is greedy, which is minimal here: the steps form a
// sequence and any part of a feasible transaction is feasible.
//
// Numbering: `input.numbering` (default 'master') tags every vault instruction of the plan
// (through withVaultNumbering: InitializeVaultUpdateStateTracker 27 / legacy 26,
// CloseVaultUpdateStateTracker 29 / legacy 28, the batch crank 34 in both).
// `planVaultUpdateChecked(input, { cache, simulate })` first asks the deployed program its
// numbering (GetNumbering) and refuses to plan for a program of the other numbering.

import {
  type Address,
  type AddressesByLookupTableAddress,
  type Instruction,
  type TransactionSigner,
  appendTransactionMessageInstructions,
  compileTransaction,
  compressTransactionMessageUsingAddressLookupTables,
  createTransactionMessage,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  type Blockhash,
} from '@solana/kit';

import {
  JITO_VAULT_PROGRAM_ADDRESS,
  WithdrawalAllocationMethod,
  findVaultUpdateStateTrackerPda,
  getBatchCrankVaultUpdateStateTrackerInstruction,
  getCloseVaultUpdateStateTrackerInstruction,
  getInitializeVaultUpdateStateTrackerInstruction,
} from './generated/index.js';
import {
  type SimulateInstruction,
  type VaultNumbering,
  type VaultNumberingCache,
  withVaultNumbering,
} from './numbering.js';

/** Largest serialized transaction (IPv6 MTU minus headers). */
export const PACKET_DATA_SIZE = 1232;
/** Accounts one transaction may reference (every key, programs included). */
export const MAX_TX_ACCOUNT_LOCKS = 64;
/** Compute units one transaction may use. */
export const MAX_TX_COMPUTE_UNITS = 1_400_000;
/** Compute units each instruction gets without a SetComputeUnitLimit instruction. */
export const DEFAULT_INSTRUCTION_COMPUTE_UNITS = 200_000;

/**
 * Upper bounds of the vault instructions' compute (the compute benchmark's figures,
 * compute_reports/vault.md, with a margin); the same as the Rust planner's.
 */
export const UPDATE_COMPUTE_UNITS = {
  initializeTracker: 6_000,
  closeTracker: 3_000,
  batchCrankBase: 4_000,
  batchCrankPerOperator: 600,
  computeBudget: 150,
} as const;

export const SYSTEM_PROGRAM_ADDRESS = '11111111111111111111111111111111' as Address;
export const COMPUTE_BUDGET_PROGRAM_ADDRESS = 'ComputeBudget111111111111111111111111111111' as Address;

/** The current epoch's tracker: absent, or open with its `lastUpdatedIndex` (u64::MAX before the first crank). */
export type TrackerStatus = { kind: 'absent' } | { kind: 'open'; lastUpdatedIndex: bigint };

export type VaultUpdateInput = {
  /** The vault program's id (instructions and the tracker PDA use it). */
  vaultProgram?: Address;
  config: Address;
  vault: Address;
  /** Fee payer, and payer of the tracker's rent (refunded at the close). */
  payer: TransactionSigner;
  /** The current NCN epoch (slot / config.epochLength). */
  ncnEpoch: bigint;
  operatorCount: bigint;
  tracker: TrackerStatus;
  /** The vault's operator delegations by operator index (operatorCount of them). */
  delegations: readonly Address[];
  /** Plan v0 transactions with this lookup table (its address and contents); otherwise legacy. */
  lookupTable?: { address: Address; addresses: readonly Address[] };
  /** Adds SetComputeUnitLimit (the estimate) and SetComputeUnitPrice (micro-lamports per CU). */
  computeUnitPrice?: bigint;
  /**
   * The numbering of the vault program (default 'master'). Not checked here: use
   * planVaultUpdateChecked to have the deployed program confirm it.
   */
  numbering?: VaultNumbering;
};

export type PlannedTransaction = {
  instructions: Instruction[];
  /** The operator indices it cranks, in order. */
  operators: bigint[];
  /** Serialized size with the payer's signature (bytes), from the compiled transaction. */
  size: number;
  /** Accounts it references (programs included). */
  accountLocks: number;
  /** Estimated compute units. */
  computeUnits: number;
};

const U64_MAX = 0xffff_ffff_ffff_ffffn;

/** The operator indices still to crank, in the order the tracker accepts them. */
export function remainingOperators(ncnEpoch: bigint, operatorCount: bigint, tracker: TrackerStatus): bigint[] {
  const n = operatorCount;
  if (n === 0n) return [];
  const start = ncnEpoch % n;
  let next = start;
  let done = 0n;
  if (tracker.kind === 'open' && tracker.lastUpdatedIndex !== U64_MAX) {
    const last = tracker.lastUpdatedIndex;
    if (last < 0n || last >= n) {
      throw new Error(`tracker index ${last} is not an operator index (operator count ${n})`);
    }
    next = (last + 1n) % n;
    done = ((last + n - start) % n) + 1n;
  }
  const out: bigint[] = [];
  for (let i = 0n; i < n - done; i++) out.push((next + i) % n);
  return out;
}

/** Estimated CU of a BatchCrankVaultUpdateStateTracker over `k` operators. */
export function batchCrankComputeUnits(k: number): number {
  return UPDATE_COMPUTE_UNITS.batchCrankBase + UPDATE_COMPUTE_UNITS.batchCrankPerOperator * Math.max(k - 1, 0);
}

type Step = { kind: 'initialize' } | { kind: 'crank'; index: bigint } | { kind: 'close' };

// Any blockhash: the size does not depend on it.
const SIZE_BLOCKHASH = {
  blockhash: '11111111111111111111111111111111' as Blockhash,
  lastValidBlockHeight: 0n,
};

/**
 * Serialized size (from the compiled, encoded transaction) and account count of a transaction of
 * `instructions` paid by `payer`; the size is infinite beyond MAX_TX_ACCOUNT_LOCKS accounts.
 */
export function transactionShape(
  payer: TransactionSigner,
  instructions: readonly Instruction[],
  lookupTable?: { address: Address; addresses: readonly Address[] },
): { size: number; accountLocks: number } {
  const keys = new Set<string>([payer.address]);
  for (const ix of instructions) {
    keys.add(ix.programAddress);
    for (const meta of ix.accounts ?? []) keys.add(meta.address);
  }
  // The compiler refuses more accounts than a transaction may lock.
  if (keys.size > MAX_TX_ACCOUNT_LOCKS) return { size: Number.POSITIVE_INFINITY, accountLocks: keys.size };
  const encoder = getTransactionEncoder();
  let size: number;
  if (lookupTable) {
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      m => setTransactionMessageFeePayerSigner(payer, m),
      m => setTransactionMessageLifetimeUsingBlockhash(SIZE_BLOCKHASH, m),
      m => appendTransactionMessageInstructions(instructions, m),
      m =>
        compressTransactionMessageUsingAddressLookupTables(m, {
          [lookupTable.address]: [...lookupTable.addresses],
        } as AddressesByLookupTableAddress),
    );
    size = encoder.encode(compileTransaction(message)).length;
  } else {
    const message = pipe(
      createTransactionMessage({ version: 'legacy' }),
      m => setTransactionMessageFeePayerSigner(payer, m),
      m => setTransactionMessageLifetimeUsingBlockhash(SIZE_BLOCKHASH, m),
      m => appendTransactionMessageInstructions(instructions, m),
    );
    size = encoder.encode(compileTransaction(message)).length;
  }
  return { size, accountLocks: keys.size };
}

function u32le(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

function u64le(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n, true);
  return out;
}

function computeBudget(data: number[] | Uint8Array): Instruction {
  return { programAddress: COMPUTE_BUDGET_PROGRAM_ADDRESS, accounts: [], data: Uint8Array.from(data) };
}

function build(input: VaultUpdateInput, tracker: Address, steps: Step[]): PlannedTransaction | null {
  const programAddress = input.vaultProgram ?? JITO_VAULT_PROGRAM_ADDRESS;
  const numbering = input.numbering ?? 'master';
  const instructions: Instruction[] = [];
  const operators: bigint[] = [];
  let computeUnits = 0;
  let maxInstructionUnits = 0;
  for (let i = 0; i < steps.length; ) {
    const step = steps[i];
    if (step.kind === 'initialize') {
      instructions.push(
        withVaultNumbering(
          getInitializeVaultUpdateStateTrackerInstruction(
            {
              config: input.config,
              vault: input.vault,
              vaultUpdateStateTracker: tracker,
              payer: input.payer,
              systemProgram: SYSTEM_PROGRAM_ADDRESS,
              withdrawalAllocationMethod: WithdrawalAllocationMethod.Greedy,
            },
            { programAddress },
          ),
          numbering,
        ),
      );
      computeUnits += UPDATE_COMPUTE_UNITS.initializeTracker;
      maxInstructionUnits = Math.max(maxInstructionUnits, UPDATE_COMPUTE_UNITS.initializeTracker);
      i++;
    } else if (step.kind === 'crank') {
      const delegations: Address[] = [];
      for (let s = steps[i]; s?.kind === 'crank'; s = steps[++i]) {
        delegations.push(input.delegations[Number(s.index)]);
        operators.push(s.index);
      }
      instructions.push(
        withVaultNumbering(
          getBatchCrankVaultUpdateStateTrackerInstruction(
            {
              config: input.config,
              vault: input.vault,
              vaultUpdateStateTracker: tracker,
              vaultOperatorDelegations: delegations,
            },
            { programAddress },
          ),
          numbering,
        ),
      );
      const units = batchCrankComputeUnits(delegations.length);
      computeUnits += units;
      maxInstructionUnits = Math.max(maxInstructionUnits, units);
    } else {
      instructions.push(
        withVaultNumbering(
          getCloseVaultUpdateStateTrackerInstruction(
            {
              config: input.config,
              vault: input.vault,
              vaultUpdateStateTracker: tracker,
              payer: input.payer,
              ncnEpoch: input.ncnEpoch,
            },
            { programAddress },
          ),
          numbering,
        ),
      );
      computeUnits += UPDATE_COMPUTE_UNITS.closeTracker;
      maxInstructionUnits = Math.max(maxInstructionUnits, UPDATE_COMPUTE_UNITS.closeTracker);
      i++;
    }
  }
  if (input.computeUnitPrice === undefined && maxInstructionUnits > DEFAULT_INSTRUCTION_COMPUTE_UNITS) return null;
  if (input.computeUnitPrice !== undefined) {
    computeUnits += 2 * UPDATE_COMPUTE_UNITS.computeBudget;
    instructions.unshift(
      computeBudget([2, ...u32le(Math.min(computeUnits, MAX_TX_COMPUTE_UNITS))]),
      computeBudget([3, ...u64le(input.computeUnitPrice)]),
    );
  }
  if (computeUnits > MAX_TX_COMPUTE_UNITS) return null;
  // Account locks first: the compiler refuses nothing, but a transaction over the limit fails.
  const shape = transactionShape(input.payer, instructions, input.lookupTable);
  if (shape.size > PACKET_DATA_SIZE || shape.accountLocks > MAX_TX_ACCOUNT_LOCKS) return null;
  return { instructions, operators, size: shape.size, accountLocks: shape.accountLocks, computeUnits };
}

/**
 * Plans the update: the fewest transactions, to be sent in order. Never empty: even with every
 * operator cranked, the tracker must still be closed. (A vault already updated this epoch needs
 * no plan; check its lastFullStateUpdateSlot first.)
 */
export async function planVaultUpdate(input: VaultUpdateInput): Promise<PlannedTransaction[]> {
  if (BigInt(input.delegations.length) !== input.operatorCount) {
    throw new Error(`expected ${input.operatorCount} delegation addresses, got ${input.delegations.length}`);
  }
  const programAddress = input.vaultProgram ?? JITO_VAULT_PROGRAM_ADDRESS;
  const [tracker] = await findVaultUpdateStateTrackerPda(
    { vault: input.vault, ncnEpoch: input.ncnEpoch },
    { programAddress },
  );
  const steps: Step[] = [];
  if (input.tracker.kind === 'absent') steps.push({ kind: 'initialize' });
  for (const index of remainingOperators(input.ncnEpoch, input.operatorCount, input.tracker)) {
    steps.push({ kind: 'crank', index });
  }
  steps.push({ kind: 'close' });

  const plan: PlannedTransaction[] = [];
  let current: Step[] = [];
  let last: PlannedTransaction | null = null;
  for (const step of steps) {
    const next = build(input, tracker, [...current, step]);
    if (next) {
      current.push(step);
      last = next;
      continue;
    }
    if (!last) throw new Error('one update step does not fit in a transaction');
    plan.push(last);
    current = [step];
    last = build(input, tracker, current);
    if (!last) throw new Error('one update step does not fit in a transaction');
  }
  if (last) plan.push(last);
  return plan;
}

/**
 * planVaultUpdate after the deployed program at `input.vaultProgram` confirmed it speaks
 * `input.numbering` (default 'master'): `cache.get` simulates GetNumbering with `simulate` the
 * first time (e.g. `simulateNumberingQueryWithRpc(rpc, payer)`), then
 * - the program reports that numbering: the plan;
 * - it reports the other one: rejects with VaultNumberingMismatchError, planning nothing, so
 *   nothing can be sent with tags the program would read as other instructions;
 * - it cannot say ('unknown', an original binary, which rejects GetNumbering): the plan in the
 *   requested numbering, as configured (`await cache.get(...)` tells, without asking again).
 */
export async function planVaultUpdateChecked(
  input: VaultUpdateInput,
  check: { cache: VaultNumberingCache; simulate: SimulateInstruction },
): Promise<PlannedTransaction[]> {
  const programAddress = input.vaultProgram ?? JITO_VAULT_PROGRAM_ADDRESS;
  await check.cache.check(programAddress, input.numbering ?? 'master', check.simulate);
  return planVaultUpdate(input);
}
