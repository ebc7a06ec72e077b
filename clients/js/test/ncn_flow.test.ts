// The NCN program's epoch, end to end on LiteSVM through the generated JS clients: the
// restaking and vault set-up (an NCN, three operators, two vaults over two stake mints, every
// opt-in, deposits and delegations, the warm-up and the vault updates) with jito-restaking-client
// and jito-vault-client, then the NCN lifecycle with jito-ncn-client on the built
// jito_ncn_program.so: config, vault registry, stake mints with different weights, vaults, epoch
// state, weight table, epoch and operator snapshots, every delegation snapshot, ballot box, votes
// to consensus at 2/3 of the stake weight and a late vote, rewards routed and distributed, and
// every epoch account closed. A second test settles a stalled epoch with the tie-breaker admin.
// The NCN accounts are not in the IDL yet: they are read at the template's byte offsets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { type Address, type KeyPairSigner, generateKeyPairSigner, getAddressDecoder, lamports } from '@solana/kit';
import { Clock, EpochSchedule, type LiteSVM } from 'litesvm';
import * as ncnClient from 'jito-ncn-client';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

import { PROGRAMS, createAta, exists, funded, mintTo, newSvm, read, send } from './svm';
import { type VaultSetup, type World, configs, createVault } from './world';

const NCN_SO = fileURLToPath(new URL('../../../target/deploy/jito_ncn_program.so', import.meta.url));
const NCN = ncnClient.JITO_NCN_PROGRAM_ADDRESS;
const PROTOCOL_FEE_WALLET = '5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF' as Address;
const EPOCH_LENGTH = 432_000n;
/** Operator stakes per vault: 50%, 30% and 20% of the weight (2/3 reached at the second vote). */
const STAKES = [500_000n, 300_000n, 200_000n];
/** Weights of the two stake mints: the second counts 40% of the first. */
const WEIGHTS = [1_000_000_000_000n, 400_000_000_000n];
const VALID_SLOTS_AFTER_CONSENSUS = 10_000n;
const EPOCHS_BEFORE_STALL = 3n;
const EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE = 10n;
const NCN_FEE_BPS = 300;
const REWARDS = 10_000_000_000n;
const SUNNY = 1;

const o = { programAddress: NCN };

/** Sets the clock to `slot` and its epoch (LiteSVM's warpToSlot leaves the epoch). */
function warp(svm: LiteSVM, slot: bigint) {
  const c = svm.getClock();
  svm.setClock(new Clock(slot, c.epochStartTimestamp, slot / EPOCH_LENGTH, c.leaderScheduleEpoch, c.unixTimestamp));
}
const now = (svm: LiteSVM) => svm.getClock().slot;
const u64 = (data: Uint8Array, at: number) => new DataView(data.buffer, data.byteOffset).getBigUint64(at, true);
const data = (svm: LiteSVM, address: Address) => {
  const account = svm.getAccount(address);
  assert.ok(account.exists, `account ${address} exists`);
  return account.data;
};
const balance = (svm: LiteSVM, address: Address) => svm.getBalance(address) ?? 0n;

type Operator = { address: Address; admin: KeyPairSigner };
type Setup = {
  svm: LiteSVM;
  world: World;
  ncn: Address;
  ncnAdmin: KeyPairSigner;
  operators: Operator[];
  vaults: VaultSetup[];
  epoch: bigint;
};

/**
 * The restaking and vault side, through their clients: an NCN, three operators, two vaults
 * (each over its own stake mint), every opt-in, deposits delegated `STAKES`, two epochs of
 * warm-up and both vaults updated for the epoch.
 */
