// A 16-operator vault's epoch updates, end to end through the JS client: operators, delegations,
// a deposit and a withdrawal built with the generated clients, then every update sent as the
// transactions planVaultUpdate plans (BatchCrankVaultUpdateStateTracker between the tracker's
// initialize and close): a partial update resumed from the tracker, a whole update in one legacy
// transaction, and one in a v0 transaction through an address lookup table. Then both
// numberings: a legacy-numbered plan (planVaultUpdateChecked, numbering 'legacy') on the legacy
// build leaves the accounts a master plan leaves on the master build, and a plan for the other
// numbering is refused before anything is sent, both ways.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Address, type Instruction, type KeyPairSigner, generateKeyPairSigner } from '@solana/kit';
import type { LiteSVM } from 'litesvm';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

import {
  DEFAULT_IDS,
  PROGRAMS,
  createAta,
  exists,
  funded,
  implemented,
  liteSvmSimulator,
  mintTo,
  newSvm,
  nextSlot,
  putLookupTable,
  read,
  send,
  sendWithTable,
  slot,
  warpEpochs,
} from './svm';
import { type VaultSetup, type World, configs, createVault } from './world';

const OPERATORS = 16;
const DEPOSIT = 1_600_000n;
const PER_OPERATOR = 90_000n;

const batchDispatched = await implemented(newSvm(), PROGRAMS.vault.address, 34);

type Setup = { world: World; v: VaultSetup; delegations: Address[]; keeper: KeyPairSigner };

/** The vault `numbering` of the build `svm` runs (its vault instructions are re-tagged). */
async function setup(svm: LiteSVM, numbering: vault.VaultNumbering = 'master'): Promise<Setup> {
  const n = <T extends Instruction>(ix: T) => vault.withVaultNumbering(ix, numbering);
  const world = await configs(svm);
  const v = await createVault(world);
  const operatorAdmin = await funded(svm);
  const operators: Address[] = [];
  for (let i = 0; i < OPERATORS; i++) {
    const base = await generateKeyPairSigner();
    await send(svm, operatorAdmin, [
      await restaking.getInitializeOperatorInstructionAsync({ admin: operatorAdmin, base, operatorFeeBps: 100 }),
    ]);
    const [operator] = await restaking.findOperatorPda({ base: base.address });
    await send(svm, operatorAdmin, [
      await restaking.getInitializeOperatorVaultTicketInstructionAsync({
        operator,
        vault: v.address,
        admin: operatorAdmin,
        payer: operatorAdmin,
      }),
    ]);
    nextSlot(svm);
    await send(svm, operatorAdmin, [
      await restaking.getWarmupOperatorVaultTicketInstructionAsync({ operator, vault: v.address, admin: operatorAdmin }),
    ]);
    await send(svm, v.admin, [
      n(
        await vault.getInitializeVaultOperatorDelegationInstructionAsync({
          vault: v.address,
          operator,
          admin: v.admin,
          payer: v.admin,
        }),
      ),
    ]);
    operators.push(operator);
  }
  // Deposit, delegate most of it, and ask to withdraw more than is undelegated, so the update
  // must cool delegations down.
  const staker = await funded(svm);
  const stakerSt = await mintTo(svm, v.admin, v.stMint.address, staker.address, DEPOSIT);
  const stakerVrt = await createAta(svm, staker, staker.address, v.vrtMint);
  await send(svm, staker, [
    n(
      await vault.getMintToInstructionAsync({
        vault: v.address,
        vrtMint: v.vrtMint,
        depositor: staker,
        depositorTokenAccount: stakerSt,
        vaultTokenAccount: v.vaultStToken,
        vaultFeeTokenAccount: v.feeVrtToken,
        amountIn: DEPOSIT,
        minAmountOut: DEPOSIT,
      }),
    ),
  ]);
  for (const operator of operators) {
    await send(svm, v.admin, [
      n(await vault.getAddDelegationInstructionAsync({ vault: v.address, operator, admin: v.admin, amount: PER_OPERATOR })),
    ]);
  }
  const ticketBase = await generateKeyPairSigner();
  const [ticket] = await vault.findVaultStakerWithdrawalTicketPda({ vault: v.address, base: ticketBase.address });
  const ticketVrt = await createAta(svm, staker, ticket, v.vrtMint);
  await send(svm, staker, [
    n(
      await vault.getEnqueueWithdrawalInstructionAsync({
        vault: v.address,
        vaultStakerWithdrawalTicketTokenAccount: ticketVrt,
        staker,
        stakerVrtTokenAccount: stakerVrt,
        base: ticketBase,
        amount: DEPOSIT / 2n,
      }),
    ),
  ]);
  const delegations = await Promise.all(
    operators.map(async operator => (await vault.findVaultOperatorDelegationPda({ vault: v.address, operator }))[0]),
  );
  return { world, v, delegations, keeper: await funded(svm) };
}

