// The restaking opt-in handshake, end to end through the generated JS clients: an NCN and an
// operator opt in to each other, both opt in to a vault, the vault opts in to both; after the
// warm-up (the epoch of opt-in and the next) every link is active.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Address, type KeyPairSigner, generateKeyPairSigner } from '@solana/kit';
import type { LiteSVM } from 'litesvm';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

import {
  DEFAULT_IDS,
  type Ids,
  PROGRAMS,
  funded,
  implemented,
  newSvm,
  nextSlot,
  otherIds,
  read,
  send,
  sendFailing,
  slot,
  toggleState,
  warpEpochs,
} from './svm';
import { type VaultSetup, type World, configs, createVault } from './world';

const VAULT_SIDE_TAGS = {
  InitializeVaultOperatorDelegation: 3,
  InitializeVaultNcnTicket: 4,
  WarmupVaultNcnTicket: 7,
};
const probe = newSvm();
const missingVaultSide: string[] = [];
for (const [name, tag] of Object.entries(VAULT_SIDE_TAGS)) {
  if (!(await implemented(probe, PROGRAMS.vault.address, tag))) missingVaultSide.push(name);
}

type Handshake = {
  world: World;
  vault: VaultSetup;
  ncn: Address;
  ncnAdmin: KeyPairSigner;
  operator: Address;
  operatorAdmin: KeyPairSigner;
};

/** Both configs, a vault, an NCN and an operator, and every restaking-side opt-in, warming up. */
async function restakingSide(svm: LiteSVM, ids: Ids): Promise<Handshake> {
  const world = await configs(svm, ids);
  const { r } = world;
  const v = await createVault(world);

  const ncnAdmin = await funded(svm);
  const ncnBase = await generateKeyPairSigner();
  await send(svm, ncnAdmin, [await restaking.getInitializeNcnInstructionAsync({ admin: ncnAdmin, base: ncnBase }, r)],
    'restaking InitializeNcn');
  const [ncn] = await restaking.findNcnPda({ base: ncnBase.address }, r);

  const operatorAdmin = await funded(svm);
  const operatorBase = await generateKeyPairSigner();
  await send(
    svm,
    operatorAdmin,
    [await restaking.getInitializeOperatorInstructionAsync({ admin: operatorAdmin, base: operatorBase, operatorFeeBps: 250 }, r)],
    'restaking InitializeOperator',
  );
  const [operator] = await restaking.findOperatorPda({ base: operatorBase.address }, r);

  const ncnAccount = read(svm, ncn, restaking.getNcnDecoder());
  assert.equal(ncnAccount.discriminator, 2n);
  assert.equal(ncnAccount.base, ncnBase.address);
  assert.equal(ncnAccount.admin, ncnAdmin.address);
  assert.equal(ncnAccount.index, 0n);
  const operatorAccount = read(svm, operator, restaking.getOperatorDecoder());
  assert.equal(operatorAccount.discriminator, 3n);
  assert.equal(operatorAccount.admin, operatorAdmin.address);
  assert.equal(operatorAccount.operatorFeeBps, 250);

  // NCN <-> operator.
  await send(
    svm,
    ncnAdmin,
    [await restaking.getInitializeNcnOperatorStateInstructionAsync({ ncn, operator, admin: ncnAdmin, payer: ncnAdmin }, r)],
    'restaking InitializeNcnOperatorState',
  );
  nextSlot(svm);
  await send(svm, ncnAdmin, [await restaking.getNcnWarmupOperatorInstructionAsync({ ncn, operator, admin: ncnAdmin }, r)],
    'restaking NcnWarmupOperator');
  await send(
    svm,
    operatorAdmin,
    [await restaking.getOperatorWarmupNcnInstructionAsync({ ncn, operator, admin: operatorAdmin }, r)],
    'restaking OperatorWarmupNcn',
  );
  // NCN -> vault and operator -> vault.
  await send(
    svm,
    ncnAdmin,
    [await restaking.getInitializeNcnVaultTicketInstructionAsync({ ncn, vault: v.address, admin: ncnAdmin, payer: ncnAdmin }, r)],
    'restaking InitializeNcnVaultTicket',
  );
  nextSlot(svm);
  await send(svm, ncnAdmin, [await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn, vault: v.address, admin: ncnAdmin }, r)],
    'restaking WarmupNcnVaultTicket');
  await send(
    svm,
    operatorAdmin,
    [
      await restaking.getInitializeOperatorVaultTicketInstructionAsync({
        operator,
        vault: v.address,
        admin: operatorAdmin,
        payer: operatorAdmin,
      }, r),
    ],
    'restaking InitializeOperatorVaultTicket',
  );
  nextSlot(svm);
  await send(
    svm,
    operatorAdmin,
    [await restaking.getWarmupOperatorVaultTicketInstructionAsync({ operator, vault: v.address, admin: operatorAdmin }, r)],
    'restaking WarmupOperatorVaultTicket',
  );
  return { world, vault: v, ncn, ncnAdmin, operator, operatorAdmin };
}

function restakingLinks(svm: LiteSVM, h: Handshake) {
  const { r } = h.world;
  return Promise.all([
    restaking.findNcnOperatorStatePda({ ncn: h.ncn, operator: h.operator }, r),
    restaking.findNcnVaultTicketPda({ ncn: h.ncn, vault: h.vault.address }, r),
    restaking.findOperatorVaultTicketPda({ operator: h.operator, vault: h.vault.address }, r),
  ]).then(([[state], [ncnVault], [operatorVault]]) => ({
    state: read(svm, state, restaking.getNcnOperatorStateDecoder()),
    ncnVault: read(svm, ncnVault, restaking.getNcnVaultTicketDecoder()),
    operatorVault: read(svm, operatorVault, restaking.getOperatorVaultTicketDecoder()),
  }));
}

