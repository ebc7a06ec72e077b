// The NCN client (jito-ncn-client): builders encode the program's Borsh data (tag = the
// template's variant index), derive every default PDA with the ids the caller gives (the NCN's
// own with `programAddress`, the restaking and vault ones with `restakingProgram` /
// `vaultProgram`), and the error table carries the program's codes. The LiteSVM flow through
// this client is not written yet; the last test runs two NCN instructions on the built program
// and decodes the accounts they write with the generated decoders.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { type Address, AccountRole, generateKeyPairSigner, lamports } from '@solana/kit';
import * as ncn from 'jito-ncn-client';
import * as restaking from 'jito-restaking-client';

import { funded, newSvm, read, send } from './svm';
import { configs } from './world';

test("ncn builders derive PDAs with the caller's program ids", () => {
  const dir = fileURLToPath(new URL('../ncn/src/generated/instructions/', import.meta.url));
  let derivations = 0;
  for (const file of readdirSync(dir).filter(f => f !== 'index.ts')) {
    const text = readFileSync(dir + file, 'utf8');
    assert.doesNotMatch(text, /await find\w+Pda\(/, `${file}: a linked PDA helper derives with its default id`);
    for (const [, program] of text.matchAll(/getProgramDerivedAddress\(\{\s*([\s\S]*?)\s*seeds:/g)) {
      derivations++;
      const p = program.replace(/\s+/g, ' ').trim();
      const ok =
        p === 'programAddress,' ||
        /^programAddress: getAddressFromResolvedInstructionAccount\( "(restakingProgram|vaultProgram)", args\.(restakingProgram|vaultProgram), \),$/.test(p);
      assert.ok(ok, `${file}: PDA derived with ${p}`);
    }
  }
  assert.ok(derivations > 50, `ncn: ${derivations} derivations found`);
});

test('CastVote at another program id: data, accounts, default PDAs', async () => {
  const programAddress = (await generateKeyPairSigner()).address;
  const ncnAddress = (await generateKeyPairSigner()).address;
  const operator = (await generateKeyPairSigner()).address;
  const voter = await generateKeyPairSigner();
  const ix = await ncn.getCastVoteInstructionAsync(
    { ncn: ncnAddress, operator, operatorVoter: voter, weatherStatus: 2, epoch: 77n },
    { programAddress },
  );
  assert.equal(ix.programAddress, programAddress);
  assert.deepEqual([...ix.data], [13, 2, 77, 0, 0, 0, 0, 0, 0, 0]);
  const pda = async (find: (s: any, c: { programAddress: Address }) => Promise<readonly [Address, number]>, seeds: object) =>
    (await find(seeds, { programAddress }))[0];
  const expected = [
    [await pda(ncn.findEpochStatePda, { ncn: ncnAddress, epoch: 77n }), AccountRole.WRITABLE],
    [await pda(ncn.findConfigPda, { ncn: ncnAddress }), AccountRole.READONLY],
    [await pda(ncn.findBallotBoxPda, { ncn: ncnAddress, epoch: 77n }), AccountRole.WRITABLE],
    [ncnAddress, AccountRole.READONLY],
    [await pda(ncn.findEpochSnapshotPda, { ncn: ncnAddress, epoch: 77n }), AccountRole.READONLY],
    [await pda(ncn.findOperatorSnapshotPda, { operator, ncn: ncnAddress, epoch: 77n }), AccountRole.READONLY],
    [operator, AccountRole.READONLY],
    [voter.address, AccountRole.READONLY_SIGNER],
    [await pda(ncn.findConsensusResultPda, { ncn: ncnAddress, epoch: 77n }), AccountRole.WRITABLE],
  ];
  assert.deepEqual(
    ix.accounts.map(a => [a.address, a.role]),
    expected,
  );
});

test('the epoch marker and account payer hash the NCN twice, as the template', async () => {
  const programAddress = (await generateKeyPairSigner()).address;
  const ncnAddress = (await generateKeyPairSigner()).address;
  const ix = await ncn.getInitializeEpochStateInstructionAsync(
    { ncn: ncnAddress, epoch: 5 },
    { programAddress },
  );
  const [marker] = await ncn.findEpochMarkerPda({ ncn: ncnAddress, epoch: 5, ncnAgain: ncnAddress }, { programAddress });
  const [payer] = await ncn.findAccountPayerPda({ ncn: ncnAddress, ncnAgain: ncnAddress }, { programAddress });
  assert.equal(ix.accounts[0].address, marker);
  assert.equal(ix.accounts[4].address, payer);
  assert.deepEqual([...ix.data], [4, 5, 0, 0, 0, 0, 0, 0, 0]);
});

test('NCN error codes and messages', () => {
  assert.deepEqual(ncn.NCN_ERRORS[0], { name: 'NoValidBallots', message: 'No valid Ballot' });
  assert.equal(ncn.NCN_ERRORS[0x2100].name, 'DenominatorIsZero');
  assert.equal(ncn.NCN_DEFAULT_PROGRAM_ADDRESS, '5SiK283D1iFSqHvr8vbNWCBjbjRXeEYS79CLax7nosPf');
});

test('accounts the built program writes decode with the generated decoders (LiteSVM)', async () => {
  const so = fileURLToPath(new URL('../../../target/deploy/jito_ncn_program.so', import.meta.url));
  assert.ok(existsSync(so), `${so} is missing: run scripts/build-sbf.sh`);
  const svm = newSvm();
  svm.addProgramFromFile(ncn.JITO_NCN_PROGRAM_ADDRESS, so);
  const world = await configs(svm);
  const ncnAdmin = await funded(svm);
  const ncnBase = await generateKeyPairSigner();
  await send(svm, ncnAdmin, [await restaking.getInitializeNcnInstructionAsync({ admin: ncnAdmin, base: ncnBase }, world.r)],
    'restaking InitializeNcn');
  const [ncnAddress] = await restaking.findNcnPda({ base: ncnBase.address }, world.r);
  const feeWallet = (await generateKeyPairSigner()).address;
  const tieBreaker = (await generateKeyPairSigner()).address;
  const [payer] = await ncn.findAccountPayerPda({ ncn: ncnAddress, ncnAgain: ncnAddress });
  svm.airdrop(payer, lamports(10_000_000_000n));

  await send(svm, ncnAdmin, [
    await ncn.getInitializeConfigInstructionAsync({
      ncn: ncnAddress, ncnFeeWallet: feeWallet, ncnAdmin, tieBreakerAdmin: tieBreaker,
      epochsBeforeStall: 3n, epochsAfterConsensusBeforeClose: 10n, validSlotsAfterConsensus: 1_000n, ncnFeeBps: 250,
    }),
  ], 'ncn InitializeConfig');
  const epoch = svm.getClock().epoch;
  const [configAddress, configBump] = await ncn.findConfigPda({ ncn: ncnAddress });
  const config = read(svm, configAddress, ncn.getConfigDecoder());
  const configAccount = svm.getAccount(configAddress);
  assert.ok(configAccount.exists);
  assert.equal(configAccount.data.length, ncn.getConfigSize());
  const fees = { activationEpoch: epoch, protocolFeeBps: 400, ncnFeeBps: 250 };
  assert.deepEqual(config, {
    discriminator: ncn.CONFIG_DISCRIMINATOR,
    ncn: ncnAddress,
    tieBreakerAdmin: tieBreaker,
    validSlotsAfterConsensus: 1_000n,
    epochsBeforeStall: 3n,
    epochsAfterConsensusBeforeClose: 10n,
    startingValidEpoch: epoch,
    feeConfig: {
      protocolFeeWallet: '5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF',
      ncnFeeWallet: feeWallet,
      fee1: fees,
      fee2: fees,
    },
    bump: configBump,
  });

  await send(svm, ncnAdmin, [await ncn.getInitializeEpochStateInstructionAsync({ ncn: ncnAddress, epoch })],
    'ncn InitializeEpochState');
  const [stateAddress, stateBump] = await ncn.findEpochStatePda({ ncn: ncnAddress, epoch });
  const state = read(svm, stateAddress, ncn.getEpochStateDecoder());
  assert.equal(state.discriminator, ncn.EPOCH_STATE_DISCRIMINATOR);
  assert.equal(state.ncn, ncnAddress);
  assert.equal(state.epoch, epoch);
  assert.equal(state.bump, stateBump);
  assert.equal(state.slotCreated, svm.getClock().slot);
  assert.equal(state.wasTieBreakerSet, false);
  assert.equal(state.slotConsensusReached, 2n ** 64n - 1n);
  assert.equal(state.accountStatus.epochState, 1);
  assert.equal(state.accountStatus.weightTable, 0);
  assert.equal(state.accountStatus.operatorSnapshot.length, 256);
  assert.equal(state.operatorSnapshotProgress.length, 256);
  assert.equal(state.isClosing, false);
});
