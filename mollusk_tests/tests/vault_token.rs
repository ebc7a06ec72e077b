//! Vault token housekeeping: UpdateVaultBalance (rewards and the reward fee),
//! DelegateTokenAccount, RevokeDelegateTokenAccount and the reserved
//! InitializeVaultWithMint, against the real SPL Token program. Instructions
//! come from the generated client (through `scenarios::vault_setup`).

use jito_vault_client::instructions::InitializeVaultWithMintBuilder;
use jito_vault_interface::error::VaultError;
use mollusk_tests::{
    assert_custom_error, assert_error, mint_data, print_cu, scenarios::vault_setup::*,
    system_account, token_account_data, Instruction, ProgramError, Pubkey, SYSTEM_PROGRAM_ID,
    TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID,
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
// UpdateVaultBalance
// ---------------------------------------------------------------------------

/// A vault with 10% reward fee and 1_000 deposited on top of the initial 10_000.
fn rewarded_world(reward_fee_bps: u16) -> (World, VaultSetup, Pubkey) {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, reward_fee_bps);
    let depositor = setup.add_depositor(&mut world, 10_000);
    setup.deposit(&mut world, &depositor, 1_000);
    (world, setup, depositor)
}

#[test]
fn update_vault_balance_mints_the_reward_fee_and_moves_the_rate() {
    let (mut world, setup, depositor) = rewarded_world(1_000);
    setup.send_rewards(&mut world, 1_000);
    let before = world.vault(&setup.vault);
    assert_eq!(
        (before.vrt_supply, before.tokens_deposited),
        (11_000, 11_000)
    );

    let result = world.exec(&setup.update_balance_ix(&setup.admin));
    print_cu("vault", "UpdateVaultBalance", &result);

    // The original's figures (its test_update_vault_balance_ok): 10% of the
    // 1_000 reward is 100 tokens, priced at 11_000 VRT / 11_900 tokens = 92 VRT.
    let st_fee = fee_ceil(1_000, 1_000);
    let vrt_fee = vrt_for(st_fee, 11_000, 12_000 - st_fee);
    assert_eq!((st_fee, vrt_fee), (100, 92));
    let mut expected = before.clone();
    expected.tokens_deposited = 12_000;
    expected.vrt_supply = 11_092;
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
    // The generated client's decoder reads the same vault.
    assert_eq!(world.vault(&setup.vault), expected);
    assert_eq!(
        world.get(&ata(&setup.admin, &setup.vrt_mint)).data,
        token_account_data(&setup.vrt_mint, &setup.admin, 92)
    );
    assert_eq!(
        world.get(&setup.vrt_mint).data,
        mint_data(Some(&setup.vault), 11_092, 9)
    );

    // The next deposit gets fewer VRT per token: 1_000 * 11_092 / 12_000 = 924.
    setup.deposit(&mut world, &depositor, 1_000);
    assert_eq!(
        world.token_amount(&ata(&depositor, &setup.vrt_mint)),
        1_000 + vrt_for(1_000, 11_092, 12_000)
    );
    assert_eq!(vrt_for(1_000, 11_092, 12_000), 924);
}

#[test]
fn deposit_before_the_balance_update_gets_the_old_rate() {
    // The original's test_reward_fee ordering: rewards arrive, the vault is
    // updated, the reward fee is priced after the rewards.
    let (mut world, setup, depositor) = rewarded_world(1_000);
    setup.send_rewards(&mut world, 1_000);
    // Until UpdateVaultBalance runs, the vault still prices at 1:1.
    setup.deposit(&mut world, &depositor, 1_000);
    assert_eq!(world.token_amount(&ata(&depositor, &setup.vrt_mint)), 2_000);
    let before = world.vault(&setup.vault);
    assert_eq!(
        (before.vrt_supply, before.tokens_deposited),
        (12_000, 12_000)
    );
    world.exec(&setup.update_balance_ix(&setup.admin));
    // 100 tokens of fee priced at 12_000 VRT / 12_900 tokens = 93 VRT.
    let v = world.vault(&setup.vault);
    assert_eq!((v.tokens_deposited, v.vrt_supply), (13_000, 12_000 + 93));
}

#[test]
fn update_vault_balance_without_rewards_changes_nothing() {
    let (mut world, setup, _) = rewarded_world(1_000);
    let before = world.get(&setup.vault).clone();
    let result = world.exec(&setup.update_balance_ix(&setup.admin));
    print_cu("vault", "UpdateVaultBalance", &result);
    assert_eq!(world.get(&setup.vault), &before);
    assert_eq!(world.token_amount(&ata(&setup.admin, &setup.vrt_mint)), 0);
}

