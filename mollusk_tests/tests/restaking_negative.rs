//! Negative matrix over all 25 restaking instructions (see `mollusk_tests::negative`).
//!
//! Each test builds one valid instruction over a world where every admin role
//! is held by a different key, and a model of the original program's checks in
//! the original's order (read from `restaking_program/src/*.rs` and the
//! `load` functions of `restaking_core`/`vault_core`/`core` at 8109c879). The
//! engine derives every single-point mutation, its exact expected error from
//! the model, and runs it. Mutations that legitimately succeed are listed with
//! the reason; runtime-level outcomes the model cannot know are in the override
//! table with the reason.
//!
//! Run with `--nocapture` to see the per-instruction counts (`NEGATIVE ...` lines).

use mollusk_tests::{
    mollusk,
    negative::{
        create_account_cpi, expect_address, key_eq, load_program, load_signer, load_state,
        load_system_account, load_token_account, load_token_mint, Check, Expected,
        InstructionError, Kind, Matrix, Mutation, ValidCase, View,
    },
    program_account,
    scenarios::restaking_roles::{
        self as aw, err, layout::*, tag, NcnKeys, OperatorKeys, Toggle, VaultStub,
    },
    world::World,
    Instruction, ProgramError, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

const R: Pubkey = RESTAKING_PROGRAM_ID;
const EPOCH_LENGTH: u64 = 100;
/// Toggles are created here; warm-ups run at `WARMUP_SLOT` (same epoch, later slot).
const CREATED_SLOT: u64 = 10;
const WARMUP_SLOT: u64 = 150;
/// Active toggles: added at slot 20, removed at 10 (an earlier cycle); active from epoch 2.
const ACTIVE: Toggle = (20, 10);
const COOLDOWN_SLOT: u64 = 350;
const INACTIVE: Toggle = (CREATED_SLOT, CREATED_SLOT);

const SIGNER_ONLY: &str =
    "the original only checks that this account signed; its owner and lamports are never read";
const ANY_PAYER: &str = "any funded system wallet may pay";

fn iad() -> ProgramError {
    ProgramError::InvalidAccountData
}

// ---------------------------------------------------------------------------
// Model: the original's `load` functions.
// ---------------------------------------------------------------------------

fn config_load(v: &View, i: usize, writable: bool) -> Check {
    load_state(v, i, &R, CONFIG_DISC, CONFIG_LEN, writable)?;
    expect_address(v, i, &aw::config_pda().0, iad())
}

fn ncn_load(v: &View, i: usize, writable: bool) -> Check {
    load_state(v, i, &R, NCN_DISC, NCN_LEN, writable)?;
    expect_address(v, i, &aw::ncn_pda(&v.pubkey_at(i, NCN_BASE)).0, iad())
}

fn operator_load(v: &View, i: usize, writable: bool) -> Check {
    load_state(v, i, &R, OPERATOR_DISC, OPERATOR_LEN, writable)?;
    expect_address(
        v,
        i,
        &aw::operator_pda(&v.pubkey_at(i, OPERATOR_BASE)).0,
        iad(),
    )
}

/// `Vault::load(&config.vault_program, vault, false)`: the vault program is read from the config.
fn vault_load(v: &View, i: usize, config: usize) -> Check {
    let vault_program = v.pubkey_at(config, CONFIG_VAULT_PROGRAM);
    load_state(v, i, &vault_program, VAULT_DISC, VAULT_LEN, false)?;
    let base = v.pubkey_at(i, VAULT_BASE);
    let bump = v.u8_at(i, VAULT_BUMP);
    match Pubkey::create_program_address(&[b"vault", base.as_ref(), &[bump]], &vault_program) {
        Ok(address) => expect_address(v, i, &address, iad()),
        Err(_) => Err(Expected::Program(ProgramError::InvalidSeeds)),
    }
}

fn ncn_operator_state_load(
    v: &View,
    i: usize,
    ncn: usize,
    operator: usize,
    writable: bool,
) -> Check {
    load_state(
        v,
        i,
        &R,
        NCN_OPERATOR_STATE_DISC,
        NCN_OPERATOR_STATE_LEN,
        writable,
    )?;
    expect_address(
        v,
        i,
        &aw::ncn_operator_state_pda(&v.key(ncn), &v.key(operator)).0,
        iad(),
    )
}

fn ncn_vault_ticket_load(v: &View, i: usize, ncn: usize, vault: usize, writable: bool) -> Check {
    load_state(v, i, &R, NCN_VAULT_TICKET_DISC, VAULT_TICKET_LEN, writable)?;
    expect_address(
        v,
        i,
        &aw::ncn_vault_ticket_pda(&v.key(ncn), &v.key(vault)).0,
        iad(),
    )
}

fn operator_vault_ticket_load(
    v: &View,
    i: usize,
    operator: usize,
    vault: usize,
    writable: bool,
) -> Check {
    load_state(
        v,
        i,
        &R,
        OPERATOR_VAULT_TICKET_DISC,
        VAULT_TICKET_LEN,
        writable,
    )?;
    expect_address(
        v,
        i,
        &aw::operator_vault_ticket_pda(&v.key(operator), &v.key(vault)).0,
        iad(),
    )
}

fn slasher_ticket_load(
    v: &View,
    i: usize,
    ncn: usize,
    vault: usize,
    slasher: usize,
    writable: bool,
) -> Check {
    load_state(
        v,
        i,
        &R,
        NCN_VAULT_SLASHER_TICKET_DISC,
        NCN_VAULT_SLASHER_TICKET_LEN,
        writable,
    )?;
    expect_address(
        v,
        i,
        &aw::ncn_vault_slasher_ticket_pda(&v.key(ncn), &v.key(vault), &v.key(slasher)).0,
        iad(),
    )
}

/// `fee_bps` (data bytes 1..3) at most 10,000, else `OperatorFeeCapExceeded`.
fn fee_cap(v: &View) -> Check {
    let fee = u16::from_le_bytes([v.data[1], v.data[2]]);
    if fee > 10_000 {
        return Err(Expected::custom(err::OPERATOR_FEE_CAP_EXCEEDED));
    }
    Ok(())
}

/// The token program's `Approve` invoked on `token_account`: the CPI marks it
/// writable, which the runtime refuses when the caller got it read-only.
fn approve_cpi(v: &View, token_account: usize) -> Check {
    if !v.is_writable(token_account) {
        return Err(Expected::Runtime(InstructionError::PrivilegeEscalation));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Fixture.
// ---------------------------------------------------------------------------

struct Fx {
    config: Pubkey,
    config_admin: Pubkey,
    ncn: NcnKeys,
    operator: OperatorKeys,
    vault: VaultStub,
    slasher: Pubkey,
    payer: Pubkey,
    ncn_operator_state: Pubkey,
    ncn_vault_ticket: Pubkey,
    operator_vault_ticket: Pubkey,
    slasher_ticket: Pubkey,
    mint: Pubkey,
    token_account: Pubkey,
    delegate: Pubkey,
    /// Unstored addresses are funded wallets.
    store: World,
}

impl Fx {
    /// One NCN, operator and vault with every ticket/state between them at `toggle`.
    fn new(toggle: Toggle) -> Self {
        let config = aw::config_pda().0;
        let config_admin = aw::key(0x10, 1);
        let ncn = NcnKeys::new(0);
        let operator = OperatorKeys::new(0);
        let vault = VaultStub::new(0);
        let slasher = aw::key(0x70, 0);
        let payer = aw::key(0x71, 0);
        let ncn_operator_state = aw::ncn_operator_state_pda(&ncn.address, &operator.address).0;
        let ncn_vault_ticket = aw::ncn_vault_ticket_pda(&ncn.address, &vault.address).0;
        let operator_vault_ticket =
            aw::operator_vault_ticket_pda(&operator.address, &vault.address).0;
        let slasher_ticket =
            aw::ncn_vault_slasher_ticket_pda(&ncn.address, &vault.address, &slasher).0;
        let mint = aw::key(0x72, 0);
        let token_account = aw::key(0x72, 1);
        let delegate = aw::key(0x72, 2);
        let mut store = World::store_only().unstored_accounts_are(aw::wallet());
        store.set(
            config,
            aw::restaking_account(aw::config_bytes(
                &config_admin,
                &VAULT_PROGRAM_ID,
                3,
                4,
                EPOCH_LENGTH,
            )),
        );
        store.set(ncn.address, aw::restaking_account(ncn.bytes(1, 1, 1, 1)));
        store.set(
            operator.address,
            aw::restaking_account(operator.bytes(2, 1, 1, 700)),
        );
        store.set(vault.address, vault.account(0, 0));
        store.set(
            ncn_operator_state,
            aw::restaking_account(aw::ncn_operator_state_bytes(
                &ncn.address,
                &operator.address,
                0,
                toggle,
                toggle,
            )),
        );
        store.set(
            ncn_vault_ticket,
            aw::restaking_account(aw::ncn_vault_ticket_bytes(
                &ncn.address,
                &vault.address,
                0,
                toggle,
            )),
        );
        store.set(
            operator_vault_ticket,
            aw::restaking_account(aw::operator_vault_ticket_bytes(
                &operator.address,
                &vault.address,
                0,
                toggle,
            )),
        );
        store.set(
            slasher_ticket,
            aw::restaking_account(aw::ncn_vault_slasher_ticket_bytes(
                &ncn.address,
                &vault.address,
                &slasher,
                5_000,
                0,
                toggle,
            )),
        );
        Self {
            config,
            config_admin,
            ncn,
            operator,
            vault,
            slasher,
            payer,
            ncn_operator_state,
            ncn_vault_ticket,
            operator_vault_ticket,
            slasher_ticket,
            mint,
            token_account,
            delegate,
            store,
        }
    }

    /// Removes `key` (an address about to be created: nothing at it).
    fn without(mut self, key: &Pubkey) -> Self {
        self.store.set(*key, aw::empty());
        self
    }

    /// A mint and a token account of it held by `holder`.
    fn with_tokens(mut self, holder: &Pubkey) -> Self {
        let (mint, token) = aw::token_accounts(&self.mint, holder, 500);
        self.store.set(self.mint, mint);
        self.store.set(self.token_account, token);
        self
    }

    fn case(&self, name: &str, slot: u64, ix: Instruction, names: &[&'static str]) -> ValidCase {
        let mut m = mollusk();
        m.warp_to_slot(slot);
        let accounts = self.store.accounts_for(&ix);
        ValidCase::new(format!("restaking {name}"), m, ix, accounts, names)
    }
}

// ---------------------------------------------------------------------------
// 0–6: account-creating instructions.
// ---------------------------------------------------------------------------

#[test]
fn initialize_config() {
    let fx = Fx::new(INACTIVE);
    let config = fx.config;
    let fx = fx.without(&config);
    let admin = aw::key(0x10, 9);
    let ix = aw::initialize_config_ix(&fx.config, &admin, &VAULT_PROGRAM_ID);
    let case = fx.case(
        "InitializeConfig",
        WARMUP_SLOT,
        ix,
        &["config", "admin", "vault_program", "system_program"],
    );
    Matrix::new(case, |v| {
        load_system_account(v, 0, true)?;
        load_signer(v, 1, true)?;
        load_program(v, 3, &SYSTEM_PROGRAM_ID)?;
        expect_address(v, 0, &aw::config_pda().0, iad())?;
        create_account_cpi(v, 1, CONFIG_LEN)
    })
    .allow_at(
        1,
        &[Kind::Pda],
        "any signer may create the config and becomes its admin",
    )
    .allow_at(
        2,
        &[Kind::Pda, Kind::Duplicate],
        "vault_program is stored as given: the original never checks it",
    )
    .run();
}

#[test]
fn initialize_ncn() {
    let fx = Fx::new(INACTIVE);
    let base = aw::key(0x21, 0);
    let admin = aw::key(0x21, 1);
    let ncn = aw::ncn_pda(&base).0;
    let fx = fx.without(&ncn);
    let ix = aw::initialize_ncn_ix(&fx.config, &ncn, &admin, &base);
    let case = fx.case(
        "InitializeNcn",
        WARMUP_SLOT,
        ix,
        &["config", "ncn", "admin", "base", "system_program"],
    );
    Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_system_account(v, 1, true)?;
        load_signer(v, 2, true)?;
        load_signer(v, 3, false)?;
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        expect_address(v, 1, &aw::ncn_pda(&v.key(3)).0, iad())?;
        create_account_cpi(v, 2, NCN_LEN)
    })
    .allow_at(
        2,
        &[Kind::Pda],
        "any signer may create an NCN and becomes its admin",
    )
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the base only signs and seeds the PDA",
    )
    .run();
}

#[test]
fn initialize_operator() {
    let fx = Fx::new(INACTIVE);
    let base = aw::key(0x41, 0);
    let admin = aw::key(0x41, 1);
    let operator = aw::operator_pda(&base).0;
    let fx = fx.without(&operator);
    let ix = aw::initialize_operator_ix(&fx.config, &operator, &admin, &base, 10_000);
    let over_cap = aw::initialize_operator_ix(&fx.config, &operator, &admin, &base, 10_001).data;
    let max_fee = aw::initialize_operator_ix(&fx.config, &operator, &admin, &base, u16::MAX).data;
    let case = fx
        .case(
            "InitializeOperator",
            WARMUP_SLOT,
            ix,
            &["config", "operator", "admin", "base", "system_program"],
        )
        .arg_case(
            "fee 10_001 bps",
            over_cap,
            Expected::custom(err::OPERATOR_FEE_CAP_EXCEEDED),
        )
        .arg_case(
            "fee 65_535 bps",
            max_fee,
            Expected::custom(err::OPERATOR_FEE_CAP_EXCEEDED),
        );
    Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_system_account(v, 1, true)?;
        load_signer(v, 2, true)?;
        load_signer(v, 3, false)?;
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        expect_address(v, 1, &aw::operator_pda(&v.key(3)).0, iad())?;
        fee_cap(v)?;
        create_account_cpi(v, 2, OPERATOR_LEN)
    })
    .allow_at(
        2,
        &[Kind::Pda],
        "any signer may create an operator and becomes its admin",
    )
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the base only signs and seeds the PDA",
    )
    .run();
}

