// Hand-written (not generated): the two deployed vault instruction numberings.
//
// The generated builders write master's tags (Jito 8109c879, idl/jito_vault.json):
// RevokeDelegateTokenAccount = 21, SetAdmin … SetConfigSecondaryAdmin = 22 … 33. Vault binaries
// deployed before RevokeDelegateTokenAccount was inserted, and this project's legacy-numbering
// build, use the legacy numbering (idl/jito_vault_legacy.json): SetAdmin … SetConfigAdmin =
// 21 … 31, RevokeDelegateTokenAccount = 32, SetConfigSecondaryAdmin = 33. A master-numbered
// instruction sent to a legacy program runs a *different* instruction on the same accounts and
// data (a master AddDelegation, 24, is a legacy CooldownDelegation).
//
//   const ix = withVaultNumbering(await getSetAdminInstructionAsync({ ... }), 'legacy');
//
// and, before sending to a deployed program, check its numbering once per program:
//
//   const numberings = new VaultNumberingCache();
//   await numberings.check(programAddress, 'legacy', simulateNumberingQueryWithRpc(rpc, payer));

import {
  type Address,
  type Base64EncodedWireTransaction,
  type Blockhash,
  type Instruction,
  type Rpc,
  type SimulateTransactionApi,
  appendTransactionMessageInstruction,
  compileTransaction,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  getBase64Encoder,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
} from '@solana/kit';

import { JITO_VAULT_PROGRAM_ADDRESS } from './generated/index.js';

/** A vault instruction numbering: `master` (what the builders write) or `legacy`. */
export type VaultNumbering = 'master' | 'legacy';

/** What a deployed vault program said: its numbering, or `unknown` (an original binary). */
export type DeployedVaultNumbering = VaultNumbering | 'unknown';

/** Tag of GetNumbering, the read-only numbering query (the same in both numberings). */
export const GET_NUMBERING_TAG = 36;

// Master tags the legacy numbering moves.
const REVOKE_DELEGATE_TOKEN_ACCOUNT = 21;
const SET_ADMIN = 22;
const SET_CONFIG_ADMIN = 32;
const LEGACY_SET_ADMIN = 21;
const LEGACY_SET_CONFIG_ADMIN = 31;
const LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT = 32;

/** The tag in `numbering` of the instruction whose master tag is `masterTag` (a bijection on bytes). */
export function vaultTag(numbering: VaultNumbering, masterTag: number): number {
  if (numbering === 'master') return masterTag;
  if (masterTag === REVOKE_DELEGATE_TOKEN_ACCOUNT) return LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT;
  if (masterTag >= SET_ADMIN && masterTag <= SET_CONFIG_ADMIN) return masterTag - 1;
  return masterTag;
}

/** The master tag of the instruction whose tag in `numbering` is `tag` (inverse of `vaultTag`). */
export function vaultMasterTag(numbering: VaultNumbering, tag: number): number {
  if (numbering === 'master') return tag;
  if (tag === LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT) return REVOKE_DELEGATE_TOKEN_ACCOUNT;
  if (tag >= LEGACY_SET_ADMIN && tag <= LEGACY_SET_CONFIG_ADMIN) return tag + 1;
  return tag;
}

/**
 * `instruction`, built by this client (master tag), with its tag rewritten for `numbering`.
 * Accounts and arguments are the same in both numberings. Returns a new instruction.
 */
export function withVaultNumbering<T extends Instruction>(instruction: T, numbering: VaultNumbering): T {
  const data = instruction.data;
  if (numbering === 'master' || !data || data.length === 0) return instruction;
  const retagged = Uint8Array.from(data);
  retagged[0] = vaultTag(numbering, data[0]);
  return { ...instruction, data: retagged };
}

/** The GetNumbering query (no accounts, data `[36]`): simulate it, it writes nothing. */
export function getNumberingQueryInstruction(programAddress: Address = JITO_VAULT_PROGRAM_ADDRESS): Instruction {
  return { programAddress, data: new Uint8Array([GET_NUMBERING_TAG]) };
}