#[test]
fn update_vault_balance_zero_and_full_reward_fee() {
    // 0%: all rewards go to the VRT holders.
    let (mut world, setup, _) = rewarded_world(0);
    setup.send_rewards(&mut world, 5_000);
    world.exec(&setup.update_balance_ix(&setup.admin));
    let v = world.vault(&setup.vault);
    assert_eq!((v.tokens_deposited, v.vrt_supply), (16_000, 11_000));
    assert_eq!(world.token_amount(&ata(&setup.admin, &setup.vrt_mint)), 0);

    // 100%: the fee wallet gets VRT worth all the rewards.
    let (mut world, setup, _) = rewarded_world(10_000);
    setup.send_rewards(&mut world, 5_000);
    world.exec(&setup.update_balance_ix(&setup.admin));
    let v = world.vault(&setup.vault);
    assert_eq!((v.tokens_deposited, v.vrt_supply), (16_000, 11_000 + 5_000));
    assert_eq!(
        world.token_amount(&ata(&setup.admin, &setup.vrt_mint)),
        5_000
    );
}

#[test]
fn update_vault_balance_follows_a_lower_balance() {
    // The token balance below the books (the vault's tokens left it otherwise):
    // the books follow the balance, no fee.
    let (mut world, setup, _) = rewarded_world(1_000);
    let mut account = world.get(&setup.vault_st_ata).clone();
    account.data = token_account_data(&setup.st_mint, &setup.vault, 10_500);
    world.set(setup.vault_st_ata, account);
    let mut expected = world.vault(&setup.vault);
    world.exec(&setup.update_balance_ix(&setup.admin));
    expected.tokens_deposited = 10_500;
    assert_eq!(world.get(&setup.vault).data, expected.to_bytes());
}

#[test]
fn update_vault_balance_reward_fee_rounding_guards() {
    // Two tokens per VRT: a 1-token reward's fee (1 token) is worth 0 VRT.
    let (mut world, setup, _) = rewarded_world(1_000);
    setup.edit_vault(&mut world, |v| v.vrt_supply = 5_500);
    let mut acc = world.get(&setup.vrt_mint).clone();
    acc.data = mint_data(Some(&setup.vault), 5_500, 9);
    world.set(setup.vrt_mint, acc);
    setup.send_rewards(&mut world, 1);
    expect_vault_err(
        &world,
        &setup.update_balance_ix(&setup.admin),
        VaultError::VaultRewardFeeIsZero,
    );

    // Half a token per VRT: a 3-token reward's fee rounds up to 1 token = 1 VRT,
    // an effective 20% instead of 10%: too far.
    let (mut world, setup, _) = rewarded_world(1_000);
    setup.edit_vault(&mut world, |v| v.vrt_supply = 22_000);
    setup.send_rewards(&mut world, 3);
    expect_vault_err(
        &world,
        &setup.update_balance_ix(&setup.admin),
        VaultError::VaultRewardFeeDeltaTooLarge,
    );
}

#[test]
fn update_vault_balance_checks() {
    let (mut world, setup, _) = rewarded_world(1_000);
    setup.send_rewards(&mut world, 1_000);
    let ix = setup.update_balance_ix(&setup.admin);

    let mut bad = ix.clone();
    bad.data.push(0);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    expect_err(
        &world,
        &drop_last(ix.clone()),
        ProgramError::NotEnoughAccountKeys,
    );
    let mut extra = ix.clone();
    extra.accounts.push(r(&SYSTEM_PROGRAM_ID));
    expect_err(&world, &extra, ProgramError::NotEnoughAccountKeys);
    expect_err(
        &world,
        &make_readonly(ix.clone(), 1),
        ProgramError::InvalidAccountData,
    );

    // vrt_mint: a token mint.
    expect_err(
        &world,
        &replace(ix.clone(), 3, &setup.admin),
        ProgramError::InvalidAccountOwner,
    );
    // Fee account: the fee wallet's ATA of the given mint; vault account: the vault's ATA.
    let stray = Pubkey::new_unique();
    world.set(stray, token_account(&setup.vrt_mint, &setup.admin, 0));
    expect_err(
        &world,
        &replace(ix.clone(), 4, &stray),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 2, &stray),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 5, &TOKEN_2022_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // Another mint (with a fee ATA of its own) is not the vault's VRT mint.
    let other_mint = Pubkey::new_unique();
    world.set(other_mint, mint_account(Some(&setup.vault), 0, 9));
    world.set(
        ata(&setup.admin, &other_mint),
        token_account(&other_mint, &setup.admin, 0),
    );
    let other = replace(
        replace(ix.clone(), 3, &other_mint),
        4,
        &ata(&setup.admin, &other_mint),
    );
    expect_err(&world, &other, ProgramError::InvalidAccountData);

    setup.set_paused(&mut world, true);
    expect_vault_err(&world, &ix, VaultError::VaultIsPaused);
    // A new epoch: the update check comes first.
    world.warp(SLOT + EPOCH);
    expect_vault_err(&world, &other, VaultError::VaultUpdateNeeded);
    expect_vault_err(&world, &ix, VaultError::VaultUpdateNeeded);
}

