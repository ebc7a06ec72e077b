// LiteSVM harness for the end-to-end tests: loads the two built programs
// (target/deploy/*.so, from scripts/build-sbf.sh) at their default ids; SPL Token and the
// associated token program come with LiteSVM's default programs. Instructions of the
// programs under test are built only with the generated clients (jito-restaking-client,
// jito-vault-client); @solana-program/{system,token} build the token set-up.

import { existsSync } from 'node:fs';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

import { getCreateAccountInstruction } from '@solana-program/system';
import {
  TOKEN_PROGRAM_ADDRESS,
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstructionAsync,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToInstruction,
  getTokenDecoder,
} from '@solana-program/token';
import {
  type Address,
  type Decoder,
  type Instruction,
  type KeyPairSigner,
  type RpcTransport,
  type TransactionSigner,
  type AddressesByLookupTableAddress,
  appendTransactionMessageInstructions,
  compressTransactionMessageUsingAddressLookupTables,
  createSolanaRpcFromTransport,
  createTransactionMessage,
  getBase58Decoder,
  getBase64Encoder,
  getTransactionDecoder,
  getTransactionEncoder,
  generateKeyPairSigner,
  getAddressEncoder,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  signTransactionMessageWithSigners,
  appendTransactionMessageInstruction,
  getAddressDecoder,
} from '@solana/kit';
import { FailedTransactionMetadata, LiteSVM, type TransactionMetadata } from 'litesvm';
import { JITO_RESTAKING_PROGRAM_ADDRESS } from 'jito-restaking-client';
import { JITO_VAULT_PROGRAM_ADDRESS, type SimulateInstruction } from 'jito-vault-client';

const deployDir = fileURLToPath(new URL('../../../target/deploy/', import.meta.url));

export const PROGRAMS = {
  restaking: { address: JITO_RESTAKING_PROGRAM_ADDRESS, so: `${deployDir}jito_restaking_program.so` },
  vault: { address: JITO_VAULT_PROGRAM_ADDRESS, so: `${deployDir}jito_vault_program.so` },
};

/** The program ids a test deploys the two programs at. */
export type Ids = { restaking: Address; vault: Address };
export const DEFAULT_IDS: Ids = { restaking: PROGRAMS.restaking.address, vault: PROGRAMS.vault.address };

/** Two fresh program ids: a deployment the clients only reach when given these ids. */
export async function otherIds(): Promise<Ids> {
  const [restaking, vault] = await Promise.all([generateKeyPairSigner(), generateKeyPairSigner()]);
  return { restaking: restaking.address, vault: vault.address };
}

/** The vault build with the legacy numbering (scripts/build-sbf.sh --legacy-numbering). */
export const VAULT_LEGACY_SO = `${deployDir}jito_vault_program_legacy.so`;

/**
 * A LiteSVM with the two built programs at `ids` (and nothing at the other ids);
 * `vaultNumbering: 'legacy'` loads the legacy vault build.
 */
export function newSvm(ids: Ids = DEFAULT_IDS, vaultNumbering: 'master' | 'legacy' = 'master'): LiteSVM {
  const svm = new LiteSVM();
  for (const [key, { so: masterSo }] of Object.entries(PROGRAMS)) {
    const so = key === 'vault' && vaultNumbering === 'legacy' ? VAULT_LEGACY_SO : masterSo;
    if (!existsSync(so)) throw new Error(`${so} is missing: run scripts/build-sbf.sh (--legacy-numbering) first`);
    svm.addProgramFromFile(ids[key as keyof Ids], so);
  }
  return svm;
}

/**
 * A client `SimulateInstruction` (what VaultNumberingCache and planVaultUpdateChecked ask
 * GetNumbering with) over LiteSVM's simulateTransaction: the return data, `null` when the
 * simulation failed or set none. Counts its calls in `calls.n` when given.
 */
export function liteSvmSimulator(svm: LiteSVM, payer: KeyPairSigner, calls?: { n: number }): SimulateInstruction {
  return async ix => {
    if (calls) calls.n++;
    svm.expireBlockhash();
    const tx = await pipe(
      createTransactionMessage({ version: 0 }),
      m => setTransactionMessageFeePayerSigner(payer, m),
      m => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
      m => appendTransactionMessageInstruction(ix, m),
      m => signTransactionMessageWithSigners(m),
    );
    const result = svm.simulateTransaction(tx);
    if (result instanceof FailedTransactionMetadata) return null;
    const returnData = result.meta().returnData();
    if (returnData.data().length === 0) return null;
    return { programId: getAddressDecoder().decode(returnData.programId()), data: returnData.data() };
  };
}