async function restakingAndVaults(): Promise<Setup> {
  const svm = newSvm();
  svm.addProgramFromFile(NCN, NCN_SO);
  // A plain schedule (no warm-up epochs), as on mainnet: epoch = slot / 432,000.
  svm.setEpochSchedule(new EpochSchedule(EPOCH_LENGTH, EPOCH_LENGTH, false, 0n, 0n));
  warp(svm, 3n * EPOCH_LENGTH + 100n);
  const world = await configs(svm);
  assert.equal(world.epochLength, EPOCH_LENGTH);
  const { r, v } = world;
  const vaults = [await createVault(world), await createVault(world)];

  const ncnAdmin = await funded(svm, 1_000n);
  const ncnBase = await generateKeyPairSigner();
  await send(svm, ncnAdmin, [await restaking.getInitializeNcnInstructionAsync({ admin: ncnAdmin, base: ncnBase }, r)]);
  const [ncn] = await restaking.findNcnPda({ base: ncnBase.address }, r);
  const next = () => warp(svm, now(svm) + 1n);

  const operators: Operator[] = [];
  for (let i = 0; i < STAKES.length; i++) {
    const admin = await funded(svm);
    const base = await generateKeyPairSigner();
    await send(svm, admin, [
      await restaking.getInitializeOperatorInstructionAsync({ admin, base, operatorFeeBps: 100 * (i + 1) }, r),
    ]);
    const [address] = await restaking.findOperatorPda({ base: base.address }, r);
    await send(svm, ncnAdmin, [
      await restaking.getInitializeNcnOperatorStateInstructionAsync({ ncn, operator: address, admin: ncnAdmin, payer: ncnAdmin }, r),
    ]);
    next();
    await send(svm, ncnAdmin, [await restaking.getNcnWarmupOperatorInstructionAsync({ ncn, operator: address, admin: ncnAdmin }, r)]);
    await send(svm, admin, [await restaking.getOperatorWarmupNcnInstructionAsync({ ncn, operator: address, admin }, r)]);
    operators.push({ address, admin });
  }
  for (const vs of vaults) {
    await send(svm, ncnAdmin, [
      await restaking.getInitializeNcnVaultTicketInstructionAsync({ ncn, vault: vs.address, admin: ncnAdmin, payer: ncnAdmin }, r),
    ]);
    await send(svm, vs.admin, [
      await vault.getInitializeVaultNcnTicketInstructionAsync(
        { vault: vs.address, ncn, admin: vs.admin, payer: vs.admin, restakingProgram: world.ids.restaking },
        v,
      ),
    ]);
    next();
    await send(svm, ncnAdmin, [await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn, vault: vs.address, admin: ncnAdmin }, r)]);
    await send(svm, vs.admin, [await vault.getWarmupVaultNcnTicketInstructionAsync({ vault: vs.address, ncn, admin: vs.admin }, v)]);
    for (const op of operators) {
      await send(svm, op.admin, [
        await restaking.getInitializeOperatorVaultTicketInstructionAsync(
          { operator: op.address, vault: vs.address, admin: op.admin, payer: op.admin },
          r,
        ),
      ]);
      next();
      await send(svm, op.admin, [
        await restaking.getWarmupOperatorVaultTicketInstructionAsync({ operator: op.address, vault: vs.address, admin: op.admin }, r),
      ]);
      await send(svm, vs.admin, [
        await vault.getInitializeVaultOperatorDelegationInstructionAsync(
          { vault: vs.address, operator: op.address, admin: vs.admin, payer: vs.admin, restakingProgram: world.ids.restaking },
          v,
        ),
      ]);
    }
    // A deposit, delegated to the operators.
    const staker = await funded(svm);
    const total = STAKES.reduce((a, b) => a + b);
    const stakerSt = await mintTo(svm, vs.admin, vs.stMint.address, staker.address, total);
    await createAta(svm, staker, staker.address, vs.vrtMint);
    await send(svm, staker, [
      await vault.getMintToInstructionAsync(
        {
          vault: vs.address,
          vrtMint: vs.vrtMint,
          depositor: staker,
          depositorTokenAccount: stakerSt,
          vaultTokenAccount: vs.vaultStToken,
          vaultFeeTokenAccount: vs.feeVrtToken,
          amountIn: total,
          minAmountOut: total,
        },
        v,
      ),
    ]);
    for (const [i, op] of operators.entries()) {
      await send(svm, vs.admin, [
        await vault.getAddDelegationInstructionAsync({ vault: vs.address, operator: op.address, admin: vs.admin, amount: STAKES[i] }, v),
      ]);
    }
  }

  // Two epochs on, every opt-in is active; each vault is updated for the epoch.
  warp(svm, (now(svm) / EPOCH_LENGTH + 2n) * EPOCH_LENGTH + 50n);
  const epoch = now(svm) / EPOCH_LENGTH;
  const keeper = await funded(svm);
  for (const vs of vaults) {
    const delegations = await Promise.all(
      operators.map(async op => (await vault.findVaultOperatorDelegationPda({ vault: vs.address, operator: op.address }, v))[0]),
    );
    const plan = await vault.planVaultUpdate({
      vaultProgram: PROGRAMS.vault.address,
      config: world.vaultConfig,
      vault: vs.address,
      payer: keeper,
      ncnEpoch: epoch,
      operatorCount: BigInt(operators.length),
      tracker: { kind: 'absent' },
      delegations,
    });
    for (const tx of plan) await send(svm, keeper, tx.instructions);
    assert.equal(read(svm, vs.address, vault.getVaultDecoder()).lastFullStateUpdateSlot, now(svm));
  }
  return { svm, world, ncn, ncnAdmin, operators, vaults, epoch };
}