#[test]
fn initialize_ncn_vault_slasher_ticket() {
    let fx = Fx::new(INACTIVE);
    let slasher_ticket = fx.slasher_ticket;
    let fx = fx.without(&slasher_ticket);
    let ix = aw::initialize_ncn_vault_slasher_ticket_ix(
        &fx.config,
        &fx.ncn.address,
        &fx.vault.address,
        &fx.slasher,
        &fx.ncn_vault_ticket,
        &fx.slasher_ticket,
        &fx.ncn.slasher_admin,
        &fx.payer,
        7_000,
    );
    let names = [
        "config",
        "ncn",
        "vault",
        "slasher",
        "ncn_vault_ticket",
        "ncn_vault_slasher_ticket",
        "admin",
        "payer",
        "system_program",
    ];
    let case = fx.case("InitializeNcnVaultSlasherTicket", WARMUP_SLOT, ix, &names);
    Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        ncn_load(v, 1, true)?;
        vault_load(v, 2, 0)?;
        ncn_vault_ticket_load(v, 4, 1, 2, false)?;
        load_system_account(v, 5, true)?;
        load_signer(v, 6, false)?;
        load_signer(v, 7, true)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        let expected = aw::ncn_vault_slasher_ticket_pda(&v.key(1), &v.key(2), &v.key(3)).0;
        expect_address(v, 5, &expected, iad())?;
        key_eq(
            &v.key(6),
            &v.pubkey_at(1, NCN_SLASHER_ADMIN),
            err::NCN_SLASHER_ADMIN_INVALID,
        )?;
        create_account_cpi(v, 7, NCN_VAULT_SLASHER_TICKET_LEN)
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDA",
    )
    .allow_at(6, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(7, &[Kind::Pda], ANY_PAYER)
    .run();
}

