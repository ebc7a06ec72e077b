//! Vault deposits and withdrawals: InitializeVault, MintTo, EnqueueWithdrawal,
//! ChangeWithdrawalTicketOwner and BurnWithdrawalTicket, run against the real
//! SPL Token and Associated Token Account programs.
//!
//! Instructions come from the generated client (through `scenarios::vault_setup`).
//! Expected account bytes come from the hand-written models of
//! `scenarios::vault_setup` (not from the interface crate); written accounts are also
//! decoded with the client's account types; expected errors are the
//! original's, check by check, in its order.

use jito_vault_client::accounts::{Config, Vault};
use jito_vault_interface::error::VaultError;
use mollusk_tests::{
    assert_custom_error, assert_error, mint_data, print_cu, rent_exempt, scenarios::vault_setup::*,
    system_account, token_account_data, Instruction, ProgramError, Pubkey, RESTAKING_PROGRAM_ID,
    SYSTEM_PROGRAM_ID, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

const SLOT: u64 = 1_000;
const EPOCH: u64 = 1_000;

#[track_caller]
fn expect_err(world: &World, ix: &Instruction, err: ProgramError) {
    let (result, accounts) = world.run(ix);
    assert_error(&result, &accounts, err);
}

#[track_caller]
fn expect_vault_err(world: &World, ix: &Instruction, err: VaultError) {
    let (result, accounts) = world.run(ix);
    assert_custom_error(&result, &accounts, err as u32);
}

// ---------------------------------------------------------------------------
// InitializeVault
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_success_writes_every_account() {
    let mut world = World::new();
    world.warp(SLOT);
    let setup = VaultSetup::keys();
    let mut config = ConfigState::initialized(
        setup.config_admin,
        RESTAKING_PROGRAM_ID,
        setup.program_fee_wallet,
        25,
    );
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
    // The generated client's decoder reads the same vault.
    assert_eq!(world.vault(&setup.vault), expected);

    // Config: only the vault counter moved.
    config.num_vaults = 8;
    assert_eq!(world.get(&setup.config).data, config.to_bytes());
    let decoded = Config::from_bytes(&world.get(&setup.config).data).unwrap();
    assert_eq!(decoded.num_vaults, 8);
    assert_eq!(decoded.program_fee_bps, 25);

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

#[test]
fn initialize_vault_fee_bounds_are_inclusive() {
    // deposit = withdrawal = cap (20%), reward = 100%: accepted.
    let mut world = World::new();
    world.warp(SLOT);
    let setup = VaultSetup::keys();
    let config = ConfigState::initialized(
        setup.config_admin,
        RESTAKING_PROGRAM_ID,
        setup.program_fee_wallet,
        0,
    );
    setup.install_prerequisites(&mut world, &config, INITIAL_AMOUNT);
    world.exec(&setup.initialize_vault_ix(2_000, 2_000, 10_000, 1));
    let expected = setup.expected_new_vault(0, 2_000, 2_000, 10_000, 0, SLOT, 1);
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
    assert_eq!(world.token_amount(&setup.burn_vault_vrt_ata), 1);
}

/// A world ready for InitializeVault (not run).
fn init_world() -> (World, VaultSetup, Instruction) {
    let mut world = World::new();
    world.warp(SLOT);
    let setup = VaultSetup::keys();
    let config = ConfigState::initialized(
        setup.config_admin,
        RESTAKING_PROGRAM_ID,
        setup.program_fee_wallet,
        0,
    );
    setup.install_prerequisites(&mut world, &config, 50_000);
    let ix = setup.initialize_vault_ix(0, 0, 0, INITIAL_AMOUNT);
    (world, setup, ix)
}

#[test]
fn initialize_vault_malformed_data_and_accounts() {
    let (world, _, ix) = init_world();
    let mut short = ix.clone();
    short.data.pop();
    expect_err(&world, &short, ProgramError::InvalidInstructionData);
    let mut long = ix.clone();
    long.data.push(0);
    expect_err(&world, &long, ProgramError::InvalidInstructionData);
    expect_err(
        &world,
        &drop_last(ix.clone()),
        ProgramError::NotEnoughAccountKeys,
    );
    let mut extra = ix.clone();
    extra.accounts.push(r(&SYSTEM_PROGRAM_ID));
    expect_err(&world, &extra, ProgramError::NotEnoughAccountKeys);
}

#[test]
fn initialize_vault_config_checks() {
    let (mut world, setup, ix) = init_world();
    expect_err(
        &world,
        &make_readonly(ix.clone(), 0),
        ProgramError::InvalidAccountData,
    );
    let mut config = world.get(&setup.config).clone();
    config.owner = SYSTEM_PROGRAM_ID;
    world.set(setup.config, config);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
}

#[test]
fn initialize_vault_new_account_checks() {
    let (mut world, setup, ix) = init_world();
    // vault: writable, system-owned, empty.
    expect_err(
        &world,
        &make_readonly(ix.clone(), 1),
        ProgramError::InvalidAccountData,
    );
    let mut taken = system_account(1);
    taken.data = vec![0];
    world.set(setup.vault, taken.clone());
    expect_err(&world, &ix, ProgramError::AccountAlreadyInitialized);
    world.set(setup.vault, vault_owned(vec![0; VAULT_LEN]));
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(setup.vault, system_account(0));

    // vrt_mint: writable signer, system-owned, empty.
    expect_err(
        &world,
        &unsign(ix.clone(), 2),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &make_readonly(ix.clone(), 2),
        ProgramError::InvalidAccountData,
    );
    world.set(setup.vrt_mint, mint_account(Some(&setup.vault), 0, 9));
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(setup.vrt_mint, system_account(0));

    // burn_vault_vrt_token_account: system-owned and empty.
    world.set(
        setup.burn_vault_vrt_ata,
        token_account(&setup.vrt_mint, &setup.burn_vault, 0),
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(setup.burn_vault_vrt_ata, taken);
    expect_err(&world, &ix, ProgramError::AccountAlreadyInitialized);
    world.set(setup.burn_vault_vrt_ata, system_account(0));
    expect_err(
        &world,
        &make_readonly(ix.clone(), 7),
        ProgramError::InvalidAccountData,
    );
}

#[test]
fn initialize_vault_token_checks() {
    let (mut world, setup, ix) = init_world();
    // The supported mint must be an SPL Token mint (Token-2022 is refused, as the original).
    let mut st_mint = world.get(&setup.st_mint).clone();
    st_mint.owner = TOKEN_2022_PROGRAM_ID;
    world.set(setup.st_mint, st_mint.clone());
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    st_mint.owner = TOKEN_PROGRAM_ID;
    st_mint.data[45] = 0; // not initialised
    world.set(setup.st_mint, st_mint);
    expect_err(&world, &ix, ProgramError::UninitializedAccount);
    world.set(
        setup.st_mint,
        mint_account(Some(&Pubkey::new_unique()), 0, 6),
    );

    // The token program is checked first by each token-account load.
    let wrong_program = replace(ix.clone(), 11, &TOKEN_2022_PROGRAM_ID);
    expect_err(&world, &wrong_program, ProgramError::IncorrectProgramId);

    // Admin's supported-token account: owned by the admin, of the supported mint.
    let other = Pubkey::new_unique();
    world.set(
        setup.admin_st_ata,
        token_account(&setup.st_mint, &other, 50_000),
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountData);
    world.set(
        setup.admin_st_ata,
        token_account(&other, &setup.admin, 50_000),
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountData);
    let mut foreign = token_account(&setup.st_mint, &setup.admin, 50_000);
    foreign.owner = TOKEN_2022_PROGRAM_ID;
    world.set(setup.admin_st_ata, foreign);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(
        setup.admin_st_ata,
        token_account(&setup.st_mint, &setup.admin, 50_000),
    );

    // The vault's supported-token account: owned by the vault.
    world.set(setup.vault_st_ata, token_account(&setup.st_mint, &other, 0));
    expect_err(&world, &ix, ProgramError::InvalidAccountData);
    world.set(
        setup.vault_st_ata,
        token_account(&setup.st_mint, &setup.vault, 0),
    );

    // The admin cannot pay the initial deposit: SPL Token's InsufficientFunds (1).
    world.set(
        setup.admin_st_ata,
        token_account(&setup.st_mint, &setup.admin, INITIAL_AMOUNT - 1),
    );
    expect_err(&world, &ix, ProgramError::Custom(1));
}

#[test]
fn initialize_vault_pda_signer_and_program_checks() {
    let (mut world, setup, ix) = init_world();
    // Burn vault: system-owned, at the PDA of the base.
    let wrong = Pubkey::new_unique();
    world.set(wrong, system_account(0));
    expect_err(
        &world,
        &replace(ix.clone(), 6, &wrong),
        ProgramError::InvalidAccountData,
    );
    world.set(setup.burn_vault, vault_owned(vec![]));
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(setup.burn_vault, system_account(0));

    expect_err(
        &world,
        &unsign(ix.clone(), 8),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &make_readonly(ix.clone(), 8),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 9),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 10, &TOKEN_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 12, &SYSTEM_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // Zero initial amount.
    let zero = setup.initialize_vault_ix(0, 0, 0, 0);
    expect_vault_err(&world, &zero, VaultError::VaultInitialAmountFailed);

    // A vault address that is not the PDA of the base (its own token account is
    // valid, so that the PDA check is the one failing).
    let stray_vault = Pubkey::new_unique();
    world.set(stray_vault, system_account(0));
    let stray_st = Pubkey::new_unique();
    world.set(stray_st, token_account(&setup.st_mint, &stray_vault, 0));
    let mut stray = replace(ix.clone(), 1, &stray_vault);
    stray = replace(stray, 5, &stray_st);
    expect_err(&world, &stray, ProgramError::InvalidAccountData);
}

#[test]
fn initialize_vault_fee_caps() {
    let (world, setup, _) = init_world();
    for (d, wf, rf) in [
        (2_001, 0, 0),
        (0, 2_001, 0),
        (0, 0, 10_001),
        (10_001, 100, 100),
    ] {
        let ix = setup.initialize_vault_ix(d, wf, rf, INITIAL_AMOUNT);
        expect_vault_err(&world, &ix, VaultError::VaultFeeCapExceeded);
    }
}

// ---------------------------------------------------------------------------
// MintTo
// ---------------------------------------------------------------------------

#[test]
fn mint_to_success_with_deposit_fee() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 99, 100, 0);
    let depositor = setup.add_depositor(&mut world, 1_000_000);
    let before = world.vault(&setup.vault);
    let ix = setup.mint_to_ix(&depositor, &setup.admin, 100_000, 99_010, None);
    let result = world.exec(&ix);
    print_cu("vault", "MintTo", &result);

    // 1:1 rate; fee = ceil(100_000 * 99 / 10_000) = 990.
    let minted = vrt_for(100_000, before.vrt_supply, before.tokens_deposited);
    assert_eq!(minted, 100_000);
    let fee = fee_ceil(minted, 99);
    assert_eq!(fee, 990);
    let mut expected = before.clone();
    expected.vrt_supply += minted;
    expected.tokens_deposited += 100_000;
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
    let decoded = Vault::from_bytes(&world.get(&setup.vault).data).unwrap();
    assert_eq!(
        (decoded.vrt_supply, decoded.tokens_deposited),
        (INITIAL_AMOUNT + minted, INITIAL_AMOUNT + 100_000)
    );

    assert_eq!(
        world.token_amount(&ata(&depositor, &setup.st_mint)),
        900_000
    );
    assert_eq!(
        world.token_amount(&setup.vault_st_ata),
        INITIAL_AMOUNT + 100_000
    );
    assert_eq!(
        world.get(&ata(&depositor, &setup.vrt_mint)).data,
        token_account_data(&setup.vrt_mint, &depositor, minted - fee)
    );
    assert_eq!(world.token_amount(&ata(&setup.admin, &setup.vrt_mint)), fee);
    assert_eq!(
        world.get(&setup.vrt_mint).data,
        mint_data(Some(&setup.vault), INITIAL_AMOUNT + minted, 9)
    );
}

#[test]
fn mint_to_fee_goes_to_the_current_fee_wallet() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 1_000, 0, 0);
    let fee_wallet = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 5, &fee_wallet);
    setup.ensure_vrt_ata(&mut world, &fee_wallet);
    let depositor = setup.add_depositor(&mut world, 10_000);
    // The admin's VRT account is no longer the fee account.
    let ix = setup.mint_to_ix(&depositor, &setup.admin, 10_000, 0, None);
    expect_err(&world, &ix, ProgramError::InvalidAccountData);
    world.exec(&setup.mint_to_ix(&depositor, &fee_wallet, 10_000, 0, None));
    assert_eq!(
        world.token_amount(&ata(&fee_wallet, &setup.vrt_mint)),
        1_000
    );
    assert_eq!(world.token_amount(&ata(&depositor, &setup.vrt_mint)), 9_000);
    assert_eq!(world.token_amount(&ata(&setup.admin, &setup.vrt_mint)), 0);
}

