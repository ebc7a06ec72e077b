// The restaking opt-in handshake with the packaged clients loaded by require(), on LiteSVM
// with the built programs deployed at NON-default program ids (every builder and PDA helper is
// given them). CommonJS:  node restaking-handshake.cjs <dir with jito_*_program.so>

const { getCreateAccountInstruction } = require('@solana-program/system');
const { TOKEN_PROGRAM_ADDRESS, getInitializeMint2Instruction, getMintSize, getMintToInstruction } = require('@solana-program/token');
const kit = require('@solana/kit');
const restaking = require('jito-restaking-client');
const vault = require('jito-vault-client');
const { FailedTransactionMetadata, LiteSVM } = require('litesvm');

async function main() {
  const dir = process.argv[2] ?? 'target/deploy';
  // Any ids: here two fresh keys stand for your deployment's program ids.
  const ids = {
    restaking: (await kit.generateKeyPairSigner()).address,
    vault: (await kit.generateKeyPairSigner()).address,
  };
  const r = { programAddress: ids.restaking };
  const v = { programAddress: ids.vault };
  const svm = new LiteSVM();
  svm.addProgramFromFile(ids.restaking, `${dir}/jito_restaking_program.so`);
  svm.addProgramFromFile(ids.vault, `${dir}/jito_vault_program.so`);

  /** @param {import('@solana/kit').TransactionSigner} payer @param {import('@solana/kit').Instruction[]} instructions */
  async function send(payer, instructions) {
    svm.expireBlockhash();
    const message = kit.appendTransactionMessageInstructions(
      instructions,
      svm.setTransactionMessageLifetimeUsingLatestBlockhash(
        kit.setTransactionMessageFeePayerSigner(payer, kit.createTransactionMessage({ version: 0 })),
      ),
    );
    const result = svm.sendTransaction(await kit.signTransactionMessageWithSigners(message));
    if (result instanceof FailedTransactionMetadata) {
      const why = restaking.describeJitoError(result, { restakingProgram: ids.restaking, vaultProgram: ids.vault });
      throw new Error(why ? why.text : result.toString());
    }
  }
  async function funded() {
    const signer = await kit.generateKeyPairSigner();
    svm.airdrop(signer.address, kit.lamports(10_000_000_000n));
    return signer;
  }
  const nextSlot = () => svm.warpToSlot(svm.getClock().slot + 1n);
  /** @param {import('@solana/kit').Address} address */
  function data(address) {
    const account = svm.getAccount(address);
    if (!account.exists) throw new Error(`${address} does not exist`);
    return account.data;
  }

  // Configs: each program learns the other's id here.
  const admin = await funded();
  await send(admin, [await restaking.getInitializeConfigInstructionAsync({ admin, vaultProgram: ids.vault }, r)]);
  await send(admin, [
    await vault.getInitializeConfigInstructionAsync(
      { admin, restakingProgram: ids.restaking, programFeeWallet: admin.address, programFeeBps: 0 },
      v,
    ),
  ]);

  // A vault over a fresh mint.
  const stMint = await kit.generateKeyPairSigner();
  const space = BigInt(getMintSize());
  await send(admin, [
    getCreateAccountInstruction({
      payer: admin,
      newAccount: stMint,
      lamports: svm.minimumBalanceForRentExemption(space),
      space,
      programAddress: TOKEN_PROGRAM_ADDRESS,
    }),
    getInitializeMint2Instruction({ mint: stMint.address, decimals: 9, mintAuthority: admin.address }),
  ]);
  const base = await kit.generateKeyPairSigner();
  const [vaultAddress] = await vault.findVaultPda({ base: base.address }, v);
  const pre = await vault.getInitializeVaultPreconditionInstructions({
    payer: admin,
    admin: admin.address,
    vault: vaultAddress,
    stMint: stMint.address,
  });
  await send(admin, [
    ...pre.instructions,
    getMintToInstruction({ mint: stMint.address, token: pre.adminStTokenAccount, mintAuthority: admin, amount: 1_000n }),
  ]);
  await send(admin, [
    await vault.getInitializeVaultInstructionAsync(
      {
        vrtMint: await kit.generateKeyPairSigner(),
        stMint: stMint.address,
        admin,
        base,
        depositFeeBps: 0,
        withdrawalFeeBps: 0,
        rewardFeeBps: 0,
        decimals: 9,
        initializeTokenAmount: 1_000n,
      },
      v,
    ),
  ]);

  // An NCN and an operator opt in to each other and to the vault.
  const ncnBase = await kit.generateKeyPairSigner();
  const operatorBase = await kit.generateKeyPairSigner();
  await send(admin, [await restaking.getInitializeNcnInstructionAsync({ admin, base: ncnBase }, r)]);
  await send(admin, [await restaking.getInitializeOperatorInstructionAsync({ admin, base: operatorBase, operatorFeeBps: 100 }, r)]);
  const [ncn] = await restaking.findNcnPda({ base: ncnBase.address }, r);
  const [operator] = await restaking.findOperatorPda({ base: operatorBase.address }, r);
  await send(admin, [
    await restaking.getInitializeNcnOperatorStateInstructionAsync({ ncn, operator, admin, payer: admin }, r),
    await restaking.getInitializeNcnVaultTicketInstructionAsync({ ncn, vault: vaultAddress, admin, payer: admin }, r),
    await restaking.getInitializeOperatorVaultTicketInstructionAsync({ operator, vault: vaultAddress, admin, payer: admin }, r),
  ]);
  nextSlot(); // a ticket cannot be warmed up in the slot it was created in
  await send(admin, [
    await restaking.getNcnWarmupOperatorInstructionAsync({ ncn, operator, admin }, r),
    await restaking.getOperatorWarmupNcnInstructionAsync({ ncn, operator, admin }, r),
    await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn, vault: vaultAddress, admin }, r),
    await restaking.getWarmupOperatorVaultTicketInstructionAsync({ operator, vault: vaultAddress, admin }, r),
  ]);

  // The vault opts in to the NCN and the operator (deriving the restaking tickets with the
  // restaking id it is given).
  await send(admin, [
    await vault.getInitializeVaultNcnTicketInstructionAsync(
      { vault: vaultAddress, ncn, admin, payer: admin, restakingProgram: ids.restaking },
      v,
    ),
    await vault.getInitializeVaultOperatorDelegationInstructionAsync(
      { vault: vaultAddress, operator, admin, payer: admin, restakingProgram: ids.restaking },
      v,
    ),
  ]);
  nextSlot();
  await send(admin, [await vault.getWarmupVaultNcnTicketInstructionAsync({ vault: vaultAddress, ncn, admin }, v)]);

  // Warm-up: the rest of this epoch and the next; active from the epoch after.
  const [configAddress] = await restaking.findConfigPda(r);
  const epochLength = restaking.getConfigDecoder().decode(data(configAddress)).epochLength;
  svm.warpToSlot((svm.getClock().slot / epochLength + 2n) * epochLength);
  const [ticketAddress] = await restaking.findNcnVaultTicketPda({ ncn, vault: vaultAddress }, r);
  const ticket = restaking.getNcnVaultTicketDecoder().decode(data(ticketAddress));
  const ncnAccount = restaking.getNcnDecoder().decode(data(ncn));
  console.log(
    `handshake at restaking ${ids.restaking} / vault ${ids.vault}: NCN has ${ncnAccount.operatorCount} operator(s) ` +
      `and ${ncnAccount.vaultCount} vault(s); NCN vault ticket warmed up at slot ${ticket.state.slotAdded}`,
  );
  if (ncnAccount.operatorCount !== 1n || ncnAccount.vaultCount !== 1n) throw new Error('handshake incomplete');

  // A second warm-up of an active ticket is refused; describeJitoError names it.
  try {
    await send(admin, [await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn, vault: vaultAddress, admin }, r)]);
    throw new Error('second warm-up succeeded');
  } catch (e) {
    const text = /** @type {Error} */ (e).message;
    console.log(`second warm-up: ${text}`);
    if (!text.startsWith('restaking: NcnVaultTicketFailedWarmup (1010): ')) throw e;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