/** The builder options for `ids`: the program's own id, and the restaking id vault builders derive with. */
export function restakingOpts(ids: Ids) {
  return { programAddress: ids.restaking };
}
export function vaultOpts(ids: Ids) {
  return { programAddress: ids.vault };
}

/** A new keypair holding `sol` SOL. */
export async function funded(svm: LiteSVM, sol = 100n): Promise<KeyPairSigner> {
  const signer = await generateKeyPairSigner();
  svm.airdrop(signer.address, lamports(sol * 1_000_000_000n));
  return signer;
}

/** Compute units of labelled successful transactions (one instruction each), printed at the end. */
const computeUnits = new Map<string, bigint>();
after(() => {
  for (const [label, cu] of [...computeUnits].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`CU ${label} ${cu}`);
  }
});

async function build(svm: LiteSVM, payer: TransactionSigner, instructions: Instruction[]) {
  // A fresh blockhash per transaction: identical transactions in one test stay distinct.
  svm.expireBlockhash();
  return pipe(
    createTransactionMessage({ version: 0 }),
    tx => setTransactionMessageFeePayerSigner(payer, tx),
    tx => svm.setTransactionMessageLifetimeUsingLatestBlockhash(tx),
    tx => appendTransactionMessageInstructions(instructions, tx),
    tx => signTransactionMessageWithSigners(tx),
  );
}

/** Sends one transaction; throws with the program logs if it fails. */
export async function send(
  svm: LiteSVM,
  payer: TransactionSigner,
  instructions: Instruction[],
  label?: string,
): Promise<TransactionMetadata> {
  const result = svm.sendTransaction(await build(svm, payer, instructions));
  if (result instanceof FailedTransactionMetadata) {
    throw new Error(`${label ?? 'transaction'} failed: ${result.toString()}\n${result.meta().logs().join('\n')}`);
  }
  if (label) computeUnits.set(label, result.computeUnitsConsumed());
  return result;
}

/** An address lookup table written directly (active, no authority), as the ALT program lays it out. */
export const ADDRESS_LOOKUP_TABLE_PROGRAM = 'AddressLookupTab1e1111111111111111111111111' as Address;

export function putLookupTable(svm: LiteSVM, table: Address, addresses: readonly Address[]): void {
  const meta = new Uint8Array(56);
  const view = new DataView(meta.buffer);
  view.setUint32(0, 1, true); // ProgramState::LookupTable
  view.setBigUint64(4, 0xffff_ffff_ffff_ffffn, true); // deactivation slot: never
  // last_extended_slot 0 and start index 0: every address is active; authority None.
  const encoder = getAddressEncoder();
  const data = new Uint8Array(56 + 32 * addresses.length);
  data.set(meta);
  addresses.forEach((a, i) => data.set(encoder.encode(a), 56 + 32 * i));
  svm.setAccount({
    address: table,
    lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))),
    data,
    programAddress: ADDRESS_LOOKUP_TABLE_PROGRAM,
    executable: false,
    space: BigInt(data.length),
  });
}

/**
 * Sends one legacy transaction, or v0 through `lookupTable` when given; throws with the logs if
 * it fails. Returns the encoded size and the metadata.
 */