// ---------------------------------------------------------------------------
// DelegateTokenAccount / RevokeDelegateTokenAccount
// ---------------------------------------------------------------------------

/// A vault holding 100_000 of some other SPL token in its ATA.
fn airdropped_world() -> (World, VaultSetup, Pubkey, Pubkey) {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let mint = Pubkey::new_unique();
    world.set(mint, mint_account(Some(&Pubkey::new_unique()), 100_000, 6));
    let account = ata(&setup.vault, &mint);
    world.set(account, token_account(&mint, &setup.vault, 100_000));
    (world, setup, mint, account)
}

/// A token account after SPL Token's `Revoke`: no delegate (tag 0) and no
/// delegated amount; SPL Token leaves the old delegate's key bytes in place.
fn revoked(mint: &Pubkey, owner: &Pubkey, amount: u64, old_delegate: &Pubkey) -> Vec<u8> {
    let mut data = token_account_with_delegate(mint, owner, amount, old_delegate, 0);
    data[72] = 0;
    data
}

#[test]
fn delegate_then_revoke_token_account() {
    let (mut world, setup, mint, account) = airdropped_world();
    let bob = Pubkey::new_unique();
    let result =
        world.exec(&setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_PROGRAM_ID));
    print_cu("vault", "DelegateTokenAccount", &result);
    assert_eq!(
        world.get(&account).data,
        token_account_with_delegate(&mint, &setup.vault, 100_000, &bob, u64::MAX)
    );

    let result = world.exec(&setup.revoke_ix(&setup.admin, &mint, &account, &TOKEN_PROGRAM_ID));
    print_cu("vault", "RevokeDelegateTokenAccount", &result);
    assert_eq!(
        world.get(&account).data,
        revoked(&mint, &setup.vault, 100_000, &bob)
    );
}

#[test]
fn delegate_any_vault_token_account_by_the_delegate_asset_admin() {
    // Not necessarily an ATA; the role can be handed to someone else.
    let (mut world, setup, mint, _) = airdropped_world();
    let account = Pubkey::new_unique();
    world.set(account, token_account(&mint, &setup.vault, 7));
    let delegate_admin = Pubkey::new_unique();
    setup.set_secondary_admin(&mut world, 7, &delegate_admin);
    let bob = Pubkey::new_unique();
    let ix = setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_PROGRAM_ID);
    expect_vault_err(&world, &ix, VaultError::VaultDelegateAssetAdminInvalid);
    world.exec(&setup.delegate_ix(&delegate_admin, &mint, &account, &bob, &TOKEN_PROGRAM_ID));
    assert_eq!(
        world.get(&account).data,
        token_account_with_delegate(&mint, &setup.vault, 7, &bob, u64::MAX)
    );
    let revoke = setup.revoke_ix(&setup.admin, &mint, &account, &TOKEN_PROGRAM_ID);
    expect_vault_err(&world, &revoke, VaultError::VaultDelegateAssetAdminInvalid);
    world.exec(&setup.revoke_ix(&delegate_admin, &mint, &account, &TOKEN_PROGRAM_ID));
    assert_eq!(
        world.get(&account).data,
        revoked(&mint, &setup.vault, 7, &bob)
    );
}