/// Shared by tags 4, 5, 6: `[config, a (w), b, new (w), admin (s), payer (w, s), system]`.
#[allow(clippy::too_many_arguments)]
fn initialize_pair(
    name: &str,
    tag: u8,
    fx: Fx,
    a: Pubkey,
    b: Pubkey,
    new: Pubkey,
    admin: Pubkey,
    names: &[&'static str],
    model: impl Fn(&View) -> Check,
) {
    let fx = fx.without(&new);
    let payer = fx.payer;
    let ix = aw::initialize_pair_ix(tag, &fx.config, &a, &b, &new, &admin, &payer);
    let case = fx.case(name, WARMUP_SLOT, ix, names);
    Matrix::new(case, model)
        .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
        .allow_at(5, &[Kind::Pda], ANY_PAYER)
        .run();
}

#[test]
fn initialize_ncn_vault_ticket() {
    let fx = Fx::new(INACTIVE);
    let (a, b, new, admin) = (
        fx.ncn.address,
        fx.vault.address,
        fx.ncn_vault_ticket,
        fx.ncn.vault_admin,
    );
    initialize_pair(
        "InitializeNcnVaultTicket",
        tag::INITIALIZE_NCN_VAULT_TICKET,
        fx,
        a,
        b,
        new,
        admin,
        &[
            "config",
            "ncn",
            "vault",
            "ncn_vault_ticket",
            "admin",
            "payer",
            "system_program",
        ],
        |v| {
            config_load(v, 0, false)?;
            ncn_load(v, 1, true)?;
            vault_load(v, 2, 0)?;
            load_system_account(v, 3, true)?;
            load_signer(v, 4, false)?;
            load_signer(v, 5, true)?;
            load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
            expect_address(
                v,
                3,
                &aw::ncn_vault_ticket_pda(&v.key(1), &v.key(2)).0,
                iad(),
            )?;
            key_eq(
                &v.key(4),
                &v.pubkey_at(1, NCN_VAULT_ADMIN),
                err::NCN_VAULT_ADMIN_INVALID,
            )?;
            create_account_cpi(v, 5, VAULT_TICKET_LEN)
        },
    );
}

#[test]
fn initialize_operator_vault_ticket() {
    let fx = Fx::new(INACTIVE);
    let (a, b, new, admin) = (
        fx.operator.address,
        fx.vault.address,
        fx.operator_vault_ticket,
        fx.operator.vault_admin,
    );
    initialize_pair(
        "InitializeOperatorVaultTicket",
        tag::INITIALIZE_OPERATOR_VAULT_TICKET,
        fx,
        a,
        b,
        new,
        admin,
        &[
            "config",
            "operator",
            "vault",
            "operator_vault_ticket",
            "admin",
            "payer",
            "system_program",
        ],
        |v| {
            config_load(v, 0, false)?;
            operator_load(v, 1, true)?;
            vault_load(v, 2, 0)?;
            load_system_account(v, 3, true)?;
            load_signer(v, 4, false)?;
            load_signer(v, 5, true)?;
            load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
            // The original's codes here: a wrong PDA is `InvalidArgument`, a wrong
            // vault admin `InvalidAccountData` (not a custom error).
            expect_address(
                v,
                3,
                &aw::operator_vault_ticket_pda(&v.key(1), &v.key(2)).0,
                ProgramError::InvalidArgument,
            )?;
            if v.key(4) != v.pubkey_at(1, OPERATOR_VAULT_ADMIN) {
                return Err(Expected::Program(iad()));
            }
            create_account_cpi(v, 5, VAULT_TICKET_LEN)
        },
    );
}

#[test]
fn initialize_ncn_operator_state() {
    let fx = Fx::new(INACTIVE);
    let (a, b, new, admin) = (
        fx.ncn.address,
        fx.operator.address,
        fx.ncn_operator_state,
        fx.ncn.operator_admin,
    );
    initialize_pair(
        "InitializeNcnOperatorState",
        tag::INITIALIZE_NCN_OPERATOR_STATE,
        fx,
        a,
        b,
        new,
        admin,
        &[
            "config",
            "ncn",
            "operator",
            "ncn_operator_state",
            "admin",
            "payer",
            "system_program",
        ],
        |v| {
            config_load(v, 0, false)?;
            ncn_load(v, 1, true)?;
            operator_load(v, 2, true)?;
            load_system_account(v, 3, true)?;
            load_signer(v, 4, false)?;
            load_signer(v, 5, true)?;
            load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
            expect_address(
                v,
                3,
                &aw::ncn_operator_state_pda(&v.key(1), &v.key(2)).0,
                iad(),
            )?;
            key_eq(
                &v.key(4),
                &v.pubkey_at(1, NCN_OPERATOR_ADMIN),
                err::NCN_OPERATOR_ADMIN_INVALID,
            )?;
            create_account_cpi(v, 5, NCN_OPERATOR_STATE_LEN)
        },
    );
}

// ---------------------------------------------------------------------------
// 7–16: warm-up / cool-down toggles.
// ---------------------------------------------------------------------------

const TOGGLE_NAMES_NV: [&str; 5] = ["config", "ncn", "vault", "ncn_vault_ticket", "admin"];
const TOGGLE_NAMES_OV: [&str; 5] = [
    "config",
    "operator",
    "vault",
    "operator_vault_ticket",
    "admin",
];
const TOGGLE_NAMES_NO: [&str; 5] = ["config", "ncn", "operator", "ncn_operator_state", "admin"];

fn ncn_vault_toggle(name: &str, tag: u8, toggle: Toggle, slot: u64, loads_vault: bool) {
    let fx = Fx::new(toggle);
    let ix = aw::toggle_ix(
        tag,
        &fx.config,
        &fx.ncn.address,
        &fx.vault.address,
        &fx.ncn_vault_ticket,
        &fx.ncn.vault_admin,
    );
    let case = fx.case(name, slot, ix, &TOGGLE_NAMES_NV);
    let matrix = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        ncn_load(v, 1, false)?;
        if loads_vault {
            vault_load(v, 2, 0)?;
        }
        ncn_vault_ticket_load(v, 3, 1, 2, true)?;
        load_signer(v, 4, false)?;
        key_eq(
            &v.key(4),
            &v.pubkey_at(1, NCN_VAULT_ADMIN),
            err::NCN_VAULT_ADMIN_INVALID,
        )
    })
    .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    let matrix = if loads_vault {
        matrix
    } else {
        matrix.allow_at(
            2,
            &[
                Kind::Owner,
                Kind::Discriminator,
                Kind::Length,
                Kind::Uninitialised,
            ],
            "CooldownNcnVaultTicket never loads the vault: only its key seeds the ticket PDA",
        )
    };
    matrix.run();
}

