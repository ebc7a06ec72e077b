//! Token-2022 vaults: a vault whose supported mint is a Token-2022 mint is
//! created with a Token-2022 VRT mint and Token-2022 ATAs, and every token
//! instruction then runs against the real Token-2022 program. Also the
//! mismatches between the token program passed and the vault's mints, the
//! supported-mint extensions InitializeVault refuses or accepts, and fee
//! wallets whose accounts require memos (BurnWithdrawalTicket).

use jito_vault_client::instructions::{
    BurnWithdrawalTicketBuilder, EnqueueWithdrawalBuilder, MintToBuilder, UpdateVaultBalanceBuilder,
};
use mollusk_tests::{
    assert_error, associated_token_address, mint_data, mint_supply, owned_account, print_cu,
    rent_exempt, scenarios::vault_setup::*, system_account, token_account_data, Account,
    AccountMeta, Instruction, ProgramError, Pubkey, MEMO_PROGRAM_ID, RESTAKING_PROGRAM_ID,
    TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID,
};

const SLOT: u64 = 1_000;
const EPOCH: u64 = 1_000;
/// Index of `token_program` in InitializeVault's accounts.
const INIT_TOKEN_PROGRAM: usize = 11;

fn ata22(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    associated_token_address(owner, mint, &TOKEN_2022_PROGRAM_ID)
}

fn t22_token_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Account {
    owned_account(
        &TOKEN_2022_PROGRAM_ID,
        token_account_data(mint, owner, amount),
    )
}

fn amount_of(world: &World, key: &Pubkey) -> u64 {
    world.token_amount(key)
}

/// The keys of a vault whose ATAs are Token-2022 ATAs.
fn t22_keys() -> VaultSetup {
    let mut keys = VaultSetup::keys();
    keys.admin_st_ata = ata22(&keys.admin, &keys.st_mint);
    keys.vault_st_ata = ata22(&keys.vault, &keys.st_mint);
    keys.burn_vault_vrt_ata = ata22(&keys.burn_vault, &keys.vrt_mint);
    keys
}

/// The pre-InitializeVault world of a Token-2022 vault (ST mint and accounts
/// owned by Token-2022).
fn t22_prerequisites(keys: &VaultSetup, program_fee_bps: u16) -> World {
    let mut config = ConfigState::initialized(
        keys.config_admin,
        RESTAKING_PROGRAM_ID,
        keys.program_fee_wallet,
        program_fee_bps,
    );
    config.epoch_length = EPOCH;
    let mut world = World::new();
    world.warp(SLOT);
    keys.install_prerequisites(&mut world, &config, INITIAL_AMOUNT * 10);
    world.set(
        keys.st_mint,
        owned_account(
            &TOKEN_2022_PROGRAM_ID,
            mint_data(Some(&Pubkey::new_unique()), 1_000_000_000_000, 6),
        ),
    );
    world.set(
        keys.admin_st_ata,
        t22_token_account(&keys.st_mint, &keys.admin, INITIAL_AMOUNT * 10),
    );
    world.set(
        keys.vault_st_ata,
        t22_token_account(&keys.st_mint, &keys.vault, 0),
    );
    world
}

fn t22_initialize_ix(
    keys: &VaultSetup,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
) -> Instruction {
    let mut ix = keys.initialize_vault_ix(0, withdrawal_fee_bps, reward_fee_bps, INITIAL_AMOUNT);
    ix.accounts[INIT_TOKEN_PROGRAM].pubkey = TOKEN_2022_PROGRAM_ID;
    ix
}

/// A Token-2022 vault (withdrawal fee 1%, reward fee 10%, no program fee) and
/// the Token-2022 VRT accounts of the admin (the fee wallet) and the program
/// fee wallet.
fn t22_world() -> (World, VaultSetup) {
    let keys = t22_keys();
    let mut world = t22_prerequisites(&keys, 0);
    let result = world.exec(&t22_initialize_ix(&keys, 100, 1_000));
    print_cu("vault", "InitializeVault (Token-2022)", &result);
    for owner in [keys.admin, keys.program_fee_wallet] {
        world.set(
            ata22(&owner, &keys.vrt_mint),
            t22_token_account(&keys.vrt_mint, &owner, 0),
        );
    }
    (world, keys)
}

/// A depositor with `st` supported tokens and an empty VRT account (Token-2022 ATAs).
fn t22_depositor(world: &mut World, keys: &VaultSetup, st: u64) -> Pubkey {
    let depositor = Pubkey::new_unique();
    world.set(depositor, system_account(10_000_000_000));
    world.set(
        ata22(&depositor, &keys.st_mint),
        t22_token_account(&keys.st_mint, &depositor, st),
    );
    world.set(
        ata22(&depositor, &keys.vrt_mint),
        t22_token_account(&keys.vrt_mint, &depositor, 0),
    );
    depositor
}