const DEPLOYMENTS: [string, () => Promise<Ids>][] = [
  ['default program ids', async () => DEFAULT_IDS],
  ['other program ids', otherIds],
];

for (const [deployment, getIds] of DEPLOYMENTS) {
  test(`restaking opt-in handshake: NCN <-> operator, NCN -> vault, operator -> vault (${deployment})`, async () => {
    const ids = await getIds();
    const svm = newSvm(ids);
    const h = await restakingSide(svm, ids);
    const epochLength = read(svm, h.world.restakingConfig, restaking.getConfigDecoder()).epochLength;

    let links = await restakingLinks(svm, h);
    assert.equal(links.state.ncn, h.ncn);
    assert.equal(links.state.operator, h.operator);
    assert.equal(links.ncnVault.ncn, h.ncn);
    assert.equal(links.ncnVault.vault, h.vault.address);
    assert.equal(links.operatorVault.operator, h.operator);
    assert.equal(links.operatorVault.vault, h.vault.address);
    for (const toggle of [links.state.ncnOptInState, links.state.operatorOptInState, links.ncnVault.state, links.operatorVault.state]) {
      assert.equal(toggleState(toggle, slot(svm), epochLength), 'warmup');
    }

    // Counters moved with each opt-in.
    const ncnAccount = read(svm, h.ncn, restaking.getNcnDecoder());
    assert.equal(ncnAccount.operatorCount, 1n);
    assert.equal(ncnAccount.vaultCount, 1n);
    const operatorAccount = read(svm, h.operator, restaking.getOperatorDecoder());
    assert.equal(operatorAccount.ncnCount, 1n);
    assert.equal(operatorAccount.vaultCount, 1n);

    // Still warming up in the next epoch, active in the one after.
    warpEpochs(svm, 1n, epochLength);
    links = await restakingLinks(svm, h);
    assert.equal(toggleState(links.ncnVault.state, slot(svm), epochLength), 'warmup');
    warpEpochs(svm, 1n, epochLength);
    links = await restakingLinks(svm, h);
    for (const toggle of [links.state.ncnOptInState, links.state.operatorOptInState, links.ncnVault.state, links.operatorVault.state]) {
      assert.equal(toggleState(toggle, slot(svm), epochLength), 'active');
    }

    // A second warm-up of an active link is refused, as in the original.
    const error = await sendFailing(svm, h.ncnAdmin, [
      await restaking.getWarmupNcnVaultTicketInstructionAsync({ ncn: h.ncn, vault: h.vault.address, admin: h.ncnAdmin }, h.world.r),
    ]);
    assert.match(error, new RegExp(`Custom\\(${restaking.JITO_RESTAKING_ERROR__NCN_VAULT_TICKET_FAILED_WARMUP}\\)`));
  });

  test(
    `restaking opt-in handshake: the vault opts in to the NCN and delegates to the operator (${deployment})`,
    { skip: missingVaultSide.length > 0 && `vault program does not dispatch ${missingVaultSide.join(', ')} yet` },
    async () => {
      const ids = await getIds();
      const svm = newSvm(ids);
      const h = await restakingSide(svm, ids);
      const { admin } = h.vault;
      const { epochLength, v } = h.world;
      // The vault builders derive the restaking tickets with `restakingProgram`.
      const restakingProgram = ids.restaking;

      await send(
        svm,
        admin,
        [await vault.getInitializeVaultNcnTicketInstructionAsync({ vault: h.vault.address, ncn: h.ncn, admin, payer: admin, restakingProgram }, v)],
        'vault InitializeVaultNcnTicket',
      );
      nextSlot(svm);
      await send(
        svm,
        admin,
        [await vault.getWarmupVaultNcnTicketInstructionAsync({ vault: h.vault.address, ncn: h.ncn, admin }, v)],
        'vault WarmupVaultNcnTicket',
      );
      await send(
        svm,
        admin,
        [
          await vault.getInitializeVaultOperatorDelegationInstructionAsync({
            vault: h.vault.address,
            operator: h.operator,
            admin,
            payer: admin,
            restakingProgram,
          }, v),
        ],
        'vault InitializeVaultOperatorDelegation',
      );

      const [ticketAddress] = await vault.findVaultNcnTicketPda({ vault: h.vault.address, ncn: h.ncn }, v);
      const [delegationAddress] = await vault.findVaultOperatorDelegationPda({ vault: h.vault.address, operator: h.operator }, v);
      const ticket = read(svm, ticketAddress, vault.getVaultNcnTicketDecoder());
      assert.equal(ticket.discriminator, 3n);
      assert.equal(ticket.vault, h.vault.address);
      assert.equal(ticket.ncn, h.ncn);
      assert.equal(toggleState(ticket.state, slot(svm), epochLength), 'warmup');
      const delegation = read(svm, delegationAddress, vault.getVaultOperatorDelegationDecoder());
      assert.equal(delegation.discriminator, 4n);
      assert.equal(delegation.vault, h.vault.address);
      assert.equal(delegation.operator, h.operator);
      assert.equal(delegation.delegationState.stakedAmount, 0n);

      const vaultAccount = read(svm, h.vault.address, vault.getVaultDecoder());
      assert.equal(vaultAccount.ncnCount, 1n);
      assert.equal(vaultAccount.operatorCount, 1n);

      warpEpochs(svm, 2n, epochLength);
      assert.equal(toggleState(read(svm, ticketAddress, vault.getVaultNcnTicketDecoder()).state, slot(svm), epochLength), 'active');
    },
  );
}