#[test]
fn warmup_ncn_vault_ticket() {
    ncn_vault_toggle(
        "WarmupNcnVaultTicket",
        tag::WARMUP_NCN_VAULT_TICKET,
        INACTIVE,
        WARMUP_SLOT,
        true,
    );
}

#[test]
fn cooldown_ncn_vault_ticket() {
    ncn_vault_toggle(
        "CooldownNcnVaultTicket",
        tag::COOLDOWN_NCN_VAULT_TICKET,
        ACTIVE,
        COOLDOWN_SLOT,
        false,
    );
}

fn ncn_operator_toggle(name: &str, tag: u8, toggle: Toggle, slot: u64, by_ncn: bool) {
    let fx = Fx::new(toggle);
    let admin = if by_ncn {
        fx.ncn.operator_admin
    } else {
        fx.operator.ncn_admin
    };
    let ix = aw::toggle_ix(
        tag,
        &fx.config,
        &fx.ncn.address,
        &fx.operator.address,
        &fx.ncn_operator_state,
        &admin,
    );
    let case = fx.case(name, slot, ix, &TOGGLE_NAMES_NO);
    Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        if by_ncn {
            ncn_load(v, 1, false)?;
            operator_load(v, 2, false)?;
        } else {
            // The operator side loads the operator first.
            operator_load(v, 2, false)?;
            ncn_load(v, 1, false)?;
        }
        ncn_operator_state_load(v, 3, 1, 2, true)?;
        load_signer(v, 4, false)?;
        if by_ncn {
            key_eq(
                &v.key(4),
                &v.pubkey_at(1, NCN_OPERATOR_ADMIN),
                err::NCN_OPERATOR_ADMIN_INVALID,
            )
        } else {
            key_eq(
                &v.key(4),
                &v.pubkey_at(2, OPERATOR_NCN_ADMIN),
                err::OPERATOR_NCN_ADMIN_INVALID,
            )
        }
    })
    .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .run();
}