fn t22_mint_to_ix(keys: &VaultSetup, depositor: &Pubkey, amount_in: u64) -> Instruction {
    MintToBuilder::new()
        .config(keys.config)
        .vault(keys.vault)
        .vrt_mint(keys.vrt_mint)
        .depositor(*depositor)
        .depositor_token_account(ata22(depositor, &keys.st_mint))
        .vault_token_account(keys.vault_st_ata)
        .depositor_vrt_token_account(ata22(depositor, &keys.vrt_mint))
        .vault_fee_token_account(ata22(&keys.admin, &keys.vrt_mint))
        .token_program(TOKEN_2022_PROGRAM_ID)
        .amount_in(amount_in)
        .min_amount_out(0)
        .instruction()
}

fn t22_enqueue_ix(
    keys: &VaultSetup,
    staker: &Pubkey,
    ticket_base: &Pubkey,
    amount: u64,
) -> Instruction {
    let ticket = ticket_address(&keys.vault, ticket_base).0;
    EnqueueWithdrawalBuilder::new()
        .config(keys.config)
        .vault(keys.vault)
        .vault_staker_withdrawal_ticket(ticket)
        .vault_staker_withdrawal_ticket_token_account(ata22(&ticket, &keys.vrt_mint))
        .staker(*staker)
        .staker_vrt_token_account(ata22(staker, &keys.vrt_mint))
        .base(*ticket_base)
        .token_program(TOKEN_2022_PROGRAM_ID)
        .amount(amount)
        .instruction()
}

fn t22_burn_ix(keys: &VaultSetup, staker: &Pubkey, ticket: &Pubkey) -> Instruction {
    BurnWithdrawalTicketBuilder::new()
        .config(keys.config)
        .vault(keys.vault)
        .vault_token_account(keys.vault_st_ata)
        .vrt_mint(keys.vrt_mint)
        .staker(*staker)
        .staker_token_account(ata22(staker, &keys.st_mint))
        .vault_staker_withdrawal_ticket(*ticket)
        .vault_staker_withdrawal_ticket_token_account(ata22(ticket, &keys.vrt_mint))
        .vault_fee_token_account(ata22(&keys.admin, &keys.vrt_mint))
        .program_fee_token_account(ata22(&keys.program_fee_wallet, &keys.vrt_mint))
        .token_program(TOKEN_2022_PROGRAM_ID)
        .instruction()
}

fn t22_update_balance_ix(keys: &VaultSetup) -> Instruction {
    UpdateVaultBalanceBuilder::new()
        .config(keys.config)
        .vault(keys.vault)
        .vault_token_account(keys.vault_st_ata)
        .vrt_mint(keys.vrt_mint)
        .vault_fee_token_account(ata22(&keys.admin, &keys.vrt_mint))
        .token_program(TOKEN_2022_PROGRAM_ID)
        .instruction()
}

/// A Token-2022 `Transfer` (tag 3).
fn t22_transfer_ix(
    source: &Pubkey,
    destination: &Pubkey,
    owner: &Pubkey,
    amount: u64,
) -> Instruction {
    let mut ix = spl_transfer(source, destination, owner, amount);
    ix.program_id = TOKEN_2022_PROGRAM_ID;
    ix
}

#[track_caller]
fn expect_err(world: &World, ix: &Instruction, err: ProgramError) {
    let (result, accounts) = world.run(ix);
    assert_error(&result, &accounts, err);
}

fn with_token_program(mut ix: Instruction, index: usize, program: &Pubkey) -> Instruction {
    ix.accounts[index].pubkey = *program;
    ix
}

// ---------------------------------------------------------------------------
// Full flow
// ---------------------------------------------------------------------------

