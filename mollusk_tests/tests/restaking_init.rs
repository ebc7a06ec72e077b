//! Restaking: the account-creating instructions (tags 0–6) and `SetConfigAdmin` (24).
//!
//! Instructions come from the generated client (`scenarios::restaking_init` wraps its
//! builders). Success paths compare every byte of every written account with
//! bytes laid out by hand (`scenarios::restaking_init`) and decode the accounts through
//! the client's account types; failure paths check the original's error for
//! each check it makes, in its order, and that nothing changed.

use jito_restaking_client::accounts::{
    Config, Ncn, NcnOperatorState, NcnVaultSlasherTicket, NcnVaultTicket, Operator,
    OperatorVaultTicket,
};
use mollusk_tests::{
    assert_custom_error, assert_error, mollusk, owned_account, print_cu, rent_exempt,
    scenarios::restaking_init::*, system_account, Account, AccountMeta, Instruction,
    InstructionResult, Mollusk, ProgramError, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

const SLOT: u64 = 1_234_567;

/// An instruction with its accounts, ready to run or to break.
struct Case {
    mollusk: Mollusk,
    ix: Instruction,
    state: Vec<(Pubkey, Account)>,
}

impl Case {
    fn new(ix: Instruction, state: Vec<(Pubkey, Account)>) -> Self {
        let mut mollusk = mollusk();
        mollusk.warp_to_slot(SLOT);
        Self { mollusk, ix, state }
    }

    fn accounts(&self) -> Vec<(Pubkey, Account)> {
        accounts_for(&self.ix, &self.state)
    }

    fn run(&self) -> InstructionResult {
        mollusk_tests::oracle::process(&self.mollusk, &self.ix, &self.accounts())
    }

    /// Replaces (or adds) the account at `key`.
    fn set(&mut self, key: Pubkey, account: Account) -> &mut Self {
        match self.state.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = account,
            None => self.state.push((key, account)),
        }
        self
    }

    fn get(&self, key: &Pubkey) -> Account {
        self.state.iter().find(|(k, _)| k == key).unwrap().1.clone()
    }

    /// Drops the signer flag of account `index`.
    fn unsign(&mut self, index: usize) -> &mut Self {
        self.ix.accounts[index].is_signer = false;
        self
    }

    /// Drops the writable flag of account `index`.
    fn readonly(&mut self, index: usize) -> &mut Self {
        self.ix.accounts[index].is_writable = false;
        self
    }

    /// Passes `key` as account `index` (the account must be in the state).
    fn replace_key(&mut self, index: usize, key: Pubkey) -> &mut Self {
        self.ix.accounts[index].pubkey = key;
        self
    }

    #[track_caller]
    fn fails_with(&self, expected: ProgramError) {
        let accounts = self.accounts();
        let result = mollusk_tests::oracle::process(&self.mollusk, &self.ix, &accounts);
        assert_error(&result, &accounts, expected);
    }

    #[track_caller]
    fn fails_with_custom(&self, code: u32) {
        let accounts = self.accounts();
        let result = mollusk_tests::oracle::process(&self.mollusk, &self.ix, &accounts);
        assert_custom_error(&result, &accounts, code);
    }

    /// Too few accounts, one extra account, and bytes after the arguments.
    #[track_caller]
    fn rejects_wrong_shapes(&self) {
        let mut short = Case::new(self.ix.clone(), self.state.clone());
        short.ix.accounts.pop();
        short.fails_with(ProgramError::NotEnoughAccountKeys);

        let mut long = Case::new(self.ix.clone(), self.state.clone());
        let extra = Pubkey::new_unique();
        long.ix
            .accounts
            .push(AccountMeta::new_readonly(extra, false));
        long.set(extra, system_account(1));
        long.fails_with(ProgramError::NotEnoughAccountKeys);

        let mut data = Case::new(self.ix.clone(), self.state.clone());
        data.ix.data.push(0);
        data.fails_with(ProgramError::InvalidInstructionData);
    }
}

fn lamports(result: &InstructionResult, key: &Pubkey) -> u64 {
    result.get_account(key).unwrap().lamports
}

/// Data of `key` after the instruction.
fn data<'a>(result: &'a InstructionResult, key: &Pubkey) -> &'a [u8] {
    &result.get_account(key).unwrap().data
}

// ---------------------------------------------------------------------------
// InitializeConfig (0)
// ---------------------------------------------------------------------------

fn initialize_config_case() -> (Case, Pubkey, Pubkey) {
    let (config, _) = config_pda();
    let admin = Pubkey::new_unique();
    let ix = initialize_config_ix(&config, &admin, &VAULT_PROGRAM_ID);
    let state = vec![
        (config, empty()),
        (admin, wallet()),
        (VAULT_PROGRAM_ID, system_account(0)),
    ];
    (Case::new(ix, state), config, admin)
}

#[test]
fn initialize_config_writes_every_byte() {
    let (case, config, admin) = initialize_config_case();
    let result = case.run();
    print_cu("restaking", "InitializeConfig", &result);

    let expected = ConfigFields::new(admin);
    assert_created(result.get_account(&config).unwrap(), &expected.bytes());
    let decoded = decode::config(data(&result, &config));
    assert_eq!(decoded, expected.client());
    assert_eq!(
        (decoded.admin, decoded.vault_program, decoded.epoch_length),
        (admin, VAULT_PROGRAM_ID, DEFAULT_EPOCH_LENGTH)
    );
    assert_eq!(
        lamports(&result, &admin),
        WALLET_LAMPORTS - rent_exempt(len::CONFIG)
    );
    assert_unchanged_except(&result, &case.accounts(), &[config, admin]);
}

#[test]
fn initialize_config_stores_any_vault_program() {
    let (mut case, config, admin) = initialize_config_case();
    let other_vault_program = Pubkey::new_unique();
    case.replace_key(2, other_vault_program)
        .set(other_vault_program, system_account(0));
    let result = case.run();
    let mut expected = ConfigFields::new(admin);
    expected.vault_program = other_vault_program;
    assert_created(result.get_account(&config).unwrap(), &expected.bytes());
    assert_eq!(
        decode::config(data(&result, &config)).vault_program,
        other_vault_program
    );
}