#[test]
fn ncn_warmup_operator() {
    ncn_operator_toggle(
        "NcnWarmupOperator",
        tag::NCN_WARMUP_OPERATOR,
        INACTIVE,
        WARMUP_SLOT,
        true,
    );
}

#[test]
fn ncn_cooldown_operator() {
    ncn_operator_toggle(
        "NcnCooldownOperator",
        tag::NCN_COOLDOWN_OPERATOR,
        ACTIVE,
        COOLDOWN_SLOT,
        true,
    );
}

#[test]
fn operator_warmup_ncn() {
    ncn_operator_toggle(
        "OperatorWarmupNcn",
        tag::OPERATOR_WARMUP_NCN,
        INACTIVE,
        WARMUP_SLOT,
        false,
    );
}

#[test]
fn operator_cooldown_ncn() {
    ncn_operator_toggle(
        "OperatorCooldownNcn",
        tag::OPERATOR_COOLDOWN_NCN,
        ACTIVE,
        COOLDOWN_SLOT,
        false,
    );
}

#[test]
fn warmup_ncn_vault_slasher_ticket() {
    let fx = Fx::new(INACTIVE);
    let ix = aw::warmup_ncn_vault_slasher_ticket_ix(
        &fx.config,
        &fx.ncn.address,
        &fx.vault.address,
        &fx.slasher,
        &fx.ncn_vault_ticket,
        &fx.slasher_ticket,
        &fx.ncn.slasher_admin,
    );
    let names = [
        "config",
        "ncn",
        "vault",
        "slasher",
        "ncn_vault_ticket",
        "ncn_vault_slasher_ticket",
        "admin",
    ];
    let case = fx.case("WarmupNcnVaultSlasherTicket", WARMUP_SLOT, ix, &names);
    Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        ncn_load(v, 1, false)?;
        vault_load(v, 2, 0)?;
        ncn_vault_ticket_load(v, 4, 1, 2, false)?;
        slasher_ticket_load(v, 5, 1, 2, 3, true)?;
        load_signer(v, 6, false)?;
        key_eq(
            &v.key(6),
            &v.pubkey_at(1, NCN_SLASHER_ADMIN),
            err::NCN_SLASHER_ADMIN_INVALID,
        )
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDA",
    )
    .allow_at(6, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .run();
}