#[test]
fn token_2022_vault_full_flow() {
    let (mut world, keys) = t22_world();

    // InitializeVault: the VRT mint is a base-size Token-2022 mint of the vault.
    let vrt_mint = world.get(&keys.vrt_mint).clone();
    assert_eq!(vrt_mint.owner, TOKEN_2022_PROGRAM_ID);
    assert_eq!(vrt_mint.lamports, rent_exempt(82));
    assert_eq!(
        vrt_mint.data,
        mint_data(Some(&keys.vault), INITIAL_AMOUNT, keys.decimals)
    );
    // The burn vault's VRT account: a Token-2022 ATA (with ImmutableOwner).
    let burn_ata = world.get(&keys.burn_vault_vrt_ata).clone();
    assert_eq!(burn_ata.owner, TOKEN_2022_PROGRAM_ID);
    assert_eq!(burn_ata.data.len(), 170);
    assert_eq!(amount_of(&world, &keys.burn_vault_vrt_ata), INITIAL_AMOUNT);
    assert_eq!(amount_of(&world, &keys.admin_st_ata), INITIAL_AMOUNT * 9);
    assert_eq!(amount_of(&world, &keys.vault_st_ata), INITIAL_AMOUNT);
    let vault = world.vault(&keys.vault);
    assert_eq!(
        vault.to_bytes(),
        keys.expected_new_vault(0, 0, 100, 1_000, 0, SLOT, INITIAL_AMOUNT)
            .to_bytes()
    );

    // MintTo: 1_000 tokens at 1:1, no deposit fee.
    let depositor = t22_depositor(&mut world, &keys, 5_000);
    let result = world.exec(&t22_mint_to_ix(&keys, &depositor, 1_000));
    print_cu("vault", "MintTo (Token-2022)", &result);
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.st_mint)), 4_000);
    assert_eq!(amount_of(&world, &keys.vault_st_ata), 11_000);
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.vrt_mint)), 1_000);
    assert_eq!(amount_of(&world, &ata22(&keys.admin, &keys.vrt_mint)), 0);
    assert_eq!(mint_supply(world.get(&keys.vrt_mint)), 11_000);

    // EnqueueWithdrawal of 400 VRT into a ticket (its Token-2022 VRT ATA made first).
    let ticket_base = Pubkey::new_unique();
    world.set(ticket_base, system_account(0));
    let ticket = ticket_address(&keys.vault, &ticket_base).0;
    world.set(ticket, system_account(0));
    let ticket_ata = ata22(&ticket, &keys.vrt_mint);
    world.set(ticket_ata, t22_token_account(&keys.vrt_mint, &ticket, 0));
    let result = world.exec(&t22_enqueue_ix(&keys, &depositor, &ticket_base, 400));
    print_cu("vault", "EnqueueWithdrawal (Token-2022)", &result);
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.vrt_mint)), 600);
    assert_eq!(amount_of(&world, &ticket_ata), 400);

    // Two epoch updates through the update-tracker instructions: the ticket
    // becomes withdrawable.
    for epoch in [2, 3] {
        world.warp(epoch * EPOCH);
        keys.full_update(&mut world, EPOCH);
    }

    // BurnWithdrawalTicket: 1% withdrawal fee (4 VRT) to the fee wallet, no
    // program fee, 396 VRT burned for 396 tokens; the ticket's account closes.
    let lamports_before = world.get(&depositor).lamports
        + world.get(&ticket).lamports
        + world.get(&ticket_ata).lamports;
    let result = world.exec(&t22_burn_ix(&keys, &depositor, &ticket));
    print_cu("vault", "BurnWithdrawalTicket (Token-2022)", &result);
    assert_eq!(amount_of(&world, &ata22(&keys.admin, &keys.vrt_mint)), 4);
    assert_eq!(
        amount_of(&world, &ata22(&keys.program_fee_wallet, &keys.vrt_mint)),
        0
    );
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.st_mint)), 4_396);
    assert_eq!(amount_of(&world, &keys.vault_st_ata), 11_000 - 396);
    assert_eq!(mint_supply(world.get(&keys.vrt_mint)), 11_000 - 396);
    let closed = world.get(&ticket_ata);
    assert_eq!((closed.lamports, closed.data.len()), (0, 0));
    assert_eq!(world.get(&ticket).lamports, 0);
    assert_eq!(world.get(&depositor).lamports, lamports_before);
    let vault = world.vault(&keys.vault);
    assert_eq!(
        (vault.vrt_supply, vault.tokens_deposited),
        (11_000 - 396, 11_000 - 396)
    );

    // UpdateVaultBalance: 1_000 tokens of rewards, 10% fee = 100 tokens,
    // priced at 10_604 VRT / (11_604 - 100) tokens = 92 VRT (floor).
    let rewarder = Pubkey::new_unique();
    let source = ata22(&rewarder, &keys.st_mint);
    world.set(rewarder, system_account(1_000_000));
    world.set(source, t22_token_account(&keys.st_mint, &rewarder, 1_000));
    world.exec(&t22_transfer_ix(
        &source,
        &keys.vault_st_ata,
        &rewarder,
        1_000,
    ));
    let result = world.exec(&t22_update_balance_ix(&keys));
    print_cu("vault", "UpdateVaultBalance (Token-2022)", &result);
    let vrt_fee = 100u128 * 10_604 / 11_504;
    assert_eq!(vrt_fee, 92);
    assert_eq!(
        amount_of(&world, &ata22(&keys.admin, &keys.vrt_mint)),
        4 + 92
    );
    assert_eq!(mint_supply(world.get(&keys.vrt_mint)), 10_604 + 92);
    let vault = world.vault(&keys.vault);
    assert_eq!(
        (vault.vrt_supply, vault.tokens_deposited),
        (10_604 + 92, 11_604)
    );
}