type Ncn = Setup & { tieBreaker: KeyPairSigner; feeWallet: Address; payer: Address };

/** The NCN program's config, registry, mints and vaults; the epoch's weight table, snapshots and ballot box. */
async function toVoting(s: Setup): Promise<Ncn> {
  const { svm, ncn, ncnAdmin, epoch } = s;
  const restakingConfig = s.world.restakingConfig;
  const tieBreaker = await funded(svm, 1n);
  const feeWallet = (await generateKeyPairSigner()).address;
  const [payer] = await ncnClient.findAccountPayerPda({ ncn, ncnAgain: ncn }, o);
  svm.airdrop(payer, lamports(100_000_000_000n));

  await send(svm, ncnAdmin, [
    await ncnClient.getInitializeConfigInstructionAsync(
      {
        ncn,
        ncnFeeWallet: feeWallet,
        ncnAdmin,
        tieBreakerAdmin: tieBreaker.address,
        epochsBeforeStall: EPOCHS_BEFORE_STALL,
        epochsAfterConsensusBeforeClose: EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        validSlotsAfterConsensus: VALID_SLOTS_AFTER_CONSENSUS,
        ncnFeeBps: NCN_FEE_BPS,
      },
      o,
    ),
  ], 'ncn InitializeConfig');
  const [config] = await ncnClient.findConfigPda({ ncn }, o);
  const configData = data(svm, config);
  assert.equal(configData.length, 193);
  assert.equal(configData[0], 0x01);
  assert.equal(getAddressDecoder().decode(configData.subarray(8, 40)), ncn);
  assert.equal(getAddressDecoder().decode(configData.subarray(40, 72)), tieBreaker.address);
  assert.equal(u64(configData, 96), epoch, 'starting valid epoch');

  await send(svm, ncnAdmin, [await ncnClient.getInitializeVaultRegistryInstructionAsync({ ncn }, o)], 'ncn InitializeVaultRegistry');
  const [registry] = await ncnClient.findVaultRegistryPda({ ncn }, o);
  while (data(svm, registry).length < 10_281) {
    await send(svm, ncnAdmin, [await ncnClient.getReallocVaultRegistryInstructionAsync({ ncn }, o)], 'ncn ReallocVaultRegistry');
  }
  for (const [i, vs] of s.vaults.entries()) {
    await send(svm, ncnAdmin, [
      await ncnClient.getAdminRegisterStMintInstructionAsync({ ncn, stMint: vs.stMint.address, admin: ncnAdmin, weight: WEIGHTS[i] }, o),
    ], 'ncn AdminRegisterStMint');
  }
  const r = { restakingProgram: s.world.ids.restaking, vaultProgram: s.world.ids.vault };
  for (const vs of s.vaults) {
    await send(svm, ncnAdmin, [await ncnClient.getRegisterVaultInstructionAsync({ ncn, vault: vs.address, ...r }, o)], 'ncn RegisterVault');
  }

  await send(svm, ncnAdmin, [await ncnClient.getInitializeEpochStateInstructionAsync({ ncn, epoch }, o)], 'ncn InitializeEpochState');
  await send(svm, ncnAdmin, [await ncnClient.getInitializeWeightTableInstructionAsync({ ncn, epoch }, o)], 'ncn InitializeWeightTable');
  const [table] = await ncnClient.findWeightTablePda({ ncn, epoch }, o);
  while (data(svm, table).length < 12_353) {
    await send(svm, ncnAdmin, [await ncnClient.getReallocWeightTableInstructionAsync({ ncn, epoch }, o)], 'ncn ReallocWeightTable');
  }
  await send(svm, ncnAdmin, [await ncnClient.getSetEpochWeightsInstructionAsync({ ncn, epoch }, o)], 'ncn SetEpochWeights');

  await send(svm, ncnAdmin, [await ncnClient.getInitializeEpochSnapshotInstructionAsync({ ncn, epoch }, o)], 'ncn InitializeEpochSnapshot');
  for (const op of s.operators) {
    await send(svm, ncnAdmin, [
      await ncnClient.getInitializeOperatorSnapshotInstructionAsync({ ncn, operator: op.address, restakingConfig, epoch, ...r }, o),
    ], 'ncn InitializeOperatorSnapshot');
    for (const vs of s.vaults) {
      await send(svm, ncnAdmin, [
        await ncnClient.getSnapshotVaultOperatorDelegationInstructionAsync(
          { ncn, operator: op.address, vault: vs.address, restakingConfig, epoch, ...r },
          o,
        ),
      ], 'ncn SnapshotVaultOperatorDelegation');
    }
  }
  // The epoch snapshot counts every operator and every delegation; its stake weight is the sum
  // of stake × mint weight (template layout: operator_count 65, operators_registered 81, valid
  // delegations 89, stake weight 97).
  const [snapshot] = await ncnClient.findEpochSnapshotPda({ ncn, epoch }, o);
  const snapshotData = data(svm, snapshot);
  assert.equal(u64(snapshotData, 65), 3n, 'operator count');
  assert.equal(u64(snapshotData, 81), 3n, 'operators registered');
  assert.equal(u64(snapshotData, 89), 6n, 'valid operator vault delegations');
  const total = STAKES.reduce((a, b) => a + b) * (WEIGHTS[0] + WEIGHTS[1]);
  const stakeWeight = u64(snapshotData, 97) + (u64(snapshotData, 105) << 64n);
  assert.equal(stakeWeight, total, 'stake weight: stakes × mint weights');

  await send(svm, ncnAdmin, [await ncnClient.getInitializeBallotBoxInstructionAsync({ ncn, epoch }, o)], 'ncn InitializeBallotBox');
  const [ballotBox] = await ncnClient.findBallotBoxPda({ ncn, epoch }, o);
  while (data(svm, ballotBox).length < 22_099) {
    await send(svm, ncnAdmin, [await ncnClient.getReallocBallotBoxInstructionAsync({ ncn, epoch }, o)], 'ncn ReallocBallotBox');
  }
  return { ...s, tieBreaker, feeWallet, payer };
}