/** What the planner needs, read from the chain. */
async function plannerInput(svm: LiteSVM, s: Setup, lookupTable?: vault.VaultUpdateInput['lookupTable']) {
  const ncnEpoch = slot(svm) / s.world.epochLength;
  const vaultAccount = read(svm, s.v.address, vault.getVaultDecoder());
  const [tracker] = await vault.findVaultUpdateStateTrackerPda({ vault: s.v.address, ncnEpoch });
  const trackerStatus: vault.TrackerStatus = exists(svm, tracker)
    ? { kind: 'open', lastUpdatedIndex: read(svm, tracker, vault.getVaultUpdateStateTrackerDecoder()).lastUpdatedIndex }
    : { kind: 'absent' };
  const input: vault.VaultUpdateInput = {
    vaultProgram: PROGRAMS.vault.address,
    config: s.world.vaultConfig,
    vault: s.v.address,
    payer: s.keeper,
    ncnEpoch,
    operatorCount: vaultAccount.operatorCount,
    tracker: trackerStatus,
    delegations: s.delegations,
    lookupTable,
  };
  return { input, tracker };
}

/** The vault is up to date: tracker closed, every delegation rolled to this epoch and summed. */
function assertUpdated(svm: LiteSVM, s: Setup, tracker: Address) {
  const now = slot(svm);
  const epoch = now / s.world.epochLength;
  assert.equal(exists(svm, tracker), false, 'tracker closed');
  const v = read(svm, s.v.address, vault.getVaultDecoder());
  assert.equal(v.lastFullStateUpdateSlot, now);
  assert.equal(v.additionalAssetsNeedUnstaking, 0n);
  const sum = { staked: 0n, enqueued: 0n, cooling: 0n };
  for (const d of s.delegations) {
    const delegation = read(svm, d, vault.getVaultOperatorDelegationDecoder());
    assert.equal(delegation.lastUpdateSlot / s.world.epochLength, epoch);
    sum.staked += delegation.delegationState.stakedAmount;
    sum.enqueued += delegation.delegationState.enqueuedForCooldownAmount;
    sum.cooling += delegation.delegationState.coolingDownAmount;
  }
  assert.deepEqual(
    {
      staked: v.delegationState.stakedAmount,
      enqueued: v.delegationState.enqueuedForCooldownAmount,
      cooling: v.delegationState.coolingDownAmount,
    },
    sum,
  );
  return sum;
}

test(
  'vault update planner: a 16-operator vault updated in the planned transactions',
  { skip: !batchDispatched && 'vault program does not dispatch BatchCrankVaultUpdateStateTracker (34) yet' },
  async () => {
    const svm = newSvm();
    const s = await setup(svm);

    // Epoch + 1: a keeper opens the tracker and cranks 5 operators, then the planner resumes.
    warpEpochs(svm, 1n, s.world.epochLength);
    let { input, tracker } = await plannerInput(svm, s);
    const first = await vault.planVaultUpdate(input);
    assert.equal(first.length, 1, '16 operators: one legacy transaction');
    assert.deepEqual(first[0].operators.length, OPERATORS);
    const [init, batch] = first[0].instructions;
    const start = Number(input.ncnEpoch % BigInt(OPERATORS));
    const partialBatch = vault.getBatchCrankVaultUpdateStateTrackerInstruction({
      config: s.world.vaultConfig,
      vault: s.v.address,
      vaultUpdateStateTracker: tracker,
      vaultOperatorDelegations: Array.from({ length: 5 }, (_, i) => s.delegations[(start + i) % OPERATORS]),
    });
    assert.deepEqual(partialBatch.accounts, batch.accounts!.slice(0, 3 + 5));
    await send(svm, s.keeper, [init, partialBatch], 'vault Initialize + BatchCrank(5)');

    ({ input, tracker } = await plannerInput(svm, s));
    assert.deepEqual(input.tracker, { kind: 'open', lastUpdatedIndex: BigInt((start + 4) % OPERATORS) });
    const rest = await vault.planVaultUpdate(input);
    assert.equal(rest.length, 1);
    assert.equal(rest[0].operators.length, OPERATORS - 5);
    for (const tx of rest) {
      const { size, meta } = await sendWithTable(svm, s.keeper, tx.instructions);
      assert.equal(size, tx.size, 'planned size is the encoded size');
      assert.ok(BigInt(tx.computeUnits) >= meta.computeUnitsConsumed(), `compute estimate ${tx.computeUnits} below ${meta.computeUnitsConsumed()}`);
    }
    const afterFirst = assertUpdated(svm, s, tracker);
    // The withdrawal was covered by cooling delegations down (enqueued, then rolled to cooling).
    assert.ok(afterFirst.cooling > 0n, 'delegations cooled down');
    assert.equal(afterFirst.staked + afterFirst.cooling, PER_OPERATOR * BigInt(OPERATORS));

    // Epoch + 2: the whole update in one legacy transaction.
    warpEpochs(svm, 1n, s.world.epochLength);
    ({ input, tracker } = await plannerInput(svm, s));
    const whole = await vault.planVaultUpdate(input);
    assert.equal(whole.length, 1);
    const sent = await sendWithTable(svm, s.keeper, whole[0].instructions);
    assert.equal(sent.size, whole[0].size);
    console.log(`PLAN e2e 16 operators legacy: 1 transaction, ${sent.size} bytes, ${sent.meta.computeUnitsConsumed()} CU`);
    assertUpdated(svm, s, tracker);

    // Epoch + 3: v0 through a lookup table holding the config, the vault and the delegations.
    warpEpochs(svm, 1n, s.world.epochLength);
    const table = { address: (await generateKeyPairSigner()).address, addresses: [s.world.vaultConfig, s.v.address, ...s.delegations] };
    putLookupTable(svm, table.address, table.addresses);
    ({ input, tracker } = await plannerInput(svm, s, table));
    const withTable = await vault.planVaultUpdate(input);
    assert.equal(withTable.length, 1);
    const sentV0 = await sendWithTable(svm, s.keeper, withTable[0].instructions, table);
    assert.equal(sentV0.size, withTable[0].size);
    assert.ok(sentV0.size < sent.size, `v0 ${sentV0.size} vs legacy ${sent.size}`);
    console.log(`PLAN e2e 16 operators v0+ALT: 1 transaction, ${sentV0.size} bytes, ${sentV0.meta.computeUnitsConsumed()} CU`);
    assertUpdated(svm, s, tracker);
  },
);