#[test]
fn cooldown_ncn_vault_slasher_ticket() {
    let fx = Fx::new(ACTIVE);
    let ix = aw::cooldown_ncn_vault_slasher_ticket_ix(
        &fx.config,
        &fx.ncn.address,
        &fx.vault.address,
        &fx.slasher,
        &fx.slasher_ticket,
        &fx.ncn.slasher_admin,
    );
    let names = [
        "config",
        "ncn",
        "vault",
        "slasher",
        "ncn_vault_slasher_ticket",
        "admin",
    ];
    let case = fx.case("CooldownNcnVaultSlasherTicket", COOLDOWN_SLOT, ix, &names);
    Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        ncn_load(v, 1, false)?;
        vault_load(v, 2, 0)?;
        slasher_ticket_load(v, 4, 1, 2, 3, true)?;
        load_signer(v, 5, false)?;
        key_eq(
            &v.key(5),
            &v.pubkey_at(1, NCN_SLASHER_ADMIN),
            err::NCN_SLASHER_ADMIN_INVALID,
        )
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDA",
    )
    .allow_at(5, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .run();
}

fn operator_vault_toggle(name: &str, tag: u8, toggle: Toggle, slot: u64) {
    let fx = Fx::new(toggle);
    let ix = aw::toggle_ix(
        tag,
        &fx.config,
        &fx.operator.address,
        &fx.vault.address,
        &fx.operator_vault_ticket,
        &fx.operator.vault_admin,
    );
    let case = fx.case(name, slot, ix, &TOGGLE_NAMES_OV);
    Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        operator_load(v, 1, false)?;
        vault_load(v, 2, 0)?;
        operator_vault_ticket_load(v, 3, 1, 2, true)?;
        load_signer(v, 4, false)?;
        key_eq(
            &v.key(4),
            &v.pubkey_at(1, OPERATOR_VAULT_ADMIN),
            err::OPERATOR_VAULT_ADMIN_INVALID,
        )
    })
    .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .run();
}

#[test]
fn warmup_operator_vault_ticket() {
    operator_vault_toggle(
        "WarmupOperatorVaultTicket",
        tag::WARMUP_OPERATOR_VAULT_TICKET,
        INACTIVE,
        WARMUP_SLOT,
    );
}

#[test]
fn cooldown_operator_vault_ticket() {
    operator_vault_toggle(
        "CooldownOperatorVaultTicket",
        tag::COOLDOWN_OPERATOR_VAULT_TICKET,
        ACTIVE,
        COOLDOWN_SLOT,
    );
}

// ---------------------------------------------------------------------------
// 17–21, 24: admin roles and fee.
// ---------------------------------------------------------------------------