#[test]
fn mint_to_with_mint_burn_admin() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let mint_burn_admin = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 6, &mint_burn_admin);
    let depositor = setup.add_depositor(&mut world, 10_000);

    // Missing, unsigned or wrong signer: VaultMintBurnAdminInvalid.
    let missing = setup.mint_to_ix(&depositor, &setup.admin, 5_000, 0, None);
    expect_vault_err(&world, &missing, VaultError::VaultMintBurnAdminInvalid);
    let signed = setup.mint_to_ix(&depositor, &setup.admin, 5_000, 0, Some(&mint_burn_admin));
    expect_vault_err(
        &world,
        &unsign(signed.clone(), 9),
        VaultError::VaultMintBurnAdminInvalid,
    );
    let impostor = Pubkey::new_unique();
    let wrong = setup.mint_to_ix(&depositor, &setup.admin, 5_000, 0, Some(&impostor));
    expect_vault_err(&world, &wrong, VaultError::VaultMintBurnAdminInvalid);

    let result = world.exec(&signed);
    print_cu("vault", "MintTo", &result);
    assert_eq!(world.token_amount(&ata(&depositor, &setup.vrt_mint)), 5_000);
}

#[test]
fn mint_to_account_checks() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let depositor = setup.add_depositor(&mut world, 10_000);
    let ix = setup.mint_to_ix(&depositor, &setup.admin, 1_000, 0, None);

    let mut bad = ix.clone();
    bad.data.pop();
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    let mut bad = ix.clone();
    bad.accounts.truncate(8);
    expect_err(&world, &bad, ProgramError::NotEnoughAccountKeys);
    expect_err(
        &world,
        &make_readonly(ix.clone(), 1),
        ProgramError::InvalidAccountData,
    );
    let mut config = world.get(&setup.config).clone();
    config.owner = TOKEN_PROGRAM_ID;
    let saved = world.get(&setup.config).clone();
    world.set(setup.config, config);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(setup.config, saved);

    // vrt_mint must be a token mint.
    let fake_mint = Pubkey::new_unique();
    world.set(fake_mint, system_account(1));
    expect_err(
        &world,
        &replace(ix.clone(), 2, &fake_mint),
        ProgramError::InvalidAccountOwner,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 3),
        ProgramError::MissingRequiredSignature,
    );

    // Each token account is the right ATA.
    let stray = Pubkey::new_unique();
    world.set(stray, token_account(&setup.st_mint, &depositor, 10_000));
    for i in 4..=7 {
        expect_err(
            &world,
            &replace(ix.clone(), i, &stray),
            ProgramError::InvalidAccountData,
        );
    }
    let mut wrong_owner = world.get(&ata(&depositor, &setup.st_mint)).clone();
    wrong_owner.owner = TOKEN_2022_PROGRAM_ID;
    let saved = world.get(&ata(&depositor, &setup.st_mint)).clone();
    world.set(ata(&depositor, &setup.st_mint), wrong_owner);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(ata(&depositor, &setup.st_mint), saved);

    // Only SPL Token.
    expect_err(
        &world,
        &replace(ix.clone(), 8, &TOKEN_2022_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // A different VRT mint (with matching ATAs) is not the vault's.
    let other_mint = Pubkey::new_unique();
    world.set(other_mint, mint_account(Some(&setup.vault), 0, 9));
    world.set(
        ata(&depositor, &other_mint),
        token_account(&other_mint, &depositor, 0),
    );
    world.set(
        ata(&setup.admin, &other_mint),
        token_account(&other_mint, &setup.admin, 0),
    );
    let mut other = replace(ix.clone(), 2, &other_mint);
    other = replace(other, 6, &ata(&depositor, &other_mint));
    other = replace(other, 7, &ata(&setup.admin, &other_mint));
    expect_err(&world, &other, ProgramError::InvalidAccountData);
}

#[test]
fn mint_to_state_checks() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let depositor = setup.add_depositor(&mut world, 1_000_000);
    let ix = |amount: u64, min: u64| setup.mint_to_ix(&depositor, &setup.admin, amount, min, None);

    expect_vault_err(&world, &ix(0, 0), VaultError::VaultMintZero);
    expect_vault_err(&world, &ix(1_000, 1_001), VaultError::SlippageError);
    // Depositor without the tokens: SPL Token's InsufficientFunds (1).
    expect_err(&world, &ix(1_000_001, 0), ProgramError::Custom(1));

    // Capacity: deposits may fill it exactly, not beyond.
    setup.set_capacity(&mut world, INITIAL_AMOUNT + 3_000);
    expect_vault_err(&world, &ix(3_001, 0), VaultError::VaultCapacityExceeded);
    world.exec(&ix(3_000, 0));
    expect_vault_err(&world, &ix(1, 0), VaultError::VaultCapacityExceeded);
    setup.set_capacity(&mut world, u64::MAX);

    // Paused vault.
    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &ix(1_000, 0), VaultError::VaultIsPaused);
    setup.set_paused(&mut world, false);

    // A new epoch without the vault update: VaultUpdateNeeded (checked before the pause).
    world.warp(2 * EPOCH);
    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &ix(1_000, 0), VaultError::VaultUpdateNeeded);
}