/**
 * What the update writes, without the addresses (each world has its own keypairs): the vault's
 * amounts and update slot, each delegation's state and update slot, whether the tracker exists.
 */
function updateState(svm: LiteSVM, s: Setup, tracker: Address) {
  const v = read(svm, s.v.address, vault.getVaultDecoder());
  return {
    vault: {
      lastFullStateUpdateSlot: v.lastFullStateUpdateSlot,
      delegationState: v.delegationState,
      tokensDeposited: v.tokensDeposited,
      vrtSupply: v.vrtSupply,
      vrtEnqueuedForCooldownAmount: v.vrtEnqueuedForCooldownAmount,
      vrtCoolingDownAmount: v.vrtCoolingDownAmount,
      additionalAssetsNeedUnstaking: v.additionalAssetsNeedUnstaking,
    },
    delegations: s.delegations.map(d => {
      const delegation = read(svm, d, vault.getVaultOperatorDelegationDecoder());
      return { state: delegation.delegationState, lastUpdateSlot: delegation.lastUpdateSlot };
    }),
    tracker: exists(svm, tracker),
  };
}

test(
  'vault update planner: each numbering on its build (planVaultUpdateChecked), the other refused',
  { skip: !batchDispatched && 'vault program does not dispatch BatchCrankVaultUpdateStateTracker (34) yet' },
  async () => {
    const results = [];
    for (const numbering of ['master', 'legacy'] as const) {
      const other = numbering === 'master' ? 'legacy' : 'master';
      const svm = newSvm(DEFAULT_IDS, numbering);
      const s = await setup(svm, numbering);
      warpEpochs(svm, 1n, s.world.epochLength);
      const { input, tracker } = await plannerInput(svm, s);
      const calls = { n: 0 };
      const check = { cache: new vault.VaultNumberingCache(), simulate: liteSvmSimulator(svm, s.keeper, calls) };
      const before = updateState(svm, s, tracker);
      // The other numbering: refused, nothing planned, nothing changed.
      await assert.rejects(vault.planVaultUpdateChecked({ ...input, numbering: other }, check), (e: unknown) => {
        assert.ok(e instanceof vault.VaultNumberingMismatchError);
        assert.equal(e.client, other);
        assert.equal(e.program, numbering);
        return true;
      });
      assert.deepEqual(updateState(svm, s, tracker), before);
      const plan = await vault.planVaultUpdateChecked({ ...input, numbering }, check);
      assert.equal(calls.n, 1, 'GetNumbering asked once');
      assert.equal(plan.length, 1);
      const tags = plan[0].instructions.map(ix => ix.data![0]);
      assert.deepEqual(tags, numbering === 'master' ? [27, 34, 29] : [26, 34, 28]);
      await sendWithTable(svm, s.keeper, plan[0].instructions);
      assertUpdated(svm, s, tracker);
      results.push(updateState(svm, s, tracker));
    }
    // The legacy plan on the legacy build wrote what the master plan wrote on the master build.
    assert.equal(results[0].tracker, false);
    assert.deepEqual(results[1], results[0]);
  },
);