export async function sendWithTable(
  svm: LiteSVM,
  payer: TransactionSigner,
  instructions: Instruction[],
  lookupTable?: { address: Address; addresses: readonly Address[] },
): Promise<{ size: number; meta: TransactionMetadata }> {
  svm.expireBlockhash();
  const signed = lookupTable
    ? await signTransactionMessageWithSigners(
        pipe(
          createTransactionMessage({ version: 0 }),
          tx => setTransactionMessageFeePayerSigner(payer, tx),
          tx => svm.setTransactionMessageLifetimeUsingLatestBlockhash(tx),
          tx => appendTransactionMessageInstructions(instructions, tx),
          tx =>
            compressTransactionMessageUsingAddressLookupTables(tx, {
              [lookupTable.address]: [...lookupTable.addresses],
            } as AddressesByLookupTableAddress),
        ),
      )
    : await signTransactionMessageWithSigners(
        pipe(
          createTransactionMessage({ version: 'legacy' }),
          tx => setTransactionMessageFeePayerSigner(payer, tx),
          tx => svm.setTransactionMessageLifetimeUsingLatestBlockhash(tx),
          tx => appendTransactionMessageInstructions(instructions, tx),
        ),
      );
  const size = getTransactionEncoder().encode(signed).length;
  const result = svm.sendTransaction(signed);
  if (result instanceof FailedTransactionMetadata) {
    throw new Error(`transaction failed: ${result.toString()}\n${result.meta().logs().join('\n')}`);
  }
  return { size, meta: result };
}

/** Sends one transaction that must fail; returns the error text (e.g. `Custom(1012)`). */
export async function sendFailing(svm: LiteSVM, payer: TransactionSigner, instructions: Instruction[]): Promise<string> {
  return (await sendFailingResult(svm, payer, instructions)).toString();
}

/** Sends one transaction that must fail; returns LiteSVM's failed result. */
export async function sendFailingResult(
  svm: LiteSVM,
  payer: TransactionSigner,
  instructions: Instruction[],
): Promise<FailedTransactionMetadata> {
  const result = svm.sendTransaction(await build(svm, payer, instructions));
  if (!(result instanceof FailedTransactionMetadata)) throw new Error('transaction unexpectedly succeeded');
  return result;
}

/** A signed transaction of `instructions` (fresh blockhash), e.g. to send through an RPC. */
export async function signed(svm: LiteSVM, payer: TransactionSigner, instructions: Instruction[]) {
  return build(svm, payer, instructions);
}

/**
 * Whether `program` dispatches `tag` to a processor yet. An undispatched tag fails with
 * InvalidInstructionData whatever follows it; a processor fails differently (usually
 * NotEnoughAccountKeys: no accounts are passed) for at least one argument length.
 */
export async function implemented(svm: LiteSVM, program: Address, tag: number): Promise<boolean> {
  const payer = await funded(svm, 1n);
  for (let len = 0; len <= 32; len++) {
    const data = new Uint8Array(1 + len);
    data[0] = tag;
    const error = await sendFailing(svm, payer, [{ programAddress: program, data }]);
    if (!error.includes('InvalidInstructionData')) return true;
  }
  return false;
}

/** Decodes the account at `address` with a generated decoder; throws if it does not exist. */
export function read<T>(svm: LiteSVM, address: Address, decoder: Decoder<T>): T {
  const account = svm.getAccount(address);
  if (!account.exists) throw new Error(`account ${address} does not exist`);
  return decoder.decode(account.data);
}

export function exists(svm: LiteSVM, address: Address): boolean {
  return svm.getAccount(address).exists;
}

export async function createMint(svm: LiteSVM, payer: KeyPairSigner, decimals = 9): Promise<KeyPairSigner> {
  const mint = await generateKeyPairSigner();
  const space = BigInt(getMintSize());
  await send(svm, payer, [
    getCreateAccountInstruction({
      payer,
      newAccount: mint,
      lamports: svm.minimumBalanceForRentExemption(space),
      space,
      programAddress: TOKEN_PROGRAM_ADDRESS,
    }),
    getInitializeMint2Instruction({ mint: mint.address, decimals, mintAuthority: payer.address }),
  ]);
  return mint;
}

export async function ata(owner: Address, mint: Address): Promise<Address> {
  const [address] = await findAssociatedTokenPda({ owner, mint, tokenProgram: TOKEN_PROGRAM_ADDRESS });
  return address;
}

export async function createAta(svm: LiteSVM, payer: KeyPairSigner, owner: Address, mint: Address): Promise<Address> {
  await send(svm, payer, [await getCreateAssociatedTokenIdempotentInstructionAsync({ payer, owner, mint })]);
  return ata(owner, mint);
}

