// The JS client over JSON-RPC on a real agave test validator (the one scripts/validator.sh
// builds; JITO_TEST_VALIDATOR overrides the path): both configs, an NCN, an operator and a vault
// over a fresh SPL mint, the whole restaking opt-in handshake and a deposit (MintTo), sent with
// @solana/kit's RPC client and read back with the generated fetch* helpers. A missing validator
// fails the test.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { getCreateAccountInstruction } from '@solana-program/system';
import {
  TOKEN_PROGRAM_ADDRESS,
  fetchToken,
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstructionAsync,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToInstruction,
} from '@solana-program/token';
import {
  type Address,
  type Instruction,
  type KeyPairSigner,
  appendTransactionMessageInstructions,
  createSolanaRpc,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from '@solana/kit';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const validatorPath =
  process.env.JITO_TEST_VALIDATOR ??
  execFileSync(join(root, 'scripts/validator.sh'), ['--path'], { encoding: 'utf8' }).trim();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let child: ChildProcess | undefined;
let ledger: string | undefined;
after(() => {
  child?.kill('SIGKILL');
  if (ledger) rmSync(ledger, { recursive: true, force: true });
});

async function startValidator(mint: Address): Promise<string> {
  assert.ok(existsSync(validatorPath), `no test validator at ${validatorPath}: run scripts/validator.sh`);
  ledger = mkdtempSync(join(tmpdir(), 'jito-js-ledger-'));
  const rpcPort = await freePort();
  const base = 30_000 + (process.pid % 300) * 100;
  child = spawn(
    validatorPath,
    [
      '--ledger', ledger, '--reset', '--quiet', '--bind-address', '127.0.0.1',
      '--rpc-port', String(rpcPort),
      '--faucet-port', String(await freePort()),
      '--gossip-port', String(await freePort()),
      '--dynamic-port-range', `${base}-${base + 99}`,
      '--mint', mint,
      '--bpf-program', restaking.JITO_RESTAKING_PROGRAM_ADDRESS, join(root, 'target/deploy/jito_restaking_program.so'),
      '--bpf-program', vault.JITO_VAULT_PROGRAM_ADDRESS, join(root, 'target/deploy/jito_vault_program.so'),
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${rpcPort}`;
  const rpc = createSolanaRpc(url);
  const started = Date.now();
  for (;;) {
    try {
      if ((await rpc.getSlot().send()) >= 2n) return url;
    } catch {
      // not up yet
    }
    assert.ok(Date.now() - started < 120_000, `the validator at ${url} did not answer within 120 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Rpc = ReturnType<typeof createSolanaRpc>;

async function send(rpc: Rpc, payer: KeyPairSigner, instructions: Instruction[], label: string): Promise<void> {
  const { value: blockhash } = await rpc.getLatestBlockhash({ commitment: 'confirmed' }).send();
  const tx = await signTransactionMessageWithSigners(
    pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(blockhash, m),
      (m) => appendTransactionMessageInstructions(instructions, m),
    ),
  );
  const signature = getSignatureFromTransaction(tx);
  try {
    await rpc
      .sendTransaction(getBase64EncodedWireTransaction(tx), { encoding: 'base64', preflightCommitment: 'confirmed' })
      .send();
  } catch (e) {
    // The preflight failure as a sentence, with the program logs.
    const logs = (e as { context?: { logs?: string[] } }).context?.logs ?? [];
    const described = vault.describeJitoError(e, { instructions });
    assert.fail(`${label} failed: ${described?.text ?? String(e)}\n${logs.join('\n')}`);
  }
  const started = Date.now();
  for (;;) {
    const { value } = await rpc.getSignatureStatuses([signature]).send();
    const status = value[0];
    if (status?.err) assert.fail(`${label} failed: ${JSON.stringify(status.err, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
    if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized') return;
    assert.ok(Date.now() - started < 30_000, `${label}: not confirmed within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the confirmed slot passes the current one: a ticket cannot be warmed up in the slot
 * it was created in, and preflight simulates on the confirmed bank. */
async function nextSlot(rpc: Rpc): Promise<void> {
  const slot = await rpc.getSlot({ commitment: 'confirmed' }).send();
  while ((await rpc.getSlot({ commitment: 'confirmed' }).send()) <= slot) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('JS client over RPC on the test validator: handshake and a deposit, read with fetch*', async () => {
  const admin = await generateKeyPairSigner();
  const url = await startValidator(admin.address);
  const rpc = createSolanaRpc(url);

  await send(rpc, admin, [await restaking.getInitializeConfigInstructionAsync({ admin })], 'restaking InitializeConfig');
  await send(
    rpc,
    admin,
    [await vault.getInitializeConfigInstructionAsync({ admin, programFeeWallet: admin.address, programFeeBps: 0 })],
    'vault InitializeConfig',
  );
  const [restakingConfig] = await restaking.findConfigPda();
  const config = await restaking.fetchConfig(rpc, restakingConfig);
  assert.equal(config.data.admin, admin.address);
  assert.equal(config.data.vaultProgram, vault.JITO_VAULT_PROGRAM_ADDRESS);

  // A vault over a fresh SPL mint.
  const stMint = await generateKeyPairSigner();
  const space = BigInt(getMintSize());
  const lamports = await rpc.getMinimumBalanceForRentExemption(space).send();
  const [adminSt] = await findAssociatedTokenPda({ owner: admin.address, mint: stMint.address, tokenProgram: TOKEN_PROGRAM_ADDRESS });
  await send(
    rpc,
    admin,
    [
      getCreateAccountInstruction({ payer: admin, newAccount: stMint, lamports, space, programAddress: TOKEN_PROGRAM_ADDRESS }),
      getInitializeMint2Instruction({ mint: stMint.address, decimals: 9, mintAuthority: admin.address }),
      await getCreateAssociatedTokenIdempotentInstructionAsync({ payer: admin, owner: admin.address, mint: stMint.address }),
      getMintToInstruction({ mint: stMint.address, token: adminSt, mintAuthority: admin, amount: 1_000_000n }),
    ],
    'SPL mint',
  );
  const base = await generateKeyPairSigner();
  const vrtMint = await generateKeyPairSigner();
  const [vaultAddress] = await vault.findVaultPda({ base: base.address });
  await send(
    rpc,
    admin,
    [
      await getCreateAssociatedTokenIdempotentInstructionAsync({ payer: admin, owner: vaultAddress, mint: stMint.address }),
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
    ],
    'vault InitializeVault',
  );

  // NCN and operator, then the handshake.
  const ncnBase = await generateKeyPairSigner();
  const operatorBase = await generateKeyPairSigner();
  await send(
    rpc,
    admin,
    [
      await restaking.getInitializeNcnInstructionAsync({ admin, base: ncnBase }),
      await restaking.getInitializeOperatorInstructionAsync({ admin, base: operatorBase, operatorFeeBps: 100 }),
    ],
    'InitializeNcn + InitializeOperator',
  );
  const [ncn] = await restaking.findNcnPda({ base: ncnBase.address });
  const [operator] = await restaking.findOperatorPda({ base: operatorBase.address });
  await send(
    rpc,
    admin,
    [
      await restaking.getInitializeNcnOperatorStateInstructionAsync({ ncn, operator, admin, payer: admin }),
      await restaking.getInitializeNcnVaultTicketInstructionAsync({ ncn, vault: vaultAddress, admin, payer: admin }),
      await restaking.getInitializeOperatorVaultTicketInstructionAsync({ operator, vault: vaultAddress, admin, payer: admin }),
    ],
    'restaking tickets',
  );
  // Warm-ups in a later slot than the tickets' creation (original rule).
  await nextSlot(rpc);
  await send(
    rpc,
    admin,
    [
      await restaking.getNcnWarmupOperatorInstructionAsync({ ncn, operator, admin }),
      await restaking.getOperatorWarmupNcnInstructionAsync({ ncn, operator, admin }),
      await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn, vault: vaultAddress, admin }),
      await restaking.getWarmupOperatorVaultTicketInstructionAsync({ operator, vault: vaultAddress, admin }),
    ],
    'restaking warm-ups',
  );
  await send(rpc, admin, [await vault.getInitializeVaultNcnTicketInstructionAsync({ vault: vaultAddress, ncn, admin, payer: admin })],
    'vault InitializeVaultNcnTicket');
  await nextSlot(rpc);
  await send(rpc, admin, [await vault.getWarmupVaultNcnTicketInstructionAsync({ vault: vaultAddress, ncn, admin })],
    'vault WarmupVaultNcnTicket');

  const [stateAddress] = await restaking.findNcnOperatorStatePda({ ncn, operator });
  const state = await restaking.fetchNcnOperatorState(rpc, stateAddress);
  assert.ok(state.data.ncnOptInState.slotAdded > 0n);
  assert.ok(state.data.operatorOptInState.slotAdded > 0n);
  const [ncnVault] = await restaking.findNcnVaultTicketPda({ ncn, vault: vaultAddress });
  assert.ok((await restaking.fetchNcnVaultTicket(rpc, ncnVault)).data.state.slotAdded > 0n);
  const [operatorVault] = await restaking.findOperatorVaultTicketPda({ operator, vault: vaultAddress });
  assert.ok((await restaking.fetchOperatorVaultTicket(rpc, operatorVault)).data.state.slotAdded > 0n);
  const [vaultNcn] = await vault.findVaultNcnTicketPda({ vault: vaultAddress, ncn });
  assert.ok((await vault.fetchVaultNcnTicket(rpc, vaultNcn)).data.state.slotAdded > 0n);
  const ncnAccount = await restaking.fetchNcn(rpc, ncn);
  assert.equal(ncnAccount.data.operatorCount, 1n);
  assert.equal(ncnAccount.data.vaultCount, 1n);

  // Deposit: MintTo (same Jito epoch as the vault's creation, so no update is due).
  const [adminVrt] = await findAssociatedTokenPda({ owner: admin.address, mint: vrtMint.address, tokenProgram: TOKEN_PROGRAM_ADDRESS });
  await send(
    rpc,
    admin,
    [
      await getCreateAssociatedTokenIdempotentInstructionAsync({ payer: admin, owner: admin.address, mint: vrtMint.address }),
      await vault.getMintToInstructionAsync({
        vault: vaultAddress,
        vrtMint: vrtMint.address,
        depositor: admin,
        depositorTokenAccount: adminSt,
        vaultTokenAccount: (await findAssociatedTokenPda({ owner: vaultAddress, mint: stMint.address, tokenProgram: TOKEN_PROGRAM_ADDRESS }))[0],
        depositorVrtTokenAccount: adminVrt,
        vaultFeeTokenAccount: adminVrt,
        amountIn: 50_000n,
        minAmountOut: 50_000n,
      }),
    ],
    'vault MintTo',
  );
  const v = await vault.fetchVault(rpc, vaultAddress);
  assert.equal(v.data.tokensDeposited, 51_000n);
  assert.equal(v.data.vrtSupply, 51_000n);
  assert.equal((await fetchToken(rpc, adminVrt)).data.amount, 50_000n);
});