#[test]
fn delegate_and_revoke_checks() {
    let (mut world, setup, mint, account) = airdropped_world();
    let bob = Pubkey::new_unique();
    let delegate = setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_PROGRAM_ID);
    let revoke = setup.revoke_ix(&setup.admin, &mint, &account, &TOKEN_PROGRAM_ID);
    // Same checks, same positions (the delegate sits at 5 in DelegateTokenAccount only).
    for (ix, program_index) in [(&delegate, 6), (&revoke, 5)] {
        let mut bad = ix.clone();
        bad.data.push(0);
        expect_err(&world, &bad, ProgramError::InvalidInstructionData);
        expect_err(
            &world,
            &drop_last(ix.clone()),
            ProgramError::NotEnoughAccountKeys,
        );

        let mut config = world.get(&setup.config).clone();
        let saved = config.clone();
        config.data[0] = 2;
        world.set(setup.config, config);
        expect_err(&world, ix, ProgramError::InvalidAccountData);
        world.set(setup.config, saved);

        expect_err(
            &world,
            &replace(ix.clone(), 1, &setup.config),
            ProgramError::InvalidAccountData,
        );
        expect_err(
            &world,
            &unsign(ix.clone(), 2),
            ProgramError::MissingRequiredSignature,
        );

        // A mint that does not exist (the original's test: InvalidAccountOwner).
        let fake_mint = Pubkey::new_unique();
        expect_err(
            &world,
            &replace(ix.clone(), 3, &fake_mint),
            ProgramError::InvalidAccountOwner,
        );
        // The token program is checked before the token account.
        expect_err(
            &world,
            &replace(ix.clone(), program_index, &TOKEN_2022_PROGRAM_ID),
            ProgramError::IncorrectProgramId,
        );
        // Token account: of the vault, of the mint.
        let other = Pubkey::new_unique();
        world.set(other, token_account(&mint, &Pubkey::new_unique(), 1));
        expect_err(
            &world,
            &replace(ix.clone(), 4, &other),
            ProgramError::InvalidAccountData,
        );
        let other_mint = Pubkey::new_unique();
        world.set(other_mint, mint_account(None, 0, 6));
        expect_err(
            &world,
            &replace(ix.clone(), 3, &other_mint),
            ProgramError::InvalidAccountData,
        );
        let mut uninit = token_account(&mint, &setup.vault, 0);
        uninit.data[108] = 0;
        world.set(other, uninit);
        expect_err(
            &world,
            &replace(ix.clone(), 4, &other),
            ProgramError::UninitializedAccount,
        );

        // The supported mint's account cannot be delegated.
        let mut supported = replace(ix.clone(), 3, &setup.st_mint);
        supported = replace(supported, 4, &setup.vault_st_ata);
        expect_err(&world, &supported, ProgramError::InvalidAccountData);

        // The wrong admin.
        let impostor = Pubkey::new_unique();
        expect_vault_err(
            &world,
            &replace(ix.clone(), 2, &impostor),
            VaultError::VaultDelegateAssetAdminInvalid,
        );
    }
}

#[test]
fn delegate_token_2022_accounts_need_the_token_2022_program_and_mint() {
    // Changed by the Token-2022 support (docs/COMPATIBILITY.md): a Token-2022
    // mint and account with the Token-2022 program are delegated (the original
    // refused the mint's owner). Mixed cases fail as in the original (a
    // Token-2022 program with an SPL Token mint fails the program check, a
    // Token-2022 account with SPL Token the owner check).
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let mint = Pubkey::new_unique();
    let mut mint_acc = mint_account(Some(&Pubkey::new_unique()), 10, 6);
    mint_acc.owner = TOKEN_2022_PROGRAM_ID;
    world.set(mint, mint_acc);
    let account = Pubkey::new_unique();
    let mut acc = token_account(&mint, &setup.vault, 10);
    acc.owner = TOKEN_2022_PROGRAM_ID;
    world.set(account, acc);
    let bob = Pubkey::new_unique();
    let (result, _) =
        world.run(&setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_2022_PROGRAM_ID));
    mollusk_tests::assert_success(&result);
    let mut delegated = token_account_data(&mint, &setup.vault, 10);
    delegated[72] = 1;
    delegated[76..108].copy_from_slice(bob.as_ref());
    delegated[121..129].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(mollusk_tests::account(&result, &account).data, delegated);
    let mut spl_mint = world.get(&mint).clone();
    spl_mint.owner = TOKEN_PROGRAM_ID;
    world.set(mint, spl_mint);
    expect_err(
        &world,
        &setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_2022_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );
    expect_err(
        &world,
        &setup.delegate_ix(&setup.admin, &mint, &account, &bob, &TOKEN_PROGRAM_ID),
        ProgramError::InvalidAccountOwner,
    );
}

// ---------------------------------------------------------------------------
// InitializeVaultWithMint (reserved)
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_with_mint_is_a_no_op() {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let before = world.accounts.clone();
    // The client's builder takes no accounts; any passed are ignored.
    let ix = InitializeVaultWithMintBuilder::new()
        .add_remaining_accounts(&[w(&setup.vault), ws(&setup.admin)])
        .instruction();
    assert_eq!(ix.data, [tag::INITIALIZE_VAULT_WITH_MINT]);
    let result = world.exec(&ix);
    print_cu("vault", "InitializeVaultWithMint", &result);
    assert_eq!(world.accounts, before);
    let bare = InitializeVaultWithMintBuilder::new().instruction();
    world.exec(&bare);
    // Trailing data (a mutation of the built instruction).
    let mut trailing = bare.clone();
    trailing.data.push(0);
    expect_err(&world, &trailing, ProgramError::InvalidInstructionData);
    let _ = system_account(0);
}
