// Readable errors: one call of the client's `describeJitoError` names the program, code, error
// and its sentence (from the program sources through the IDL) for a LiteSVM failed result, for
// a @solana/kit SolanaError thrown by `sendTransaction` (preflight failure) and for a
// `simulateTransaction` response; at the default ids and at other ids.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { generateKeyPairSigner, getBase64EncodedWireTransaction, isSolanaError, SOLANA_ERROR__JSON_RPC__SERVER_ERROR_SEND_TRANSACTION_PREFLIGHT_FAILURE } from '@solana/kit';
import * as ncn from 'jito-ncn-client';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

import { DEFAULT_IDS, type Ids, funded, litesvmRpc, mintTo, newSvm, otherIds, sendFailingResult, signed, warpEpochs } from './svm';
import { configs, createVault } from './world';

const UPDATE_NEEDED_SENTENCE = vault.VAULT_ERRORS[1020]!.message;

for (const [deployment, getIds] of [
  ['default program ids', async () => DEFAULT_IDS],
  ['other program ids', otherIds],
] as [string, () => Promise<Ids>][]) {
  test(`describeJitoError: VaultUpdateNeeded from LiteSVM, a kit send error and a simulation (${deployment})`, async () => {
    const ids = await getIds();
    const svm = newSvm(ids);
    const world = await configs(svm, ids);
    const v = await createVault(world);
    const staker = await funded(svm);
    const stakerSt = await mintTo(svm, v.admin, v.stMint.address, staker.address, 1_000n);
    const pre = await vault.getMintToPreconditionInstructions({
      payer: staker,
      vault: v.address,
      depositor: staker.address,
      stMint: v.stMint.address,
      vrtMint: v.vrtMint,
      feeWallet: v.admin.address,
    });
    // A new epoch without the vault update: MintTo fails with VaultUpdateNeeded (1020).
    warpEpochs(svm, 1n, world.epochLength);
    const mintTo_ = await vault.getMintToInstructionAsync(
      {
        vault: v.address,
        vrtMint: v.vrtMint,
        depositor: staker,
        depositorTokenAccount: stakerSt,
        vaultTokenAccount: pre.vaultTokenAccount,
        depositorVrtTokenAccount: pre.depositorVrtTokenAccount,
        vaultFeeTokenAccount: pre.vaultFeeTokenAccount,
        amountIn: 1_000n,
        minAmountOut: 0n,
      },
      world.v,
    );
    const instructions = [...pre.instructions, mintTo_];
    const options = { restakingProgram: ids.restaking, vaultProgram: ids.vault };
    const expected = `vault: VaultUpdateNeeded (1020): ${UPDATE_NEEDED_SENTENCE}`;
    assert.match(UPDATE_NEEDED_SENTENCE, /^The vault has not been updated in the current epoch/);

    // LiteSVM.
    const failed = await sendFailingResult(svm, staker, instructions);
    const fromSvm = vault.describeJitoError(failed, options);
    assert.equal(fromSvm?.text, expected);
    assert.deepEqual(
      { ...fromSvm },
      {
        program: 'vault',
        programAddress: ids.vault,
        instructionIndex: 3,
        code: 1020,
        name: 'VaultUpdateNeeded',
        message: UPDATE_NEEDED_SENTENCE,
        text: expected,
      },
    );
    // The restaking package's helper is the same one.
    assert.equal(restaking.describeJitoError(failed, options)?.text, expected);

    // @solana/kit: sendTransaction throws a preflight-failure SolanaError.
    const rpc = litesvmRpc(svm);
    const wire = getBase64EncodedWireTransaction(await signed(svm, staker, instructions));
    const thrown = await rpc.sendTransaction(wire, { encoding: 'base64' }).send().then(
      () => assert.fail('sendTransaction succeeded'),
      (e: unknown) => e,
    );
    assert.ok(isSolanaError(thrown, SOLANA_ERROR__JSON_RPC__SERVER_ERROR_SEND_TRANSACTION_PREFLIGHT_FAILURE));
    assert.equal(vault.describeJitoError(thrown, options)?.text, expected);
    // Its cause alone (no logs): the program comes from the instruction index.
    const cause = (thrown as Error).cause;
    assert.equal(vault.describeJitoError(cause, { ...options, instructions })?.text, expected);
    assert.equal(vault.describeJitoError(cause, options)?.program, null, 'no logs, no instructions: program unknown');

    // @solana/kit: a simulation response.
    const simulation = await rpc
      .simulateTransaction(getBase64EncodedWireTransaction(await signed(svm, staker, instructions)), { encoding: 'base64' })
      .send();
    assert.equal(vault.describeJitoError(simulation, options)?.text, expected);
    assert.equal(vault.describeJitoError(simulation.value, options)?.text, expected);

    // At other ids, the default-id tables do not claim the error.
    if (ids !== DEFAULT_IDS) {
      assert.equal(vault.describeJitoError(failed)?.program, null);
    }
  });
}

