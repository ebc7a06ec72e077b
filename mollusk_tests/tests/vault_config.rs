//! Vault config instructions: InitializeConfig (0), SetProgramFee (17),
//! SetProgramFeeWallet (18), SetConfigAdmin (32), SetConfigSecondaryAdmin (33).
//!
//! Instructions come from the generated client (through `scenarios::vault_admin`). Success
//! paths compare every byte of the written config with a layout built by hand
//! ([`ConfigState::to_bytes`]) and decode it with the client's `Config`;
//! failures check the exact error and that no account changed.

use mollusk_tests::{scenarios::vault_admin::*, *};

const PROGRAM: &str = "vault";

/// An existing config (admin = fee admin = `admin`) and the accounts around it.
struct Fixture {
    mollusk: Mollusk,
    admin: Pubkey,
    state: ConfigState,
}

impl Fixture {
    fn new() -> Self {
        let admin = Pubkey::new_unique();
        let state =
            ConfigState::initialized(admin, RESTAKING_PROGRAM_ID, Pubkey::new_unique(), 100);
        Self {
            mollusk: mollusk(),
            admin,
            state,
        }
    }

    fn config(&self) -> Pubkey {
        config_pda().0
    }

    /// The config account plus the given signer/reference keys as plain wallets.
    fn accounts(&self, keys: &[Pubkey]) -> Vec<(Pubkey, Account)> {
        let mut v = vec![self.state.keyed()];
        for k in keys {
            v.push((*k, system_account(WALLET_LAMPORTS)));
        }
        v
    }

    fn run(&self, ix: &Instruction, accounts: &[(Pubkey, Account)]) -> InstructionResult {
        mollusk_tests::oracle::process(&self.mollusk, ix, accounts)
    }

    /// Runs `ix` and checks that only the config changed, to `expected`.
    #[track_caller]
    fn expect_config(
        &self,
        name: &str,
        ix: &Instruction,
        accounts: &[(Pubkey, Account)],
        expected: &ConfigState,
    ) {
        let result = self.run(ix, accounts);
        print_cu(PROGRAM, name, &result);
        let config = account(&result, &self.config());
        assert_eq!(config.data, expected.to_bytes(), "config bytes");
        // The generated client's decoder reads the same fields.
        assert_eq!(
            &ConfigState::decode(&config.data),
            expected,
            "decoded config"
        );
        assert_eq!(config.owner, VAULT_PROGRAM_ID);
        assert_eq!(config.lamports, rent_exempt(len::CONFIG));
        for ((k, before), (k2, after)) in accounts.iter().zip(&result.resulting_accounts).skip(1) {
            assert_eq!(k, k2);
            assert_eq!(before, after, "account {k} changed");
        }
    }
}

/// Every failure of the config's `load` for an instruction whose config is
/// account 0 and must be writable when `writable`.
fn config_load_failures(
    world: &Fixture,
    ix: &Instruction,
    accounts: &[(Pubkey, Account)],
    writable: bool,
) {
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        let result = world.run(ix, accounts);
        assert_error(&result, accounts, e);
    };
    // Owner: another program's account with the same bytes.
    let mut a = accounts.to_vec();
    a[0].1.owner = RESTAKING_PROGRAM_ID;
    run(ix, &a, ProgramError::InvalidAccountOwner);
    // Wrong discriminator (a Vault's).
    let mut a = accounts.to_vec();
    a[0].1.data[0] = 2;
    run(ix, &a, ProgramError::InvalidAccountData);
    // Empty data.
    let mut a = accounts.to_vec();
    a[0].1.data.clear();
    run(ix, &a, ProgramError::InvalidAccountData);
    // Wrong length.
    let mut a = accounts.to_vec();
    a[0].1.data.pop();
    run(ix, &a, ProgramError::InvalidAccountData);
    // Not writable.
    if writable {
        run(
            &readonly(ix.clone(), 0),
            accounts,
            ProgramError::InvalidAccountData,
        );
    }
    // Valid config bytes at an address that is not the config PDA.
    let other = Pubkey::new_unique();
    let mut moved = ix.clone();
    moved.accounts[0].pubkey = other;
    let mut a = accounts.to_vec();
    a[0].0 = other;
    run(&moved, &a, ProgramError::InvalidAccountData);
}

// ---------------------------------------------------------------------------
// InitializeConfig
// ---------------------------------------------------------------------------

struct InitCase {
    mollusk: Mollusk,
    admin: Pubkey,
    wallet: Pubkey,
    config: Pubkey,
    accounts: Vec<(Pubkey, Account)>,
}