#[test]
fn initialize_config_on_a_prefunded_address() {
    // Lamports sent to the address beforehand: topped up, allocated and assigned.
    let (mut case, config, admin) = initialize_config_case();
    case.set(config, system_account(1_000));
    let result = case.run();
    let account = result.get_account(&config).unwrap();
    assert_eq!(account.owner, RESTAKING_PROGRAM_ID);
    assert_eq!(account.lamports, rent_exempt(len::CONFIG));
    assert_eq!(account.data, ConfigFields::new(admin).bytes());
    assert_eq!(
        lamports(&result, &admin),
        WALLET_LAMPORTS - (rent_exempt(len::CONFIG) - 1_000)
    );

    // More than rent exemption already there: nothing is transferred.
    let (mut rich, config, admin) = initialize_config_case();
    let plenty = rent_exempt(len::CONFIG) + 5;
    rich.set(config, system_account(plenty));
    let result = rich.run();
    assert_eq!(lamports(&result, &config), plenty);
    assert_eq!(lamports(&result, &admin), WALLET_LAMPORTS);
    assert_eq!(
        result.get_account(&config).unwrap().data,
        ConfigFields::new(admin).bytes()
    );
}

#[test]
fn initialize_config_failures() {
    let (case, config, admin) = initialize_config_case();
    case.rejects_wrong_shapes();

    // A second initialisation: the config is owned by the program now.
    let mut c = initialize_config_case().0;
    c.set(config, ConfigFields::new(admin).account());
    c.fails_with(ProgramError::InvalidAccountOwner);

    // System-owned but holding data.
    let mut c = initialize_config_case().0;
    c.set(config, Account::new(1, 8, &SYSTEM_PROGRAM_ID));
    c.fails_with(ProgramError::AccountAlreadyInitialized);

    let mut c = initialize_config_case().0;
    c.readonly(0);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = initialize_config_case().0;
    c.unsign(1);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let mut c = initialize_config_case().0;
    c.readonly(1);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = initialize_config_case().0;
    let fake_system = Pubkey::new_unique();
    c.replace_key(3, fake_system)
        .set(fake_system, system_account(1));
    c.fails_with(ProgramError::IncorrectProgramId);

    // Not the config PDA.
    let mut c = initialize_config_case().0;
    let elsewhere = Pubkey::new_unique();
    c.replace_key(0, elsewhere).set(elsewhere, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    // The check order: a wrong config owner is reported before a missing signature.
    let mut c = initialize_config_case().0;
    c.set(config, ConfigFields::new(admin).account()).unsign(1);
    c.fails_with(ProgramError::InvalidAccountOwner);
}

// ---------------------------------------------------------------------------
// InitializeNcn (1)
// ---------------------------------------------------------------------------

struct NcnCase {
    case: Case,
    config: Pubkey,
    config_fields: ConfigFields,
    ncn: Pubkey,
    admin: Pubkey,
    base: Pubkey,
}

fn initialize_ncn_case() -> NcnCase {
    let (config, _) = config_pda();
    let admin = Pubkey::new_unique();
    let base = Pubkey::new_unique();
    let (ncn, _) = ncn_pda(&base);
    let mut config_fields = ConfigFields::new(Pubkey::new_unique());
    config_fields.ncn_count = 41;
    config_fields.operator_count = 7;
    let ix = initialize_ncn_ix(&config, &ncn, &admin, &base);
    let state = vec![
        (config, config_fields.account()),
        (ncn, empty()),
        (admin, wallet()),
        (base, system_account(0)),
    ];
    NcnCase {
        case: Case::new(ix, state),
        config,
        config_fields,
        ncn,
        admin,
        base,
    }
}

#[test]
fn initialize_ncn_writes_every_byte() {
    let t = initialize_ncn_case();
    let result = t.case.run();
    print_cu("restaking", "InitializeNcn", &result);

    let expected = NcnFields::new(t.base, t.admin, 41);
    assert_created(result.get_account(&t.ncn).unwrap(), &expected.bytes());
    let ncn = decode::ncn(data(&result, &t.ncn));
    assert_eq!(ncn, expected.client());
    assert_eq!((ncn.base, ncn.admin, ncn.index), (t.base, t.admin, 41));
    let mut config = t.config_fields.clone();
    config.ncn_count = 42;
    assert_eq!(result.get_account(&t.config).unwrap(), &config.account());
    assert_eq!(decode::config(data(&result, &t.config)).ncn_count, 42);
    assert_eq!(
        lamports(&result, &t.admin),
        WALLET_LAMPORTS - rent_exempt(len::NCN)
    );
    assert_unchanged_except(&result, &t.case.accounts(), &[t.config, t.ncn, t.admin]);
}

#[test]
fn initialize_ncn_failures() {
    let t = initialize_ncn_case();
    t.case.rejects_wrong_shapes();
    let config = t.config;
    let fresh = || initialize_ncn_case().case;

    // Config: owner, writable, discriminator, length, PDA.
    let mut c = fresh();
    let mut wrong_owner = c.get(&config);
    wrong_owner.owner = Pubkey::new_unique();
    c.set(config, wrong_owner);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let mut c = fresh();
    c.readonly(0);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let mut bad = c.get(&config);
    bad.data[0] = 2;
    c.set(config, bad);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let mut empty_data = c.get(&config);
    empty_data.data.clear();
    c.set(config, empty_data);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let not_config = Pubkey::new_unique();
    let copy = c.get(&config);
    c.replace_key(0, not_config).set(not_config, copy);
    c.fails_with(ProgramError::InvalidAccountData);

    // Config with a wrong stored bump.
    let mut c = fresh();
    let mut fields = t.config_fields.clone();
    fields.bump = fields.bump.wrapping_sub(1);
    c.set(config, fields.account());
    c.fails_with(ProgramError::InvalidAccountData);

    // NCN: already initialised, not writable, not at the PDA.
    let mut c = fresh();
    let (ncn_key, base) = (c.ix.accounts[1].pubkey, c.ix.accounts[3].pubkey);
    c.set(ncn_key, NcnFields::new(base, t.admin, 0).account());
    c.fails_with(ProgramError::InvalidAccountOwner);

    let mut c = fresh();
    c.readonly(1);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let other = ncn_pda(&Pubkey::new_unique()).0;
    c.replace_key(1, other).set(other, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    // Signers.
    let mut c = fresh();
    c.unsign(2);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let mut c = fresh();
    c.readonly(2);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    c.unsign(3);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let mut c = fresh();
    let fake_system = Pubkey::new_unique();
    c.replace_key(4, fake_system)
        .set(fake_system, system_account(1));
    c.fails_with(ProgramError::IncorrectProgramId);

    // Counter overflow.
    let mut c = fresh();
    let mut full = t.config_fields.clone();
    full.ncn_count = u64::MAX;
    c.set(config, full.account());
    c.fails_with_custom(err::NCN_OVERFLOW);
}

// ---------------------------------------------------------------------------
// InitializeOperator (2)
// ---------------------------------------------------------------------------

struct OperatorCase {
    case: Case,
    config: Pubkey,
    config_fields: ConfigFields,
    operator: Pubkey,
    admin: Pubkey,
    base: Pubkey,
}

fn initialize_operator_case(fee_bps: u16) -> OperatorCase {
    let (config, _) = config_pda();
    let admin = Pubkey::new_unique();
    let base = Pubkey::new_unique();
    let (operator, _) = operator_pda(&base);
    let mut config_fields = ConfigFields::new(Pubkey::new_unique());
    config_fields.ncn_count = 3;
    config_fields.operator_count = 17;
    let ix = initialize_operator_ix(&config, &operator, &admin, &base, fee_bps);
    let state = vec![
        (config, config_fields.account()),
        (operator, empty()),
        (admin, wallet()),
        (base, system_account(0)),
    ];
    OperatorCase {
        case: Case::new(ix, state),
        config,
        config_fields,
        operator,
        admin,
        base,
    }
}

#[test]
fn initialize_operator_writes_every_byte() {
    for fee in [0x1234u16, 10_000] {
        let t = initialize_operator_case(fee);
        let result = t.case.run();
        print_cu("restaking", "InitializeOperator", &result);

        let expected = OperatorFields::new(t.base, t.admin, 17, fee);
        assert_created(result.get_account(&t.operator).unwrap(), &expected.bytes());
        let operator = decode::operator(data(&result, &t.operator));
        assert_eq!(operator, expected.client());
        assert_eq!(
            (operator.base, operator.voter, operator.operator_fee_bps),
            (t.base, t.admin, fee)
        );
        let mut config = t.config_fields.clone();
        config.operator_count = 18;
        assert_eq!(result.get_account(&t.config).unwrap(), &config.account());
        assert_eq!(decode::config(data(&result, &t.config)).operator_count, 18);
        assert_eq!(
            lamports(&result, &t.admin),
            WALLET_LAMPORTS - rent_exempt(len::OPERATOR)
        );
        assert_unchanged_except(
            &result,
            &t.case.accounts(),
            &[t.config, t.operator, t.admin],
        );
    }
}

#[test]
fn initialize_operator_failures() {
    let t = initialize_operator_case(100);
    t.case.rejects_wrong_shapes();
    let fresh = || initialize_operator_case(100).case;

    // Argument: exactly two bytes.
    let mut c = fresh();
    c.ix.data.truncate(2);
    c.fails_with(ProgramError::InvalidInstructionData);

    // Fee cap.
    initialize_operator_case(10_001)
        .case
        .fails_with_custom(err::OPERATOR_FEE_CAP_EXCEEDED);
    initialize_operator_case(u16::MAX)
        .case
        .fails_with_custom(err::OPERATOR_FEE_CAP_EXCEEDED);

    // The PDA is checked before the fee.
    let mut c = initialize_operator_case(10_001).case;
    let other = operator_pda(&Pubkey::new_unique()).0;
    c.replace_key(1, other).set(other, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let mut wrong_owner = c.get(&t.config);
    wrong_owner.owner = SYSTEM_PROGRAM_ID;
    c.set(t.config, wrong_owner);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let mut c = fresh();
    c.readonly(0);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let (operator_key, base) = (c.ix.accounts[1].pubkey, c.ix.accounts[3].pubkey);
    c.set(
        operator_key,
        OperatorFields::new(base, t.admin, 0, 0).account(),
    );
    c.fails_with(ProgramError::InvalidAccountOwner);

    let mut c = fresh();
    c.readonly(1);
    c.fails_with(ProgramError::InvalidAccountData);

    // An NCN PDA of the same base is not an operator PDA.
    let mut c = fresh();
    let ncn_of_base = ncn_pda(&c.ix.accounts[3].pubkey).0;
    c.replace_key(1, ncn_of_base).set(ncn_of_base, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    c.unsign(2);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let mut c = fresh();
    c.unsign(3);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let mut c = fresh();
    let fake_system = Pubkey::new_unique();
    c.replace_key(4, fake_system)
        .set(fake_system, system_account(1));
    c.fails_with(ProgramError::IncorrectProgramId);

    let mut c = fresh();
    let mut full = t.config_fields.clone();
    full.operator_count = u64::MAX;
    c.set(t.config, full.account());
    c.fails_with_custom(err::OPERATOR_OVERFLOW);
}

// ---------------------------------------------------------------------------
// Shared world for the ticket instructions
// ---------------------------------------------------------------------------

struct Fixture {
    config: Pubkey,
    config_fields: ConfigFields,
    ncn: Pubkey,
    ncn_fields: NcnFields,
    operator: Pubkey,
    operator_fields: OperatorFields,
    vault: Pubkey,
    vault_base: Pubkey,
    /// Holds every secondary admin role of the NCN and the operator, and not
    /// their primary admin role, so the tests show which role is checked.
    role_admin: Pubkey,
    payer: Pubkey,
}

impl Fixture {
    fn new() -> Self {
        let (config, _) = config_pda();
        let mut config_fields = ConfigFields::new(Pubkey::new_unique());
        config_fields.ncn_count = 5;
        config_fields.operator_count = 6;

        let role_admin = Pubkey::new_unique();
        let ncn_base = Pubkey::new_unique();
        let mut ncn_fields = NcnFields::new(ncn_base, Pubkey::new_unique(), 4);
        ncn_fields.operator_admin = role_admin;
        ncn_fields.vault_admin = role_admin;
        ncn_fields.slasher_admin = role_admin;
        ncn_fields.operator_count = 11;
        ncn_fields.vault_count = 12;
        ncn_fields.slasher_count = 13;

        let operator_base = Pubkey::new_unique();
        let mut operator_fields = OperatorFields::new(operator_base, Pubkey::new_unique(), 5, 700);
        operator_fields.ncn_admin = role_admin;
        operator_fields.vault_admin = role_admin;
        operator_fields.ncn_count = 21;
        operator_fields.vault_count = 22;

        let vault_base = Pubkey::new_unique();
        Self {
            config,
            config_fields,
            ncn: ncn_fields.address(),
            ncn_fields,
            operator: operator_fields.address(),
            operator_fields,
            vault: vault_pda(&vault_base).0,
            vault_base,
            role_admin,
            payer: Pubkey::new_unique(),
        }
    }

    fn state(&self) -> Vec<(Pubkey, Account)> {
        vec![
            (self.config, self.config_fields.account()),
            (self.ncn, self.ncn_fields.account()),
            (self.operator, self.operator_fields.account()),
            vault_account(&self.vault_base),
            (self.role_admin, system_account(0)),
            (self.payer, wallet()),
        ]
    }
}

/// The vault checks the ticket instructions share: `vault_index` is the
/// position of the vault account, `fresh` builds the passing case.
/// `other_error`: the error for another vault (the new account's address check).
fn vault_failures(
    fresh: &dyn Fn() -> (Case, Fixture),
    vault_index: usize,
    other_error: ProgramError,
) {
    // Owned by another program than the config's vault program.
    let (mut c, w) = fresh();
    let mut acc = c.get(&w.vault);
    acc.owner = Pubkey::new_unique();
    c.set(w.vault, acc);
    c.fails_with(ProgramError::InvalidAccountOwner);

    // The config names another vault program.
    let (mut c, w) = fresh();
    let mut fields = w.config_fields.clone();
    fields.vault_program = Pubkey::new_unique();
    c.set(w.config, fields.account());
    c.fails_with(ProgramError::InvalidAccountOwner);

    // Empty, short, wrong discriminator.
    let (mut c, w) = fresh();
    c.set(w.vault, owned_account(&VAULT_PROGRAM_ID, vec![]));
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let mut acc = c.get(&w.vault);
    acc.data.pop();
    c.set(w.vault, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let mut acc = c.get(&w.vault);
    acc.data[0] = 3;
    c.set(w.vault, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    // Another vault (another stored base, at its canonical PDA): not the one
    // the new account's PDA names. (A vault forged at a non-PDA address, or
    // with a stored base or bump that does not derive its address, cannot
    // exist on chain; see `jito_core::account`.)
    for flip in [1u8, 2] {
        let (mut c, w) = fresh();
        let mut acc = c.get(&w.vault);
        acc.data[8] ^= flip;
        let (other, bump) = vault_pda(&Pubkey::new_from_array(acc.data[8..40].try_into().unwrap()));
        acc.data[850] = bump;
        c.replace_key(vault_index, other).set(other, acc);
        c.fails_with(other_error.clone());
    }
}

/// NCN checks of the ticket instructions that take the NCN writable at `index`.
fn ncn_failures(fresh: &dyn Fn() -> (Case, Fixture), index: usize) {
    let (mut c, w) = fresh();
    let mut acc = c.get(&w.ncn);
    acc.owner = VAULT_PROGRAM_ID;
    c.set(w.ncn, acc);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let (mut c, _) = fresh();
    c.readonly(index);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let mut acc = c.get(&w.ncn);
    acc.data[0] = 3;
    c.set(w.ncn, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    // Another NCN (another base, at its canonical PDA): not the one the new
    // account's PDA names. (A stored base that does not derive the NCN's
    // address cannot exist on chain; see `jito_core::account`.)
    let (mut c, w) = fresh();
    let mut fields = w.ncn_fields.clone();
    fields.base = Pubkey::new_unique();
    let (other, bump) = ncn_pda(&fields.base);
    fields.bump = bump;
    c.replace_key(index, other).set(other, fields.account());
    c.fails_with(ProgramError::InvalidAccountData);
}

/// Operator checks of the instructions that take the operator writable at `index`.
/// `other_error`: the error for another operator (the new account's address check).
fn operator_failures(fresh: &dyn Fn() -> (Case, Fixture), index: usize, other_error: ProgramError) {
    let (mut c, w) = fresh();
    let mut acc = c.get(&w.operator);
    acc.owner = SYSTEM_PROGRAM_ID;
    c.set(w.operator, acc);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let (mut c, _) = fresh();
    c.readonly(index);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let mut acc = c.get(&w.operator);
    acc.data[0] = 2;
    c.set(w.operator, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    // Another operator (another base, at its canonical PDA): not the one the
    // new account's PDA names. (A stored bump that does not derive the
    // operator's address cannot exist on chain; see `jito_core::account`.)
    let (mut c, w) = fresh();
    let mut fields = w.operator_fields.clone();
    fields.base = Pubkey::new_unique();
    let (other, bump) = operator_pda(&fields.base);
    fields.bump = bump;
    c.replace_key(index, other).set(other, fields.account());
    c.fails_with(other_error);
}

/// Config checks of the ticket instructions (config read-only at index 0).
fn config_failures(fresh: &dyn Fn() -> (Case, Fixture)) {
    let (mut c, w) = fresh();
    let mut acc = c.get(&w.config);
    acc.owner = Pubkey::new_unique();
    c.set(w.config, acc);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let (mut c, w) = fresh();
    let mut acc = c.get(&w.config);
    acc.data[0] = 6;
    c.set(w.config, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let elsewhere = Pubkey::new_unique();
    let copy = c.get(&w.config);
    c.replace_key(0, elsewhere).set(elsewhere, copy);
    c.fails_with(ProgramError::InvalidAccountData);
}

/// The new account, admin, payer and system program checks: the new account
/// at `new_index`, then admin, payer, system program.
fn creation_failures(fresh: &dyn Fn() -> (Case, Fixture), new_index: usize, existing: Account) {
    let (mut c, _) = fresh();
    let key = c.ix.accounts[new_index].pubkey;
    c.set(key, existing);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let (mut c, _) = fresh();
    let key = c.ix.accounts[new_index].pubkey;
    c.set(key, Account::new(0, 1, &SYSTEM_PROGRAM_ID));
    c.fails_with(ProgramError::AccountAlreadyInitialized);

    let (mut c, _) = fresh();
    c.readonly(new_index);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, _) = fresh();
    c.unsign(new_index + 1);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let (mut c, _) = fresh();
    c.unsign(new_index + 2);
    c.fails_with(ProgramError::MissingRequiredSignature);

    let (mut c, _) = fresh();
    c.readonly(new_index + 2);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, _) = fresh();
    let fake_system = Pubkey::new_unique();
    c.replace_key(new_index + 3, fake_system)
        .set(fake_system, system_account(1));
    c.fails_with(ProgramError::IncorrectProgramId);
}

// ---------------------------------------------------------------------------
// InitializeNcnVaultSlasherTicket (3)
// ---------------------------------------------------------------------------

const MAX_SLASHABLE: u64 = 0x0102_0304_0506_0708;

fn slasher_ticket_case_with(w: Fixture, slasher: Pubkey) -> (Case, Fixture) {
    let ncn_vault_ticket = ncn_vault_ticket_pda(&w.ncn, &w.vault).0;
    let ticket = ncn_vault_slasher_ticket_pda(&w.ncn, &w.vault, &slasher).0;
    let ix = initialize_ncn_vault_slasher_ticket_ix(
        &w.config,
        &w.ncn,
        &w.vault,
        &slasher,
        &ncn_vault_ticket,
        &ticket,
        &w.role_admin,
        &w.payer,
        MAX_SLASHABLE,
    );
    let mut state = w.state();
    state.push((slasher, system_account(0)));
    state.push((
        ncn_vault_ticket,
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_vault_ticket_bytes(&w.ncn, &w.vault, 0, 1),
        ),
    ));
    state.push((ticket, empty()));
    (Case::new(ix, state), w)
}

fn slasher_ticket_case() -> (Case, Fixture) {
    slasher_ticket_case_with(Fixture::new(), Pubkey::new_unique())
}

#[test]
fn initialize_ncn_vault_slasher_ticket_writes_every_byte() {
    let (case, w) = slasher_ticket_case();
    let slasher = case.ix.accounts[3].pubkey;
    let ticket = case.ix.accounts[5].pubkey;
    let result = case.run();
    print_cu("restaking", "InitializeNcnVaultSlasherTicket", &result);

    assert_created(
        result.get_account(&ticket).unwrap(),
        &ncn_vault_slasher_ticket_bytes(&w.ncn, &w.vault, &slasher, MAX_SLASHABLE, 13, SLOT),
    );
    let t = decode::ncn_vault_slasher_ticket(data(&result, &ticket));
    assert_eq!(
        (
            t.ncn,
            t.vault,
            t.slasher,
            t.max_slashable_per_epoch,
            t.index
        ),
        (w.ncn, w.vault, slasher, MAX_SLASHABLE, 13)
    );
    assert_eq!(toggle(&t.state), (SLOT, SLOT));
    assert_eq!(
        t.bump,
        ncn_vault_slasher_ticket_pda(&w.ncn, &w.vault, &slasher).1
    );
    let mut ncn = w.ncn_fields.clone();
    ncn.slasher_count = 14;
    assert_eq!(result.get_account(&w.ncn).unwrap(), &ncn.account());
    assert_eq!(decode::ncn(data(&result, &w.ncn)), ncn.client());
    assert_eq!(
        lamports(&result, &w.payer),
        WALLET_LAMPORTS - rent_exempt(len::NCN_VAULT_SLASHER_TICKET)
    );
    assert_unchanged_except(&result, &case.accounts(), &[ticket, w.ncn, w.payer]);
}

#[test]
fn initialize_ncn_vault_slasher_ticket_failures() {
    let (case, _) = slasher_ticket_case();
    case.rejects_wrong_shapes();
    let fresh = || slasher_ticket_case();

    let (mut c, _) = fresh();
    c.ix.data.truncate(8);
    c.fails_with(ProgramError::InvalidInstructionData);

    config_failures(&fresh);
    ncn_failures(&fresh, 1);
    vault_failures(&fresh, 2, ProgramError::InvalidAccountData);

    // The NCN vault ticket: missing, wrong type, for another vault, for
    // another NCN. (A stored bump that does not derive the ticket's address
    // cannot exist on chain; see `jito_core::account`.)
    let (mut c, w) = fresh();
    let nvt = ncn_vault_ticket_pda(&w.ncn, &w.vault).0;
    c.set(nvt, empty());
    c.fails_with(ProgramError::InvalidAccountOwner);

    let (mut c, w) = fresh();
    let nvt = ncn_vault_ticket_pda(&w.ncn, &w.vault).0;
    let mut acc = c.get(&nvt);
    acc.data[0] = 5;
    c.set(nvt, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let other_vault = Pubkey::new_unique();
    let other = ncn_vault_ticket_pda(&w.ncn, &other_vault).0;
    c.replace_key(4, other).set(
        other,
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_vault_ticket_bytes(&w.ncn, &other_vault, 0, 1),
        ),
    );
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let other_ncn = Pubkey::new_unique();
    let other = ncn_vault_ticket_pda(&other_ncn, &w.vault).0;
    c.replace_key(4, other).set(
        other,
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_vault_ticket_bytes(&other_ncn, &w.vault, 0, 1),
        ),
    );
    c.fails_with(ProgramError::InvalidAccountData);

    let existing = {
        let (c, w) = fresh();
        let slasher = c.ix.accounts[3].pubkey;
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_vault_slasher_ticket_bytes(&w.ncn, &w.vault, &slasher, 0, 0, 0),
        )
    };
    creation_failures(&fresh, 5, existing);

    // A ticket address for another slasher.
    let (mut c, w) = fresh();
    let other = ncn_vault_slasher_ticket_pda(&w.ncn, &w.vault, &Pubkey::new_unique()).0;
    c.replace_key(5, other).set(other, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    // The slasher admin must sign: the NCN admin is not enough.
    let (mut c, w) = fresh();
    let ncn_admin = w.ncn_fields.admin;
    c.replace_key(6, ncn_admin)
        .set(ncn_admin, system_account(0));
    c.fails_with_custom(err::NCN_SLASHER_ADMIN_INVALID);

    let (mut c, w) = fresh();
    let mut ncn = w.ncn_fields.clone();
    ncn.slasher_count = u64::MAX;
    c.set(w.ncn, ncn.account());
    c.fails_with_custom(err::SLASHER_OVERFLOW);
}

// ---------------------------------------------------------------------------
// InitializeNcnVaultTicket (4)
// ---------------------------------------------------------------------------

fn ncn_vault_ticket_case() -> (Case, Fixture) {
    let w = Fixture::new();
    let ticket = ncn_vault_ticket_pda(&w.ncn, &w.vault).0;
    let ix = initialize_pair_ix(
        mollusk_tests::codes::restaking_tag::INITIALIZE_NCN_VAULT_TICKET,
        &w.config,
        &w.ncn,
        &w.vault,
        &ticket,
        &w.role_admin,
        &w.payer,
    );
    let mut state = w.state();
    state.push((ticket, empty()));
    (Case::new(ix, state), w)
}

#[test]
fn initialize_ncn_vault_ticket_writes_every_byte() {
    let (case, w) = ncn_vault_ticket_case();
    let ticket = case.ix.accounts[3].pubkey;
    let result = case.run();
    print_cu("restaking", "InitializeNcnVaultTicket", &result);

    assert_created(
        result.get_account(&ticket).unwrap(),
        &ncn_vault_ticket_bytes(&w.ncn, &w.vault, 12, SLOT),
    );
    let t = decode::ncn_vault_ticket(data(&result, &ticket));
    assert_eq!((t.ncn, t.vault, t.index), (w.ncn, w.vault, 12));
    assert_eq!(toggle(&t.state), (SLOT, SLOT));
    assert_eq!(t.bump, ncn_vault_ticket_pda(&w.ncn, &w.vault).1);
    let mut ncn = w.ncn_fields.clone();
    ncn.vault_count = 13;
    assert_eq!(result.get_account(&w.ncn).unwrap(), &ncn.account());
    assert_eq!(decode::ncn(data(&result, &w.ncn)), ncn.client());
    assert_eq!(
        lamports(&result, &w.payer),
        WALLET_LAMPORTS - rent_exempt(len::NCN_VAULT_TICKET)
    );
    assert_unchanged_except(&result, &case.accounts(), &[ticket, w.ncn, w.payer]);
}

#[test]
fn initialize_ncn_vault_ticket_failures() {
    let (case, _) = ncn_vault_ticket_case();
    case.rejects_wrong_shapes();
    let fresh = || ncn_vault_ticket_case();

    config_failures(&fresh);
    ncn_failures(&fresh, 1);
    vault_failures(&fresh, 2, ProgramError::InvalidAccountData);
    let existing = {
        let (_, w) = fresh();
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_vault_ticket_bytes(&w.ncn, &w.vault, 0, 0),
        )
    };
    creation_failures(&fresh, 3, existing);

    // Seeds in the wrong order are another address.
    let (mut c, w) = fresh();
    let swapped = ncn_vault_ticket_pda(&w.vault, &w.ncn).0;
    c.replace_key(3, swapped).set(swapped, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    // The operator-vault ticket address of the same pair is not this ticket.
    let (mut c, w) = fresh();
    let other_kind = operator_vault_ticket_pda(&w.ncn, &w.vault).0;
    c.replace_key(3, other_kind).set(other_kind, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let ncn_admin = w.ncn_fields.admin;
    c.replace_key(4, ncn_admin)
        .set(ncn_admin, system_account(0));
    c.fails_with_custom(err::NCN_VAULT_ADMIN_INVALID);

    let (mut c, w) = fresh();
    let mut ncn = w.ncn_fields.clone();
    ncn.vault_count = u64::MAX;
    c.set(w.ncn, ncn.account());
    c.fails_with_custom(err::VAULT_OVERFLOW);
}

// ---------------------------------------------------------------------------
// InitializeOperatorVaultTicket (5)
// ---------------------------------------------------------------------------

fn operator_vault_ticket_case() -> (Case, Fixture) {
    let w = Fixture::new();
    let ticket = operator_vault_ticket_pda(&w.operator, &w.vault).0;
    let ix = initialize_pair_ix(
        mollusk_tests::codes::restaking_tag::INITIALIZE_OPERATOR_VAULT_TICKET,
        &w.config,
        &w.operator,
        &w.vault,
        &ticket,
        &w.role_admin,
        &w.payer,
    );
    let mut state = w.state();
    state.push((ticket, empty()));
    (Case::new(ix, state), w)
}

#[test]
fn initialize_operator_vault_ticket_writes_every_byte() {
    let (case, w) = operator_vault_ticket_case();
    let ticket = case.ix.accounts[3].pubkey;
    let result = case.run();
    print_cu("restaking", "InitializeOperatorVaultTicket", &result);

    assert_created(
        result.get_account(&ticket).unwrap(),
        &operator_vault_ticket_bytes(&w.operator, &w.vault, 22, SLOT),
    );
    let t = decode::operator_vault_ticket(data(&result, &ticket));
    assert_eq!((t.operator, t.vault, t.index), (w.operator, w.vault, 22));
    assert_eq!(toggle(&t.state), (SLOT, SLOT));
    assert_eq!(t.bump, operator_vault_ticket_pda(&w.operator, &w.vault).1);
    let mut operator = w.operator_fields.clone();
    operator.vault_count = 23;
    assert_eq!(
        result.get_account(&w.operator).unwrap(),
        &operator.account()
    );
    assert_eq!(
        decode::operator(data(&result, &w.operator)),
        operator.client()
    );
    assert_eq!(
        lamports(&result, &w.payer),
        WALLET_LAMPORTS - rent_exempt(len::OPERATOR_VAULT_TICKET)
    );
    assert_unchanged_except(&result, &case.accounts(), &[ticket, w.operator, w.payer]);
}

#[test]
fn initialize_operator_vault_ticket_failures() {
    let (case, _) = operator_vault_ticket_case();
    case.rejects_wrong_shapes();
    let fresh = || operator_vault_ticket_case();

    config_failures(&fresh);
    // This instruction of the original reports a wrong new ticket address as `InvalidArgument`.
    operator_failures(&fresh, 1, ProgramError::InvalidArgument);
    vault_failures(&fresh, 2, ProgramError::InvalidArgument);
    let existing = {
        let (_, w) = fresh();
        owned_account(
            &RESTAKING_PROGRAM_ID,
            operator_vault_ticket_bytes(&w.operator, &w.vault, 0, 0),
        )
    };
    creation_failures(&fresh, 3, existing);

    // The original reports a wrong ticket address as InvalidArgument here.
    let (mut c, w) = fresh();
    let swapped = operator_vault_ticket_pda(&w.vault, &w.operator).0;
    c.replace_key(3, swapped).set(swapped, empty());
    c.fails_with(ProgramError::InvalidArgument);

    // ... and a wrong vault admin as InvalidAccountData.
    let (mut c, w) = fresh();
    let operator_admin = w.operator_fields.admin;
    c.replace_key(4, operator_admin)
        .set(operator_admin, system_account(0));
    c.fails_with(ProgramError::InvalidAccountData);

    let (mut c, w) = fresh();
    let mut operator = w.operator_fields.clone();
    operator.vault_count = u64::MAX;
    c.set(w.operator, operator.account());
    c.fails_with_custom(err::VAULT_OVERFLOW);
}

// ---------------------------------------------------------------------------
// InitializeNcnOperatorState (6)
// ---------------------------------------------------------------------------

fn ncn_operator_state_case() -> (Case, Fixture) {
    let w = Fixture::new();
    let state_key = ncn_operator_state_pda(&w.ncn, &w.operator).0;
    let ix = initialize_pair_ix(
        mollusk_tests::codes::restaking_tag::INITIALIZE_NCN_OPERATOR_STATE,
        &w.config,
        &w.ncn,
        &w.operator,
        &state_key,
        &w.role_admin,
        &w.payer,
    );
    let mut state = w.state();
    state.push((state_key, empty()));
    (Case::new(ix, state), w)
}

#[test]
fn initialize_ncn_operator_state_writes_every_byte() {
    let (case, w) = ncn_operator_state_case();
    let state_key = case.ix.accounts[3].pubkey;
    let result = case.run();
    print_cu("restaking", "InitializeNcnOperatorState", &result);

    assert_created(
        result.get_account(&state_key).unwrap(),
        &ncn_operator_state_bytes(&w.ncn, &w.operator, 11, SLOT),
    );
    let s = decode::ncn_operator_state(data(&result, &state_key));
    assert_eq!((s.ncn, s.operator, s.index), (w.ncn, w.operator, 11));
    assert_eq!(toggle(&s.ncn_opt_in_state), (SLOT, SLOT));
    assert_eq!(toggle(&s.operator_opt_in_state), (SLOT, SLOT));
    assert_eq!(s.bump, ncn_operator_state_pda(&w.ncn, &w.operator).1);
    let mut ncn = w.ncn_fields.clone();
    ncn.operator_count = 12;
    assert_eq!(result.get_account(&w.ncn).unwrap(), &ncn.account());
    assert_eq!(decode::ncn(data(&result, &w.ncn)), ncn.client());
    let mut operator = w.operator_fields.clone();
    operator.ncn_count = 22;
    assert_eq!(
        result.get_account(&w.operator).unwrap(),
        &operator.account()
    );
    assert_eq!(
        decode::operator(data(&result, &w.operator)),
        operator.client()
    );
    assert_eq!(
        lamports(&result, &w.payer),
        WALLET_LAMPORTS - rent_exempt(len::NCN_OPERATOR_STATE)
    );
    assert_unchanged_except(
        &result,
        &case.accounts(),
        &[state_key, w.ncn, w.operator, w.payer],
    );
}

#[test]
fn initialize_ncn_operator_state_failures() {
    let (case, _) = ncn_operator_state_case();
    case.rejects_wrong_shapes();
    let fresh = || ncn_operator_state_case();

    config_failures(&fresh);
    ncn_failures(&fresh, 1);
    operator_failures(&fresh, 2, ProgramError::InvalidAccountData);
    let existing = {
        let (_, w) = fresh();
        owned_account(
            &RESTAKING_PROGRAM_ID,
            ncn_operator_state_bytes(&w.ncn, &w.operator, 0, 0),
        )
    };
    creation_failures(&fresh, 3, existing);

    let (mut c, w) = fresh();
    let swapped = ncn_operator_state_pda(&w.operator, &w.ncn).0;
    c.replace_key(3, swapped).set(swapped, empty());
    c.fails_with(ProgramError::InvalidAccountData);

    // The NCN's operator admin must sign: its admin is not enough.
    let (mut c, w) = fresh();
    let ncn_admin = w.ncn_fields.admin;
    c.replace_key(4, ncn_admin)
        .set(ncn_admin, system_account(0));
    c.fails_with_custom(err::NCN_OPERATOR_ADMIN_INVALID);

    let (mut c, w) = fresh();
    let mut ncn = w.ncn_fields.clone();
    ncn.operator_count = u64::MAX;
    c.set(w.ncn, ncn.account());
    c.fails_with_custom(err::OPERATOR_OVERFLOW);

    let (mut c, w) = fresh();
    let mut operator = w.operator_fields.clone();
    operator.ncn_count = u64::MAX;
    c.set(w.operator, operator.account());
    c.fails_with_custom(err::NCN_OVERFLOW);
}

// ---------------------------------------------------------------------------
// SetConfigAdmin (24)
// ---------------------------------------------------------------------------

fn set_config_admin_case() -> (Case, ConfigFields, Pubkey) {
    let (config, _) = config_pda();
    let mut fields = ConfigFields::new(Pubkey::new_unique());
    fields.ncn_count = 8;
    fields.operator_count = 9;
    fields.epoch_length = 150;
    let new_admin = Pubkey::new_unique();
    let ix = set_config_admin_ix(&config, &fields.admin, &new_admin);
    let state = vec![
        (config, fields.account()),
        (fields.admin, system_account(0)),
        (new_admin, system_account(0)),
    ];
    (Case::new(ix, state), fields, new_admin)
}

#[test]
fn set_config_admin_writes_every_byte() {
    let (case, fields, new_admin) = set_config_admin_case();
    let config = case.ix.accounts[0].pubkey;
    let result = case.run();
    print_cu("restaking", "SetConfigAdmin", &result);

    let mut expected = fields.clone();
    expected.admin = new_admin;
    assert_eq!(result.get_account(&config).unwrap(), &expected.account());
    let decoded = decode::config(data(&result, &config));
    assert_eq!(decoded, expected.client());
    assert_eq!(decoded.admin, new_admin);
    assert_unchanged_except(&result, &case.accounts(), &[config]);
}

#[test]
fn set_config_admin_failures() {
    let (case, fields, _) = set_config_admin_case();
    case.rejects_wrong_shapes();
    let config = case.ix.accounts[0].pubkey;
    let fresh = || set_config_admin_case().0;

    let mut c = fresh();
    let mut acc = c.get(&config);
    acc.owner = VAULT_PROGRAM_ID;
    c.set(config, acc);
    c.fails_with(ProgramError::InvalidAccountOwner);

    let mut c = fresh();
    c.readonly(0);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let mut acc = c.get(&config);
    acc.data[0] = 0;
    c.set(config, acc);
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    let elsewhere = Pubkey::new_unique();
    c.replace_key(0, elsewhere).set(elsewhere, fields.account());
    c.fails_with(ProgramError::InvalidAccountData);

    let mut c = fresh();
    c.unsign(1);
    c.fails_with(ProgramError::MissingRequiredSignature);

    // A signer that is not the admin.
    let mut c = fresh();
    let impostor = Pubkey::new_unique();
    c.replace_key(1, impostor).set(impostor, system_account(0));
    c.fails_with_custom(err::CONFIG_ADMIN_INVALID);

    // The new admin is the one to sign next time, not the old one.
    let (case, _, new_admin) = set_config_admin_case();
    let first = case.run();
    let mut again = Case::new(case.ix.clone(), first.resulting_accounts.clone());
    again.fails_with_custom(err::CONFIG_ADMIN_INVALID);
    again.replace_key(1, new_admin);
    let back = Pubkey::new_unique();
    again.ix.accounts[2].pubkey = back;
    again.set(back, system_account(0));
    let result = again.run();
    assert!(result.program_result.is_ok());
    let mut expected = fields.clone();
    expected.admin = back;
    assert_eq!(data(&result, &config), expected.bytes());
    assert_eq!(decode::config(data(&result, &config)).admin, back);
}

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

#[test]
fn empty_data_and_unknown_tags_are_invalid_instruction_data() {
    let (case, _, _) = set_config_admin_case();
    // The client's SetConfigAdmin data broken three ways: emptied, the tag
    // replaced by the first unused one (25), or by 255 with two extra bytes.
    let breaks: [fn(&mut Vec<u8>); 3] = [
        |d| d.clear(),
        |d| d[0] = 25,
        |d| {
            d[0] = 255;
            d.extend([0, 0]);
        },
    ];
    for (i, mutate) in breaks.into_iter().enumerate() {
        let mut c = Case::new(case.ix.clone(), case.state.clone());
        mutate(&mut c.ix.data);
        assert_eq!(c.ix.data.len(), [0, 1, 3][i]);
        c.fails_with(ProgramError::InvalidInstructionData);
    }
}

// ---------------------------------------------------------------------------
// Duplicated accounts (one wallet in two roles)
// ---------------------------------------------------------------------------

#[test]
fn one_wallet_as_admin_and_base_or_payer() {
    // InitializeNcn with the admin as its own base.
    let (config, _) = config_pda();
    let admin = Pubkey::new_unique();
    let (ncn, _) = ncn_pda(&admin);
    let config_fields = ConfigFields::new(Pubkey::new_unique());
    let case = Case::new(
        initialize_ncn_ix(&config, &ncn, &admin, &admin),
        vec![
            (config, config_fields.account()),
            (ncn, empty()),
            (admin, wallet()),
        ],
    );
    let result = case.run();
    let expected = NcnFields::new(admin, admin, 0);
    assert_created(result.get_account(&ncn).unwrap(), &expected.bytes());
    assert_eq!(decode::ncn(data(&result, &ncn)), expected.client());

    // InitializeNcnVaultTicket paid by its vault admin.
    let w = Fixture::new();
    let ticket = ncn_vault_ticket_pda(&w.ncn, &w.vault).0;
    let ix = initialize_pair_ix(
        mollusk_tests::codes::restaking_tag::INITIALIZE_NCN_VAULT_TICKET,
        &w.config,
        &w.ncn,
        &w.vault,
        &ticket,
        &w.role_admin,
        &w.role_admin,
    );
    let mut state = w.state();
    state.push((ticket, empty()));
    let mut case = Case::new(ix, state);
    case.set(w.role_admin, wallet());
    let result = case.run();
    assert_created(
        result.get_account(&ticket).unwrap(),
        &ncn_vault_ticket_bytes(&w.ncn, &w.vault, 12, SLOT),
    );
    assert_eq!(decode::ncn_vault_ticket(data(&result, &ticket)).index, 12);
    assert_eq!(
        lamports(&result, &w.role_admin),
        WALLET_LAMPORTS - rent_exempt(len::NCN_VAULT_TICKET)
    );
}

// ---------------------------------------------------------------------------
// The generated client's PDA helpers
// ---------------------------------------------------------------------------

#[test]
fn client_pda_helpers_match_the_original_seeds() {
    let (a, b, c) = (
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        Pubkey::new_unique(),
    );
    assert_eq!(Config::find_pda(), config_pda());
    assert_eq!(Ncn::find_pda(&a), ncn_pda(&a));
    assert_eq!(Operator::find_pda(&a), operator_pda(&a));
    assert_eq!(
        NcnOperatorState::find_pda(&a, &b),
        ncn_operator_state_pda(&a, &b)
    );
    assert_eq!(
        NcnVaultTicket::find_pda(&a, &b),
        ncn_vault_ticket_pda(&a, &b)
    );
    assert_eq!(
        OperatorVaultTicket::find_pda(&a, &b),
        operator_vault_ticket_pda(&a, &b)
    );
    assert_eq!(
        NcnVaultSlasherTicket::find_pda(&a, &b, &c),
        ncn_vault_slasher_ticket_pda(&a, &b, &c)
    );
    // The client's program id is the program's.
    assert_eq!(jito_restaking_client::ID, RESTAKING_PROGRAM_ID);
}