/** Return data of a simulation: the program that set it and the bytes. */
export type SimulatedReturnData = { programId: Address; data: Uint8Array };

/**
 * Simulates one instruction; resolves to its return data, or `null` when the simulation
 * failed or set none. Reject only when the simulation could not be run (RPC down).
 */
export type SimulateInstruction = (instruction: Instruction) => Promise<SimulatedReturnData | null>;

/** Reads GetNumbering's answer; return data of another program does not count. */
export function deployedNumberingFromReturnData(
  programAddress: Address,
  returnData: SimulatedReturnData | null | undefined,
): DeployedVaultNumbering {
  if (!returnData || returnData.programId !== programAddress || returnData.data.length !== 1) return 'unknown';
  if (returnData.data[0] === 0) return 'master';
  if (returnData.data[0] === 1) return 'legacy';
  return 'unknown';
}

/** A client of one numbering about to talk to a program of the other: nothing was sent. */
export class VaultNumberingMismatchError extends Error {
  constructor(
    readonly programAddress: Address,
    readonly client: VaultNumbering,
    readonly program: VaultNumbering,
  ) {
    super(
      `vault numbering mismatch: the client uses the ${client} numbering but program ${programAddress} ` +
        `reports the ${program} numbering; nothing was sent (a mismatched tag would run a different instruction)`,
    );
    this.name = 'VaultNumberingMismatchError';
  }
}

/**
 * Whether a client of `client` numbering may send to a program that reported `deployed`:
 * `true` when confirmed, `false` when unknown (an original binary: go by your configuration,
 * and warn), throws `VaultNumberingMismatchError` on a mismatch.
 */
export function checkVaultNumbering(
  programAddress: Address,
  client: VaultNumbering,
  deployed: DeployedVaultNumbering,
): boolean {
  if (deployed === 'unknown') return false;
  if (deployed !== client) throw new VaultNumberingMismatchError(programAddress, client, deployed);
  return true;
}

/** GetNumbering answers per program address: each program is asked once. */
export class VaultNumberingCache {
  readonly #known = new Map<Address, DeployedVaultNumbering>();

  /** The numbering of `programAddress`, simulating GetNumbering the first time. */
  async get(programAddress: Address, simulate: SimulateInstruction): Promise<DeployedVaultNumbering> {
    const known = this.#known.get(programAddress);
    if (known) return known;
    const answer = deployedNumberingFromReturnData(
      programAddress,
      await simulate(getNumberingQueryInstruction(programAddress)),
    );
    this.#known.set(programAddress, answer);
    return answer;
  }

  /** `get`, then `checkVaultNumbering`: call before sending instructions of `client` numbering. */
  async check(programAddress: Address, client: VaultNumbering, simulate: SimulateInstruction): Promise<boolean> {
    return checkVaultNumbering(programAddress, client, await this.get(programAddress, simulate));
  }
}

/**
 * A `SimulateInstruction` over an RPC (`simulateTransaction`, signatures not verified, the
 * blockhash replaced by the node). `feePayer` must be an existing account: simulation still
 * charges the fee.
 */
export function simulateNumberingQueryWithRpc(
  rpc: Rpc<SimulateTransactionApi>,
  feePayer: Address,
): SimulateInstruction {
  return async instruction => {
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      m => setTransactionMessageFeePayer(feePayer, m),
      // Any blockhash: the node replaces it (replaceRecentBlockhash).
      m =>
        setTransactionMessageLifetimeUsingBlockhash(
          { blockhash: '11111111111111111111111111111111' as Blockhash, lastValidBlockHeight: 0n },
          m,
        ),
      m => appendTransactionMessageInstruction(instruction, m),
    );
    const wire: Base64EncodedWireTransaction = getBase64EncodedWireTransaction(compileTransaction(message));
    const { value } = await rpc
      .simulateTransaction(wire, { encoding: 'base64', sigVerify: false, replaceRecentBlockhash: true })
      .send();
    if (value.err || !value.returnData) return null;
    const [base64] = value.returnData.data;
    return { programId: value.returnData.programId, data: Uint8Array.from(getBase64Encoder().encode(base64)) };
  };
}