fn init_case() -> InitCase {
    let admin = Pubkey::new_unique();
    let wallet = Pubkey::new_unique();
    let config = config_pda().0;
    let accounts = vec![
        (config, Account::default()),
        (admin, system_account(WALLET_LAMPORTS)),
        (RESTAKING_PROGRAM_ID, Account::default()),
        (wallet, Account::default()),
        system_program(),
    ];
    InitCase {
        mollusk: mollusk(),
        admin,
        wallet,
        config,
        accounts,
    }
}

impl InitCase {
    fn ix(&self, fee: u16) -> Instruction {
        initialize_config(
            &self.config,
            &self.admin,
            &RESTAKING_PROGRAM_ID,
            &self.wallet,
            fee,
        )
    }
}

#[test]
fn initialize_config_writes_every_byte() {
    for fee in [0u16, 1, 10_000] {
        let c = init_case();
        let result = mollusk_tests::oracle::process(&c.mollusk, &c.ix(fee), &c.accounts);
        print_cu(PROGRAM, "InitializeConfig", &result);
        let config = account(&result, &c.config);
        let expected = ConfigState::initialized(c.admin, RESTAKING_PROGRAM_ID, c.wallet, fee);
        assert_eq!(config.data, expected.to_bytes());
        let decoded = ConfigState::decode(&config.data);
        assert_eq!(decoded, expected);
        assert_eq!(decoded.program_fee_bps, fee);
        assert_eq!(decoded.fee_admin, c.admin);
        assert_eq!(config.owner, VAULT_PROGRAM_ID);
        assert_eq!(config.lamports, rent_exempt(len::CONFIG));
        assert_eq!(
            account(&result, &c.admin).lamports,
            WALLET_LAMPORTS - rent_exempt(len::CONFIG)
        );
        // Restaking program and fee wallet are only recorded.
        assert_eq!(account(&result, &RESTAKING_PROGRAM_ID), &Account::default());
        assert_eq!(account(&result, &c.wallet), &Account::default());
    }
}

#[test]
fn initialize_config_on_a_prefunded_address() {
    // Lamports sent to the address beforehand: transfer the rest, allocate, assign.
    for prefund in [1u64, rent_exempt(len::CONFIG) + 5] {
        let mut c = init_case();
        c.accounts[0].1 = system_account(prefund);
        let result = mollusk_tests::oracle::process(&c.mollusk, &c.ix(7), &c.accounts);
        print_cu(PROGRAM, "InitializeConfig/prefunded", &result);
        let config = account(&result, &c.config);
        let expected = ConfigState::initialized(c.admin, RESTAKING_PROGRAM_ID, c.wallet, 7);
        assert_eq!(config.data, expected.to_bytes());
        assert_eq!(ConfigState::decode(&config.data), expected);
        assert_eq!(config.owner, VAULT_PROGRAM_ID);
        let needed = rent_exempt(len::CONFIG).saturating_sub(prefund);
        assert_eq!(config.lamports, prefund + needed);
        assert_eq!(
            account(&result, &c.admin).lamports,
            WALLET_LAMPORTS - needed
        );
    }
}