#[test]
fn mint_to_rejects_the_vault_as_depositor() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    // Mollusk lets the vault PDA "sign", which a real transaction cannot do: the
    // depositor check is then the first to fail. (InvalidDepositTokenAccount is
    // unreachable: both accounts are ATAs, equal only if depositor == vault.)
    setup.ensure_vrt_ata(&mut world, &setup.vault.clone());
    let ix = setup.mint_to_ix(&setup.vault, &setup.admin, 1_000, 0, None);
    expect_vault_err(&world, &ix, VaultError::InvalidDepositor);
}

#[test]
fn mint_to_zero_vrt_out() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let depositor = setup.add_depositor(&mut world, 10);
    // Three tokens per VRT: one token buys zero VRT.
    setup.edit_vault(&mut world, |v| v.tokens_deposited = 3 * v.vrt_supply);
    let ix = setup.mint_to_ix(&depositor, &setup.admin, 1, 0, None);
    expect_vault_err(&world, &ix, VaultError::VrtOutCannotBeZero);
    // Three tokens buy one.
    world.exec(&setup.mint_to_ix(&depositor, &setup.admin, 3, 1, None));
    assert_eq!(world.token_amount(&ata(&depositor, &setup.vrt_mint)), 1);
}

// ---------------------------------------------------------------------------
// EnqueueWithdrawal
// ---------------------------------------------------------------------------