#[test]
fn ncn_set_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = aw::key(0x73, 0);
    let ix = aw::set_admin_ix(
        tag::NCN_SET_ADMIN,
        &fx.ncn.address,
        &fx.ncn.admin,
        &new_admin,
    );
    let case = fx.case(
        "NcnSetAdmin",
        WARMUP_SLOT,
        ix,
        &["ncn", "old_admin", "new_admin"],
    );
    Matrix::new(case, |v| {
        ncn_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        load_signer(v, 2, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, NCN_ADMIN),
            err::NCN_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda],
        "the new admin is any signer",
    )
    .allow(
        Mutation::Duplicate { at: 2, from: 1 },
        "the admin may hand the NCN to itself",
    )
    .run();
}

#[test]
fn ncn_set_secondary_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = aw::key(0x73, 0);
    let ix = aw::set_secondary_admin_ix(
        tag::NCN_SET_SECONDARY_ADMIN,
        6,
        &fx.ncn.address,
        &fx.ncn.admin,
        &new_admin,
    );
    let case = fx
        .case(
            "NcnSetSecondaryAdmin",
            WARMUP_SLOT,
            ix,
            &["ncn", "admin", "new_admin"],
        )
        .enum_arg(1, 7);
    Matrix::new(case, |v| {
        ncn_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, NCN_ADMIN),
            err::NCN_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda, Kind::Duplicate],
        "the new role holder is any address",
    )
    .run();
}

#[test]
fn operator_set_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = aw::key(0x73, 0);
    let ix = aw::set_admin_ix(
        tag::OPERATOR_SET_ADMIN,
        &fx.operator.address,
        &fx.operator.admin,
        &new_admin,
    );
    let case = fx.case(
        "OperatorSetAdmin",
        WARMUP_SLOT,
        ix,
        &["operator", "old_admin", "new_admin"],
    );
    Matrix::new(case, |v| {
        operator_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        load_signer(v, 2, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, OPERATOR_ADMIN),
            err::OPERATOR_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda],
        "the new admin is any signer",
    )
    .allow(
        Mutation::Duplicate { at: 2, from: 1 },
        "the admin may hand the operator to itself",
    )
    .run();
}

#[test]
fn operator_set_secondary_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = aw::key(0x73, 0);
    let ix = aw::set_secondary_admin_ix(
        tag::OPERATOR_SET_SECONDARY_ADMIN,
        2,
        &fx.operator.address,
        &fx.operator.admin,
        &new_admin,
    );
    let case = fx
        .case(
            "OperatorSetSecondaryAdmin",
            WARMUP_SLOT,
            ix,
            &["operator", "admin", "new_admin"],
        )
        .enum_arg(1, 5);
    Matrix::new(case, |v| {
        operator_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, OPERATOR_ADMIN),
            err::OPERATOR_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda, Kind::Duplicate],
        "the new role holder is any address",
    )
    .run();
}

#[test]
fn operator_set_fee() {
    let fx = Fx::new(INACTIVE);
    let ix = aw::operator_set_fee_ix(&fx.config, &fx.operator.address, &fx.operator.admin, 9_999);
    let over_cap =
        aw::operator_set_fee_ix(&fx.config, &fx.operator.address, &fx.operator.admin, 10_001).data;
    let case = fx
        .case(
            "OperatorSetFee",
            WARMUP_SLOT,
            ix,
            &["config", "operator", "admin"],
        )
        .arg_case(
            "fee 10_001 bps",
            over_cap,
            Expected::custom(err::OPERATOR_FEE_CAP_EXCEEDED),
        );
    Matrix::new(case, |v| {
        operator_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        key_eq(
            &v.key(2),
            &v.pubkey_at(1, OPERATOR_ADMIN),
            err::OPERATOR_ADMIN_INVALID,
        )?;
        fee_cap(v)
    })
    .allow_at(
        0,
        &[
            Kind::Owner,
            Kind::Discriminator,
            Kind::Length,
            Kind::Uninitialised,
            Kind::Pda,
            Kind::Duplicate,
        ],
        "the original ignores the config account of OperatorSetFee (`_config`)",
    )
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .run();
}

#[test]
fn set_config_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = aw::key(0x73, 0);
    let ix = aw::set_config_admin_ix(&fx.config, &fx.config_admin, &new_admin);
    let case = fx.case(
        "SetConfigAdmin",
        WARMUP_SLOT,
        ix,
        &["config", "old_admin", "new_admin"],
    );
    Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, CONFIG_ADMIN),
            err::CONFIG_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda, Kind::Duplicate],
        "the new admin is any address",
    )
    .run();
}

// ---------------------------------------------------------------------------
// 22–23: token delegation.
// ---------------------------------------------------------------------------