#[test]
fn token_2022_delegate_and_revoke() {
    let (mut world, keys) = t22_world();
    // Airdropped Token-2022 tokens in a vault-owned account.
    let other_mint = Pubkey::new_unique();
    world.set(
        other_mint,
        owned_account(&TOKEN_2022_PROGRAM_ID, mint_data(None, 500, 0)),
    );
    let account = ata22(&keys.vault, &other_mint);
    world.set(account, t22_token_account(&other_mint, &keys.vault, 500));
    let delegate = Pubkey::new_unique();

    let ix = keys.delegate_ix(
        &keys.admin,
        &other_mint,
        &account,
        &delegate,
        &TOKEN_2022_PROGRAM_ID,
    );
    let result = world.exec(&ix);
    print_cu("vault", "DelegateTokenAccount (Token-2022)", &result);
    let mut expected = token_account_data(&other_mint, &keys.vault, 500);
    expected[72] = 1;
    expected[76..108].copy_from_slice(delegate.as_ref());
    expected[121..129].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(world.get(&account).data, expected);
    assert_eq!(world.get(&account).owner, TOKEN_2022_PROGRAM_ID);

    // The SPL Token program for a Token-2022 mint: the mint is not SPL Token's.
    let wrong = keys.revoke_ix(&keys.admin, &other_mint, &account, &TOKEN_PROGRAM_ID);
    expect_err(&world, &wrong, ProgramError::InvalidAccountOwner);

    let result =
        world.exec(&keys.revoke_ix(&keys.admin, &other_mint, &account, &TOKEN_2022_PROGRAM_ID));
    print_cu("vault", "RevokeDelegateTokenAccount (Token-2022)", &result);
    assert_eq!(
        world.get(&account).data,
        token_account_data(&other_mint, &keys.vault, 500)
    );
}

// ---------------------------------------------------------------------------
// Mismatches
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_token_program_must_own_the_supported_mint() {
    // A Token-2022 supported mint with the SPL Token program: the mint is not SPL Token's.
    let keys = t22_keys();
    let world = t22_prerequisites(&keys, 0);
    let ix = with_token_program(
        t22_initialize_ix(&keys, 0, 0),
        INIT_TOKEN_PROGRAM,
        &TOKEN_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);

    // An SPL Token supported mint with Token-2022: the original's IncorrectProgramId.
    let keys = VaultSetup::keys();
    let config = ConfigState::initialized(
        keys.config_admin,
        RESTAKING_PROGRAM_ID,
        keys.program_fee_wallet,
        0,
    );
    let mut world = World::new();
    world.warp(SLOT);
    keys.install_prerequisites(&mut world, &config, INITIAL_AMOUNT * 10);
    let ix = with_token_program(
        keys.initialize_vault_ix(0, 0, 0, INITIAL_AMOUNT),
        INIT_TOKEN_PROGRAM,
        &TOKEN_2022_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::IncorrectProgramId);

    // Token-2022 mint and program, but the admin's supported-token account is
    // an SPL Token account: not Token-2022's.
    let keys = t22_keys();
    let mut world = t22_prerequisites(&keys, 0);
    world.set(
        keys.admin_st_ata,
        owned_account(
            &TOKEN_PROGRAM_ID,
            token_account_data(&keys.st_mint, &keys.admin, INITIAL_AMOUNT),
        ),
    );
    expect_err(
        &world,
        &t22_initialize_ix(&keys, 0, 0),
        ProgramError::InvalidAccountOwner,
    );
}