fn world_with_staker(
    deposit_fee: u16,
    withdrawal_fee: u16,
    program_fee: u16,
) -> (World, VaultSetup, Pubkey) {
    let (mut world, setup) =
        standard_world(EPOCH, program_fee, SLOT, deposit_fee, withdrawal_fee, 0);
    let staker = setup.add_depositor(&mut world, 100_000);
    setup.deposit(&mut world, &staker, 100_000);
    (world, setup, staker)
}

#[test]
fn enqueue_withdrawal_success() {
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    let before = world.vault(&setup.vault);
    let staker_lamports = world.get(&staker).lamports;
    world.warp(SLOT + 10);
    let (ticket, ticket_base, result) = setup.enqueue(&mut world, &staker, 40_000);
    print_cu("vault", "EnqueueWithdrawal", &result);

    let expected_ticket = TicketModel {
        vault: setup.vault,
        staker,
        base: ticket_base,
        vrt_amount: 40_000,
        slot_unstaked: SLOT + 10,
        bump: ticket_address(&setup.vault, &ticket_base).1,
    };
    let account = world.get(&ticket);
    assert_eq!(account.owner, VAULT_PROGRAM_ID);
    assert_eq!(account.lamports, rent_exempt(TICKET_LEN));
    assert_eq!(account.data, expected_ticket.to_bytes());
    // The generated client's decoder reads the same ticket.
    assert_eq!(TicketModel::decode(&account.data), expected_ticket);
    assert_eq!(
        world.get(&staker).lamports,
        staker_lamports - rent_exempt(TICKET_LEN)
    );

    let mut expected = before;
    expected.vrt_enqueued_for_cooldown_amount += 40_000;
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
    assert_eq!(
        Vault::from_bytes(&world.get(&setup.vault).data)
            .unwrap()
            .vrt_enqueued_for_cooldown_amount,
        expected.vrt_enqueued_for_cooldown_amount
    );
    assert_eq!(world.token_amount(&ata(&staker, &setup.vrt_mint)), 60_000);
    assert_eq!(
        world.get(&ata(&ticket, &setup.vrt_mint)).data,
        token_account_data(&setup.vrt_mint, &ticket, 40_000)
    );
}

#[test]
fn enqueue_withdrawal_into_a_funded_ticket_address() {
    // Lamports sent to the ticket address beforehand do not block the ticket.
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    let ticket_base = Pubkey::new_unique();
    let ticket = ticket_address(&setup.vault, &ticket_base).0;
    world.set(ticket, system_account(5));
    setup.ensure_vrt_ata(&mut world, &ticket);
    world.exec(&setup.enqueue_ix(&staker, &ticket_base, 1_000, None));
    assert_eq!(world.get(&ticket).lamports, rent_exempt(TICKET_LEN));
    assert_eq!(world.get(&ticket).owner, VAULT_PROGRAM_ID);
}

