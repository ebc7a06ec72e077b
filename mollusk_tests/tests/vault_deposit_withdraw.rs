//! Vault deposits and withdrawals: InitializeVault, MintTo, EnqueueWithdrawal,
//! ChangeWithdrawalTicketOwner, BurnWithdrawalTicket, against the real SPL
//! Token and Associated Token Account programs.

use jito_vault_interface::error::VaultError;
use mollusk_tests::{
    assert_custom_error, assert_error, mint_data, print_cu, rent_exempt, system_account,
    token_account_data, vault_world_v1::*, Account, ProgramError, Pubkey,
    ASSOCIATED_TOKEN_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

const SLOT: u64 = 1_000;

fn code(e: VaultError) -> u32 {
    e as u32
}

#[track_caller]
fn expect_err(world: &World, ix: &mollusk_tests::Instruction, err: ProgramError) {
    let (result, accounts) = world.run(ix);
    assert_error(&result, &accounts, err);
}

#[track_caller]
fn expect_vault_err(world: &World, ix: &mollusk_tests::Instruction, err: VaultError) {
    let (result, accounts) = world.run(ix);
    assert_custom_error(&result, &accounts, code(err));
}

// ---------------------------------------------------------------------------
// InitializeVault
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_success_writes_every_account() {
    let mut world = World::new();
    world.warp(SLOT);
    let setup = VaultSetup::keys();
    let mut config = ConfigModel::new(setup.config_admin, setup.program_fee_wallet, 25);
    config.num_vaults = 7;
    setup.install_prerequisites(&mut world, &config, 50_000);
    let ix = setup.initialize_vault_ix(99, 100, 101, INITIAL_AMOUNT);
    let result = world.exec(&ix);
    print_cu("vault", "InitializeVault", &result);

    // Vault: every byte.
    let expected = setup.expected_new_vault(7, 99, 100, 101, 25, SLOT, INITIAL_AMOUNT);
    let vault = world.get(&setup.vault);
    assert_eq!(vault.owner, VAULT_PROGRAM_ID);
    assert_eq!(vault.lamports, rent_exempt(VAULT_LEN));
    assert_eq!(vault.data, expected.to_bytes());

    // Config: only the vault counter moved.
    config.num_vaults = 8;
    assert_eq!(world.get(&setup.config).data, config.to_bytes());

    // VRT mint: SPL Token, authority the vault, no freeze authority, supply = initial.
    let mint = world.get(&setup.vrt_mint);
    assert_eq!(mint.owner, TOKEN_PROGRAM_ID);
    assert_eq!(mint.lamports, rent_exempt(82));
    assert_eq!(
        mint.data,
        mint_data(Some(&setup.vault), INITIAL_AMOUNT, setup.decimals)
    );

    // Burn vault ATA holds the initial VRT.
    let burn_ata = world.get(&setup.burn_vault_vrt_ata);
    assert_eq!(burn_ata.owner, TOKEN_PROGRAM_ID);
    assert_eq!(burn_ata.lamports, rent_exempt(165));
    assert_eq!(
        burn_ata.data,
        token_account_data(&setup.vrt_mint, &setup.burn_vault, INITIAL_AMOUNT)
    );
    // The burn vault itself stays an empty system account.
    assert_eq!(world.get(&setup.burn_vault), &system_account(0));

    // Supported tokens moved from the admin to the vault.
    assert_eq!(
        world.get(&setup.admin_st_ata).data,
        token_account_data(&setup.st_mint, &setup.admin, 50_000 - INITIAL_AMOUNT)
    );
    assert_eq!(
        world.get(&setup.vault_st_ata).data,
        token_account_data(&setup.st_mint, &setup.vault, INITIAL_AMOUNT)
    );

    // The admin paid the three rents.
    assert_eq!(
        world.get(&setup.admin).lamports,
        ADMIN_LAMPORTS - rent_exempt(82) - rent_exempt(VAULT_LEN) - rent_exempt(165)
    );
}
