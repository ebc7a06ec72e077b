// The vault update planner's packing math (jito-vault-client's planVaultUpdate), on transactions
// compiled and encoded by @solana/kit: sizes by hand against the encoder, the transactions per
// vault size (legacy and v0 with a lookup table), resuming a partial update, any program id, the
// tags of each numbering and planVaultUpdateChecked's answer for a program that cannot say.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Address, createNoopSigner, getAddressDecoder } from '@solana/kit';
import * as vault from 'jito-vault-client';

function address(n: number): Address {
  const bytes = new Uint8Array(32).fill(7);
  new DataView(bytes.buffer).setUint16(0, n, true);
  return getAddressDecoder().decode(bytes);
}

const CONFIG = address(1);
const VAULT = address(2);
const PAYER = createNoopSigner(address(3));
const TABLE = address(4);
const EPOCH = 701n;

function input(n: number, opts: { alt?: boolean; tracker?: vault.TrackerStatus } = {}): vault.VaultUpdateInput {
  const delegations = Array.from({ length: n }, (_, i) => address(1_000 + i));
  return {
    config: CONFIG,
    vault: VAULT,
    payer: PAYER,
    ncnEpoch: EPOCH,
    operatorCount: BigInt(n),
    tracker: opts.tracker ?? { kind: 'absent' },
    delegations,
    // The keeper's table: config, vault and the delegations (the tracker changes every epoch).
    lookupTable: opts.alt ? { address: TABLE, addresses: [CONFIG, VAULT, ...delegations] } : undefined,
  };
}

function check(inp: vault.VaultUpdateInput, plan: vault.PlannedTransaction[]): number[] {
  const expected = vault.remainingOperators(inp.ncnEpoch, inp.operatorCount, inp.tracker);
  assert.deepEqual(plan.flatMap(t => t.operators), expected, 'every remaining operator once, in order');
  plan.forEach((tx, i) => {
    assert.ok(tx.size <= vault.PACKET_DATA_SIZE);
    assert.ok(tx.accountLocks <= vault.MAX_TX_ACCOUNT_LOCKS);
    assert.ok(tx.computeUnits <= vault.MAX_TX_COMPUTE_UNITS);
    const tags = tx.instructions.map(ix => ix.data![0]);
    assert.ok(tags.filter(t => t === 34).length <= 1);
    assert.equal(tags.includes(27), i === 0 && inp.tracker.kind === 'absent');
    assert.equal(tags.includes(29), i === plan.length - 1);
  });
  return plan.map(t => t.operators.length);
}

test('planner: operators left in tracker order', () => {
  assert.deepEqual(vault.remainingOperators(701n, 4n, { kind: 'absent' }), [1n, 2n, 3n, 0n]);
  assert.deepEqual(vault.remainingOperators(701n, 4n, { kind: 'open', lastUpdatedIndex: 2n ** 64n - 1n }), [1n, 2n, 3n, 0n]);
  assert.deepEqual(vault.remainingOperators(701n, 4n, { kind: 'open', lastUpdatedIndex: 1n }), [2n, 3n, 0n]);
  assert.deepEqual(vault.remainingOperators(701n, 4n, { kind: 'open', lastUpdatedIndex: 0n }), []);
  assert.deepEqual(vault.remainingOperators(701n, 0n, { kind: 'absent' }), []);
  assert.throws(() => vault.remainingOperators(701n, 4n, { kind: 'open', lastUpdatedIndex: 4n }));
});

test('planner: sizes of the encoded transactions match the hand formulas (as the Rust planner computes)', async () => {
  // Legacy [initialize, batch(k), close]: 327 + 33k bytes (see planner.rs, legacy_size_by_hand).
  for (const k of [1, 10, 27]) {
    const plan = await vault.planVaultUpdate(input(k));
    assert.equal(plan.length, 1);
    assert.equal(plan[0].size, 327 + 33 * k);
    assert.equal(plan[0].accountLocks, 6 + k);
  }
  // v0 with the table: 301 + 2k bytes, 6 + k accounts.
  for (const k of [1, 20, 58]) {
    const plan = await vault.planVaultUpdate(input(k, { alt: true }));
    assert.equal(plan.length, 1);
    assert.equal(plan[0].size, 301 + 2 * k);
    assert.equal(plan[0].accountLocks, 6 + k);
  }
});

test('planner: transactions per vault size', async () => {
  const table: [number, number[], number[]][] = [
    [1, [1], [1]],
    [16, [16], [16]],
    [32, [27, 5], [32]],
    [58, [27, 29, 2], [58]],
    [64, [27, 29, 8], [58, 6]],
  ];
  for (const [n, legacy, v0] of table) {
    for (const [alt, want] of [[false, legacy], [true, v0]] as const) {
      const inp = input(n, { alt });
      const plan = await vault.planVaultUpdate(inp);
      const perTx = check(inp, plan);
      console.log(
        `PLAN operators=${n} ${alt ? 'v0+ALT' : 'legacy'}: ${plan.length} transaction(s), operators per transaction ${JSON.stringify(perTx)}, sizes ${JSON.stringify(plan.map(t => t.size))}`,
      );
      assert.deepEqual(perTx, want, `${n} operators, table ${alt}`);
    }
  }
});