/** Mints `amount` of `mint` (authority: `authority`) to the ATA of `owner`, creating it. */
export async function mintTo(
  svm: LiteSVM,
  authority: KeyPairSigner,
  mint: Address,
  owner: Address,
  amount: bigint,
): Promise<Address> {
  const token = await createAta(svm, authority, owner, mint);
  await send(svm, authority, [getMintToInstruction({ mint, token, mintAuthority: authority, amount })]);
  return token;
}

export function tokenBalance(svm: LiteSVM, token: Address): bigint {
  return read(svm, token, getTokenDecoder()).amount;
}

export function slot(svm: LiteSVM): bigint {
  return svm.getClock().slot;
}

/** Moves one slot on: a toggle cannot be warmed up in the slot it was created in (original rule). */
export function nextSlot(svm: LiteSVM): void {
  svm.warpToSlot(slot(svm) + 1n);
}

/** Moves to the first slot of the epoch `epochs` after the current one. */
export function warpEpochs(svm: LiteSVM, epochs: bigint, epochLength: bigint): void {
  const current = slot(svm) / epochLength;
  svm.warpToSlot((current + epochs) * epochLength);
}

export type ToggleState = 'inactive' | 'warmup' | 'active' | 'cooldown';

/** The original's SlotToggle state machine, to check tickets read back through the client. */
export function toggleState(
  toggle: { slotAdded: bigint; slotRemoved: bigint },
  atSlot: bigint,
  epochLength: bigint,
): ToggleState {
  const epoch = atSlot / epochLength;
  if (toggle.slotAdded === toggle.slotRemoved) return 'inactive';
  if (toggle.slotAdded > toggle.slotRemoved) {
    return epoch > toggle.slotAdded / epochLength + 1n ? 'active' : 'warmup';
  }
  return epoch > toggle.slotRemoved / epochLength + 1n ? 'inactive' : 'cooldown';
}

/** LiteSVM's transaction error in the JSON shape of the RPC (`{ InstructionError: [i, { Custom: n }] }`). */
function rpcTransactionError(result: FailedTransactionMetadata): unknown {
  const err = result.err() as unknown as { index?: number; err?: () => unknown };
  if (typeof err === 'object' && err !== null && typeof err.err === 'function') {
    const inner = err.err() as { code?: number };
    if (typeof inner === 'object' && inner !== null && typeof inner.code === 'number') {
      return { InstructionError: [err.index, { Custom: inner.code }] };
    }
    return { InstructionError: [err.index, String(inner)] };
  }
  return String(err);
}

/**
 * A `@solana/kit` RPC whose transport answers `sendTransaction` and `simulateTransaction` from
 * `svm`, in the JSON-RPC shapes of a validator (a failed preflight is error -32002 with the
 * transaction error and logs), so kit raises its own errors for failed transactions.
 */
export function litesvmRpc(svm: LiteSVM) {
  const transport = async ({ payload }: { payload: unknown }) => {
    const { id, method, params } = payload as { id: unknown; method: string; params: unknown[] };
    const bytes = getBase64Encoder().encode(params[0] as string);
    const transaction = getTransactionDecoder().decode(bytes);
    if (method === 'simulateTransaction') {
      const result = svm.simulateTransaction(transaction);
      const failed = result instanceof FailedTransactionMetadata;
      const meta = failed ? result.meta() : result.meta();
      return {
        jsonrpc: '2.0',
        id,
        result: {
          context: { slot: Number(svm.getClock().slot) },
          value: {
            err: failed ? rpcTransactionError(result) : null,
            logs: meta.logs(),
            accounts: null,
            unitsConsumed: Number(meta.computeUnitsConsumed()),
            returnData: null,
          },
        },
      };
    }
    if (method === 'sendTransaction') {
      const result = svm.sendTransaction(transaction);
      if (result instanceof FailedTransactionMetadata) {
        return {
          jsonrpc: '2.0',
          id,
          error: {
            code: -32002,
            message: 'Transaction simulation failed',
            data: {
              err: rpcTransactionError(result),
              logs: result.meta().logs(),
              accounts: null,
              unitsConsumed: Number(result.meta().computeUnitsConsumed()),
            },
          },
        };
      }
      return { jsonrpc: '2.0', id, result: getBase58Decoder().decode(result.signature()) };
    }
    throw new Error(`litesvmRpc: ${method} is not served`);
  };
  return createSolanaRpcFromTransport(transport as unknown as RpcTransport);
}