fn delegate_token_account(name: &str, tag: u8, by_ncn: bool) {
    let fx = Fx::new(INACTIVE);
    let (owner, delegate_admin) = if by_ncn {
        (fx.ncn.address, fx.ncn.delegate_admin)
    } else {
        (fx.operator.address, fx.operator.delegate_admin)
    };
    let fx = fx.with_tokens(&owner);
    let ix = aw::delegate_token_account_ix(
        tag,
        &owner,
        &delegate_admin,
        &fx.mint,
        &fx.token_account,
        &fx.delegate,
        &TOKEN_PROGRAM_ID,
    );
    let names = [
        "owner",
        "delegate_admin",
        "token_mint",
        "token_account",
        "delegate",
        "token_program",
    ];
    let case = fx.case(name, WARMUP_SLOT, ix, &names);
    Matrix::new(case, move |v| {
        if by_ncn {
            ncn_load(v, 0, false)?;
        } else {
            operator_load(v, 0, false)?;
        }
        load_signer(v, 1, false)?;
        load_token_mint(v, 2, &TOKEN_PROGRAM_ID)?;
        load_program(v, 5, &TOKEN_PROGRAM_ID)?;
        load_token_account(v, 3, &v.key(0), &v.key(2), &TOKEN_PROGRAM_ID)?;
        if v.account(2).owner != v.account(3).owner {
            return Err(Expected::Program(iad()));
        }
        if by_ncn {
            key_eq(&v.key(1), &v.pubkey_at(0, NCN_DELEGATE_ADMIN), err::NCN_DELEGATE_ADMIN_INVALID)?;
        } else {
            key_eq(&v.key(1), &v.pubkey_at(0, OPERATOR_DELEGATE_ADMIN), err::OPERATOR_DELEGATE_ADMIN_INVALID)?;
        }
        approve_cpi(v, 3)
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        3,
        &[Kind::Pda],
        "any token account held by the owner for that mint may be delegated: its address is not checked",
    )
    .allow_at(
        4,
        &[Kind::Owner, Kind::Uninitialised, Kind::Pda, Kind::Duplicate],
        "the delegate is any address: Approve does not read it",
    )
    .run();
}

#[test]
fn ncn_delegate_token_account() {
    delegate_token_account(
        "NcnDelegateTokenAccount",
        tag::NCN_DELEGATE_TOKEN_ACCOUNT,
        true,
    );
}

#[test]
fn operator_delegate_token_account() {
    delegate_token_account(
        "OperatorDelegateTokenAccount",
        tag::OPERATOR_DELEGATE_TOKEN_ACCOUNT,
        false,
    );
}

// ---------------------------------------------------------------------------
// Token edge cases outside the single-point matrix.
// ---------------------------------------------------------------------------

/// A frozen token account passes the original's loaders (a frozen account is
/// initialised) and the token program's `Approve` refuses it (`AccountFrozen`,
/// SPL Token error 17); a Token-2022 mint fails the original's SPL-Token-only
/// `load_token_mint` (`InvalidAccountOwner`) before the token program is looked at.
#[test]
fn delegate_token_account_frozen_and_token_2022() {
    use mollusk_tests::{assert_error, TOKEN_2022_PROGRAM_ID};
    for by_ncn in [true, false] {
        let fx = Fx::new(INACTIVE);
        let (owner, admin, t) = if by_ncn {
            (
                fx.ncn.address,
                fx.ncn.delegate_admin,
                tag::NCN_DELEGATE_TOKEN_ACCOUNT,
            )
        } else {
            (
                fx.operator.address,
                fx.operator.delegate_admin,
                tag::OPERATOR_DELEGATE_TOKEN_ACCOUNT,
            )
        };
        let mut fx = fx.with_tokens(&owner);
        let ix = aw::delegate_token_account_ix(
            t,
            &owner,
            &admin,
            &fx.mint,
            &fx.token_account,
            &fx.delegate,
            &TOKEN_PROGRAM_ID,
        );

        fx.store.accounts.get_mut(&fx.token_account).unwrap().data[108] = 2;
        let case = fx.case(
            "frozen",
            WARMUP_SLOT,
            ix.clone(),
            &[
                "owner",
                "delegate_admin",
                "token_mint",
                "token_account",
                "delegate",
                "token_program",
            ],
        );
        let result =
            mollusk_tests::oracle::process(&case.mollusk, &case.instruction, &case.accounts);
        assert_error(&result, &case.accounts, ProgramError::Custom(17));

        let mut fx = fx.with_tokens(&owner);
        for key in [fx.mint, fx.token_account] {
            fx.store.accounts.get_mut(&key).unwrap().owner = TOKEN_2022_PROGRAM_ID;
        }
        let mut ix22 = ix.clone();
        ix22.accounts[5].pubkey = TOKEN_2022_PROGRAM_ID;
        let case = fx.case(
            "token-2022",
            WARMUP_SLOT,
            ix22,
            &[
                "owner",
                "delegate_admin",
                "token_mint",
                "token_account",
                "delegate",
                "token_program",
            ],
        );
        let mut accounts = case.accounts.clone();
        for (k, a) in accounts.iter_mut() {
            if *k == TOKEN_2022_PROGRAM_ID {
                *a = program_account(&TOKEN_2022_PROGRAM_ID).1;
            }
        }
        let result = mollusk_tests::oracle::process(&case.mollusk, &case.instruction, &accounts);
        assert_error(&result, &accounts, ProgramError::InvalidAccountOwner);
    }
}