test('describeJitoError: every error of both programs has a sentence; no custom error, no description', () => {
  for (const table of [restaking.RESTAKING_ERRORS, vault.VAULT_ERRORS]) {
    for (const [code, { name, message }] of Object.entries(table)) {
      assert.match(message, /^[A-Z].*\.$/, `${code} ${name}: a sentence`);
      assert.notEqual(message, name);
    }
  }
  assert.equal(Object.keys(vault.VAULT_ERRORS).length, 64);
  assert.equal(Object.keys(restaking.RESTAKING_ERRORS).length, 30);
  assert.equal(vault.describeJitoError(new Error('boom')), null);
  assert.equal(vault.describeJitoError({ InstructionError: [0, 'InvalidAccountData'] }), null);
  const bare = vault.describeJitoError({ InstructionError: [1, { Custom: 1010 }] }, {
    instructions: [{ programAddress: vault.JITO_VAULT_PROGRAM_ADDRESS }, { programAddress: restaking.JITO_RESTAKING_PROGRAM_ADDRESS }],
  });
  assert.equal(bare?.text, `restaking: NcnVaultTicketFailedWarmup (1010): ${restaking.RESTAKING_ERRORS[1010]!.message}`);
});

test('describeJitoError: NCN program errors, at the default id and at another id', async () => {
  const info = ncn.NCN_ERRORS[8740]!;
  assert.equal(info.name, 'CannotVoteWithZeroStake');
  const failure = { InstructionError: [1, { Custom: 8740 }] };
  const atDefault = { instructions: [{ programAddress: vault.JITO_VAULT_PROGRAM_ADDRESS }, { programAddress: ncn.JITO_NCN_PROGRAM_ADDRESS }] };
  const expected = `ncn: CannotVoteWithZeroStake (8740): ${info.message}`;
  // Every package's helper names NCN errors: one helper for the three programs.
  for (const pkg of [ncn, restaking, vault]) {
    assert.equal(pkg.describeJitoError(failure, atDefault)?.text, expected);
  }
  // From a failure log line, at another id given as `ncnProgram`.
  const other = (await generateKeyPairSigner()).address;
  const logs = [`Program ${other} invoke [1]`, `Program ${other} failed: custom program error: 0x2224`];
  const described = ncn.describeJitoError({ err: { InstructionError: [0, { Custom: 8740 }] }, logs }, { ncnProgram: other });
  assert.deepEqual(
    { ...described },
    { program: 'ncn', programAddress: other, instructionIndex: 0, code: 8740, name: 'CannotVoteWithZeroStake', message: info.message, text: expected },
  );
  // Without `ncnProgram`, another id is not claimed.
  assert.equal(ncn.describeJitoError({ err: { InstructionError: [0, { Custom: 8740 }] }, logs })?.program, null);
});