async function vote(n: Ncn, op: Operator, weatherStatus: number) {
  await send(n.svm, op.admin, [
    await ncnClient.getCastVoteInstructionAsync({ ncn: n.ncn, operator: op.address, operatorVoter: op.admin, weatherStatus, epoch: n.epoch }, o),
  ], 'ncn CastVote');
}

test('NCN epoch on LiteSVM: snapshot, votes to consensus, rewards, accounts closed', async () => {
  const n = await toVoting(await restakingAndVaults());
  const { svm, ncn, epoch } = n;
  const [ballotBox] = await ncnClient.findBallotBoxPda({ ncn, epoch }, o);
  const [consensusResult] = await ncnClient.findConsensusResultPda({ ncn, epoch }, o);

  // 50% of the stake weight: no consensus; 80%: consensus in this slot.
  await vote(n, n.operators[0], SUNNY);
  assert.equal(data(svm, ballotBox)[82], 0, 'no winner at 50%');
  await vote(n, n.operators[1], SUNNY);
  const consensusSlot = now(svm);
  let box = data(svm, ballotBox);
  assert.equal(u64(box, 57), consensusSlot, 'consensus slot');
  assert.deepEqual([box[81], box[82]], [SUNNY, 1], 'winning ballot');
  const result = data(svm, consensusResult);
  assert.equal(result[73], SUNNY, 'consensus result weather');
  assert.equal(u64(result, 64), consensusSlot, 'consensus result slot');

  // A late vote inside valid_slots_after_consensus still counts.
  warp(svm, consensusSlot + VALID_SLOTS_AFTER_CONSENSUS - 1n);
  await vote(n, n.operators[2], SUNNY);
  box = data(svm, ballotBox);
  assert.equal(u64(box, 65), 3n, 'three operators voted');

  // Rewards: routers, then the lamports that arrived, routed once voting is over.
  await send(svm, n.ncnAdmin, [await ncnClient.getInitializeNcnRewardRouterInstructionAsync({ ncn, epoch }, o)], 'ncn InitializeNCNRewardRouter');
  const [router] = await ncnClient.findNcnRewardRouterPda({ ncn, epoch }, o);
  const [receiver] = await ncnClient.findNcnRewardReceiverPda({ ncn, epoch }, o);
  while (data(svm, router).length < 10_483) {
    await send(svm, n.ncnAdmin, [await ncnClient.getReallocNcnRewardRouterInstructionAsync({ ncn, epoch }, o)], 'ncn ReallocNCNRewardRouter');
  }
  for (const op of n.operators) {
    await send(svm, n.ncnAdmin, [
      await ncnClient.getInitializeOperatorVaultRewardRouterInstructionAsync({ ncn, operator: op.address, epoch }, o),
    ], 'ncn InitializeOperatorVaultRewardRouter');
  }
  warp(svm, consensusSlot + VALID_SLOTS_AFTER_CONSENSUS + 1n);
  svm.airdrop(receiver, lamports(REWARDS));
  await send(svm, n.ncnAdmin, [await ncnClient.getRouteNcnRewardsInstructionAsync({ ncn, maxIterations: 10, epoch }, o)], 'ncn RouteNCNRewards');
  const protocolBefore = balance(svm, PROTOCOL_FEE_WALLET);
  await send(svm, n.ncnAdmin, [
    await ncnClient.getDistributeProtocolRewardsInstructionAsync({ ncn, protocolFeeWallet: PROTOCOL_FEE_WALLET, epoch }, o),
  ], 'ncn DistributeProtocolRewards');
  await send(svm, n.ncnAdmin, [
    await ncnClient.getDistributeNcnRewardsInstructionAsync({ ncn, ncnFeeWallet: n.feeWallet, epoch }, o),
  ], 'ncn DistributeNCNRewards');
  // Fees: protocol 400 bps, NCN 300 bps of the pool.
  assert.equal(balance(svm, PROTOCOL_FEE_WALLET) - protocolBefore, (REWARDS * 400n) / 10_000n);
  assert.equal(balance(svm, n.feeWallet), (REWARDS * 300n) / 10_000n);

  const operatorRewards = REWARDS - (REWARDS * 700n) / 10_000n;
  let routed = 0n;
  for (const [i, op] of n.operators.entries()) {
    const [opReceiver] = await ncnClient.findOperatorVaultRewardReceiverPda({ operator: op.address, ncn, epoch }, o);
    const before = balance(svm, opReceiver);
    await send(svm, n.ncnAdmin, [
      await ncnClient.getDistributeOperatorVaultRewardRouteInstructionAsync({ ncn, operator: op.address, epoch }, o),
    ], 'ncn DistributeOperatorVaultRewardRoute');
    const share = balance(svm, opReceiver) - before;
    // By stake weight among the winning voters: 50% / 30% / 20%.
    assert.equal(share, (operatorRewards * STAKES[i]) / 1_000_000n, `operator ${i} share`);
    routed += share;
    // The router walks all 64 delegation slots of the snapshot: two steps of 32.
    for (let step = 0; step < 2; step++) {
      await send(svm, n.ncnAdmin, [
        await ncnClient.getRouteOperatorVaultRewardsInstructionAsync({ ncn, operator: op.address, maxIterations: 32, epoch }, o),
      ], 'ncn RouteOperatorVaultRewards');
    }
    const adminBefore = balance(svm, op.admin.address);
    const operatorBefore = balance(svm, op.address);
    await send(svm, n.ncnAdmin, [
      await ncnClient.getDistributeOperatorRewardsInstructionAsync({ ncn, operator: op.address, epoch }, o),
    ], 'ncn DistributeOperatorRewards');
    // The operator's fee (its operator_fee_bps) goes to the operator account.
    assert.ok(balance(svm, op.address) > operatorBefore, 'the operator is paid');
    assert.equal(balance(svm, op.admin.address), adminBefore);
    for (const vs of n.vaults) {
      const vaultBefore = balance(svm, vs.address);
      await send(svm, n.ncnAdmin, [
        await ncnClient.getDistributeVaultRewardsInstructionAsync({ ncn, operator: op.address, vault: vs.address, epoch }, o),
      ], 'ncn DistributeVaultRewards');
      assert.ok(balance(svm, vs.address) > vaultBefore, 'the vault is paid');
    }
  }
  assert.ok(routed > 0n && routed <= operatorRewards);

  // Every epoch account closed after epochs_after_consensus_before_close; the epoch state last.
  warp(svm, (epoch + EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE + 1n) * EPOCH_LENGTH);
  const close = async (accountToClose: Address, extra?: { ncnFeeWallet: Address; receiverToClose: Address }) => {
    await send(svm, n.ncnAdmin, [
      await ncnClient.getCloseEpochAccountInstructionAsync({ ncn, accountToClose, epoch, ...extra }, o),
    ], 'ncn CloseEpochAccount');
    assert.equal(exists(svm, accountToClose), false, `${accountToClose} closed`);
  };
  const [table] = await ncnClient.findWeightTablePda({ ncn, epoch }, o);
  const [snapshot] = await ncnClient.findEpochSnapshotPda({ ncn, epoch }, o);
  const [epochState] = await ncnClient.findEpochStatePda({ ncn, epoch }, o);
  const [marker] = await ncnClient.findEpochMarkerPda({ ncn, epoch, ncnAgain: ncn }, o);
  const payerBefore = balance(svm, n.payer);
  await close(table);
  await close(snapshot);
  await close(ballotBox);
  await close(router, { ncnFeeWallet: n.feeWallet, receiverToClose: receiver });
  for (const op of n.operators) {
    const [opSnapshot] = await ncnClient.findOperatorSnapshotPda({ operator: op.address, ncn, epoch }, o);
    const [opRouter] = await ncnClient.findOperatorVaultRewardRouterPda({ operator: op.address, ncn, epoch }, o);
    const [opReceiver] = await ncnClient.findOperatorVaultRewardReceiverPda({ operator: op.address, ncn, epoch }, o);
    await close(opSnapshot);
    await close(opRouter, { ncnFeeWallet: n.feeWallet, receiverToClose: opReceiver });
  }
  await close(epochState);
  assert.ok(balance(svm, n.payer) > payerBefore, 'the rent went back to the account payer');
  assert.equal(data(svm, marker)[0], 0x51, 'the epoch marker stays');
  // The epoch cannot start again.
  await assert.rejects(
    send(svm, n.ncnAdmin, [await ncnClient.getInitializeEpochStateInstructionAsync({ ncn, epoch }, o)]),
    /custom program error|Custom/,
  );
});

test('NCN epoch on LiteSVM: a stalled vote settled by the tie-breaker admin', async () => {
  const n = await toVoting(await restakingAndVaults());
  const { svm, ncn, epoch } = n;
  const [ballotBox] = await ncnClient.findBallotBoxPda({ ncn, epoch }, o);
  // 50% for one weather, 30% for another: no consensus.
  await vote(n, n.operators[0], 1);
  await vote(n, n.operators[1], 2);
  assert.equal(data(svm, ballotBox)[82], 0);
  const tieBreak = async () =>
    send(svm, n.tieBreaker, [
      await ncnClient.getAdminSetTieBreakerInstructionAsync({ ncn, tieBreakerAdmin: n.tieBreaker, weatherStatus: 2, epoch }, o),
    ], 'ncn AdminSetTieBreaker');
  // Not stalled yet.
  await assert.rejects(tieBreak());
  warp(svm, (epoch + EPOCHS_BEFORE_STALL) * EPOCH_LENGTH + 9n);
  await tieBreak();
  const box = data(svm, ballotBox);
  assert.deepEqual([box[81], box[82]], [2, 1], 'the tie-breaker ballot won');
});