#[test]
fn initialize_config_failures() {
    let c = init_case();
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        let result = mollusk_tests::oracle::process(&c.mollusk, ix, accounts);
        assert_error(&result, accounts, e);
    };

    // Admin must sign.
    run(
        &unsigned(c.ix(0), 1),
        &c.accounts,
        ProgramError::MissingRequiredSignature,
    );
    // Admin must be writable (it pays).
    run(
        &readonly(c.ix(0), 1),
        &c.accounts,
        ProgramError::InvalidAccountData,
    );
    // Config must be writable.
    run(
        &readonly(c.ix(0), 0),
        &c.accounts,
        ProgramError::InvalidAccountData,
    );
    // Program fee above 100%.
    run(&c.ix(10_001), &c.accounts, ProgramError::InvalidArgument);
    run(&c.ix(u16::MAX), &c.accounts, ProgramError::InvalidArgument);

    // Second initialisation: the config now belongs to the program.
    let mut existing = c.accounts.clone();
    existing[0].1 =
        ConfigState::initialized(c.admin, RESTAKING_PROGRAM_ID, c.wallet, 0).to_account();
    run(&c.ix(0), &existing, ProgramError::InvalidAccountOwner);
    // A system account that already holds data.
    let mut with_data = c.accounts.clone();
    with_data[0].1 = Account::new(rent_exempt(1), 1, &SYSTEM_PROGRAM_ID);
    run(
        &c.ix(0),
        &with_data,
        ProgramError::AccountAlreadyInitialized,
    );

    // Not the canonical config PDA.
    for other in [Pubkey::new_unique(), non_canonical_pda(&[b"config"]).0] {
        let mut ix = c.ix(0);
        ix.accounts[0].pubkey = other;
        let mut a = c.accounts.clone();
        a[0].0 = other;
        run(&ix, &a, ProgramError::InvalidAccountData);
    }

    // Not the system program.
    let fake = Pubkey::new_unique();
    let mut ix = c.ix(0);
    ix.accounts[4].pubkey = fake;
    let mut a = c.accounts.clone();
    a[4] = (fake, Account::default());
    run(&ix, &a, ProgramError::IncorrectProgramId);

    // Exactly five accounts.
    run(
        &drop_last_account(c.ix(0)),
        &c.accounts[..4],
        ProgramError::NotEnoughAccountKeys,
    );
    let extra = Pubkey::new_unique();
    let mut a = c.accounts.clone();
    a.push((extra, Account::default()));
    run(
        &extra_account(c.ix(0), &extra),
        &a,
        ProgramError::NotEnoughAccountKeys,
    );

    // Exactly one u16 argument; no tag at all.
    run(
        &with_args(c.ix(0), &[1]),
        &c.accounts,
        ProgramError::InvalidInstructionData,
    );
    run(
        &with_args(c.ix(0), &[1, 0, 0]),
        &c.accounts,
        ProgramError::InvalidInstructionData,
    );
    let mut empty = c.ix(0);
    empty.data.clear();
    run(&empty, &c.accounts, ProgramError::InvalidInstructionData);
    // Unknown tag (34 and up are appended instructions: 255 is none).
    let mut unknown = c.ix(0);
    unknown.data[0] = 255;
    run(&unknown, &c.accounts, ProgramError::InvalidInstructionData);
}

// ---------------------------------------------------------------------------
// SetProgramFee
// ---------------------------------------------------------------------------

#[test]
fn set_program_fee_success() {
    let w = Fixture::new();
    for fee in [0u16, 2_500, 10_000] {
        let ix = set_program_fee(&w.config(), &w.admin, fee);
        let mut expected = w.state.clone();
        expected.program_fee_bps = fee;
        w.expect_config("SetProgramFee", &ix, &w.accounts(&[w.admin]), &expected);
    }
}

