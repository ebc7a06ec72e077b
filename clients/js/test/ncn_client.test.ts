// The NCN client (jito-ncn-client): builders encode the program's Borsh data (tag = the
// template's variant index), derive every default PDA with the ids the caller gives (the NCN's
// own with `programAddress`, the restaking and vault ones with `restakingProgram` /
// `vaultProgram`), and the error table carries the program's codes. The LiteSVM flow through
// this client is not written yet.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { type Address, AccountRole, generateKeyPairSigner } from '@solana/kit';
import * as ncn from 'jito-ncn-client';

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
