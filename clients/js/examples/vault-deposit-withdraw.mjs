// A vault deposit and withdrawal with the packaged clients, on LiteSVM with the built programs.
// Plain Node, ES modules:  node vault-deposit-withdraw.mjs <dir with jito_*_program.so>
//
// App dependencies: jito-restaking-client, jito-vault-client, @solana/kit, litesvm,
// @solana-program/system and @solana-program/token (set-up of the supported-token mint).

import { getCreateAccountInstruction } from '@solana-program/system';
import { TOKEN_PROGRAM_ADDRESS, getInitializeMint2Instruction, getMintSize, getMintToInstruction } from '@solana-program/token';
import {
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  signTransactionMessageWithSigners,
} from '@solana/kit';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';
import { FailedTransactionMetadata, LiteSVM } from 'litesvm';

const dir = process.argv[2] ?? 'target/deploy';
const svm = new LiteSVM();
svm.addProgramFromFile(restaking.JITO_RESTAKING_PROGRAM_ADDRESS, `${dir}/jito_restaking_program.so`);
svm.addProgramFromFile(vault.JITO_VAULT_PROGRAM_ADDRESS, `${dir}/jito_vault_program.so`);

/**
 * Signs and sends one transaction; returns LiteSVM's result (a FailedTransactionMetadata on failure).
 * @param {import('@solana/kit').TransactionSigner} payer
 * @param {import('@solana/kit').Instruction[]} instructions
 */
async function send(payer, instructions) {
  svm.expireBlockhash();
  const tx = await pipe(
    createTransactionMessage({ version: 0 }),
    m => setTransactionMessageFeePayerSigner(payer, m),
    m => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
    m => appendTransactionMessageInstructions(instructions, m),
    m => signTransactionMessageWithSigners(m),
  );
  return svm.sendTransaction(tx);
}
/** @param {import('@solana/kit').TransactionSigner} payer @param {import('@solana/kit').Instruction[]} instructions */
async function mustSend(payer, instructions) {
  const result = await send(payer, instructions);
  if (result instanceof FailedTransactionMetadata) {
    throw new Error(vault.describeJitoError(result)?.text ?? result.toString());
  }
}
async function funded() {
  const signer = await generateKeyPairSigner();
  svm.airdrop(signer.address, lamports(10_000_000_000n));
  return signer;
}
/** @param {import('@solana/kit').Address} address */
function data(address) {
  const account = svm.getAccount(address);
  if (!account.exists) throw new Error(`${address} does not exist`);
  return account.data;
}
/** A token account's amount (bytes 64..72), 0 if it does not exist. @param {import('@solana/kit').Address} address */
const balance = address =>
  svm.getAccount(address).exists ? new DataView(data(address).buffer, data(address).byteOffset).getBigUint64(64, true) : 0n;

// 1. Both configs (once per deployment).
const admin = await funded();
const feeWallet = await generateKeyPairSigner();
await mustSend(admin, [await restaking.getInitializeConfigInstructionAsync({ admin })]);
await mustSend(admin, [
  await vault.getInitializeConfigInstructionAsync({ admin, programFeeWallet: feeWallet.address, programFeeBps: 0 }),
]);
const [configAddress] = await vault.findConfigPda();
const epochLength = vault.getConfigDecoder().decode(data(configAddress)).epochLength;

// 2. A supported-token mint (the vault's "ST"), with 1,000 tokens for the admin.
const stMint = await generateKeyPairSigner();
const space = BigInt(getMintSize());
await mustSend(admin, [
  getCreateAccountInstruction({
    payer: admin,
    newAccount: stMint,
    lamports: svm.minimumBalanceForRentExemption(space),
    space,
    programAddress: TOKEN_PROGRAM_ADDRESS,
  }),
  getInitializeMint2Instruction({ mint: stMint.address, decimals: 9, mintAuthority: admin.address }),
]);

// 3. The vault: its token accounts first (precondition helper), then InitializeVault.
const base = await generateKeyPairSigner();
const vrtMint = await generateKeyPairSigner();
const [vaultAddress] = await vault.findVaultPda({ base: base.address });
const pre = await vault.getInitializeVaultPreconditionInstructions({
  payer: admin,
  admin: admin.address,
  vault: vaultAddress,
  stMint: stMint.address,
});
await mustSend(admin, [
  ...pre.instructions,
  getMintToInstruction({ mint: stMint.address, token: pre.adminStTokenAccount, mintAuthority: admin, amount: 1_000n }),
]);
await mustSend(admin, [
  await vault.getInitializeVaultInstructionAsync({
    vrtMint,
    stMint: stMint.address,
    admin,
    base,
    depositFeeBps: 0,
    withdrawalFeeBps: 0,
    rewardFeeBps: 0,
    decimals: 9,
    initializeTokenAmount: 1_000n,
  }),
]);