#[test]
fn enqueue_withdrawal_failures() {
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    let ticket_base = Pubkey::new_unique();
    let ticket = ticket_address(&setup.vault, &ticket_base).0;
    world.set(ticket, system_account(0));
    setup.ensure_vrt_ata(&mut world, &ticket);
    let ix = setup.enqueue_ix(&staker, &ticket_base, 1_000, None);

    let mut bad = ix.clone();
    bad.data.push(0);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    let mut bad = ix.clone();
    bad.accounts.truncate(8);
    expect_err(&world, &bad, ProgramError::NotEnoughAccountKeys);
    expect_err(
        &world,
        &make_readonly(ix.clone(), 1),
        ProgramError::InvalidAccountData,
    );

    // Ticket: writable, system-owned, empty.
    expect_err(
        &world,
        &make_readonly(ix.clone(), 2),
        ProgramError::InvalidAccountData,
    );
    let mut taken = system_account(1);
    taken.data = vec![1];
    world.set(ticket, taken);
    expect_err(&world, &ix, ProgramError::AccountAlreadyInitialized);
    world.set(ticket, system_account(0));

    // Ticket token account: the ticket's VRT ATA.
    let stray = Pubkey::new_unique();
    world.set(stray, token_account(&setup.vrt_mint, &ticket, 0));
    expect_err(
        &world,
        &replace(ix.clone(), 3, &stray),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 4),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 5, &stray),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 7, &TOKEN_2022_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 6),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 8, &TOKEN_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // Zero amount.
    let zero = setup.enqueue_ix(&staker, &ticket_base, 0, None);
    expect_vault_err(&world, &zero, VaultError::VaultEnqueueWithdrawalAmountZero);

    // A ticket address that is not the PDA of (vault, base).
    let other_base = Pubkey::new_unique();
    let wrong = replace(
        setup.enqueue_ix(&staker, &other_base, 1_000, None),
        2,
        &ticket,
    );
    let wrong = replace(wrong, 3, &ata(&ticket, &setup.vrt_mint));
    expect_err(&world, &wrong, ProgramError::InvalidAccountData);

    // More VRT than the staker has: SPL Token's InsufficientFunds (1).
    let too_much = setup.enqueue_ix(&staker, &ticket_base, 100_001, None);
    expect_err(&world, &too_much, ProgramError::Custom(1));

    // Mint/burn admin.
    let burn_admin = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 6, &burn_admin);
    expect_vault_err(&world, &ix, VaultError::VaultMintBurnAdminInvalid);
    let signed = setup.enqueue_ix(&staker, &ticket_base, 1_000, Some(&burn_admin));
    expect_vault_err(
        &world,
        &unsign(signed.clone(), 9),
        VaultError::VaultMintBurnAdminInvalid,
    );

    // Paused, then stale.
    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &signed, VaultError::VaultIsPaused);
    world.warp(2 * EPOCH);
    expect_vault_err(&world, &signed, VaultError::VaultUpdateNeeded);
}

#[test]
fn enqueue_withdrawal_with_burn_admin_succeeds() {
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    let burn_admin = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 6, &burn_admin);
    let ticket_base = Pubkey::new_unique();
    let ticket = ticket_address(&setup.vault, &ticket_base).0;
    setup.ensure_vrt_ata(&mut world, &ticket);
    let result = world.exec(&setup.enqueue_ix(&staker, &ticket_base, 1_000, Some(&burn_admin)));
    print_cu("vault", "EnqueueWithdrawal", &result);
    assert_eq!(world.token_amount(&ata(&ticket, &setup.vrt_mint)), 1_000);
}

// ---------------------------------------------------------------------------
// ChangeWithdrawalTicketOwner
// ---------------------------------------------------------------------------

#[test]
fn change_withdrawal_ticket_owner_success_and_failures() {
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    let (ticket, ticket_base, _) = setup.enqueue(&mut world, &staker, 1_000);
    let new_owner = Pubkey::new_unique();
    let ix = setup.change_owner_ix(&ticket, &staker, &new_owner);

    let mut bad = ix.clone();
    bad.data.push(0);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    expect_err(
        &world,
        &drop_last(ix.clone()),
        ProgramError::NotEnoughAccountKeys,
    );
    expect_err(
        &world,
        &make_readonly(ix.clone(), 2),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 3),
        ProgramError::MissingRequiredSignature,
    );
    let impostor = Pubkey::new_unique();
    expect_vault_err(
        &world,
        &setup.change_owner_ix(&ticket, &impostor, &new_owner),
        VaultError::VaultStakerWithdrawalTicketInvalidStaker,
    );
    // A ticket of another vault.
    let (mut world2, setup2) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    world2.set(ticket, world.get(&ticket).clone());
    world2.set(staker, world.get(&staker).clone());
    world2.set(new_owner, system_account(0));
    expect_err(
        &world2,
        &setup2.change_owner_ix(&ticket, &staker, &new_owner),
        ProgramError::InvalidAccountData,
    );

    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &ix, VaultError::VaultIsPaused);
    setup.set_paused(&mut world, false);

    let before = world.get(&ticket).clone();
    let result = world.exec(&ix);
    print_cu("vault", "ChangeWithdrawalTicketOwner", &result);
    let mut expected = TicketModel {
        vault: setup.vault,
        staker,
        base: ticket_base,
        vrt_amount: 1_000,
        slot_unstaked: SLOT,
        bump: ticket_address(&setup.vault, &ticket_base).1,
    };
    assert_eq!(before.data, expected.to_bytes());
    expected.staker = new_owner;
    assert_eq!(world.get(&ticket).data, expected.to_bytes());
    assert_eq!(
        TicketModel::decode(&world.get(&ticket).data).staker,
        new_owner
    );
    assert_eq!(world.get(&ticket).lamports, before.lamports);
    // The old owner can no longer move it.
    expect_vault_err(
        &world,
        &ix,
        VaultError::VaultStakerWithdrawalTicketInvalidStaker,
    );
}

// ---------------------------------------------------------------------------
// BurnWithdrawalTicket
// ---------------------------------------------------------------------------

/// Deposit, enqueue, and run the epoch updates until the ticket is claimable.
fn claimable_ticket(
    deposit_fee: u16,
    withdrawal_fee: u16,
    program_fee: u16,
    enqueue: u64,
) -> (World, VaultSetup, Pubkey, Pubkey) {
    let (mut world, setup, staker) = world_with_staker(deposit_fee, withdrawal_fee, program_fee);
    let (ticket, _, _) = setup.enqueue(&mut world, &staker, enqueue);
    world.warp(SLOT + EPOCH);
    setup.full_update(&mut world, EPOCH);
    world.warp(SLOT + 2 * EPOCH);
    setup.full_update(&mut world, EPOCH);
    setup.ensure_st_ata(&mut world, &staker);
    (world, setup, staker, ticket)
}

