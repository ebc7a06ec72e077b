// Hand-written: instructions that create, if missing, the token accounts each vault flow
// needs before its instruction runs (the program refuses a missing one; it creates only the
// burn vault's VRT account itself). Each helper returns idempotent associated-token-account
// creations (`CreateIdempotent` of the ATA program: a no-op when the account exists) and the
// addresses to pass to the vault instruction. Prepend `instructions` to the transaction.

import {
  type Address,
  type Instruction,
  type TransactionSigner,
  AccountRole,
  getAddressEncoder,
  getProgramDerivedAddress,
  getUtf8Encoder,
} from '@solana/kit';

import { JITO_VAULT_PROGRAM_ADDRESS } from './generated/programs/index.js';

export const ASSOCIATED_TOKEN_PROGRAM_ADDRESS = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL' as Address;
export const TOKEN_PROGRAM_ADDRESS = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA' as Address;
export const TOKEN_2022_PROGRAM_ADDRESS = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb' as Address;
const SYSTEM_PROGRAM_ADDRESS = '11111111111111111111111111111111' as Address;

/** The associated token account of `owner` for `mint` under `tokenProgram` (default SPL Token). */
export async function findAssociatedTokenAddress(
  owner: Address,
  mint: Address,
  tokenProgram: Address = TOKEN_PROGRAM_ADDRESS,
): Promise<Address> {
  const encoder = getAddressEncoder();
  const [address] = await getProgramDerivedAddress({
    programAddress: ASSOCIATED_TOKEN_PROGRAM_ADDRESS,
    seeds: [encoder.encode(owner), encoder.encode(tokenProgram), encoder.encode(mint)],
  });
  return address;
}

/**
 * The ATA program's `CreateIdempotent` (tag 1): creates the associated token account of
 * `owner` for `mint`, paid by `payer`; succeeds without change when it already exists.
 */
export async function getCreateAssociatedTokenIdempotentInstruction(input: {
  payer: TransactionSigner;
  owner: Address;
  mint: Address;
  tokenProgram?: Address;
}): Promise<Instruction & { readonly ata: Address }> {
  const tokenProgram = input.tokenProgram ?? TOKEN_PROGRAM_ADDRESS;
  const ata = await findAssociatedTokenAddress(input.owner, input.mint, tokenProgram);
  return Object.freeze({
    programAddress: ASSOCIATED_TOKEN_PROGRAM_ADDRESS,
    accounts: [
      { address: input.payer.address, role: AccountRole.WRITABLE_SIGNER, signer: input.payer },
      { address: ata, role: AccountRole.WRITABLE },
      { address: input.owner, role: AccountRole.READONLY },
      { address: input.mint, role: AccountRole.READONLY },
      { address: SYSTEM_PROGRAM_ADDRESS, role: AccountRole.READONLY },
      { address: tokenProgram, role: AccountRole.READONLY },
    ],
    data: new Uint8Array([1]),
    ata,
  });
}

type Common = {
  /** Pays for the accounts created. */
  payer: TransactionSigner;
  /** The token program of the vault's mints (default SPL Token). */
  tokenProgram?: Address;
};

async function creations(
  common: Common,
  pairs: ReadonlyArray<readonly [owner: Address, mint: Address]>,
): Promise<{ instructions: Instruction[]; atas: Address[] }> {
  const instructions = await Promise.all(
    pairs.map(([owner, mint]) =>
      getCreateAssociatedTokenIdempotentInstruction({ payer: common.payer, owner, mint, tokenProgram: common.tokenProgram }),
    ),
  );
  return { instructions, atas: instructions.map(ix => ix.ata) };
}

/**
 * Before InitializeVault: the admin's and the vault's supported-token accounts. The admin's
 * account must also hold `initializeTokenAmount` (this only creates it).
 */
export async function getInitializeVaultPreconditionInstructions(
  input: Common & { admin: Address; vault: Address; stMint: Address },
) {
  const { instructions, atas } = await creations(input, [
    [input.admin, input.stMint],
    [input.vault, input.stMint],
  ]);
  return { instructions, adminStTokenAccount: atas[0], vaultStTokenAccount: atas[1] };
}

/**
 * Before MintTo: the vault's supported-token account, the depositor's VRT account and the VRT
 * account of the vault's fee wallet (`feeWallet` of the vault account). The depositor's
 * supported-token account must hold the deposit (returned, not created).
 */
export async function getMintToPreconditionInstructions(
  input: Common & { vault: Address; depositor: Address; stMint: Address; vrtMint: Address; feeWallet: Address },
) {
  const { instructions, atas } = await creations(input, [
    [input.vault, input.stMint],
    [input.depositor, input.vrtMint],
    [input.feeWallet, input.vrtMint],
  ]);
  return {
    instructions,
    depositorTokenAccount: await findAssociatedTokenAddress(input.depositor, input.stMint, input.tokenProgram),
    vaultTokenAccount: atas[0],
    depositorVrtTokenAccount: atas[1],
    vaultFeeTokenAccount: atas[2],
  };
}

/**
 * Before EnqueueWithdrawal: the VRT account of the new withdrawal ticket (PDA
 * ["vault_staker_withdrawal_ticket", vault, base], `base` the ticket's fresh signer).
 */
export async function getEnqueueWithdrawalPreconditionInstructions(
  input: Common & { vault: Address; base: Address; vrtMint: Address; programAddress?: Address },
) {
  const encoder = getAddressEncoder();
  const [ticket] = await getProgramDerivedAddress({
    programAddress: input.programAddress ?? JITO_VAULT_PROGRAM_ADDRESS,
    seeds: [getUtf8Encoder().encode('vault_staker_withdrawal_ticket'), encoder.encode(input.vault), encoder.encode(input.base)],
  });
  const { instructions, atas } = await creations(input, [[ticket, input.vrtMint]]);
  return { instructions, vaultStakerWithdrawalTicket: ticket, vaultStakerWithdrawalTicketTokenAccount: atas[0] };
}

/**
 * Before BurnWithdrawalTicket: the staker's supported-token account and the VRT accounts of
 * the vault's fee wallet and of the config's program fee wallet.
 */
export async function getBurnWithdrawalTicketPreconditionInstructions(
  input: Common & { staker: Address; stMint: Address; vrtMint: Address; feeWallet: Address; programFeeWallet: Address },
) {
  const { instructions, atas } = await creations(input, [
    [input.staker, input.stMint],
    [input.feeWallet, input.vrtMint],
    [input.programFeeWallet, input.vrtMint],
  ]);
  return { instructions, stakerTokenAccount: atas[0], vaultFeeTokenAccount: atas[1], programFeeTokenAccount: atas[2] };
}
