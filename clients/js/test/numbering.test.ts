// Both vault numberings through the JS client: every generated discriminator, mapped by
// vaultTag, equals the tag of idl/jito_vault.json and idl/jito_vault_legacy.json; each build
// answers GetNumbering with its own numbering, a client of the other numbering is refused
// before sending (both ways, through a LiteSVM simulation and through the RPC helper); and a
// legacy-numbered SetAdmin built with the client runs on the legacy build.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  type Address,
  getAddressDecoder,
  getBase64Encoder,
  getTransactionDecoder,
} from '@solana/kit';
import { FailedTransactionMetadata, type LiteSVM } from 'litesvm';
import * as vault from 'jito-vault-client';

import { DEFAULT_IDS, PROGRAMS, funded, liteSvmSimulator, newSvm, read, send } from './svm';
import { configs, createVault } from './world';

const NUMBERINGS: vault.VaultNumbering[] = ['master', 'legacy'];
const VAULT = PROGRAMS.vault.address;

function idlTags(file: string): Map<string, number> {
  const path = fileURLToPath(new URL(`../../../idl/${file}`, import.meta.url));
  const idl = JSON.parse(readFileSync(path, 'utf8'));
  return new Map(idl.instructions.map((ix: { name: string; discriminant: { value: number } }) => [ix.name, ix.discriminant.value]));
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

test('the client and both IDLs agree on every tag', () => {
  const master = idlTags('jito_vault.json');
  const legacy = idlTags('jito_vault_legacy.json');
  assert.equal(master.size, 36);
  assert.deepEqual([...legacy.keys()].sort(), [...master.keys()].sort());
  const generated = vault as unknown as Record<string, number>;
  for (const [name, tag] of master) {
    const discriminator = generated[`${snake(name)}_DISCRIMINATOR`];
    assert.equal(discriminator, tag, `${name}: generated discriminator`);
    assert.equal(vault.vaultTag('master', discriminator), tag, name);
    assert.equal(vault.vaultTag('legacy', discriminator), legacy.get(name), `${name}: legacy`);
    assert.equal(vault.vaultMasterTag('legacy', legacy.get(name)!), tag, `${name}: inverse`);
  }
  assert.equal(legacy.get('SetAdmin'), 21);
  assert.equal(legacy.get('RevokeDelegateTokenAccount'), 32);
  assert.equal(legacy.get('BatchCrankVaultUpdateStateTracker'), 34);
  assert.equal(legacy.get('GetNumbering'), vault.GET_NUMBERING_TAG);
  const seen = new Set<number>();
  for (let t = 0; t < 256; t++) {
    const mapped = vault.vaultTag('legacy', t);
    assert.ok(!seen.has(mapped), `legacy tag ${mapped} twice`);
    seen.add(mapped);
    assert.equal(vault.vaultMasterTag('legacy', mapped), t);
  }
});

/**
 * The RPC calls simulateNumberingQueryWithRpc makes, answered by LiteSVM with the RPC's
 * semantics for `sigVerify: false, replaceRecentBlockhash: true` (no signature or blockhash
 * checks) and the RPC's response shape.
 */
function liteSvmRpc(svm: LiteSVM) {
  svm.withSigverify(false).withBlockhashCheck(false);
  return {
    simulateTransaction(wire: string, config: { encoding: string; sigVerify: boolean; replaceRecentBlockhash: boolean }) {
      assert.equal(config.encoding, 'base64');
      assert.equal(config.sigVerify, false);
      assert.equal(config.replaceRecentBlockhash, true);
      return {
        send: async () => {
          const tx = getTransactionDecoder().decode(getBase64Encoder().encode(wire));
          const result = svm.simulateTransaction(tx);
          if (result instanceof FailedTransactionMetadata) {
            return { value: { err: result.err().toString(), returnData: null } };
          }
          const returnData = result.meta().returnData();
          const data = Buffer.from(returnData.data()).toString('base64');
          return {
            value: {
              err: null,
              returnData:
                returnData.data().length === 0
                  ? null
                  : { programId: getAddressDecoder().decode(returnData.programId()), data: [data, 'base64'] },
            },
          };
        },
      };
    },
  } as unknown as Parameters<typeof vault.simulateNumberingQueryWithRpc>[0];
}

for (const build of NUMBERINGS) {
  const other: vault.VaultNumbering = build === 'master' ? 'legacy' : 'master';

  test(`the ${build} build reports its numbering; a ${other} client is refused before sending`, async () => {
    const svm = newSvm(DEFAULT_IDS, build);
    const payer = await funded(svm);
    const calls = { n: 0 };
    const simulate = liteSvmSimulator(svm, payer, calls);
    const cache = new vault.VaultNumberingCache();
    assert.equal(await cache.get(VAULT, simulate), build);
    await assert.rejects(cache.check(VAULT, other, simulate), (e: unknown) => {
      assert.ok(e instanceof vault.VaultNumberingMismatchError);
      assert.equal(e.client, other);
      assert.equal(e.program, build);
      assert.match(e.message, /vault numbering mismatch: the client uses the \w+ numbering but program/);
      assert.match(e.message, /nothing was sent/);
      return true;
    });
    assert.equal(await cache.check(VAULT, build, simulate), true);
    assert.equal(calls.n, 1, 'asked once, then cached');
  });

  test(`the RPC helper reads the ${build} build's numbering`, async () => {
    const svm = newSvm(DEFAULT_IDS, build);
    const payer = await funded(svm);
    const simulate = vault.simulateNumberingQueryWithRpc(liteSvmRpc(svm), payer.address);
    const cache = new vault.VaultNumberingCache();
    await assert.rejects(cache.check(VAULT, other, simulate), vault.VaultNumberingMismatchError);
    assert.equal(await cache.check(VAULT, build, simulate), true);
  });
}

test('a program that rejects GetNumbering is unknown: go by configuration', async () => {
  // The restaking program stands in for an original vault binary: tag 36 is no instruction there.
  const svm = newSvm();
  const payer = await funded(svm);
  const restaking: Address = PROGRAMS.restaking.address;
  const simulate = liteSvmSimulator(svm, payer, { n: 0 });
  const cache = new vault.VaultNumberingCache();
  assert.equal(await cache.get(restaking, simulate), 'unknown');
  assert.equal(await cache.check(restaking, 'master', simulate), false);
  assert.equal(await cache.check(restaking, 'legacy', simulate), false);
  // Return data of another program does not count.
  assert.equal(vault.deployedNumberingFromReturnData(VAULT, { programId: restaking, data: new Uint8Array([0]) }), 'unknown');
});

test('a legacy-numbered SetAdmin built with the client runs on the legacy build', async () => {
  const svm = newSvm(DEFAULT_IDS, 'legacy');
  const world = await configs(svm);
  const v = await createVault(world);
  const newAdmin = await funded(svm);
  const ix = await vault.getSetAdminInstructionAsync({ vault: v.address, oldAdmin: v.admin, newAdmin });
  assert.equal(ix.data[0], 22);
  const legacyIx = vault.withVaultNumbering(ix, 'legacy');
  assert.equal(legacyIx.data[0], 21);
  assert.equal(ix.data[0], 22, 'the original instruction is not modified');
  assert.deepEqual(legacyIx.accounts, ix.accounts);
  await send(svm, v.admin, [legacyIx], 'vault SetAdmin (legacy build)');
  const after = read(svm, v.address, vault.getVaultDecoder());
  assert.equal(after.admin, newAdmin.address);
});