#[test]
fn burn_withdrawal_ticket_pays_fees_to_the_right_wallets() {
    // 1% withdrawal fee, 0.5% program fee.
    let (mut world, setup, staker, ticket) = claimable_ticket(0, 100, 50, 40_000);
    let vault_before = world.vault(&setup.vault);
    assert_eq!(vault_before.vrt_ready_to_claim_amount, 40_000);
    let staker_lamports = world.get(&staker).lamports;
    let ticket_rent = world.get(&ticket).lamports;
    let ticket_ata_rent = world.get(&ata(&ticket, &setup.vrt_mint)).lamports;

    let ix = setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    );
    let result = world.exec(&ix);
    print_cu("vault", "BurnWithdrawalTicket", &result);

    let program_fee = fee_ceil(40_000, 50); // 200
    let vault_fee = fee_ceil(40_000, 100); // 400
    let burned = 40_000 - program_fee - vault_fee;
    let out = (burned as u128 * vault_before.tokens_deposited as u128
        / vault_before.vrt_supply as u128) as u64;
    assert_eq!(
        (program_fee, vault_fee, burned, out),
        (200, 400, 39_400, 39_400)
    );

    let mut expected = vault_before.clone();
    expected.vrt_supply -= burned;
    expected.tokens_deposited -= out;
    expected.vrt_ready_to_claim_amount = 0;
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
    let decoded = Vault::from_bytes(&world.get(&setup.vault).data).unwrap();
    assert_eq!(
        (decoded.vrt_supply, decoded.tokens_deposited),
        (expected.vrt_supply, expected.tokens_deposited)
    );

    assert_eq!(
        world.token_amount(&ata(&setup.admin, &setup.vrt_mint)),
        vault_fee
    );
    assert_eq!(
        world.token_amount(&ata(&setup.program_fee_wallet, &setup.vrt_mint)),
        program_fee
    );
    assert_eq!(world.token_amount(&ata(&staker, &setup.st_mint)), out);
    assert_eq!(
        world.token_amount(&setup.vault_st_ata),
        INITIAL_AMOUNT + 100_000 - out
    );
    assert_eq!(
        world.get(&setup.vrt_mint).data,
        mint_data(Some(&setup.vault), INITIAL_AMOUNT + 100_000 - burned, 9)
    );
    // Ticket and its token account are closed to the staker.
    for key in [ticket, ata(&ticket, &setup.vrt_mint)] {
        let closed = world.get(&key);
        assert_eq!(closed.lamports, 0);
        assert!(closed.data.is_empty());
        assert_eq!(closed.owner, SYSTEM_PROGRAM_ID);
    }
    assert_eq!(
        world.get(&staker).lamports,
        staker_lamports + ticket_rent + ticket_ata_rent
    );
}

#[test]
fn burn_withdrawal_ticket_staker_is_a_fee_wallet() {
    // The program fee wallet as staker pays no program fee; the vault fee wallet
    // (the admin) pays no vault fee.
    for staker_is_program_wallet in [true, false] {
        let (mut world, setup) = standard_world(EPOCH, 300, SLOT, 0, 200, 0);
        let staker = if staker_is_program_wallet {
            setup.program_fee_wallet
        } else {
            setup.admin
        };
        world.set(
            ata(&staker, &setup.st_mint),
            token_account(&setup.st_mint, &staker, 10_000),
        );
        setup.deposit(&mut world, &staker, 10_000);
        let vrt = world.token_amount(&ata(&staker, &setup.vrt_mint));
        assert_eq!(vrt, 10_000);
        let (ticket, _, _) = setup.enqueue(&mut world, &staker, 10_000);
        world.warp(SLOT + EPOCH);
        setup.full_update(&mut world, EPOCH);
        world.warp(SLOT + 2 * EPOCH);
        setup.full_update(&mut world, EPOCH);
        world.set(
            ata(&staker, &setup.st_mint),
            token_account(&setup.st_mint, &staker, 0),
        );
        let ix = setup.burn_ix(
            &staker,
            &ticket,
            &setup.admin,
            &setup.program_fee_wallet,
            None,
        );
        world.exec(&ix);
        let (program_fee, vault_fee) = if staker_is_program_wallet {
            (0, fee_ceil(10_000, 200))
        } else {
            (fee_ceil(10_000, 300), 0)
        };
        let out = 10_000 - program_fee - vault_fee;
        assert_eq!(world.token_amount(&ata(&staker, &setup.st_mint)), out);
        let fee_wallet_vrt = if staker_is_program_wallet {
            world.token_amount(&ata(&setup.admin, &setup.vrt_mint))
        } else {
            world.token_amount(&ata(&setup.program_fee_wallet, &setup.vrt_mint))
        };
        assert_eq!(fee_wallet_vrt, program_fee + vault_fee);
    }
}

#[test]
fn burn_withdrawal_ticket_extra_vrt_goes_to_the_program_fee_wallet() {
    let (mut world, setup, staker, ticket) = claimable_ticket(0, 0, 0, 20_000);
    // Someone sends 777 VRT to the ticket's token account.
    let ticket_ata = ata(&ticket, &setup.vrt_mint);
    let mut account = world.get(&ticket_ata).clone();
    account.data = token_account_data(&setup.vrt_mint, &ticket, 20_777);
    world.set(ticket_ata, account);
    let mut mint = world.get(&setup.vrt_mint).clone();
    mint.data = mint_data(Some(&setup.vault), INITIAL_AMOUNT + 100_000 + 777, 9);
    world.set(setup.vrt_mint, mint);

    world.exec(&setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    ));
    assert_eq!(
        world.token_amount(&ata(&setup.program_fee_wallet, &setup.vrt_mint)),
        777
    );
    assert_eq!(world.token_amount(&ata(&staker, &setup.st_mint)), 20_000);
    assert!(world.get(&ticket_ata).data.is_empty());
}