// 4. A staker deposits 500 tokens (MintTo) and gets 500 VRT.
const staker = await funded();
const deposit = await vault.getMintToPreconditionInstructions({
  payer: staker,
  vault: vaultAddress,
  depositor: staker.address,
  stMint: stMint.address,
  vrtMint: vrtMint.address,
  feeWallet: admin.address, // the vault's fee wallet: its admin at creation
});
await mustSend(admin, [
  await vault.getCreateAssociatedTokenIdempotentInstruction({ payer: admin, owner: staker.address, mint: stMint.address }),
  getMintToInstruction({ mint: stMint.address, token: deposit.depositorTokenAccount, mintAuthority: admin, amount: 500n }),
]);
await mustSend(staker, [
  ...deposit.instructions,
  await vault.getMintToInstructionAsync({
    vault: vaultAddress,
    vrtMint: vrtMint.address,
    depositor: staker,
    depositorTokenAccount: deposit.depositorTokenAccount,
    vaultTokenAccount: deposit.vaultTokenAccount,
    depositorVrtTokenAccount: deposit.depositorVrtTokenAccount,
    vaultFeeTokenAccount: deposit.vaultFeeTokenAccount,
    amountIn: 500n,
    minAmountOut: 500n,
  }),
]);
console.log(`deposited 500 tokens, staker holds ${balance(deposit.depositorVrtTokenAccount)} VRT`);

// 5. Withdrawal: enqueue the VRT in a ticket (its VRT account first).
const ticketBase = await generateKeyPairSigner();
const enqueue = await vault.getEnqueueWithdrawalPreconditionInstructions({
  payer: staker,
  vault: vaultAddress,
  base: ticketBase.address,
  vrtMint: vrtMint.address,
});
await mustSend(staker, [
  ...enqueue.instructions,
  await vault.getEnqueueWithdrawalInstructionAsync({
    vault: vaultAddress,
    vaultStakerWithdrawalTicketTokenAccount: enqueue.vaultStakerWithdrawalTicketTokenAccount,
    staker,
    stakerVrtTokenAccount: deposit.depositorVrtTokenAccount,
    base: ticketBase,
    amount: 500n,
  }),
]);

// 6. Each new epoch the vault must be updated before it is used (no operators here: the
//    tracker is opened and closed). A burn before that fails: describeJitoError says why.
const burn = await vault.getBurnWithdrawalTicketPreconditionInstructions({
  payer: staker,
  staker: staker.address,
  stMint: stMint.address,
  vrtMint: vrtMint.address,
  feeWallet: admin.address,
  programFeeWallet: feeWallet.address,
});
const burnInstruction = await vault.getBurnWithdrawalTicketInstructionAsync({
  vault: vaultAddress,
  vaultTokenAccount: deposit.vaultTokenAccount,
  vrtMint: vrtMint.address,
  staker: staker.address,
  stakerTokenAccount: burn.stakerTokenAccount,
  vaultStakerWithdrawalTicket: enqueue.vaultStakerWithdrawalTicket,
  vaultFeeTokenAccount: burn.vaultFeeTokenAccount,
  programFeeTokenAccount: burn.programFeeTokenAccount,
});
async function updateVault() {
  const ncnEpoch = svm.getClock().slot / epochLength;
  await mustSend(staker, [
    await vault.getInitializeVaultUpdateStateTrackerInstructionAsync({
      vault: vaultAddress,
      vaultUpdateStateTracker: (await vault.findVaultUpdateStateTrackerPda({ vault: vaultAddress, ncnEpoch }))[0],
      payer: staker,
      withdrawalAllocationMethod: vault.WithdrawalAllocationMethod.Greedy,
    }),
  ]);
  await mustSend(staker, [await vault.getCloseVaultUpdateStateTrackerInstructionAsync({ vault: vaultAddress, payer: staker, ncnEpoch })]);
}
for (let epoch = 1n; epoch <= 2n; epoch++) {
  svm.warpToSlot((svm.getClock().slot / epochLength + 1n) * epochLength);
  const early = await send(staker, [...burn.instructions, burnInstruction]);
  const why = vault.describeJitoError(early);
  console.log(`epoch +${epoch}, before the update: ${why?.text}`);
  if (why?.name !== 'VaultUpdateNeeded' || !why.message.startsWith('The vault has not been updated')) throw new Error('unexpected failure');
  await updateVault();
}

// 7. Two epochs after the enqueue, the ticket burns: the tokens return to the staker.
await mustSend(staker, [...burn.instructions, burnInstruction]);
console.log(`withdrawn: staker holds ${balance(burn.stakerTokenAccount)} tokens`);
if (balance(burn.stakerTokenAccount) !== 500n) throw new Error('expected 500 tokens back');