#[test]
fn set_program_fee_failures() {
    let w = Fixture::new();
    let accounts = w.accounts(&[w.admin]);
    let ix = set_program_fee(&w.config(), &w.admin, 5);
    config_load_failures(&w, &ix, &accounts, true);
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        assert_error(&w.run(ix, accounts), accounts, e)
    };
    run(
        &unsigned(ix.clone(), 1),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // Above 100%: InvalidInstructionData, as the original's setter.
    run(
        &set_program_fee(&w.config(), &w.admin, 10_001),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    // Not the config admin (the fee admin is not enough).
    let mut state = w.state.clone();
    let fee_admin = Pubkey::new_unique();
    state.fee_admin = fee_admin;
    let a = vec![state.keyed(), (fee_admin, system_account(WALLET_LAMPORTS))];
    run(
        &set_program_fee(&w.config(), &fee_admin, 5),
        &a,
        ProgramError::Custom(err::CONFIG_ADMIN_INVALID),
    );
    run(
        &drop_last_account(ix.clone()),
        &accounts[..1],
        ProgramError::NotEnoughAccountKeys,
    );
    run(
        &with_args(ix.clone(), &[5]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    run(
        &with_args(ix, &[5, 0, 0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
}

// ---------------------------------------------------------------------------
// SetProgramFeeWallet
// ---------------------------------------------------------------------------

#[test]
fn set_program_fee_wallet_success() {
    // Done by the fee admin, who may differ from the admin.
    let fee_admin = Pubkey::new_unique();
    let mut world = Fixture::new();
    world.state.fee_admin = fee_admin;
    let new_wallet = Pubkey::new_unique();
    let ix = set_program_fee_wallet(&world.config(), &fee_admin, &new_wallet);
    let mut expected = world.state.clone();
    expected.program_fee_wallet = new_wallet;
    world.expect_config(
        "SetProgramFeeWallet",
        &ix,
        &world.accounts(&[fee_admin, new_wallet]),
        &expected,
    );
}

#[test]
fn set_program_fee_wallet_failures() {
    let w = Fixture::new();
    let new_wallet = Pubkey::new_unique();
    let accounts = w.accounts(&[w.admin, new_wallet]);
    let ix = set_program_fee_wallet(&w.config(), &w.admin, &new_wallet);
    config_load_failures(&w, &ix, &accounts, true);
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        assert_error(&w.run(ix, accounts), accounts, e)
    };
    run(
        &unsigned(ix.clone(), 1),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // The admin is not the fee admin once the role moved.
    let mut state = w.state.clone();
    state.fee_admin = Pubkey::new_unique();
    let mut a = accounts.clone();
    a[0] = state.keyed();
    run(&ix, &a, ProgramError::Custom(err::CONFIG_FEE_ADMIN_INVALID));
    run(
        &drop_last_account(ix.clone()),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
    run(
        &with_args(ix, &[0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
}

// ---------------------------------------------------------------------------
// SetConfigAdmin
// ---------------------------------------------------------------------------

#[test]
fn set_config_admin_moves_admin_and_fee_admin() {
    let mut w = Fixture::new();
    // Even a fee admin that differs from the admin follows the new admin.
    w.state.fee_admin = Pubkey::new_unique();
    let new_admin = Pubkey::new_unique();
    let ix = set_config_admin(&w.config(), &w.admin, &new_admin);
    let mut expected = w.state.clone();
    expected.admin = new_admin;
    expected.fee_admin = new_admin;
    w.expect_config(
        "SetConfigAdmin",
        &ix,
        &w.accounts(&[w.admin, new_admin]),
        &expected,
    );
}

#[test]
fn set_config_admin_failures() {
    let w = Fixture::new();
    let new_admin = Pubkey::new_unique();
    let accounts = w.accounts(&[w.admin, new_admin]);
    let ix = set_config_admin(&w.config(), &w.admin, &new_admin);
    config_load_failures(&w, &ix, &accounts, true);
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        assert_error(&w.run(ix, accounts), accounts, e)
    };
    run(
        &unsigned(ix.clone(), 1),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    let impostor = Pubkey::new_unique();
    let a = w.accounts(&[impostor, new_admin]);
    run(
        &set_config_admin(&w.config(), &impostor, &new_admin),
        &a,
        ProgramError::Custom(err::CONFIG_ADMIN_INVALID),
    );
    run(
        &drop_last_account(ix.clone()),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
    run(
        &with_args(ix, &[0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
}

// ---------------------------------------------------------------------------
// SetConfigSecondaryAdmin
// ---------------------------------------------------------------------------

#[test]
fn set_config_secondary_admin_fee_admin() {
    let w = Fixture::new();
    let new_admin = Pubkey::new_unique();
    let ix = set_config_secondary_admin(&w.config(), &w.admin, &new_admin, 0);
    let mut expected = w.state.clone();
    expected.fee_admin = new_admin;
    w.expect_config(
        "SetConfigSecondaryAdmin",
        &ix,
        &w.accounts(&[w.admin, new_admin]),
        &expected,
    );
}

#[test]
fn set_config_secondary_admin_failures() {
    let w = Fixture::new();
    let new_admin = Pubkey::new_unique();
    let accounts = w.accounts(&[w.admin, new_admin]);
    let ix = set_config_secondary_admin(&w.config(), &w.admin, &new_admin, 0);
    // The original requires the config writable here too.
    config_load_failures(&w, &ix, &accounts, true);
    let run = |ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError| {
        assert_error(&w.run(ix, accounts), accounts, e)
    };
    run(
        &unsigned(ix.clone(), 1),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // Only the admin, not the fee admin.
    let mut state = w.state.clone();
    let fee_admin = Pubkey::new_unique();
    state.fee_admin = fee_admin;
    let a = vec![
        state.keyed(),
        (fee_admin, system_account(WALLET_LAMPORTS)),
        (new_admin, system_account(WALLET_LAMPORTS)),
    ];
    run(
        &set_config_secondary_admin(&w.config(), &fee_admin, &new_admin, 0),
        &a,
        ProgramError::Custom(err::CONFIG_ADMIN_INVALID),
    );
    // Unknown role, missing role, trailing byte.
    run(
        &with_args(ix.clone(), &[1]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    run(
        &with_args(ix.clone(), &[]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    run(
        &with_args(ix.clone(), &[0, 0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    run(
        &drop_last_account(ix),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
}

// ---------------------------------------------------------------------------
// The generated client's instruction tags
// ---------------------------------------------------------------------------

/// The client's discriminators are the original's master numbering (the interface's tag table).
#[test]
fn client_tags_are_the_original_numbering() {
    use jito_vault_client::instructions as ci;
    let pairs = [
        (ci::INITIALIZE_CONFIG_DISCRIMINATOR, tag::INITIALIZE_CONFIG),
        (ci::INITIALIZE_VAULT_DISCRIMINATOR, tag::INITIALIZE_VAULT),
        (
            ci::INITIALIZE_VAULT_WITH_MINT_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_WITH_MINT,
        ),
        (
            ci::INITIALIZE_VAULT_OPERATOR_DELEGATION_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_OPERATOR_DELEGATION,
        ),
        (
            ci::INITIALIZE_VAULT_NCN_TICKET_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_NCN_TICKET,
        ),
        (
            ci::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
        ),
        (
            ci::INITIALIZE_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_NCN_SLASHER_TICKET,
        ),
        (
            ci::WARMUP_VAULT_NCN_TICKET_DISCRIMINATOR,
            tag::WARMUP_VAULT_NCN_TICKET,
        ),
        (
            ci::COOLDOWN_VAULT_NCN_TICKET_DISCRIMINATOR,
            tag::COOLDOWN_VAULT_NCN_TICKET,
        ),
        (
            ci::WARMUP_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
            tag::WARMUP_VAULT_NCN_SLASHER_TICKET,
        ),
        (
            ci::COOLDOWN_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
            tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
        ),
        (ci::MINT_TO_DISCRIMINATOR, tag::MINT_TO),
        (
            ci::ENQUEUE_WITHDRAWAL_DISCRIMINATOR,
            tag::ENQUEUE_WITHDRAWAL,
        ),
        (
            ci::CHANGE_WITHDRAWAL_TICKET_OWNER_DISCRIMINATOR,
            tag::CHANGE_WITHDRAWAL_TICKET_OWNER,
        ),
        (
            ci::BURN_WITHDRAWAL_TICKET_DISCRIMINATOR,
            tag::BURN_WITHDRAWAL_TICKET,
        ),
        (
            ci::SET_DEPOSIT_CAPACITY_DISCRIMINATOR,
            tag::SET_DEPOSIT_CAPACITY,
        ),
        (ci::SET_FEES_DISCRIMINATOR, tag::SET_FEES),
        (ci::SET_PROGRAM_FEE_DISCRIMINATOR, tag::SET_PROGRAM_FEE),
        (
            ci::SET_PROGRAM_FEE_WALLET_DISCRIMINATOR,
            tag::SET_PROGRAM_FEE_WALLET,
        ),
        (ci::SET_IS_PAUSED_DISCRIMINATOR, tag::SET_IS_PAUSED),
        (
            ci::DELEGATE_TOKEN_ACCOUNT_DISCRIMINATOR,
            tag::DELEGATE_TOKEN_ACCOUNT,
        ),
        (
            ci::REVOKE_DELEGATE_TOKEN_ACCOUNT_DISCRIMINATOR,
            tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
        ),
        (ci::SET_ADMIN_DISCRIMINATOR, tag::SET_ADMIN),
        (
            ci::SET_SECONDARY_ADMIN_DISCRIMINATOR,
            tag::SET_SECONDARY_ADMIN,
        ),
        (ci::ADD_DELEGATION_DISCRIMINATOR, tag::ADD_DELEGATION),
        (
            ci::COOLDOWN_DELEGATION_DISCRIMINATOR,
            tag::COOLDOWN_DELEGATION,
        ),
        (
            ci::UPDATE_VAULT_BALANCE_DISCRIMINATOR,
            tag::UPDATE_VAULT_BALANCE,
        ),
        (
            ci::INITIALIZE_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
            tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
        ),
        (
            ci::CRANK_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
            tag::CRANK_VAULT_UPDATE_STATE_TRACKER,
        ),
        (
            ci::CLOSE_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
            tag::CLOSE_VAULT_UPDATE_STATE_TRACKER,
        ),
        (
            ci::CREATE_TOKEN_METADATA_DISCRIMINATOR,
            tag::CREATE_TOKEN_METADATA,
        ),
        (
            ci::UPDATE_TOKEN_METADATA_DISCRIMINATOR,
            tag::UPDATE_TOKEN_METADATA,
        ),
        (ci::SET_CONFIG_ADMIN_DISCRIMINATOR, tag::SET_CONFIG_ADMIN),
        (
            ci::SET_CONFIG_SECONDARY_ADMIN_DISCRIMINATOR,
            tag::SET_CONFIG_SECONDARY_ADMIN,
        ),
    ];
    assert_eq!(pairs.len(), 34);
    for (i, (client_tag, original_tag)) in pairs.into_iter().enumerate() {
        assert_eq!(client_tag, original_tag);
        // Listed in tag order: every tag 0..=33 exactly once.
        assert_eq!(client_tag as usize, i);
    }
}