#[test]
fn burn_withdrawal_ticket_epoch_lifecycle() {
    // Deposit, enqueue; the ticket is locked for the epoch of enqueueing and the
    // next one, and the vault must be updated in every epoch.
    let (mut world, setup, staker) = world_with_staker(0, 0, 0);
    world.warp(SLOT + 500);
    let (ticket, _, _) = setup.enqueue(&mut world, &staker, 50_000);
    setup.ensure_st_ata(&mut world, &staker);
    let ix = setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    );

    expect_vault_err(
        &world,
        &ix,
        VaultError::VaultStakerWithdrawalTicketNotWithdrawable,
    );
    world.warp(SLOT + EPOCH);
    expect_vault_err(&world, &ix, VaultError::VaultUpdateNeeded);
    setup.full_update(&mut world, EPOCH);
    let v = world.vault(&setup.vault);
    assert_eq!(
        (
            v.vrt_enqueued_for_cooldown_amount,
            v.vrt_cooling_down_amount,
            v.vrt_ready_to_claim_amount
        ),
        (0, 50_000, 0)
    );
    expect_vault_err(
        &world,
        &ix,
        VaultError::VaultStakerWithdrawalTicketNotWithdrawable,
    );
    world.warp(SLOT + 2 * EPOCH - 1);
    expect_vault_err(
        &world,
        &ix,
        VaultError::VaultStakerWithdrawalTicketNotWithdrawable,
    );
    world.warp(SLOT + 2 * EPOCH);
    expect_vault_err(&world, &ix, VaultError::VaultUpdateNeeded);
    setup.full_update(&mut world, EPOCH);
    let v = world.vault(&setup.vault);
    assert_eq!(
        (
            v.vrt_enqueued_for_cooldown_amount,
            v.vrt_cooling_down_amount,
            v.vrt_ready_to_claim_amount
        ),
        (0, 0, 50_000)
    );
    let result = world.exec(&ix);
    print_cu("vault", "BurnWithdrawalTicket", &result);
    assert_eq!(world.token_amount(&ata(&staker, &setup.st_mint)), 50_000);
    assert_eq!(world.token_amount(&ata(&staker, &setup.vrt_mint)), 50_000);
    let v = world.vault(&setup.vault);
    assert_eq!(v.vrt_supply, INITIAL_AMOUNT + 50_000);
    assert_eq!(v.tokens_deposited, INITIAL_AMOUNT + 50_000);
    // Burned once: the ticket is gone.
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
}

#[test]
fn burn_withdrawal_ticket_account_checks() {
    let (mut world, setup, staker, ticket) = claimable_ticket(0, 0, 0, 10_000);
    let ix = setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    );

    let mut bad = ix.clone();
    bad.data.push(0);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    let mut bad = ix.clone();
    bad.accounts.truncate(11);
    expect_err(&world, &bad, ProgramError::NotEnoughAccountKeys);
    expect_err(
        &world,
        &make_readonly(ix.clone(), 1),
        ProgramError::InvalidAccountData,
    );

    let stray = Pubkey::new_unique();
    world.set(
        stray,
        token_account(&setup.st_mint, &setup.vault, 1_000_000),
    );
    // vault token account, staker token account, ticket token account, fee accounts.
    for i in [2, 5, 7, 8, 9] {
        expect_err(
            &world,
            &replace(ix.clone(), i, &stray),
            ProgramError::InvalidAccountData,
        );
    }
    // vrt mint must be a mint.
    expect_err(
        &world,
        &replace(ix.clone(), 3, &staker),
        ProgramError::InvalidAccountOwner,
    );
    // Ticket: program-owned, writable, of this vault.
    expect_err(
        &world,
        &make_readonly(ix.clone(), 6),
        ProgramError::InvalidAccountData,
    );
    let (mut world2, setup2) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    for key in [ticket, ata(&ticket, &setup.vrt_mint), staker] {
        world2.set(key, world.get(&key).clone());
    }
    setup2.ensure_st_ata(&mut world2, &staker);
    let other_vault = setup2.burn_ix(
        &staker,
        &ticket,
        &setup2.admin,
        &setup2.program_fee_wallet,
        None,
    );
    // The ticket's token account is checked against the other vault's VRT mint
    // only after the ticket itself, which belongs to another vault.
    expect_err(&world2, &other_vault, ProgramError::InvalidAccountData);

    expect_err(
        &world,
        &replace(ix.clone(), 10, &TOKEN_2022_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 11, &TOKEN_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // A different VRT mint is not the vault's (all ATAs remain the vault VRT's).
    let other_mint = Pubkey::new_unique();
    world.set(other_mint, mint_account(None, 0, 9));
    expect_err(
        &world,
        &replace(ix.clone(), 3, &other_mint),
        ProgramError::InvalidAccountData,
    );

    // Wrong staker.
    let impostor = Pubkey::new_unique();
    world.set(impostor, system_account(0));
    setup.ensure_st_ata(&mut world, &impostor);
    let wrong = setup.burn_ix(
        &impostor,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    );
    expect_vault_err(
        &world,
        &wrong,
        VaultError::VaultStakerWithdrawalTicketInvalidStaker,
    );
}

#[test]
fn burn_withdrawal_ticket_state_checks() {
    let (mut world, setup, staker, ticket) = claimable_ticket(0, 0, 0, 10_000);
    let ix = setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    );

    let burn_admin = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 6, &burn_admin);
    expect_vault_err(&world, &ix, VaultError::VaultMintBurnAdminInvalid);
    let signed = setup.burn_ix(
        &staker,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        Some(&burn_admin),
    );
    expect_vault_err(
        &world,
        &unsign(signed.clone(), 12),
        VaultError::VaultMintBurnAdminInvalid,
    );

    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &signed, VaultError::VaultIsPaused);
    setup.set_paused(&mut world, false);

    // The vault's claimable VRT must cover the ticket.
    let saved = world.get(&setup.vault).clone();
    setup.edit_vault(&mut world, |v| v.vrt_ready_to_claim_amount = 9_999);
    expect_vault_err(&world, &signed, VaultError::VaultUnderflow);
    world.set(setup.vault, saved);

    // Delegated assets cannot be withdrawn.
    let saved = world.get(&setup.vault).clone();
    setup.edit_vault(&mut world, |v| {
        v.delegation.staked = v.tokens_deposited - 9_999
    });
    expect_vault_err(&world, &signed, VaultError::VaultUnderflow);
    world.set(setup.vault, saved);

    let result = world.exec(&signed);
    print_cu("vault", "BurnWithdrawalTicket", &result);
    assert_eq!(world.token_amount(&ata(&staker, &setup.st_mint)), 10_000);
}