#[test]
fn token_2022_vault_refuses_the_spl_token_program() {
    let (mut world, keys) = t22_world();
    let depositor = t22_depositor(&mut world, &keys, 5_000);
    world.exec(&t22_mint_to_ix(&keys, &depositor, 1_000));

    // MintTo (token_program at 8), UpdateVaultBalance (5), BurnWithdrawalTicket
    // (10): the VRT mint is Token-2022's, not SPL Token's.
    let ix = with_token_program(
        t22_mint_to_ix(&keys, &depositor, 1_000),
        8,
        &TOKEN_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    let ix = with_token_program(t22_update_balance_ix(&keys), 5, &TOKEN_PROGRAM_ID);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);

    // EnqueueWithdrawal (token_program at 7): the ticket's VRT account is
    // Token-2022's, not SPL Token's.
    let ticket_base = Pubkey::new_unique();
    world.set(ticket_base, system_account(0));
    let ticket = ticket_address(&keys.vault, &ticket_base).0;
    world.set(ticket, system_account(0));
    world.set(
        ata22(&ticket, &keys.vrt_mint),
        t22_token_account(&keys.vrt_mint, &ticket, 0),
    );
    let ix = with_token_program(
        t22_enqueue_ix(&keys, &depositor, &ticket_base, 100),
        7,
        &TOKEN_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.exec(&t22_enqueue_ix(&keys, &depositor, &ticket_base, 100));
    for epoch in [2, 3] {
        world.warp(epoch * EPOCH);
        keys.full_update(&mut world, EPOCH);
    }
    let ix = with_token_program(
        t22_burn_ix(&keys, &depositor, &ticket),
        10,
        &TOKEN_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    // Token-2022 program but the depositor's supported-token account is an SPL
    // Token ATA: owned by the wrong program.
    let spl_st = associated_token_address(&depositor, &keys.st_mint, &TOKEN_PROGRAM_ID);
    world.set(
        spl_st,
        owned_account(
            &TOKEN_PROGRAM_ID,
            token_account_data(&keys.st_mint, &depositor, 0),
        ),
    );
    let mut ix = t22_burn_ix(&keys, &depositor, &ticket);
    ix.accounts[5].pubkey = spl_st;
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    // The correct accounts still work.
    world.exec(&t22_burn_ix(&keys, &depositor, &ticket));
}

#[test]
fn spl_token_vault_refuses_the_token_2022_program() {
    // The original's behaviour, unchanged: SPL Token accounts with Token-2022
    // as the token program fail the program check.
    let (mut world, keys) = standard_world(EPOCH, 0, SLOT, 0, 0, 1_000);
    let depositor = keys.add_depositor(&mut world, 5_000);
    keys.ensure_vrt_ata(&mut world, &keys.admin.clone());
    let ix = with_token_program(
        keys.mint_to_ix(&depositor, &keys.admin, 1_000, 0, None),
        8,
        &TOKEN_2022_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::IncorrectProgramId);
    let ix = with_token_program(
        keys.update_balance_ix(&keys.admin),
        5,
        &TOKEN_2022_PROGRAM_ID,
    );
    expect_err(&world, &ix, ProgramError::IncorrectProgramId);
    // A forged Token-2022 "VRT mint" at another address with Token-2022: the
    // fee wallet's VRT account (SPL Token's) fails the Token-2022 owner check,
    // as the forged mint failed the SPL Token owner check before.
    let forged = Pubkey::new_unique();
    world.set(
        forged,
        owned_account(&TOKEN_2022_PROGRAM_ID, mint_data(Some(&keys.vault), 0, 9)),
    );
    let mut ix = with_token_program(
        keys.update_balance_ix(&keys.admin),
        5,
        &TOKEN_2022_PROGRAM_ID,
    );
    ix.accounts[3].pubkey = forged;
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// Transfer-fee mints
// ---------------------------------------------------------------------------

/// A Token-2022 mint with a (zero) TransferFeeConfig extension.
fn transfer_fee_mint(authority: &Pubkey) -> Vec<u8> {
    let mut data = mint_data(Some(authority), 1_000_000, 6);
    data.resize(165, 0);
    data.push(1); // account type: mint
    data.extend_from_slice(&1u16.to_le_bytes()); // TransferFeeConfig
    data.extend_from_slice(&108u16.to_le_bytes());
    data.extend_from_slice(&[0; 108]);
    data
}

/// A Token-2022 account with the TransferFeeAmount extension its mint requires.
fn transfer_fee_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Vec<u8> {
    let mut data = token_account_data(mint, owner, amount);
    data.push(2); // account type: account
    data.extend_from_slice(&2u16.to_le_bytes()); // TransferFeeAmount
    data.extend_from_slice(&8u16.to_le_bytes());
    data.extend_from_slice(&[0; 8]);
    data
}

#[test]
fn transfer_fee_mint_is_refused_before_any_transfer() {
    // The vault moves tokens with plain `Transfer`, which Token-2022 refuses
    // for accounts of a transfer-fee mint (`MintRequiredForTransfer`, they need
    // TransferChecked); InvalidAccountData from the vault's extension check
    // comes first, with realistic accounts (TransferFeeAmount on each).
    let keys = t22_keys();
    let mut world = t22_prerequisites(&keys, 0);
    world.set(
        keys.st_mint,
        owned_account(
            &TOKEN_2022_PROGRAM_ID,
            transfer_fee_mint(&Pubkey::new_unique()),
        ),
    );
    world.set(
        keys.admin_st_ata,
        owned_account(
            &TOKEN_2022_PROGRAM_ID,
            transfer_fee_account(&keys.st_mint, &keys.admin, INITIAL_AMOUNT * 10),
        ),
    );
    world.set(
        keys.vault_st_ata,
        owned_account(
            &TOKEN_2022_PROGRAM_ID,
            transfer_fee_account(&keys.st_mint, &keys.vault, 0),
        ),
    );
    expect_err(
        &world,
        &t22_initialize_ix(&keys, 0, 0),
        ProgramError::InvalidAccountData,
    );
}

// ---------------------------------------------------------------------------
// Metadata of a Token-2022 VRT mint (against the Metaplex stand-in)
// ---------------------------------------------------------------------------

#[test]
fn token_2022_vrt_mint_metadata() {
    let (mut world, keys) = t22_world();
    let payer = Pubkey::new_unique();
    world.set(payer, system_account(10_000_000_000));
    let ix = keys.create_metadata_ix(&keys.admin, &payer, b"Restaked", b"rT22", b"https://x");
    let result = world.exec(&ix);
    print_cu("vault", "CreateTokenMetadata (Token-2022)", &result);
    let ix = keys.update_metadata_ix(&keys.admin, b"Restaked 2", b"rT22", b"https://y");
    let result = world.exec(&ix);
    print_cu("vault", "UpdateTokenMetadata (Token-2022)", &result);

    // Another Token-2022 mint than the vault's: the original's SPL Token owner check.
    let other = Pubkey::new_unique();
    world.set(
        other,
        owned_account(&TOKEN_2022_PROGRAM_ID, mint_data(Some(&keys.vault), 0, 9)),
    );
    let mut ix = keys.update_metadata_ix(&keys.admin, b"n", b"s", b"u");
    ix.accounts[2].pubkey = other;
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// Supported-mint extensions (InitializeVault)
// ---------------------------------------------------------------------------

/// A Token-2022 mint with the given extensions (`(type, value)` TLV entries).
fn mint_with_extensions(extensions: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut data = mint_data(Some(&Pubkey::new_unique()), 1_000_000_000_000, 6);
    data.resize(165, 0);
    data.push(1); // account type: mint
    for (kind, value) in extensions {
        data.extend_from_slice(&kind.to_le_bytes());
        data.extend_from_slice(&(value.len() as u16).to_le_bytes());
        data.extend_from_slice(value);
    }
    data
}

/// The Token-2022 vault world with a supported mint carrying `extensions`.
fn extension_world(extensions: &[(u16, Vec<u8>)]) -> (World, VaultSetup) {
    let keys = t22_keys();
    let mut world = t22_prerequisites(&keys, 0);
    world.set(
        keys.st_mint,
        owned_account(&TOKEN_2022_PROGRAM_ID, mint_with_extensions(extensions)),
    );
    (world, keys)
}

/// InitializeVault refuses the mint with `InvalidAccountData`, changing nothing.
#[track_caller]
fn assert_mint_refused(extensions: &[(u16, Vec<u8>)]) {
    let (world, keys) = extension_world(extensions);
    expect_err(
        &world,
        &t22_initialize_ix(&keys, 0, 0),
        ProgramError::InvalidAccountData,
    );
}

/// InitializeVault accepts the mint, and a deposit then credits the vault
/// with exactly the amount sent.
#[track_caller]
fn assert_mint_accepted(extensions: &[(u16, Vec<u8>)]) {
    let (mut world, keys) = extension_world(extensions);
    world.exec(&t22_initialize_ix(&keys, 0, 0));
    assert_eq!(amount_of(&world, &keys.vault_st_ata), INITIAL_AMOUNT);
    world.set(
        ata22(&keys.admin, &keys.vrt_mint),
        t22_token_account(&keys.vrt_mint, &keys.admin, 0),
    );
    let depositor = t22_depositor(&mut world, &keys, 5_000);
    world.exec(&t22_mint_to_ix(&keys, &depositor, 1_000));
    assert_eq!(
        amount_of(&world, &keys.vault_st_ata),
        INITIAL_AMOUNT + 1_000
    );
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.vrt_mint)), 1_000);
}

fn key_bytes() -> Vec<u8> {
    Pubkey::new_unique().to_bytes().to_vec()
}

// Token-2022 `ExtensionType` values.
const EXT_TRANSFER_FEE_CONFIG: u16 = 1;
const EXT_MINT_CLOSE_AUTHORITY: u16 = 3;
const EXT_CONFIDENTIAL_TRANSFER_MINT: u16 = 4;
const EXT_DEFAULT_ACCOUNT_STATE: u16 = 6;
const EXT_MEMO_TRANSFER: u16 = 8;
const EXT_NON_TRANSFERABLE: u16 = 9;
const EXT_INTEREST_BEARING_CONFIG: u16 = 10;
const EXT_PERMANENT_DELEGATE: u16 = 12;
const EXT_TRANSFER_HOOK: u16 = 14;
const EXT_CONFIDENTIAL_TRANSFER_FEE_CONFIG: u16 = 16;
const EXT_METADATA_POINTER: u16 = 18;
const EXT_SCALED_UI_AMOUNT: u16 = 25;
const EXT_PAUSABLE: u16 = 26;

#[test]
fn mint_extension_permanent_delegate_is_refused() {
    // The delegate could move the vault's tokens out: `tokens_deposited` would
    // exceed the balance and every later epoch update would underflow.
    assert_mint_refused(&[(EXT_PERMANENT_DELEGATE, key_bytes())]);
}

#[test]
fn mint_extension_transfer_fee_is_refused() {
    // Fees break the 1:1 accounting of deposits (and Token-2022 refuses a plain
    // `Transfer`); refused before any CPI, with the vault's own error.
    assert_mint_refused(&[(EXT_TRANSFER_FEE_CONFIG, vec![0; 108])]);
    assert_mint_refused(&[
        (EXT_TRANSFER_FEE_CONFIG, vec![0; 108]),
        (EXT_CONFIDENTIAL_TRANSFER_FEE_CONFIG, vec![0; 129]),
    ]);
}

#[test]
fn mint_extension_transfer_hook_is_refused() {
    // An outside program would run on every transfer and could block withdrawals.
    assert_mint_refused(&[(EXT_TRANSFER_HOOK, vec![0; 64])]);
}

#[test]
fn mint_extension_non_transferable_is_refused() {
    // Nothing deposited could ever be withdrawn.
    assert_mint_refused(&[(EXT_NON_TRANSFERABLE, vec![])]);
}

#[test]
fn mint_extension_pausable_is_refused() {
    // The pause authority could stop every deposit and withdrawal.
    assert_mint_refused(&[(EXT_PAUSABLE, vec![0; 33])]);
}

#[test]
fn mint_extension_unknown_or_malformed_is_refused() {
    // An extension type this program does not know (a later Token-2022 one).
    assert_mint_refused(&[(200, vec![0; 8])]);
    // An account-only extension type in a mint.
    assert_mint_refused(&[(EXT_MEMO_TRANSFER, vec![1])]);
    // A refused extension after accepted ones is still found.
    assert_mint_refused(&[
        (EXT_METADATA_POINTER, vec![0; 64]),
        (EXT_MINT_CLOSE_AUTHORITY, key_bytes()),
        (EXT_PERMANENT_DELEGATE, key_bytes()),
    ]);
    // An entry whose length runs past the end of the account.
    let (mut world, keys) = extension_world(&[(EXT_METADATA_POINTER, vec![0; 64])]);
    let mut mint = world.get(&keys.st_mint).clone();
    mint.data.truncate(mint.data.len() - 1);
    world.set(keys.st_mint, mint);
    expect_err(
        &world,
        &t22_initialize_ix(&keys, 0, 0),
        ProgramError::InvalidAccountData,
    );
}

#[test]
fn mint_extension_default_account_state_is_accepted() {
    // Only new accounts start frozen, thawed by the freeze authority, which
    // SPL Token mints have too (the original accepts them); the vault's
    // account exists, initialised, before InitializeVault.
    assert_mint_accepted(&[(EXT_DEFAULT_ACCOUNT_STATE, vec![2])]);
}

#[test]
fn mint_extension_mint_close_authority_is_accepted() {
    // A mint closes only at zero supply, never while the vault holds its tokens.
    assert_mint_accepted(&[(EXT_MINT_CLOSE_AUTHORITY, key_bytes())]);
}

#[test]
fn mint_extension_confidential_transfer_is_accepted() {
    // Confidential balances are separate; the vault's account never configures
    // one, and its public balance moves only by its own transfers.
    assert_mint_accepted(&[(EXT_CONFIDENTIAL_TRANSFER_MINT, vec![0; 65])]);
}

#[test]
fn mint_extension_interest_bearing_is_accepted() {
    // Interest changes only the displayed (UI) amount, not the raw balances the
    // vault counts.
    assert_mint_accepted(&[(EXT_INTEREST_BEARING_CONFIG, vec![0; 52])]);
}

#[test]
fn mint_extension_scaled_ui_amount_is_accepted() {
    // Like interest: a display multiplier; raw amounts are unchanged.
    let mut value = key_bytes();
    value.extend_from_slice(&1.5f64.to_le_bytes());
    value.extend_from_slice(&0i64.to_le_bytes());
    value.extend_from_slice(&1.5f64.to_le_bytes());
    assert_mint_accepted(&[(EXT_SCALED_UI_AMOUNT, value)]);
}

#[test]
fn mint_extension_metadata_pointer_is_accepted() {
    assert_mint_accepted(&[(EXT_METADATA_POINTER, vec![0; 64])]);
}

// ---------------------------------------------------------------------------
// Fee wallets that require memos (BurnWithdrawalTicket)
// ---------------------------------------------------------------------------

/// Token-2022's `NoMemo`.
const T22_NO_MEMO: u32 = 36;

/// A Token-2022 VRT account of `owner` (an ATA: ImmutableOwner) that requires
/// a memo before every incoming transfer (MemoTransfer on).
fn memo_required_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Account {
    let mut data = token_account_data(mint, owner, amount);
    data.push(2); // account type: account
    data.extend_from_slice(&7u16.to_le_bytes()); // ImmutableOwner
    data.extend_from_slice(&0u16.to_le_bytes());
    data.extend_from_slice(&EXT_MEMO_TRANSFER.to_le_bytes());
    data.extend_from_slice(&1u16.to_le_bytes());
    data.push(1); // require_incoming_transfer_memos
    owned_account(&TOKEN_2022_PROGRAM_ID, data)
}

/// A Token-2022 vault with the given fees, both fee wallets' VRT accounts
/// requiring memos, and a depositor with a withdrawable ticket of 400 VRT.
fn memo_world(
    withdrawal_fee_bps: u16,
    program_fee_bps: u16,
) -> (World, VaultSetup, Pubkey, Pubkey) {
    let keys = t22_keys();
    let mut world = t22_prerequisites(&keys, program_fee_bps);
    world.exec(&t22_initialize_ix(&keys, withdrawal_fee_bps, 0));
    for owner in [keys.admin, keys.program_fee_wallet] {
        world.set(
            ata22(&owner, &keys.vrt_mint),
            memo_required_account(&keys.vrt_mint, &owner, 0),
        );
    }
    let depositor = t22_depositor(&mut world, &keys, 5_000);
    world.exec(&t22_mint_to_ix(&keys, &depositor, 1_000));
    let ticket_base = Pubkey::new_unique();
    world.set(ticket_base, system_account(0));
    let ticket = ticket_address(&keys.vault, &ticket_base).0;
    world.set(ticket, system_account(0));
    world.set(
        ata22(&ticket, &keys.vrt_mint),
        t22_token_account(&keys.vrt_mint, &ticket, 0),
    );
    world.exec(&t22_enqueue_ix(&keys, &depositor, &ticket_base, 400));
    for epoch in [2, 3] {
        world.warp(epoch * EPOCH);
        keys.full_update(&mut world, EPOCH);
    }
    (world, keys, depositor, ticket)
}

fn with_memo_program(mut ix: Instruction) -> Instruction {
    ix.accounts
        .push(AccountMeta::new_readonly(MEMO_PROGRAM_ID, false));
    ix
}

#[test]
fn memo_required_fee_wallets_do_not_block_zero_fee_withdrawals() {
    // No fees: nothing is transferred to the fee wallets, whatever their
    // accounts require, and no Memo program is needed.
    let (mut world, keys, depositor, ticket) = memo_world(0, 0);
    let result = world.exec(&t22_burn_ix(&keys, &depositor, &ticket));
    print_cu(
        "vault",
        "BurnWithdrawalTicket (Token-2022, zero fees)",
        &result,
    );
    assert_eq!(amount_of(&world, &ata22(&depositor, &keys.st_mint)), 4_400);
    for owner in [keys.admin, keys.program_fee_wallet] {
        assert_eq!(amount_of(&world, &ata22(&owner, &keys.vrt_mint)), 0);
    }
    assert_eq!(mint_supply(world.get(&keys.vrt_mint)), INITIAL_AMOUNT + 600);
}

#[test]
fn memo_required_fee_wallets_are_paid_with_a_memo() {
    // 1% withdrawal fee (4 VRT) and a 2% program fee (8 VRT), both fee
    // accounts requiring memos.
    let (mut world, keys, depositor, ticket) = memo_world(100, 200);
    // Without the Memo program among the accounts Token-2022 refuses the fee
    // transfer; nothing changes.
    expect_err(
        &world,
        &t22_burn_ix(&keys, &depositor, &ticket),
        ProgramError::Custom(T22_NO_MEMO),
    );
    // With it, a memo precedes each fee transfer and the fees are paid.
    let result = world.exec(&with_memo_program(t22_burn_ix(&keys, &depositor, &ticket)));
    print_cu(
        "vault",
        "BurnWithdrawalTicket (Token-2022, memo fees)",
        &result,
    );
    assert_eq!(amount_of(&world, &ata22(&keys.admin, &keys.vrt_mint)), 4);
    assert_eq!(
        amount_of(&world, &ata22(&keys.program_fee_wallet, &keys.vrt_mint)),
        8
    );
    assert_eq!(
        amount_of(&world, &ata22(&depositor, &keys.st_mint)),
        4_000 + 388
    );
    assert_eq!(
        mint_supply(world.get(&keys.vrt_mint)),
        INITIAL_AMOUNT + 1_000 - 388
    );
}

#[test]
fn memo_program_without_memo_requirement_changes_nothing() {
    // The Memo program passed for accounts that require no memo: no memo CPI,
    // the same result as without it.
    let (mut world, keys, depositor, ticket) = memo_world(100, 200);
    for owner in [keys.admin, keys.program_fee_wallet] {
        world.set(
            ata22(&owner, &keys.vrt_mint),
            t22_token_account(&keys.vrt_mint, &owner, 0),
        );
    }
    let plain = world.run(&t22_burn_ix(&keys, &depositor, &ticket)).0;
    let with_memo = world
        .run(&with_memo_program(t22_burn_ix(&keys, &depositor, &ticket)))
        .0;
    mollusk_tests::assert_success(&plain);
    mollusk_tests::assert_success(&with_memo);
    for (key, account) in &plain.resulting_accounts {
        assert_eq!(with_memo.get_account(key), Some(account));
    }
    // No memo CPI was made.
    assert_eq!(
        mollusk_tests::cpi_compute_units(&plain),
        mollusk_tests::cpi_compute_units(&with_memo)
    );
}