test('planner: resumes a partial update, any program id, priority fee', async () => {
  // Epoch 701 with 32 operators starts at 29; up to index 9 done: 10..=28 left, then the close.
  const partial = input(32, { tracker: { kind: 'open', lastUpdatedIndex: 9n } });
  let plan = await vault.planVaultUpdate(partial);
  assert.deepEqual(check(partial, plan), [19]);
  assert.equal(plan[0].operators[0], 10n);
  plan = await vault.planVaultUpdate(input(32, { tracker: { kind: 'open', lastUpdatedIndex: 28n } }));
  assert.equal(plan.length, 1);
  assert.deepEqual(plan[0].instructions.map(ix => ix.data![0]), [29]);

  const other = address(9);
  const inp = { ...input(16), vaultProgram: other, computeUnitPrice: 1_000n };
  plan = await vault.planVaultUpdate(inp);
  check(inp, plan);
  const [limit, price, ...rest] = plan[0].instructions;
  assert.equal(limit.programAddress, vault.COMPUTE_BUDGET_PROGRAM_ADDRESS);
  assert.equal(new DataView(limit.data!.buffer, limit.data!.byteOffset).getUint32(1, true), plan[0].computeUnits);
  assert.equal(price.data![0], 3);
  assert.ok(rest.every(ix => ix.programAddress === other));
  const [tracker] = await vault.findVaultUpdateStateTrackerPda({ vault: VAULT, ncnEpoch: EPOCH }, { programAddress: other });
  assert.equal(rest[0].accounts![2].address, tracker);
  assert.equal(rest[1].accounts!.length, 3 + 16);
  assert.equal(rest[1].accounts![3].address, inp.delegations[Number(EPOCH % 16n)]);

  await assert.rejects(vault.planVaultUpdate({ ...input(3), operatorCount: 4n }));
});

test('planner: each numbering tags the plan; an unknown program is planned for as requested', async () => {
  const inp = { ...input(32), computeUnitPrice: 5n };
  const vaultTags = (plan: vault.PlannedTransaction[]) =>
    plan.map(tx => tx.instructions.filter(ix => ix.programAddress === vault.JITO_VAULT_PROGRAM_ADDRESS).map(ix => ix.data![0]));
  const master = await vault.planVaultUpdate(inp);
  assert.deepEqual(await vault.planVaultUpdate({ ...inp, numbering: 'master' }), master);
  const legacy = await vault.planVaultUpdate({ ...inp, numbering: 'legacy' });
  assert.deepEqual(vaultTags(master), [[27, 34], [34, 29]]);
  assert.deepEqual(vaultTags(legacy), [[26, 34], [34, 28]]);
  // Only the vault tags differ: same packing, sizes, accounts, arguments, compute budget.
  assert.equal(legacy.length, master.length);
  legacy.forEach((tx, i) => {
    const m = master[i];
    assert.deepEqual([tx.operators, tx.size, tx.accountLocks, tx.computeUnits], [m.operators, m.size, m.accountLocks, m.computeUnits]);
    assert.equal(tx.instructions.length, m.instructions.length);
    tx.instructions.forEach((ix, j) => {
      const mi = m.instructions[j];
      assert.equal(ix.programAddress, mi.programAddress);
      assert.deepEqual(ix.accounts, mi.accounts);
      assert.deepEqual(ix.data!.slice(1), mi.data!.slice(1));
      const isVault = mi.programAddress === vault.JITO_VAULT_PROGRAM_ADDRESS;
      assert.equal(ix.data![0], isVault ? vault.vaultTag('legacy', mi.data![0]) : mi.data![0]);
    });
  });
  // GetNumbering failed (an original binary): 'unknown', the plan goes by the requested numbering.
  for (const numbering of ['master', 'legacy'] as const) {
    const cache = new vault.VaultNumberingCache();
    let calls = 0;
    const simulate: vault.SimulateInstruction = async ix => {
      calls++;
      assert.deepEqual([...ix.data!], [vault.GET_NUMBERING_TAG]);
      return null;
    };
    const plan = await vault.planVaultUpdateChecked({ ...inp, numbering }, { cache, simulate });
    assert.deepEqual(plan, numbering === 'master' ? master : legacy);
    assert.equal(await cache.get(vault.JITO_VAULT_PROGRAM_ADDRESS, simulate), 'unknown');
    assert.equal(calls, 1);
  }
});