#[test]
fn burn_withdrawal_ticket_program_fee_account_must_match_config() {
    let (mut world, setup, staker, ticket) = claimable_ticket(0, 0, 100, 10_000);
    let other = Pubkey::new_unique();
    setup.ensure_vrt_ata(&mut world, &other);
    let ix = setup.burn_ix(&staker, &ticket, &setup.admin, &other, None);
    expect_err(&world, &ix, ProgramError::InvalidAccountData);
}

#[test]
fn deposit_withdraw_round_trip_over_several_epochs() {
    // Two depositors, fees everywhere, withdrawals spread over epochs.
    let (mut world, setup) = standard_world(EPOCH, 100, SLOT, 50, 25, 0);
    let alice = setup.add_depositor(&mut world, 300_000);
    let bob = setup.add_depositor(&mut world, 300_000);
    setup.deposit(&mut world, &alice, 200_000);
    setup.deposit(&mut world, &bob, 100_000);
    let alice_vrt = world.token_amount(&ata(&alice, &setup.vrt_mint));
    assert_eq!(alice_vrt, 200_000 - fee_ceil(200_000, 50));

    // Epoch 2: Alice enqueues half of her VRT.
    world.warp(SLOT + EPOCH);
    setup.full_update(&mut world, EPOCH);
    let (t1, _, _) = setup.enqueue(&mut world, &alice, alice_vrt / 2);
    // Epoch 3: Bob deposits more and enqueues everything.
    world.warp(SLOT + 2 * EPOCH);
    setup.full_update(&mut world, EPOCH);
    setup.deposit(&mut world, &bob, 100_000);
    let bob_vrt = world.token_amount(&ata(&bob, &setup.vrt_mint));
    let (t2, _, _) = setup.enqueue(&mut world, &bob, bob_vrt);
    // Epoch 4: Alice's ticket is claimable, Bob's is not yet.
    world.warp(SLOT + 3 * EPOCH);
    setup.full_update(&mut world, EPOCH);
    setup.ensure_st_ata(&mut world, &alice);
    setup.ensure_st_ata(&mut world, &bob);
    let burn_bob = setup.burn_ix(&bob, &t2, &setup.admin, &setup.program_fee_wallet, None);
    expect_vault_err(
        &world,
        &burn_bob,
        VaultError::VaultStakerWithdrawalTicketNotWithdrawable,
    );
    world.exec(&setup.burn_ix(&alice, &t1, &setup.admin, &setup.program_fee_wallet, None));
    // Epoch 5: Bob's too.
    world.warp(SLOT + 4 * EPOCH);
    setup.full_update(&mut world, EPOCH);
    world.exec(&burn_bob);

    // Accounting: the vault holds exactly what the VRT left in circulation claims.
    let v = world.vault(&setup.vault);
    let vault_st = world.token_amount(&setup.vault_st_ata);
    assert_eq!(v.tokens_deposited, vault_st);
    let circulating = world.token_amount(&setup.burn_vault_vrt_ata)
        + world.token_amount(&ata(&alice, &setup.vrt_mint))
        + world.token_amount(&ata(&bob, &setup.vrt_mint))
        + world.token_amount(&ata(&setup.admin, &setup.vrt_mint))
        + world.token_amount(&ata(&setup.program_fee_wallet, &setup.vrt_mint));
    assert_eq!(v.vrt_supply, circulating);
    assert_eq!(crate_supply(&world, &setup), circulating);
    assert_eq!(
        (
            v.vrt_enqueued_for_cooldown_amount,
            v.vrt_cooling_down_amount,
            v.vrt_ready_to_claim_amount
        ),
        (0, 0, 0)
    );
    // Everyone got supported tokens back; fees stayed as VRT in the fee wallets.
    assert!(world.token_amount(&ata(&alice, &setup.st_mint)) > 100_000 + 90_000);
    assert!(world.token_amount(&ata(&bob, &setup.st_mint)) > 100_000 + 190_000);
    assert!(world.token_amount(&ata(&setup.admin, &setup.vrt_mint)) > 0);
    assert!(world.token_amount(&ata(&setup.program_fee_wallet, &setup.vrt_mint)) > 0);
}

fn crate_supply(world: &World, setup: &VaultSetup) -> u64 {
    mollusk_tests::mint_supply(world.get(&setup.vrt_mint))
}

#[test]
fn rewards_raise_what_a_ticket_pays_out() {
    // 10% reward fee; Alice owns half the VRT when 2_000 tokens of rewards arrive.
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 1_000);
    let alice = setup.add_depositor(&mut world, 10_000);
    setup.deposit(&mut world, &alice, 10_000);
    setup.send_rewards(&mut world, 2_000);
    world.exec(&setup.update_balance_ix(&setup.admin));
    let v = world.vault(&setup.vault);
    // Fee: 200 tokens priced at 20_000 VRT / 21_800 tokens = 183 VRT.
    assert_eq!((v.tokens_deposited, v.vrt_supply), (22_000, 20_000 + 183));

    let (ticket, _, _) = setup.enqueue(&mut world, &alice, 10_000);
    world.warp(SLOT + EPOCH);
    setup.full_update(&mut world, EPOCH);
    world.warp(SLOT + 2 * EPOCH);
    setup.full_update(&mut world, EPOCH);
    setup.ensure_st_ata(&mut world, &alice);
    world.exec(&setup.burn_ix(
        &alice,
        &ticket,
        &setup.admin,
        &setup.program_fee_wallet,
        None,
    ));
    // 10_000 VRT * 22_000 / 20_183 = 10_900 tokens.
    assert_eq!(world.token_amount(&ata(&alice, &setup.st_mint)), 10_900);
    let v = world.vault(&setup.vault);
    assert_eq!(
        (v.tokens_deposited, v.vrt_supply),
        (22_000 - 10_900, 10_183)
    );
    assert_eq!(world.token_amount(&setup.vault_st_ata), 22_000 - 10_900);
}
