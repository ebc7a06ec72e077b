// Shared set-up for the end-to-end tests: both program configs and a vault over a fresh
// SPL mint, built with the generated clients, at the program ids the test deployed
// (`world.ids`): every builder and PDA helper is given them.

import { type Address, type KeyPairSigner, generateKeyPairSigner } from '@solana/kit';
import type { LiteSVM } from 'litesvm';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

import { type Ids, DEFAULT_IDS, ata, createAta, createMint, funded, mintTo, read, send } from './svm';

export type World = {
  svm: LiteSVM;
  ids: Ids;
  /** Builder / PDA options for the restaking program. */
  r: { programAddress: Address };
  /** Builder / PDA options for the vault program. */
  v: { programAddress: Address };
  restakingAdmin: KeyPairSigner;
  vaultConfigAdmin: KeyPairSigner;
  programFeeWallet: KeyPairSigner;
  restakingConfig: Address;
  vaultConfig: Address;
  epochLength: bigint;
};

export async function configs(svm: LiteSVM, ids: Ids = DEFAULT_IDS, programFeeBps = 0): Promise<World> {
  const r = { programAddress: ids.restaking };
  const v = { programAddress: ids.vault };
  const restakingAdmin = await funded(svm);
  const vaultConfigAdmin = await funded(svm);
  const programFeeWallet = await funded(svm, 1n);

  await send(
    svm,
    restakingAdmin,
    [await restaking.getInitializeConfigInstructionAsync({ admin: restakingAdmin, vaultProgram: ids.vault }, r)],
    'restaking InitializeConfig',
  );
  await send(
    svm,
    vaultConfigAdmin,
    [
      await vault.getInitializeConfigInstructionAsync(
        { admin: vaultConfigAdmin, restakingProgram: ids.restaking, programFeeWallet: programFeeWallet.address, programFeeBps },
        v,
      ),
    ],
    'vault InitializeConfig',
  );
  const [restakingConfig] = await restaking.findConfigPda(r);
  const [vaultConfig] = await vault.findConfigPda(v);
  const epochLength = read(svm, vaultConfig, vault.getConfigDecoder()).epochLength;
  return { svm, ids, r, v, restakingAdmin, vaultConfigAdmin, programFeeWallet, restakingConfig, vaultConfig, epochLength };
}

export type VaultSetup = {
  admin: KeyPairSigner;
  address: Address;
  stMint: KeyPairSigner;
  vrtMint: Address;
  vaultStToken: Address;
  /** The vault's fee wallet (the admin at creation) VRT account. */
  feeVrtToken: Address;
  /** The program fee wallet's VRT account. */
  programFeeVrtToken: Address;
};

export const INITIAL_TOKENS = 10_000n;

export async function createVault(
  world: World,
  fees: { depositFeeBps?: number; withdrawalFeeBps?: number; rewardFeeBps?: number } = {},
): Promise<VaultSetup> {
  const { svm } = world;
  const admin = await funded(svm);
  const base = await generateKeyPairSigner();
  const vrtMint = await generateKeyPairSigner();
  const stMint = await createMint(svm, admin);
  const [vaultAddress] = await vault.findVaultPda({ base: base.address }, world.v);

  // The original requires the admin's ST account (holding the initial amount) and the vault's
  // ST account to exist (the client's precondition helper creates both); the program creates
  // the burn vault's VRT account.
  const pre = await vault.getInitializeVaultPreconditionInstructions({
    payer: admin,
    admin: admin.address,
    vault: vaultAddress,
    stMint: stMint.address,
  });
  await send(svm, admin, pre.instructions);
  await mintTo(svm, admin, stMint.address, admin.address, INITIAL_TOKENS);
  const vaultStToken = pre.vaultStTokenAccount;

  await send(
    svm,
    admin,
    [
      await vault.getInitializeVaultInstructionAsync({
        vrtMint,
        stMint: stMint.address,
        admin,
        base,
        depositFeeBps: fees.depositFeeBps ?? 0,
        withdrawalFeeBps: fees.withdrawalFeeBps ?? 0,
        rewardFeeBps: fees.rewardFeeBps ?? 0,
        decimals: 9,
        initializeTokenAmount: INITIAL_TOKENS,
      }, world.v),
    ],
    'vault InitializeVault',
  );
  const feeVrtToken = await createAta(svm, admin, admin.address, vrtMint.address);
  const programFeeVrtToken = await createAta(svm, admin, world.programFeeWallet.address, vrtMint.address);
  return {
    admin,
    address: vaultAddress,
    stMint,
    vrtMint: vrtMint.address,
    vaultStToken,
    feeVrtToken,
    programFeeVrtToken,
  };
}

export { ata };
