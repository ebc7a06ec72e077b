//! Negative matrix over all 34 vault instructions (see `mollusk_tests::negative`).
//!
//! Each test builds one valid instruction over a world where every vault admin
//! role is held by a different key (`scenarios::vault_roles`), and a model of
//! the original program's checks in the original's order (read from
//! `vault_program/src/*.rs`, the `load` functions of `vault_core`,
//! `restaking_core` and `core` at 8109c879). The engine derives every
//! single-point mutation and its exact expected error from the model, runs it,
//! and checks that nothing changed. Mutations that legitimately succeed are
//! listed with the reason; outcomes decided by the runtime or by a program the
//! vault invokes (SPL Token, the associated token program, the system program,
//! the Metaplex stand-in) are modelled where they are simple (a read-only
//! account handed to a CPI that writes it is `PrivilegeEscalation`) and are
//! otherwise in the override table with the reason.
//!
//! Tag 25 is an instruction of the vault (CooldownDelegation): the engine's
//! `Tag(25)` mutation is therefore modelled as CooldownDelegation on the same
//! accounts and data ([`tag25`]).
//!
//! Run with `--nocapture` to see the per-instruction counts (`NEGATIVE ...` lines).

use jito_vault_interface::state::{
    AccountType, Config, Vault, VaultNcnSlasherOperatorTicket, VaultNcnSlasherTicket,
    VaultNcnTicket, VaultOperatorDelegation, VaultStakerWithdrawalTicket, VaultUpdateStateTracker,
};
use mollusk_tests::{
    layout_oracle::VaultState,
    negative::{
        create_account_cpi, expect_address, key_eq, load_program, load_signer, load_system_account,
        load_token_account, load_token_mint, Check, Expected, InstructionError, Kind, Matrix,
        Mutation, Summary, ValidCase, View,
    },
    scenarios::restaking_roles::{self as raw, layout as rl},
    scenarios::vault_roles::{
        self as vw, ata, err, off, ConfigKeys, VaultKeys, EPOCH_LENGTH, METAPLEX_ID,
    },
    world::World,
    Account, Instruction, Mollusk, ProgramError, Pubkey, ASSOCIATED_TOKEN_PROGRAM_ID,
    RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

const V: Pubkey = VAULT_PROGRAM_ID;
const R: Pubkey = RESTAKING_PROGRAM_ID;
/// Epoch 10; the vault was fully updated in this epoch unless a test says otherwise.
const SLOT: u64 = 10 * EPOCH_LENGTH + 5;
/// Active toggles: added at slot 20 (epoch 0), removed at 10 (earlier): active from epoch 2.
const ACTIVE: (u64, u64) = (20, 10);
/// Inactive toggles: created at slot 10, never added.
const INACTIVE: (u64, u64) = (10, 10);

const SIGNER_ONLY: &str =
    "the original only checks that this account signed; its owner, lamports and data are never read";
const ANY_PAYER: &str = "any funded system wallet may pay";
const TOKEN_ACCOUNT_BY_FIELDS: &str =
    "as the original, the token account is checked by its owner and mint fields, not its address";
const NOT_WRITTEN: &str =
    "the sdk marks this account writable but the original never writes it nor passes it writable to a CPI";

fn iad() -> ProgramError {
    ProgramError::InvalidAccountData
}

fn custom(code: u32) -> Check {
    Err(Expected::custom(code))
}

// ---------------------------------------------------------------------------
// Model: the original's loaders.
// ---------------------------------------------------------------------------

/// The first part of every original `load`: owner (`InvalidAccountOwner`),
/// data, writable when expected, discriminator (`InvalidAccountData`). The
/// length is only checked where the original deserialises ([`deser`]).
fn state_load(v: &View, i: usize, owner: &Pubkey, disc: u8, writable: bool) -> Check {
    let account = v.account(i);
    if account.owner != *owner {
        return Err(Expected::Program(ProgramError::InvalidAccountOwner));
    }
    if account.data.is_empty() {
        return Err(Expected::Program(iad()));
    }
    if writable && !v.is_writable(i) {
        return Err(Expected::Program(iad()));
    }
    if account.data[0] != disc {
        return Err(Expected::Program(iad()));
    }
    Ok(())
}

/// `try_from_slice_unchecked`: the data is exactly the account's size.
fn deser(v: &View, i: usize, len: usize) -> Check {
    if v.account(i).data.len() != len {
        return Err(Expected::Program(iad()));
    }
    Ok(())
}

/// `Config::load`, and the deserialisation most processors do right after.
fn config_load(v: &View, i: usize, writable: bool) -> Check {
    config_load_only(v, i, writable)?;
    deser(v, i, Config::LEN)
}

/// `Config::load` alone (some processors never read the config).
fn config_load_only(v: &View, i: usize, writable: bool) -> Check {
    state_load(v, i, &V, 1, writable)?;
    expect_address(v, i, &vw::config_pda().0, iad())
}

fn config_of(v: &View, i: usize) -> Config {
    *Config::from_bytes(&v.account(i).data).unwrap()
}

/// `Vault::load`: the address is `create_program_address` of the stored base and bump.
fn vault_load(v: &View, i: usize, writable: bool) -> Check {
    state_load(v, i, &V, 2, writable)?;
    deser(v, i, Vault::LEN)?;
    let base = v.pubkey_at(i, off::VAULT_BASE);
    let bump = v.u8_at(i, off::VAULT_BUMP);
    match Pubkey::create_program_address(&[b"vault", base.as_ref(), &[bump]], &V) {
        Ok(address) => expect_address(v, i, &address, iad()),
        Err(_) => Err(Expected::Program(ProgramError::InvalidSeeds)),
    }
}

fn vault_of(v: &View, i: usize) -> Vault {
    *Vault::from_bytes(&v.account(i).data).unwrap()
}

/// `Ncn::load` / `Operator::load` of the restaking program: the address is the PDA of the stored base.
fn ncn_load(v: &View, i: usize) -> Check {
    state_load(v, i, &R, rl::NCN_DISC, false)?;
    deser(v, i, rl::NCN_LEN)?;
    expect_address(v, i, &raw::ncn_pda(&v.pubkey_at(i, rl::NCN_BASE)).0, iad())
}

fn operator_load(v: &View, i: usize) -> Check {
    state_load(v, i, &R, rl::OPERATOR_DISC, false)?;
    deser(v, i, rl::OPERATOR_LEN)?;
    expect_address(
        v,
        i,
        &raw::operator_pda(&v.pubkey_at(i, rl::OPERATOR_BASE)).0,
        iad(),
    )
}

fn ncn_vault_ticket_load(v: &View, i: usize, ncn: usize, vault: usize) -> Check {
    // Never deserialised by the vault program.
    state_load(v, i, &R, rl::NCN_VAULT_TICKET_DISC, false)?;
    expect_address(
        v,
        i,
        &raw::ncn_vault_ticket_pda(&v.key(ncn), &v.key(vault)).0,
        iad(),
    )
}

fn operator_vault_ticket_load(v: &View, i: usize, operator: usize, vault: usize) -> Check {
    // Never deserialised by the vault program.
    state_load(v, i, &R, rl::OPERATOR_VAULT_TICKET_DISC, false)?;
    expect_address(
        v,
        i,
        &raw::operator_vault_ticket_pda(&v.key(operator), &v.key(vault)).0,
        iad(),
    )
}

fn ncn_vault_slasher_ticket_load(
    v: &View,
    i: usize,
    ncn: usize,
    vault: usize,
    slasher: usize,
) -> Check {
    state_load(v, i, &R, rl::NCN_VAULT_SLASHER_TICKET_DISC, false)?;
    // Deserialised after the ticket is created, for its max slashable amount.
    deser(v, i, rl::NCN_VAULT_SLASHER_TICKET_LEN)?;
    expect_address(
        v,
        i,
        &raw::ncn_vault_slasher_ticket_pda(&v.key(ncn), &v.key(vault), &v.key(slasher)).0,
        iad(),
    )
}

fn vault_ncn_ticket_load(v: &View, i: usize, vault: usize, ncn: usize, writable: bool) -> Check {
    state_load(v, i, &V, 3, writable)?;
    deser(v, i, VaultNcnTicket::LEN)?;
    expect_address(
        v,
        i,
        &vw::vault_ncn_ticket_pda(&v.key(vault), &v.key(ncn)).0,
        iad(),
    )
}

fn delegation_load(v: &View, i: usize, vault: usize, operator: usize, writable: bool) -> Check {
    state_load(v, i, &V, 4, writable)?;
    deser(v, i, VaultOperatorDelegation::LEN)?;
    expect_address(
        v,
        i,
        &vw::vault_operator_delegation_pda(&v.key(vault), &v.key(operator)).0,
        iad(),
    )
}

fn vault_ncn_slasher_ticket_load(
    v: &View,
    i: usize,
    vault: usize,
    ncn: usize,
    slasher: usize,
    writable: bool,
    deserialised: bool,
) -> Check {
    state_load(v, i, &V, 5, writable)?;
    if deserialised {
        deser(v, i, VaultNcnSlasherTicket::LEN)?;
    }
    expect_address(
        v,
        i,
        &vw::vault_ncn_slasher_ticket_pda(&v.key(vault), &v.key(ncn), &v.key(slasher)).0,
        iad(),
    )
}

/// `VaultStakerWithdrawalTicket::load`: stored vault, then `create_program_address`.
fn withdrawal_ticket_load(v: &View, i: usize, vault: usize, writable: bool) -> Check {
    state_load(v, i, &V, 7, writable)?;
    deser(v, i, VaultStakerWithdrawalTicket::LEN)?;
    if v.pubkey_at(i, off::TICKET_VAULT) != v.key(vault) {
        return Err(Expected::Program(iad()));
    }
    let base = v.pubkey_at(i, off::TICKET_BASE);
    let bump = v.u8_at(i, off::TICKET_BUMP);
    let vault_key = v.key(vault);
    let seeds: [&[u8]; 4] = [
        b"vault_staker_withdrawal_ticket",
        vault_key.as_ref(),
        base.as_ref(),
        &[bump],
    ];
    match Pubkey::create_program_address(&seeds, &V) {
        Ok(address) => expect_address(v, i, &address, iad()),
        Err(_) => Err(Expected::Program(ProgramError::InvalidSeeds)),
    }
}

fn tracker_load(v: &View, i: usize, vault: usize, ncn_epoch: u64, writable: bool) -> Check {
    state_load(v, i, &V, 8, writable)?;
    deser(v, i, VaultUpdateStateTracker::LEN)?;
    expect_address(v, i, &vw::tracker_pda(&v.key(vault), ncn_epoch).0, iad())
}

/// `load_associated_token_account` (SPL Token only): owner, data, address.
fn ata_load(v: &View, i: usize, owner: &Pubkey, mint: &Pubkey) -> Check {
    let account = v.account(i);
    if account.owner != TOKEN_PROGRAM_ID {
        return Err(Expected::Program(ProgramError::InvalidAccountOwner));
    }
    if account.data.is_empty() {
        return Err(Expected::Program(iad()));
    }
    expect_address(v, i, &ata(owner, mint), iad())
}

/// `load_token_account`: the token program account first, then the account.
fn token_account_load(
    v: &View,
    i: usize,
    owner: &Pubkey,
    mint: &Pubkey,
    token_program: usize,
) -> Check {
    load_program(v, token_program, &TOKEN_PROGRAM_ID)?;
    load_token_account(v, i, owner, mint, &TOKEN_PROGRAM_ID)
}

/// `check_mint_burn_admin` with the optional account at `i`.
fn mint_burn_admin(v: &View, vault: &Vault, i: usize) -> Check {
    if vault.mint_burn_admin == Pubkey::default() {
        return Ok(());
    }
    if i >= v.len() || !v.is_signer(i) || v.key(i) != vault.mint_burn_admin {
        return custom(err::VAULT_MINT_BURN_ADMIN_INVALID);
    }
    Ok(())
}

/// The accounts a CPI takes writable: a read-only one is a privilege escalation.
fn cpi_writable(v: &View, accounts: &[usize]) -> Check {
    for &i in accounts {
        if !v.is_writable(i) {
            return Err(Expected::Runtime(InstructionError::PrivilegeEscalation));
        }
    }
    Ok(())
}

/// The token program only takes 165-byte token accounts (`InvalidAccountData`).
fn token_account_len(v: &View, i: usize) -> Check {
    deser(v, i, 165)
}

/// SPL Token `Transfer` of `amount`: the source's balance
/// (`InsufficientFunds` = 1), then the mint fields of both accounts
/// (`MintMismatch` = 3).
fn token_transfer(v: &View, from: usize, to: usize, amount: u64) -> Check {
    cpi_writable(v, &[from, to])?;
    token_account_len(v, from)?;
    token_account_len(v, to)?;
    token_balance_at_least(v, from, amount)?;
    if v.account(from).data[..32] != v.account(to).data[..32] {
        return custom(err::TOKEN_MINT_MISMATCH);
    }
    Ok(())
}

/// SPL Token MintTo / Burn: the token account's mint field is the mint.
fn token_mint_op(v: &View, mint: usize, account: usize) -> Check {
    cpi_writable(v, &[mint, account])?;
    token_account_len(v, account)?;
    if v.account(account).data[..32] != v.key(mint).to_bytes() {
        return custom(err::TOKEN_MINT_MISMATCH);
    }
    Ok(())
}

/// Little-endian `u64` of the instruction data at `at`.
fn u64_arg(v: &View, at: usize) -> u64 {
    u64::from_le_bytes(v.data[at..at + 8].try_into().unwrap())
}

/// Little-endian `u16` of the instruction data at `at`.
fn u16_arg(v: &View, at: usize) -> u16 {
    u16::from_le_bytes(v.data[at..at + 2].try_into().unwrap())
}

/// A vault arithmetic error as the expected outcome.
fn vault_err<T>(r: Result<T, jito_vault_interface::error::VaultError>) -> Result<T, Expected> {
    r.map_err(|e| Expected::custom(e as u32))
}

/// A token balance (SPL Token `InsufficientFunds` = 1 below `amount`).
fn token_balance_at_least(v: &View, i: usize, amount: u64) -> Check {
    if mollusk_tests::token_amount(v.account(i)) < amount {
        return custom(err::TOKEN_INSUFFICIENT_FUNDS);
    }
    Ok(())
}

/// The vault is up to date and not paused (state checks; mutations do not reach them).
fn vault_state_ok(vault: &Vault) -> Check {
    if vault.is_update_needed(SLOT, EPOCH_LENGTH).unwrap() {
        return custom(err::VAULT_UPDATE_NEEDED);
    }
    if vault.is_paused() {
        return custom(err::VAULT_IS_PAUSED);
    }
    Ok(())
}

/// The vault is not paused (the epoch-update instructions do not require it up to date).
fn vault_state_ok_paused(vault: &Vault) -> Check {
    if vault.is_paused() {
        return custom(err::VAULT_IS_PAUSED);
    }
    Ok(())
}

/// CooldownDelegation on the accounts and data of another instruction (the
/// engine's `Tag(25)` mutation): its data must be one `u64`, then exactly five
/// accounts; `None` when the case needs its own entry.
fn tag25(ix: &Instruction) -> Option<Expected> {
    if ix.data.len() != 9 {
        return Some(Expected::Program(ProgramError::InvalidInstructionData));
    }
    if ix.accounts.len() != 5 {
        return Some(Expected::Program(ProgramError::NotEnoughAccountKeys));
    }
    None
}

// ---------------------------------------------------------------------------
// Fixture.
// ---------------------------------------------------------------------------

const VAULT_TOKENS: u64 = 100_000;
const STAKED: u64 = 10_000;
const TICKET_VRT: u64 = 1_000;

struct Fx {
    config: ConfigKeys,
    v: VaultKeys,
    ncn: raw::NcnKeys,
    operator: raw::OperatorKeys,
    slasher: Pubkey,
    staker: Pubkey,
    payer: Pubkey,
    ticket: Pubkey,
    ncn_vault_ticket: Pubkey,
    operator_vault_ticket: Pubkey,
    ncn_vault_slasher_ticket: Pubkey,
    vault_ncn_ticket: Pubkey,
    delegation: Pubkey,
    vault_ncn_slasher_ticket: Pubkey,
    /// Unstored addresses are funded wallets.
    store: World,
    slot: u64,
    metaplex: bool,
}

impl Fx {
    /// Config, one vault (k = 0) holding `VAULT_TOKENS` with a mint/burn admin,
    /// an operator delegation, tickets with `toggle`, a claimable withdrawal
    /// ticket, the restaking NCN / operator / tickets and funded wallets.
    fn new(toggle: (u64, u64)) -> Self {
        let config = ConfigKeys::new();
        let v = VaultKeys::new(0);
        let ncn = raw::NcnKeys::new(0);
        let operator = raw::OperatorKeys::new(0);
        let slasher = vw::key(0x52, 0);
        let staker = vw::key(0x50, 0);
        let payer = vw::key(0x53, 0);
        let ticket_base = vw::key(0x51, 0);
        let ticket = vw::withdrawal_ticket_pda(&v.address, &ticket_base).0;
        let ncn_vault_ticket = raw::ncn_vault_ticket_pda(&ncn.address, &v.address).0;
        let operator_vault_ticket = raw::operator_vault_ticket_pda(&operator.address, &v.address).0;
        let ncn_vault_slasher_ticket =
            raw::ncn_vault_slasher_ticket_pda(&ncn.address, &v.address, &slasher).0;
        let vault_ncn_ticket = vw::vault_ncn_ticket_pda(&v.address, &ncn.address).0;
        let delegation = vw::vault_operator_delegation_pda(&v.address, &operator.address).0;
        let vault_ncn_slasher_ticket =
            vw::vault_ncn_slasher_ticket_pda(&v.address, &ncn.address, &slasher).0;

        let mut store = World::store_only().unstored_accounts_are(vw::wallet());
        store.set(
            config.address,
            vw::vault_account(vw::config_bytes(&config, EPOCH_LENGTH, 30, 1)),
        );
        let keys = v.clone();
        store.set(
            v.address,
            vw::vault_account(vw::vault_bytes(&v, |vault| {
                vault.tokens_deposited = VAULT_TOKENS;
                vault.vrt_supply = VAULT_TOKENS;
                vault.deposit_fee_bps = 10;
                vault.withdrawal_fee_bps = 20;
                vault.next_withdrawal_fee_bps = 20;
                vault.reward_fee_bps = 30;
                vault.program_fee_bps = 30;
                vault.mint_burn_admin = keys.mint_burn_admin;
                vault.ncn_count = 1;
                vault.operator_count = 1;
                vault.slasher_count = 1;
                vault.delegation.staked = STAKED;
                vault.vrt_ready_to_claim_amount = TICKET_VRT;
                vault.last_full_state_update_slot = SLOT;
                vault.last_start_state_update_slot = SLOT;
            })),
        );
        store.set(v.vrt_mint, vw::mint_account(Some(&v.address), VAULT_TOKENS));
        store.set(
            v.st_mint,
            vw::mint_account(Some(&vw::key(0x31, 9)), 10 * VAULT_TOKENS),
        );
        store.set(
            v.vault_st_ata,
            vw::token_account(&v.st_mint, &v.address, VAULT_TOKENS),
        );
        store.set(
            v.fee_vrt_ata(),
            vw::token_account(&v.vrt_mint, &v.fee_wallet, 0),
        );
        store.set(
            ata(&config.program_fee_wallet, &v.vrt_mint),
            vw::token_account(&v.vrt_mint, &config.program_fee_wallet, 0),
        );
        for k in [staker, payer, v.admin, ticket_base] {
            store.set(k, vw::wallet());
        }
        store.set(
            ata(&staker, &v.st_mint),
            vw::token_account(&v.st_mint, &staker, 50_000),
        );
        store.set(
            ata(&staker, &v.vrt_mint),
            vw::token_account(&v.vrt_mint, &staker, 10_000),
        );
        store.set(
            ticket,
            vw::vault_account(vw::withdrawal_ticket_bytes(
                &v.address,
                &staker,
                &ticket_base,
                TICKET_VRT,
                0,
            )),
        );
        store.set(
            ata(&ticket, &v.vrt_mint),
            vw::token_account(&v.vrt_mint, &ticket, TICKET_VRT),
        );
        store.set(ncn.address, raw::ncn_account(&ncn));
        store.set(operator.address, raw::operator_account(&operator));
        store.set(
            ncn_vault_ticket,
            raw::restaking_account(raw::ncn_vault_ticket_bytes(
                &ncn.address,
                &v.address,
                0,
                ACTIVE,
            )),
        );
        store.set(
            operator_vault_ticket,
            raw::restaking_account(raw::operator_vault_ticket_bytes(
                &operator.address,
                &v.address,
                0,
                ACTIVE,
            )),
        );
        store.set(
            ncn_vault_slasher_ticket,
            raw::restaking_account(raw::ncn_vault_slasher_ticket_bytes(
                &ncn.address,
                &v.address,
                &slasher,
                5_000,
                0,
                ACTIVE,
            )),
        );
        store.set(
            vault_ncn_ticket,
            vw::vault_account(vw::vault_ncn_ticket_bytes(
                &v.address,
                &ncn.address,
                0,
                toggle,
            )),
        );
        store.set(
            delegation,
            vw::vault_account(vw::vault_operator_delegation_bytes(
                &v.address,
                &operator.address,
                0,
                SLOT,
                (STAKED, 0, 0),
            )),
        );
        store.set(
            vault_ncn_slasher_ticket,
            vw::vault_account(vw::vault_ncn_slasher_ticket_bytes(
                &v.address,
                &ncn.address,
                &slasher,
                5_000,
                0,
                toggle,
            )),
        );
        Self {
            config,
            v,
            ncn,
            operator,
            slasher,
            staker,
            payer,
            ticket,
            ncn_vault_ticket,
            operator_vault_ticket,
            ncn_vault_slasher_ticket,
            vault_ncn_ticket,
            delegation,
            vault_ncn_slasher_ticket,
            store,
            slot: SLOT,
            metaplex: false,
        }
    }

    /// Nothing at `key` (an address about to be created).
    fn without(mut self, key: &Pubkey) -> Self {
        self.store.set(*key, vw::empty());
        self
    }

    fn set(mut self, key: Pubkey, account: Account) -> Self {
        self.store.set(key, account);
        self
    }

    /// Rewrites the vault.
    fn edit_vault(mut self, f: impl FnOnce(&mut VaultState)) -> Self {
        let account = self.store.accounts.get_mut(&self.v.address).unwrap();
        let mut vault = VaultState::from_bytes(&account.data);
        f(&mut vault);
        account.data = vault.to_bytes();
        self
    }

    fn case(&self, name: &str, ix: Instruction, names: &[&'static str]) -> ValidCase {
        let mut m: Mollusk = if self.metaplex {
            vw::mollusk_with_metaplex()
        } else {
            mollusk_tests::mollusk()
        };
        m.warp_to_slot(self.slot);
        let accounts = self.store.accounts_for(&ix);
        ValidCase::new(format!("vault {name}"), m, ix, accounts, names)
    }
}

/// Runs a matrix with the `Tag(25)` expectation of [`tag25`] when it applies.
fn run(matrix: Matrix, ix: &Instruction) -> Summary {
    match tag25(ix) {
        Some(e) if e != Expected::Program(ProgramError::InvalidInstructionData) => matrix
            .expect(
                Mutation::Tag(25),
                e,
                "tag 25 is CooldownDelegation: its one-u64 data parses, and it takes five accounts",
            )
            .run(),
        _ => matrix.run(),
    }
}

const LEN_STRICTER: &str = "stricter than the original, which never deserialises this account here: every load checks the exact length (a program-owned account never changes size, so only a forged account differs)";

/// The rewrite checks the exact length of account `i` where the original
/// only loads it (owner, discriminator, address) without deserialising it.
fn stricter_len(m: Matrix<'_>, i: usize) -> Matrix<'_> {
    m.expect(
        Mutation::Resized(i, false),
        Expected::Program(iad()),
        LEN_STRICTER,
    )
    .expect(
        Mutation::Resized(i, true),
        Expected::Program(iad()),
        LEN_STRICTER,
    )
}

// ---------------------------------------------------------------------------
// 0–2: config and vault creation.
// ---------------------------------------------------------------------------

#[test]
fn initialize_config() {
    let fx = Fx::new(INACTIVE);
    let config = fx.config.address;
    let fx = fx.without(&config);
    let admin = vw::key(0x10, 9);
    let fee_wallet = fx.config.program_fee_wallet;
    let ix = vw::initialize_config(&config, &admin, &R, &fee_wallet, 30);
    let fee = |bps: u16| vw::initialize_config(&config, &admin, &R, &fee_wallet, bps).data;
    let case = fx
        .case(
            "InitializeConfig",
            ix.clone(),
            &[
                "config",
                "admin",
                "restaking_program",
                "program_fee_wallet",
                "system_program",
            ],
        )
        .arg_case(
            "program fee 10_001 bps",
            fee(10_001),
            Expected::Program(ProgramError::InvalidArgument),
        )
        .arg_case(
            "program fee 65_535 bps",
            fee(u16::MAX),
            Expected::Program(ProgramError::InvalidArgument),
        )
        .arg_case("program fee 10_000 bps", fee(10_000), Expected::Success);
    let m = Matrix::new(case, |v| {
        load_system_account(v, 0, true)?;
        load_signer(v, 1, true)?;
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        expect_address(v, 0, &vw::config_pda().0, iad())?;
        if u16_arg(v, 1) > 10_000 {
            return Err(Expected::Program(ProgramError::InvalidArgument));
        }
        create_account_cpi(v, 1, Config::LEN)
    })
    .allow(Mutation::Arg(2), "100% is the largest accepted program fee")
    .allow_at(
        1,
        &[Kind::Pda],
        "any signer may create the config and becomes its admin",
    )
    .allow_at(
        2,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "restaking_program is stored as given: the original never checks it",
    )
    .allow_at(
        3,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "program_fee_wallet is stored as given: the original never checks it",
    );
    run(m, &ix);
}

#[test]
fn initialize_vault() {
    let fx = Fx::new(INACTIVE);
    let nv = VaultKeys::new(1);
    let burn_vault = vw::burn_vault_pda(&nv.base).0;
    let fx = fx
        .without(&nv.address)
        .without(&nv.vrt_mint)
        .without(&burn_vault)
        .without(&ata(&burn_vault, &nv.vrt_mint))
        .set(nv.st_mint, fx_st_mint())
        .set(
            ata(&nv.admin, &nv.st_mint),
            vw::token_account(&nv.st_mint, &nv.admin, 50_000),
        )
        .set(
            nv.vault_st_ata,
            vw::token_account(&nv.st_mint, &nv.address, 0),
        )
        .set(nv.admin, vw::wallet())
        .set(nv.base, vw::wallet());
    let data = vw::initialize_vault_data(10, 20, 30, 9, 10_000);
    let ix = vw::initialize_vault(&fx.config.address, &nv, data);
    let names = [
        "config",
        "vault",
        "vrt_mint",
        "st_mint",
        "admin_st_token_account",
        "vault_st_token_account",
        "burn_vault",
        "burn_vault_vrt_token_account",
        "admin",
        "base",
        "system_program",
        "token_program",
        "associated_token_program",
    ];
    let case = fx
        .case("InitializeVault", ix.clone(), &names)
        .arg_case(
            "initial amount 0",
            vw::initialize_vault_data(10, 20, 30, 9, 0),
            Expected::custom(1001),
        )
        .arg_case(
            "deposit fee above the config cap",
            vw::initialize_vault_data(2_001, 20, 30, 9, 10_000),
            Expected::custom(err::VAULT_FEE_CAP_EXCEEDED),
        )
        .arg_case(
            "withdrawal fee above the config cap",
            vw::initialize_vault_data(10, 2_001, 30, 9, 10_000),
            Expected::custom(err::VAULT_FEE_CAP_EXCEEDED),
        )
        .arg_case(
            "reward fee 10_001 bps",
            vw::initialize_vault_data(10, 20, 10_001, 9, 10_000),
            Expected::custom(err::VAULT_FEE_CAP_EXCEEDED),
        )
        .arg_case(
            "initial amount above the admin's balance",
            vw::initialize_vault_data(10, 20, 30, 9, 50_001),
            Expected::custom(err::TOKEN_INSUFFICIENT_FUNDS),
        );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_system_account(v, 1, true)?;
        load_system_account(v, 2, true)?;
        load_signer(v, 2, true)?;
        load_token_mint(v, 3, &TOKEN_PROGRAM_ID)?;
        token_account_load(v, 4, &v.key(8), &v.key(3), 11)?;
        token_account_load(v, 5, &v.key(1), &v.key(3), 11)?;
        // BurnVault::load: system-owned, at the PDA of the base.
        if v.account(6).owner != SYSTEM_PROGRAM_ID {
            return Err(Expected::Program(ProgramError::InvalidAccountOwner));
        }
        expect_address(v, 6, &vw::burn_vault_pda(&v.key(9)).0, iad())?;
        load_system_account(v, 7, true)?;
        load_signer(v, 8, true)?;
        load_signer(v, 9, false)?;
        load_program(v, 10, &SYSTEM_PROGRAM_ID)?;
        load_program(v, 11, &TOKEN_PROGRAM_ID)?;
        load_program(v, 12, &ASSOCIATED_TOKEN_PROGRAM_ID)?;
        let amount = u64_arg(v, 8);
        if amount == 0 {
            return custom(1001);
        }
        expect_address(v, 1, &vw::vault_pda(&v.key(9)).0, iad())?;
        let cap = config_of(v, 0).deposit_withdrawal_fee_cap_bps();
        if u16_arg(v, 1) > cap || u16_arg(v, 3) > cap || u16_arg(v, 5) > 10_000 {
            return custom(err::VAULT_FEE_CAP_EXCEEDED);
        }
        // CreateAccount of the VRT mint, paid by the admin (the system
        // program refuses a funded address: AccountAlreadyInUse = 0).
        create_account_cpi(v, 8, 82)?;
        if v.account(2).lamports > 0 {
            return custom(0);
        }
        // Then the vault, the deposit transfer, the burn vault's ATA (the
        // associated token program derives the address: InvalidSeeds) and the mint.
        token_transfer(v, 4, 5, amount)?;
        expect_address(v, 7, &ata(&v.key(6), &v.key(2)), ProgramError::InvalidSeeds)?;
        Ok(())
    })
    .allow_at(9, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(4, &[Kind::Pda], TOKEN_ACCOUNT_BY_FIELDS)
    .allow_at(5, &[Kind::Pda], TOKEN_ACCOUNT_BY_FIELDS);
    run(m, &ix);
}

/// A supported-token mint for a new vault.
fn fx_st_mint() -> Account {
    vw::mint_account(Some(&vw::key(0x33, 9)), 1_000_000)
}

#[test]
fn initialize_vault_with_mint() {
    // The original's processor does nothing and returns Ok, whatever the accounts.
    let fx = Fx::new(INACTIVE);
    let ix = vw::initialize_vault_with_mint();
    let case = fx.case("InitializeVaultWithMint", ix.clone(), &[]);
    let m = Matrix::new(case, |_| Ok(()))
        .expect(
            Mutation::ExtraAccount,
            Expected::Success,
            "the original's processor ignores its accounts",
        )
        .allow(
            Mutation::ExtraAccount,
            "the original's processor ignores its accounts",
        );
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 3–6: ticket and delegation creation.
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_operator_delegation() {
    let fx = Fx::new(INACTIVE);
    let delegation = fx.delegation;
    let fx = fx.without(&delegation);
    let ix = vw::initialize_vault_operator_delegation(
        &fx.config.address,
        &fx.v.address,
        &fx.operator.address,
        &fx.operator_vault_ticket,
        &delegation,
        &fx.v.operator_admin,
        &fx.payer,
    );
    let names = [
        "config",
        "vault",
        "operator",
        "operator_vault_ticket",
        "vault_operator_delegation",
        "admin",
        "payer",
        "system_program",
    ];
    let case = fx.case("InitializeVaultOperatorDelegation", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        operator_load(v, 2)?;
        operator_vault_ticket_load(v, 3, 2, 1)?;
        load_system_account(v, 4, true)?;
        load_signer(v, 5, false)?;
        load_signer(v, 6, true)?;
        load_program(v, 7, &SYSTEM_PROGRAM_ID)?;
        expect_address(
            v,
            4,
            &vw::vault_operator_delegation_pda(&v.key(1), &v.key(2)).0,
            iad(),
        )?;
        key_eq(
            &v.key(5),
            &vault.operator_admin,
            err::VAULT_OPERATOR_ADMIN_INVALID,
        )?;
        vault_state_ok(&vault)?;
        create_account_cpi(v, 6, VaultOperatorDelegation::LEN)
    })
    .allow_at(2, &[Kind::Writable], NOT_WRITTEN)
    .allow_at(5, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(6, &[Kind::Pda], ANY_PAYER);
    let m = stricter_len(m, 3);
    run(m, &ix);
}

#[test]
fn initialize_vault_ncn_ticket() {
    let fx = Fx::new(INACTIVE);
    let ticket = fx.vault_ncn_ticket;
    let fx = fx.without(&ticket);
    let ix = vw::initialize_vault_ncn_ticket(
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.ncn_vault_ticket,
        &ticket,
        &fx.v.ncn_admin,
        &fx.payer,
    );
    let names = [
        "config",
        "vault",
        "ncn",
        "ncn_vault_ticket",
        "vault_ncn_ticket",
        "admin",
        "payer",
        "system_program",
    ];
    let case = fx.case("InitializeVaultNcnTicket", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        ncn_load(v, 2)?;
        ncn_vault_ticket_load(v, 3, 2, 1)?;
        // The original does not require the new ticket to be writable here;
        // the CreateAccount CPI does.
        load_system_account(v, 4, false)?;
        load_signer(v, 5, false)?;
        load_signer(v, 6, true)?;
        load_program(v, 7, &SYSTEM_PROGRAM_ID)?;
        expect_address(
            v,
            4,
            &vw::vault_ncn_ticket_pda(&v.key(1), &v.key(2)).0,
            iad(),
        )?;
        key_eq(&v.key(5), &vault.ncn_admin, err::VAULT_NCN_ADMIN_INVALID)?;
        vault_state_ok(&vault)?;
        create_account_cpi(v, 6, VaultNcnTicket::LEN)?;
        cpi_writable(v, &[4])
    })
    .allow_at(5, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(6, &[Kind::Pda], ANY_PAYER);
    let m = stricter_len(m, 3);
    run(m, &ix);
}

#[test]
fn initialize_vault_ncn_slasher_operator_ticket() {
    let fx = Fx::new(ACTIVE);
    let epoch = SLOT / EPOCH_LENGTH;
    let ticket = vw::vault_ncn_slasher_operator_ticket_pda(
        &fx.v.address,
        &fx.ncn.address,
        &fx.slasher,
        &fx.operator.address,
        epoch,
    )
    .0;
    let fx = fx.without(&ticket);
    let ix = vw::initialize_vault_ncn_slasher_operator_ticket(
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.slasher,
        &fx.operator.address,
        &fx.vault_ncn_slasher_ticket,
        &ticket,
        &fx.payer,
    );
    let names = [
        "config",
        "vault",
        "ncn",
        "slasher",
        "operator",
        "vault_ncn_slasher_ticket",
        "vault_ncn_slasher_operator_ticket",
        "payer",
        "system_program",
    ];
    let case = fx.case(
        "InitializeVaultNcnSlasherOperatorTicket",
        ix.clone(),
        &names,
    );
    let m = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, false)?;
        let vault = vault_of(v, 1);
        ncn_load(v, 2)?;
        operator_load(v, 4)?;
        vault_ncn_slasher_ticket_load(v, 5, 1, 2, 3, false, false)?;
        load_system_account(v, 6, true)?;
        // The original asks the payer to sign but not to be writable here.
        load_signer(v, 7, false)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        expect_address(
            v,
            6,
            &vw::vault_ncn_slasher_operator_ticket_pda(
                &v.key(1),
                &v.key(2),
                &v.key(3),
                &v.key(4),
                epoch,
            )
            .0,
            iad(),
        )?;
        vault_state_ok(&vault)?;
        cpi_writable(v, &[7])?;
        create_account_cpi(v, 7, VaultNcnSlasherOperatorTicket::LEN)
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDAs",
    )
    .allow_at(7, &[Kind::Pda], ANY_PAYER);
    let m = stricter_len(m, 5);
    run(m, &ix);
}

#[test]
fn initialize_vault_ncn_slasher_ticket() {
    let fx = Fx::new(INACTIVE);
    let ticket = fx.vault_ncn_slasher_ticket;
    let fx = fx.without(&ticket);
    let ix = vw::initialize_vault_ncn_slasher_ticket(
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.slasher,
        &fx.ncn_vault_slasher_ticket,
        &ticket,
        &fx.v.slasher_admin,
        &fx.payer,
    );
    let names = [
        "config",
        "vault",
        "ncn",
        "slasher",
        "ncn_slasher_ticket",
        "vault_ncn_slasher_ticket",
        "admin",
        "payer",
        "system_program",
    ];
    let case = fx.case("InitializeVaultNcnSlasherTicket", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        // Loaded read-only, but the slasher count is written at the end.
        vault_load(v, 1, false)?;
        let vault = vault_of(v, 1);
        ncn_load(v, 2)?;
        ncn_vault_slasher_ticket_load(v, 4, 2, 1, 3)?;
        load_system_account(v, 5, true)?;
        load_signer(v, 6, false)?;
        load_signer(v, 7, true)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        if vault.is_paused() {
            return custom(err::VAULT_IS_PAUSED);
        }
        expect_address(
            v,
            5,
            &vw::vault_ncn_slasher_ticket_pda(&v.key(1), &v.key(2), &v.key(3)).0,
            iad(),
        )?;
        key_eq(
            &v.key(6),
            &vault.slasher_admin,
            err::VAULT_SLASHER_ADMIN_INVALID,
        )?;
        vault_state_ok(&vault)?;
        create_account_cpi(v, 7, VaultNcnSlasherTicket::LEN)?;
        // The slasher count of a read-only vault cannot be written.
        if !v.is_writable(1) {
            return Err(Expected::Runtime(InstructionError::ReadonlyDataModified));
        }
        Ok(())
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDAs",
    )
    .allow_at(6, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(7, &[Kind::Pda], ANY_PAYER);
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 7–10: ticket warm-up / cool-down.
// ---------------------------------------------------------------------------

const NCN_TICKET_NAMES: [&str; 5] = ["config", "vault", "ncn", "vault_ncn_ticket", "admin"];

#[test]
fn warmup_vault_ncn_ticket() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::vault_ncn_ticket_toggle(
        vw::tag::WARMUP_VAULT_NCN_TICKET,
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.vault_ncn_ticket,
        &fx.v.ncn_admin,
    );
    let case = fx.case("WarmupVaultNcnTicket", ix.clone(), &NCN_TICKET_NAMES);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, false)?;
        ncn_load(v, 2)?;
        vault_ncn_ticket_load(v, 3, 1, 2, true)?;
        load_signer(v, 4, false)?;
        let vault = vault_of(v, 1);
        key_eq(&v.key(4), &vault.ncn_admin, err::VAULT_NCN_ADMIN_INVALID)?;
        vault_state_ok(&vault)
    })
    .allow_at(1, &[Kind::Writable], NOT_WRITTEN)
    .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn cooldown_vault_ncn_ticket() {
    let fx = Fx::new(ACTIVE);
    let ix = vw::vault_ncn_ticket_toggle(
        vw::tag::COOLDOWN_VAULT_NCN_TICKET,
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.vault_ncn_ticket,
        &fx.v.ncn_admin,
    );
    let case = fx.case("CooldownVaultNcnTicket", ix.clone(), &NCN_TICKET_NAMES);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, false)?;
        let vault = vault_of(v, 1);
        ncn_load(v, 2)?;
        vault_ncn_ticket_load(v, 3, 1, 2, true)?;
        load_signer(v, 4, false)?;
        key_eq(&v.key(4), &vault.ncn_admin, err::VAULT_NCN_ADMIN_INVALID)?;
        vault_state_ok(&vault)
    })
    .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

const SLASHER_TICKET_NAMES: [&str; 6] = [
    "config",
    "vault",
    "ncn",
    "slasher",
    "vault_ncn_slasher_ticket",
    "admin",
];

fn slasher_ticket_toggle(t: u8, name: &str, toggle: (u64, u64)) {
    let warmup = t == vw::tag::WARMUP_VAULT_NCN_SLASHER_TICKET;
    let fx = Fx::new(toggle);
    let ix = vw::vault_ncn_slasher_ticket_toggle(
        t,
        &fx.config.address,
        &fx.v.address,
        &fx.ncn.address,
        &fx.slasher,
        &fx.vault_ncn_slasher_ticket,
        &fx.v.slasher_admin,
    );
    let case = fx.case(name, ix.clone(), &SLASHER_TICKET_NAMES);
    let m = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, false)?;
        let vault = vault_of(v, 1);
        ncn_load(v, 2)?;
        // The warm-up loads the ticket read-only, the cool-down writable.
        vault_ncn_slasher_ticket_load(v, 4, 1, 2, 3, !warmup, true)?;
        load_signer(v, 5, false)?;
        key_eq(
            &v.key(5),
            &vault.slasher_admin,
            err::VAULT_SLASHER_ADMIN_INVALID,
        )?;
        vault_state_ok(&vault)?;
        if !v.is_writable(4) {
            return Err(Expected::Runtime(InstructionError::ReadonlyDataModified));
        }
        Ok(())
    })
    .allow_at(
        3,
        &[Kind::Owner, Kind::Uninitialised],
        "the slasher is any address: only its key seeds the PDA",
    )
    .allow_at(5, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn warmup_vault_ncn_slasher_ticket() {
    slasher_ticket_toggle(
        vw::tag::WARMUP_VAULT_NCN_SLASHER_TICKET,
        "WarmupVaultNcnSlasherTicket",
        INACTIVE,
    );
}

#[test]
fn cooldown_vault_ncn_slasher_ticket() {
    slasher_ticket_toggle(
        vw::tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
        "CooldownVaultNcnSlasherTicket",
        ACTIVE,
    );
}

// ---------------------------------------------------------------------------
// 11–14: deposit and withdrawal.
// ---------------------------------------------------------------------------

#[test]
fn mint_to() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::mint_to(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.staker,
        &fx.v.fee_wallet,
        1_000,
        900,
        Some(&fx.v.mint_burn_admin),
    );
    let names = [
        "config",
        "vault",
        "vrt_mint",
        "depositor",
        "depositor_token_account",
        "vault_token_account",
        "depositor_vrt_token_account",
        "vault_fee_token_account",
        "token_program",
        "mint_signer",
    ];
    let amounts = |a: u64, min: u64| {
        vw::mint_to(
            &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
            &fx.staker,
            &fx.v.fee_wallet,
            a,
            min,
            Some(&fx.v.mint_burn_admin),
        )
        .data
    };
    let case = fx
        .case("MintTo", ix.clone(), &names)
        .arg_case(
            "amount 0",
            amounts(0, 0),
            Expected::custom(err::VAULT_MINT_ZERO),
        )
        .arg_case(
            "min out above the VRT out (999 after the 0.1% fee)",
            amounts(1_000, 1_000),
            Expected::custom(err::SLIPPAGE_ERROR),
        )
        .arg_case(
            "deposits past u64",
            amounts(u64::MAX, 0),
            Expected::custom(err::VAULT_OVERFLOW),
        )
        .arg_case(
            "more than the depositor holds",
            amounts(50_001, 0),
            Expected::custom(err::TOKEN_INSUFFICIENT_FUNDS),
        );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        load_token_mint(v, 2, &TOKEN_PROGRAM_ID)?;
        load_signer(v, 3, false)?;
        ata_load(v, 4, &v.key(3), &vault.supported_mint)?;
        ata_load(v, 5, &v.key(1), &vault.supported_mint)?;
        ata_load(v, 6, &v.key(3), &v.key(2))?;
        ata_load(v, 7, &vault.fee_wallet, &v.key(2))?;
        load_program(v, 8, &TOKEN_PROGRAM_ID)?;
        mint_burn_admin(v, &vault, 9)?;
        if v.key(2) != vault.vrt_mint {
            return Err(Expected::Program(iad()));
        }
        vault_state_ok(&vault)?;
        if v.key(4) == v.key(5) {
            return custom(err::INVALID_DEPOSIT_TOKEN_ACCOUNT);
        }
        let amount = u64_arg(v, 1);
        let mut after = vault;
        let summary = vault_err(after.mint_with_fee(amount, u64_arg(v, 9)))?;
        if summary.vrt_to_depositor == 0 {
            return custom(err::VRT_OUT_CANNOT_BE_ZERO);
        }
        // Transfer in, then the two MintTo CPIs.
        token_transfer(v, 4, 5, amount)?;
        token_mint_op(v, 2, 6)?;
        token_mint_op(v, 2, 7)
    })
    .expect(
        Mutation::MissingAccounts(9),
        Expected::custom(err::VAULT_MINT_BURN_ADMIN_INVALID),
        "without the optional signer the vault's mint/burn admin is missing",
    )
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow(
        Mutation::ExtraAccount,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow_at(0, &[Kind::Writable], NOT_WRITTEN)
    .allow_at(
        3,
        &[Kind::Writable, Kind::Owner, Kind::Uninitialised],
        "the depositor only signs the transfer: its lamports and data are never touched",
    )
    .allow_at(9, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn enqueue_withdrawal() {
    let fx = Fx::new(INACTIVE);
    let base = vw::key(0x51, 7);
    let ticket = vw::withdrawal_ticket_pda(&fx.v.address, &base).0;
    let ticket_vrt = ata(&ticket, &fx.v.vrt_mint);
    let vrt_mint = fx.v.vrt_mint;
    let fx = fx
        .without(&ticket)
        .set(base, vw::wallet())
        .set(ticket_vrt, vw::token_account(&vrt_mint, &ticket, 0));
    let enqueue = |amount: u64| {
        vw::enqueue_withdrawal(
            &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
            &fx.staker,
            &base,
            amount,
            Some(&fx.v.mint_burn_admin),
        )
    };
    let ix = enqueue(1_000);
    let names = [
        "config",
        "vault",
        "vault_staker_withdrawal_ticket",
        "vault_staker_withdrawal_ticket_token_account",
        "staker",
        "staker_vrt_token_account",
        "base",
        "token_program",
        "system_program",
        "burn_signer",
    ];
    let case = fx
        .case("EnqueueWithdrawal", ix.clone(), &names)
        .arg_case(
            "amount 0",
            enqueue(0).data,
            Expected::custom(err::VAULT_ENQUEUE_WITHDRAWAL_AMOUNT_ZERO),
        )
        .arg_case(
            "more VRT than the staker holds",
            enqueue(10_001).data,
            Expected::custom(err::TOKEN_INSUFFICIENT_FUNDS),
        );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        load_system_account(v, 2, true)?;
        ata_load(v, 3, &v.key(2), &vault.vrt_mint)?;
        load_signer(v, 4, false)?;
        ata_load(v, 5, &v.key(4), &vault.vrt_mint)?;
        load_program(v, 7, &TOKEN_PROGRAM_ID)?;
        load_signer(v, 6, false)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        mint_burn_admin(v, &vault, 9)?;
        vault_state_ok(&vault)?;
        let amount = u64_arg(v, 1);
        if amount == 0 {
            return custom(err::VAULT_ENQUEUE_WITHDRAWAL_AMOUNT_ZERO);
        }
        expect_address(
            v,
            2,
            &vw::withdrawal_ticket_pda(&v.key(1), &v.key(6)).0,
            iad(),
        )?;
        // The staker pays the ticket's rent, then transfers its VRT.
        if !v.is_writable(4) {
            return Err(Expected::Runtime(InstructionError::PrivilegeEscalation));
        }
        create_account_cpi(v, 4, VaultStakerWithdrawalTicket::LEN)?;
        token_transfer(v, 5, 3, amount)
    })
    .expect(
        Mutation::MissingAccounts(9),
        Expected::custom(err::VAULT_MINT_BURN_ADMIN_INVALID),
        "without the optional signer the vault's mint/burn admin is missing",
    )
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow(
        Mutation::ExtraAccount,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow_at(6, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(9, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn change_withdrawal_ticket_owner() {
    let fx = Fx::new(INACTIVE);
    let new_owner = vw::key(0x50, 5);
    let ix = vw::change_withdrawal_ticket_owner(
        &fx.config.address,
        &fx.v.address,
        &fx.ticket,
        &fx.staker,
        &new_owner,
    );
    let names = [
        "config",
        "vault",
        "vault_staker_withdrawal_ticket",
        "old_owner",
        "new_owner",
    ];
    let case = fx.case("ChangeWithdrawalTicketOwner", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load_only(v, 0, false)?;
        vault_load(v, 1, false)?;
        let vault = vault_of(v, 1);
        withdrawal_ticket_load(v, 2, 1, true)?;
        load_signer(v, 3, false)?;
        if vault.is_paused() {
            return custom(err::VAULT_IS_PAUSED);
        }
        key_eq(
            &v.key(3),
            &v.pubkey_at(2, off::TICKET_STAKER),
            err::VAULT_STAKER_WITHDRAWAL_TICKET_INVALID_STAKER,
        )
    })
    .allow_at(1, &[Kind::Writable], NOT_WRITTEN)
    .allow_at(3, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        4,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "the new owner is stored as given: the original never checks it",
    );
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn burn_withdrawal_ticket() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::burn_withdrawal_ticket(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.staker,
        &fx.ticket,
        &fx.v.fee_wallet,
        &fx.config.program_fee_wallet,
        Some(&fx.v.mint_burn_admin),
    );
    let names = [
        "config",
        "vault",
        "vault_token_account",
        "vrt_mint",
        "staker",
        "staker_token_account",
        "vault_staker_withdrawal_ticket",
        "vault_staker_withdrawal_ticket_token_account",
        "vault_fee_token_account",
        "program_fee_token_account",
        "token_program",
        "system_program",
        "burn_signer",
    ];
    let case = fx.case("BurnWithdrawalTicket", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        let config = config_of(v, 0);
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        ata_load(v, 2, &v.key(1), &vault.supported_mint)?;
        load_token_mint(v, 3, &TOKEN_PROGRAM_ID)?;
        ata_load(v, 5, &v.key(4), &vault.supported_mint)?;
        withdrawal_ticket_load(v, 6, 1, true)?;
        ata_load(v, 7, &v.key(6), &vault.vrt_mint)?;
        ata_load(v, 8, &vault.fee_wallet, &vault.vrt_mint)?;
        ata_load(v, 9, &config.program_fee_wallet, &vault.vrt_mint)?;
        load_program(v, 10, &TOKEN_PROGRAM_ID)?;
        load_program(v, 11, &SYSTEM_PROGRAM_ID)?;
        mint_burn_admin(v, &vault, 12)?;
        if v.key(3) != vault.vrt_mint {
            return Err(Expected::Program(iad()));
        }
        vault_state_ok(&vault)?;
        key_eq(
            &v.key(4),
            &v.pubkey_at(6, off::TICKET_STAKER),
            err::VAULT_STAKER_WITHDRAWAL_TICKET_INVALID_STAKER,
        )?;
        // Fee transfers, burn, close of the ticket's token account to the
        // staker, close of the ticket, payout.
        token_transfer(v, 7, 8, 0)?;
        token_transfer(v, 7, 9, 0)?;
        token_mint_op(v, 3, 7)?;
        cpi_writable(v, &[7, 4])?;
        token_transfer(v, 2, 5, 0)
    })
    .expect(
        Mutation::MissingAccounts(12),
        Expected::custom(err::VAULT_MINT_BURN_ADMIN_INVALID),
        "without the optional signer the vault's mint/burn admin is missing",
    )
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow(
        Mutation::ExtraAccount,
        "accounts after the optional signer are ignored, as the original",
    )
    .allow_at(12, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        4,
        &[Kind::Owner, Kind::Uninitialised],
        "the staker is only compared with the ticket's staker and credited the closed accounts' lamports",
    );
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 15–19, 22, 23, 32, 33: admin instructions.
// ---------------------------------------------------------------------------

const VAULT_ADMIN_NAMES: [&str; 3] = ["config", "vault", "admin"];

#[test]
fn set_deposit_capacity() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::set_deposit_capacity(&fx.config.address, &fx.v.address, &fx.v.capacity_admin, 5);
    let case = fx.case("SetDepositCapacity", ix.clone(), &VAULT_ADMIN_NAMES);
    let m = Matrix::new(case, |v| {
        config_load_only(v, 0, false)?;
        vault_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        key_eq(
            &v.key(2),
            &vault_of(v, 1).capacity_admin,
            err::VAULT_CAPACITY_ADMIN_INVALID,
        )
    })
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn set_fees() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::set_fees(
        &fx.config.address,
        &fx.v.address,
        &fx.v.fee_admin,
        Some(20),
        Some(30),
        Some(40),
    );
    let fees = |d: Option<u16>, w: Option<u16>, r: Option<u16>| {
        vw::set_fees(&fx.config.address, &fx.v.address, &fx.v.fee_admin, d, w, r).data
    };
    let case = fx
        .case("SetFees", ix.clone(), &VAULT_ADMIN_NAMES)
        .enum_arg(1, 2)
        .enum_arg(4, 2)
        .enum_arg(7, 2)
        .arg_case(
            "no fee given",
            fees(None, None, None),
            Expected::Program(ProgramError::InvalidInstructionData),
        )
        .arg_case(
            "deposit fee above the config cap",
            fees(Some(2_001), None, None),
            Expected::custom(err::VAULT_FEE_CAP_EXCEEDED),
        )
        .arg_case(
            "deposit fee bump too large",
            fees(Some(100), None, None),
            Expected::custom(err::VAULT_FEE_BUMP_TOO_LARGE),
        )
        .arg_case(
            "withdrawal fee bump too large",
            fees(None, Some(100), None),
            Expected::custom(err::VAULT_FEE_BUMP_TOO_LARGE),
        )
        .arg_case(
            "reward fee 10_001 bps",
            fees(None, None, Some(10_001)),
            Expected::custom(err::VAULT_FEE_CAP_EXCEEDED),
        );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        let mut vault = vault_of(v, 1);
        key_eq(&v.key(2), &vault.fee_admin, err::VAULT_FEE_ADMIN_INVALID)?;
        if vault.check_can_modify_fees(SLOT, EPOCH_LENGTH).is_err() {
            return custom(err::VAULT_FEE_CHANGE_TOO_SOON);
        }
        let config = config_of(v, 0);
        let limits = (
            config.deposit_withdrawal_fee_cap_bps(),
            config.fee_bump_bps(),
            config.fee_rate_of_change_bps(),
        );
        // Borsh Option<u16> x 3.
        let mut at = 1;
        let mut next = || {
            let flag = v.data[at];
            at += 1;
            if flag == 1 {
                at += 2;
                Some(u16_arg(v, at - 2))
            } else {
                None
            }
        };
        let (deposit, withdrawal, reward) = (next(), next(), next());
        if deposit.is_none() && withdrawal.is_none() && reward.is_none() {
            return Err(Expected::Program(ProgramError::InvalidInstructionData));
        }
        if let Some(bps) = deposit {
            vault_err(vault.set_deposit_fee_bps(bps, limits.0, limits.1, limits.2))?;
        }
        if let Some(bps) = withdrawal {
            vault_err(vault.set_next_withdrawal_fee_bps(bps, limits.0, limits.1, limits.2))?;
        }
        if let Some(bps) = reward {
            vault_err(vault.set_reward_fee_bps(bps))?;
        }
        Ok(())
    })
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn set_program_fee() {
    let fx = Fx::new(INACTIVE);
    let fee = |bps: u16| vw::set_program_fee(&fx.config.address, &fx.config.admin, bps);
    let ix = fee(40);
    let case = fx
        .case("SetProgramFee", ix.clone(), &["config", "admin"])
        .arg_case(
            "10_001 bps",
            fee(10_001).data,
            Expected::Program(ProgramError::InvalidInstructionData),
        );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, off::CONFIG_ADMIN),
            err::CONFIG_ADMIN_INVALID,
        )?;
        if u16_arg(v, 1) > 10_000 {
            return Err(Expected::Program(ProgramError::InvalidInstructionData));
        }
        Ok(())
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    run(m, &ix);
}

#[test]
fn set_program_fee_wallet() {
    let fx = Fx::new(INACTIVE);
    let new_wallet = vw::key(0x10, 7);
    let ix = vw::set_program_fee_wallet(&fx.config.address, &fx.config.fee_admin, &new_wallet);
    let case = fx.case(
        "SetProgramFeeWallet",
        ix.clone(),
        &["config", "program_fee_admin", "new_fee_wallet"],
    );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, off::CONFIG_FEE_ADMIN),
            err::CONFIG_FEE_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "the new wallet is stored as given: the original never checks it",
    );
    run(m, &ix);
}

#[test]
fn set_is_paused() {
    let fx = Fx::new(INACTIVE);
    let ix = vw::set_is_paused(&fx.config.address, &fx.v.address, &fx.v.admin, true);
    let case = fx
        .case("SetIsPaused", ix.clone(), &VAULT_ADMIN_NAMES)
        .enum_arg(1, 2);
    let m = Matrix::new(case, |v| {
        config_load_only(v, 0, false)?;
        vault_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        key_eq(&v.key(2), &vault_of(v, 1).admin, err::VAULT_ADMIN_INVALID)
    })
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn set_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = vw::key(0x30, 20);
    let ix = vw::set_admin(&fx.config.address, &fx.v.address, &fx.v.admin, &new_admin);
    let case = fx.case(
        "SetAdmin",
        ix.clone(),
        &["config", "vault", "old_admin", "new_admin"],
    );
    let m = Matrix::new(case, |v| {
        config_load_only(v, 0, false)?;
        vault_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        load_signer(v, 3, false)?;
        key_eq(&v.key(2), &vault_of(v, 1).admin, err::VAULT_ADMIN_INVALID)
    })
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        3,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised],
        "the new admin only has to sign",
    )
    .allow(
        Mutation::Duplicate { at: 3, from: 2 },
        "the old admin may hand the vault to itself",
    );
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn set_secondary_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = vw::key(0x30, 21);
    let ix = vw::set_secondary_admin(
        &fx.config.address,
        &fx.v.address,
        &fx.v.admin,
        &new_admin,
        9,
    );
    let case = fx
        .case(
            "SetSecondaryAdmin",
            ix.clone(),
            &["config", "vault", "admin", "new_admin"],
        )
        .enum_arg(1, 10);
    let m = Matrix::new(case, |v| {
        config_load_only(v, 0, false)?;
        vault_load(v, 1, true)?;
        load_signer(v, 2, false)?;
        key_eq(&v.key(2), &vault_of(v, 1).admin, err::VAULT_ADMIN_INVALID)
    })
    .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        3,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "the new admin is stored as given: the original never checks it",
    );
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn set_config_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = vw::key(0x10, 8);
    let ix = vw::set_config_admin(&fx.config.address, &fx.config.admin, &new_admin);
    let case = fx.case(
        "SetConfigAdmin",
        ix.clone(),
        &["config", "old_admin", "new_admin"],
    );
    let m = Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, off::CONFIG_ADMIN),
            err::CONFIG_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "the new admin is stored as given: the original never checks it",
    );
    run(m, &ix);
}

#[test]
fn set_config_secondary_admin() {
    let fx = Fx::new(INACTIVE);
    let new_admin = vw::key(0x10, 6);
    let ix = vw::set_config_secondary_admin(&fx.config.address, &fx.config.admin, &new_admin, 0);
    let case = fx
        .case(
            "SetConfigSecondaryAdmin",
            ix.clone(),
            &["config", "admin", "new_admin"],
        )
        .enum_arg(1, 1);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, true)?;
        load_signer(v, 1, false)?;
        key_eq(
            &v.key(1),
            &v.pubkey_at(0, off::CONFIG_ADMIN),
            err::CONFIG_ADMIN_INVALID,
        )
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
        "the new admin is stored as given: the original never checks it",
    );
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 20, 21: token delegation of other tokens held by the vault.
// ---------------------------------------------------------------------------

struct TokenDelegation {
    fx: Fx,
    mint: Pubkey,
    token_account: Pubkey,
    delegate: Pubkey,
}

fn token_delegation_fixture() -> TokenDelegation {
    let fx = Fx::new(INACTIVE);
    let mint = vw::key(0x60, 0);
    let token_account = vw::key(0x60, 1);
    let delegate = vw::key(0x60, 2);
    let vault = fx.v.address;
    let fx = fx
        .set(mint, vw::mint_account(Some(&vw::key(0x60, 9)), 1_000))
        .set(token_account, vw::token_account(&mint, &vault, 500));
    TokenDelegation {
        fx,
        mint,
        token_account,
        delegate,
    }
}

/// The checks shared by DelegateTokenAccount and RevokeDelegateTokenAccount.
fn token_delegation_model(v: &View, token_program: usize) -> Check {
    config_load_only(v, 0, false)?;
    vault_load(v, 1, false)?;
    load_signer(v, 2, false)?;
    load_token_mint(v, 3, &TOKEN_PROGRAM_ID)?;
    token_account_load(v, 4, &v.key(1), &v.key(3), token_program)?;
    load_program(v, token_program, &TOKEN_PROGRAM_ID)?;
    if v.account(3).owner != v.account(4).owner {
        return Err(Expected::Program(iad()));
    }
    let vault = vault_of(v, 1);
    if vault.supported_mint == v.key(3) {
        return Err(Expected::Program(iad()));
    }
    key_eq(
        &v.key(2),
        &vault.delegate_asset_admin,
        err::VAULT_DELEGATE_ASSET_ADMIN_INVALID,
    )?;
    cpi_writable(v, &[4])
}

#[test]
fn delegate_token_account() {
    let t = token_delegation_fixture();
    let ix = vw::delegate_token_account(
        &t.fx.config.address,
        &t.fx.v.address,
        &t.fx.v.delegate_asset_admin,
        &t.mint,
        &t.token_account,
        &t.delegate,
        &TOKEN_PROGRAM_ID,
    );
    let names = [
        "config",
        "vault",
        "delegate_asset_admin",
        "token_mint",
        "token_account",
        "delegate",
        "token_program",
    ];
    let case = t.fx.case("DelegateTokenAccount", ix.clone(), &names);
    let m = Matrix::new(case, |v| token_delegation_model(v, 6))
        .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
        .allow_at(4, &[Kind::Pda], TOKEN_ACCOUNT_BY_FIELDS)
        .allow_at(
            5,
            &[Kind::Owner, Kind::Pda, Kind::Uninitialised, Kind::Duplicate],
            "the delegate is any address",
        );
    let m = stricter_len(m, 0);
    run(m, &ix);
}

#[test]
fn revoke_delegate_token_account() {
    let t = token_delegation_fixture();
    let ix = vw::revoke_delegate_token_account(
        &t.fx.config.address,
        &t.fx.v.address,
        &t.fx.v.delegate_asset_admin,
        &t.mint,
        &t.token_account,
        &TOKEN_PROGRAM_ID,
    );
    let names = [
        "config",
        "vault",
        "delegate_asset_admin",
        "token_mint",
        "token_account",
        "token_program",
    ];
    let case = t.fx.case("RevokeDelegateTokenAccount", ix.clone(), &names);
    let m = Matrix::new(case, |v| token_delegation_model(v, 5))
        .allow_at(2, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
        .allow_at(4, &[Kind::Pda], TOKEN_ACCOUNT_BY_FIELDS);
    let m = stricter_len(m, 0);
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 24, 25: delegation.
// ---------------------------------------------------------------------------

const DELEGATION_NAMES: [&str; 5] = [
    "config",
    "vault",
    "operator",
    "vault_operator_delegation",
    "admin",
];

fn delegation_model(v: &View) -> Check {
    config_load(v, 0, false)?;
    vault_load(v, 1, true)?;
    let mut vault = vault_of(v, 1);
    operator_load(v, 2)?;
    delegation_load(v, 3, 1, 2, true)?;
    load_signer(v, 4, false)?;
    key_eq(
        &v.key(4),
        &vault.delegation_admin,
        err::VAULT_DELEGATION_ADMIN_INVALID,
    )?;
    vault_state_ok(&vault)?;
    let amount = u64_arg(v, 1);
    let mut delegation = *VaultOperatorDelegation::from_bytes(&v.account(3).data).unwrap();
    if v.data[0] == vw::tag::ADD_DELEGATION {
        vault_err(vault.delegate(amount))?;
        vault_err(delegation.delegation_state.delegate(amount))
    } else {
        vault_err(delegation.delegation_state.cooldown(amount))?;
        vault_err(vault.delegation_state.cooldown(amount))
    }
}

#[test]
fn add_delegation() {
    // The delegation holds no stake yet, so the Tag(25) mutation (a cool-down
    // of the same amount) fails.
    let fx = Fx::new(INACTIVE);
    let delegation = fx.delegation;
    let (vault, operator) = (fx.v.address, fx.operator.address);
    let fx = fx.set(
        delegation,
        vw::vault_account(vw::vault_operator_delegation_bytes(
            &vault,
            &operator,
            0,
            SLOT,
            (0, 0, 0),
        )),
    );
    let change = |amount: u64| {
        vw::delegation_change(
            vw::tag::ADD_DELEGATION,
            &fx.config.address,
            &fx.v.address,
            &fx.operator.address,
            &fx.delegation,
            &fx.v.delegation_admin,
            amount,
        )
    };
    let ix = change(1_000);
    let case = fx
        .case("AddDelegation", ix.clone(), &DELEGATION_NAMES)
        .arg_case(
            "amount 0",
            change(0).data,
            Expected::custom(err::VAULT_DELEGATION_ZERO),
        )
        .arg_case(
            "more than the free assets",
            // 100_000 deposited, 10_000 staked, 1_000 VRT reserved (~998 tokens after fees).
            change(89_100).data,
            Expected::custom(err::VAULT_INSUFFICIENT_FUNDS),
        );
    let m = Matrix::new(case, delegation_model)
        .expect(
            Mutation::Tag(25),
            Expected::custom(err::VAULT_SECURITY_UNDERFLOW),
            "tag 25 cools down the same amount on a delegation with no stake",
        )
        .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    m.run();
}

#[test]
fn cooldown_delegation() {
    let fx = Fx::new(INACTIVE);
    let change = |amount: u64| {
        vw::delegation_change(
            vw::tag::COOLDOWN_DELEGATION,
            &fx.config.address,
            &fx.v.address,
            &fx.operator.address,
            &fx.delegation,
            &fx.v.delegation_admin,
            amount,
        )
    };
    let ix = change(1_000);
    let case = fx
        .case("CooldownDelegation", ix.clone(), &DELEGATION_NAMES)
        .arg_case(
            "amount 0",
            change(0).data,
            Expected::custom(err::VAULT_COOLDOWN_ZERO),
        )
        .arg_case(
            "more than staked",
            change(STAKED + 1).data,
            Expected::custom(err::VAULT_SECURITY_UNDERFLOW),
        );
    let m = Matrix::new(case, delegation_model)
        .expect(
            Mutation::Tag(25),
            Expected::Success,
            "tag 25 is this instruction",
        )
        .allow(Mutation::Tag(25), "tag 25 is this instruction")
        .allow_at(4, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY);
    m.run();
}

// ---------------------------------------------------------------------------
// 26–29: balance and epoch update.
// ---------------------------------------------------------------------------

#[test]
fn update_vault_balance() {
    // 1_000 tokens of rewards arrived: the 0.3% reward fee (3 tokens) is minted as VRT.
    let fx = Fx::new(INACTIVE);
    let (st_mint, vault) = (fx.v.st_mint, fx.v.address);
    let vault_st_ata = fx.v.vault_st_ata;
    let fx = fx.set(
        vault_st_ata,
        vw::token_account(&st_mint, &vault, VAULT_TOKENS + 1_000),
    );
    let ix = vw::update_vault_balance(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.v.fee_wallet,
    );
    let names = [
        "config",
        "vault",
        "vault_token_account",
        "vrt_mint",
        "vault_fee_token_account",
        "token_program",
    ];
    let case = fx.case("UpdateVaultBalance", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        load_token_mint(v, 3, &TOKEN_PROGRAM_ID)?;
        ata_load(v, 4, &vault.fee_wallet, &v.key(3))?;
        ata_load(v, 2, &v.key(1), &vault.supported_mint)?;
        load_program(v, 5, &TOKEN_PROGRAM_ID)?;
        vault_state_ok(&vault)?;
        if v.key(3) != vault.vrt_mint {
            return Err(Expected::Program(iad()));
        }
        // The balance is read with `Account::unpack` (exact length).
        token_account_len(v, 2)?;
        token_mint_op(v, 3, 4)
    })
    .allow(
        Mutation::WrongDiscriminator(2),
        "as the original, only the amount of the vault's token account is read, not its mint field (at the vault's ATA address only the right mint can exist)",
    );
    run(m, &ix);
}

#[test]
fn initialize_vault_update_state_tracker() {
    // The vault was last updated in epoch 9.
    let epoch = SLOT / EPOCH_LENGTH;
    let fx = Fx::new(INACTIVE).edit_vault(|vault| {
        vault.last_full_state_update_slot = SLOT - EPOCH_LENGTH;
        vault.last_start_state_update_slot = SLOT - EPOCH_LENGTH;
    });
    let tracker = vw::tracker_pda(&fx.v.address, epoch).0;
    let fx = fx.without(&tracker);
    let ix = vw::initialize_vault_update_state_tracker(
        &fx.config.address,
        &fx.v.address,
        &tracker,
        &fx.payer,
        0,
    );
    let names = [
        "config",
        "vault",
        "vault_update_state_tracker",
        "payer",
        "system_program",
    ];
    let case = fx
        .case("InitializeVaultUpdateStateTracker", ix.clone(), &names)
        .enum_arg(1, 1);
    let m = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        let vault = vault_of(v, 1);
        load_system_account(v, 2, true)?;
        load_signer(v, 3, true)?;
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        expect_address(v, 2, &vw::tracker_pda(&v.key(1), epoch).0, iad())?;
        if !vault.is_update_needed(SLOT, EPOCH_LENGTH).unwrap() {
            return custom(err::VAULT_IS_UPDATED);
        }
        if vault.is_paused() {
            return custom(err::VAULT_IS_PAUSED);
        }
        create_account_cpi(v, 3, VaultUpdateStateTracker::LEN)
    })
    .allow_at(3, &[Kind::Pda], ANY_PAYER);
    run(m, &ix);
}

#[test]
fn crank_vault_update_state_tracker() {
    // Vault last updated in epoch 9, the delegation too; the tracker of epoch 10
    // starts at index 10 % 1 = 0.
    let epoch = SLOT / EPOCH_LENGTH;
    let fx = Fx::new(INACTIVE).edit_vault(|vault| {
        vault.last_full_state_update_slot = SLOT - EPOCH_LENGTH;
    });
    let tracker = vw::tracker_pda(&fx.v.address, epoch).0;
    let (vault, operator, delegation) = (fx.v.address, fx.operator.address, fx.delegation);
    let fx = fx
        .set(
            tracker,
            vw::vault_account(vw::tracker_bytes(&vault, epoch, u64::MAX, (0, 0, 0), 0)),
        )
        .set(
            delegation,
            vw::vault_account(vw::vault_operator_delegation_bytes(
                &vault,
                &operator,
                0,
                SLOT - EPOCH_LENGTH,
                (STAKED, 0, 0),
            )),
        );
    let ix = vw::crank_vault_update_state_tracker(
        &fx.config.address,
        &fx.v.address,
        &fx.operator.address,
        &fx.delegation,
        &tracker,
    );
    let names = [
        "config",
        "vault",
        "operator",
        "vault_operator_delegation",
        "vault_update_state_tracker",
    ];
    let case = fx.case("CrankVaultUpdateStateTracker", ix.clone(), &names);
    let m = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        operator_load(v, 2)?;
        delegation_load(v, 3, 1, 2, true)?;
        tracker_load(v, 4, 1, epoch, true)?;
        vault_state_ok_paused(&vault_of(v, 1))
    });
    run(m, &ix);
}

#[test]
fn close_vault_update_state_tracker() {
    // Every operator was cranked this epoch; nothing left to unstake.
    let epoch = SLOT / EPOCH_LENGTH;
    let fx = Fx::new(INACTIVE).edit_vault(|vault| {
        vault.last_full_state_update_slot = SLOT - EPOCH_LENGTH;
    });
    let tracker = vw::tracker_pda(&fx.v.address, epoch).0;
    let vault = fx.v.address;
    let fx = fx.set(
        tracker,
        vw::vault_account(vw::tracker_bytes(&vault, epoch, 0, (STAKED, 0, 0), 0)),
    );
    let close = |ncn_epoch: u64| {
        vw::close_vault_update_state_tracker(
            &fx.config.address,
            &fx.v.address,
            &tracker,
            &fx.payer,
            ncn_epoch,
        )
    };
    let ix = close(epoch);
    let names = ["config", "vault", "vault_update_state_tracker", "payer"];
    let case = fx
        .case("CloseVaultUpdateStateTracker", ix.clone(), &names)
        .arg_case(
            "another epoch's tracker address",
            close(epoch - 1).data,
            Expected::Program(iad()),
        );
    let m = Matrix::new(case, move |v| {
        config_load(v, 0, false)?;
        vault_load(v, 1, true)?;
        tracker_load(v, 2, 1, u64_arg(v, 1), true)?;
        load_signer(v, 3, true)?;
        vault_state_ok_paused(&vault_of(v, 1))
    })
    .allow_at(
        3,
        &[Kind::Pda, Kind::Owner, Kind::Uninitialised],
        "any signer may close the tracker and take its rent",
    );
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// 30, 31: token metadata (against the Metaplex stand-in).
// ---------------------------------------------------------------------------

#[test]
fn create_token_metadata() {
    let mut fx = Fx::new(INACTIVE);
    fx.metaplex = true;
    let metadata = vw::metadata_pda(&fx.v.vrt_mint);
    let fx = fx.without(&metadata);
    let data = vw::metadata_data(
        vw::tag::CREATE_TOKEN_METADATA,
        "Restaked SOL",
        "rSOL",
        "https://x",
    );
    let ix = vw::create_token_metadata(&fx.v, &fx.v.admin, &fx.payer, data);
    let names = [
        "vault",
        "admin",
        "vrt_mint",
        "payer",
        "metadata",
        "mpl_token_metadata_program",
        "system_program",
    ];
    let case = fx.case("CreateTokenMetadata", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        vault_load(v, 0, false)?;
        let vault = vault_of(v, 0);
        load_signer(v, 1, false)?;
        // The vault's own VRT mint may be Token-2022's (a Token-2022 vault, see
        // docs/COMPATIBILITY.md); any other mint must be SPL Token's, as the original.
        let vrt_program = if v.key(2) == vault.vrt_mint
            && v.account(2).owner == mollusk_tests::TOKEN_2022_PROGRAM_ID
        {
            mollusk_tests::TOKEN_2022_PROGRAM_ID
        } else {
            TOKEN_PROGRAM_ID
        };
        load_token_mint(v, 2, &vrt_program)?;
        load_signer(v, 3, true)?;
        load_system_account(v, 4, true)?;
        load_program(v, 5, &METAPLEX_ID)?;
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        key_eq(&v.key(1), &vault.admin, err::VAULT_ADMIN_INVALID)?;
        if v.key(2) != vault.vrt_mint {
            return Err(Expected::Program(iad()));
        }
        expect_address(v, 4, &vw::metadata_pda(&v.key(2)), iad())?;
        // create_metadata_accounts_v3 takes the metadata and the payer writable.
        cpi_writable(v, &[4, 3])
    })
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(
        2,
        &[Kind::Owner],
        "the vault's VRT mint owned by Token-2022 is a Token-2022 vault's (docs/COMPATIBILITY.md)",
    )
    .allow_at(
        3,
        &[Kind::Pda, Kind::Owner, Kind::Uninitialised],
        "the payer is handed to Metaplex (here a stand-in that accepts any invocation)",
    );
    run(m, &ix);
}

#[test]
fn update_token_metadata() {
    let mut fx = Fx::new(INACTIVE);
    fx.metaplex = true;
    let metadata = vw::metadata_pda(&fx.v.vrt_mint);
    let fx = fx.set(
        metadata,
        mollusk_tests::owned_account(&METAPLEX_ID, vec![4u8; 679]),
    );
    let data = vw::metadata_data(
        vw::tag::UPDATE_TOKEN_METADATA,
        "Restaked SOL",
        "rSOL",
        "https://y",
    );
    let ix = vw::update_token_metadata(&fx.v, &fx.v.admin, data);
    let names = [
        "vault",
        "admin",
        "vrt_mint",
        "metadata",
        "mpl_token_metadata_program",
    ];
    let case = fx.case("UpdateTokenMetadata", ix.clone(), &names);
    let m = Matrix::new(case, |v| {
        vault_load(v, 0, false)?;
        let vault = vault_of(v, 0);
        load_signer(v, 1, false)?;
        // The vault's own VRT mint may be Token-2022's (a Token-2022 vault, see
        // docs/COMPATIBILITY.md); any other mint must be SPL Token's, as the original.
        let vrt_program = if v.key(2) == vault.vrt_mint
            && v.account(2).owner == mollusk_tests::TOKEN_2022_PROGRAM_ID
        {
            mollusk_tests::TOKEN_2022_PROGRAM_ID
        } else {
            TOKEN_PROGRAM_ID
        };
        load_token_mint(v, 2, &vrt_program)?;
        expect_address(v, 3, &vw::metadata_pda(&v.key(2)), iad())?;
        load_program(v, 4, &METAPLEX_ID)?;
        key_eq(&v.key(1), &vault.admin, err::VAULT_ADMIN_INVALID)?;
        if v.key(2) != vault.vrt_mint {
            return Err(Expected::Program(iad()));
        }
        // update_metadata_accounts_v2 takes the metadata writable.
        cpi_writable(v, &[3])
    })
    .allow_at(
        2,
        &[Kind::Owner],
        "the vault's VRT mint owned by Token-2022 is a Token-2022 vault's (docs/COMPATIBILITY.md)",
    )
    .allow_at(1, &[Kind::Owner, Kind::Uninitialised], SIGNER_ONLY)
    .allow_at(2, &[Kind::Writable], NOT_WRITTEN)
    .allow_at(
        3,
        &[
            Kind::Owner,
            Kind::Uninitialised,
            Kind::Discriminator,
            Kind::Length,
        ],
        "the metadata account is checked by address only; Metaplex (here a stand-in) owns the rest",
    );
    run(m, &ix);
}

// ---------------------------------------------------------------------------
// Token edge cases outside the single-point matrix.
// ---------------------------------------------------------------------------

/// Runs `ix` over the fixture's accounts, with `edit` applied to them first.
fn run_edited(
    fx: &Fx,
    name: &str,
    ix: &Instruction,
    edit: impl Fn(&Pubkey, &mut Account),
) -> (mollusk_tests::InstructionResult, Vec<(Pubkey, Account)>) {
    let names: Vec<&'static str> = vec!["?"; ix.accounts.len()];
    let case = fx.case(name, ix.clone(), &names);
    let mut accounts = case.accounts.clone();
    for (k, a) in accounts.iter_mut() {
        edit(k, a);
    }
    let result = mollusk_tests::oracle::process(&case.mollusk, &case.instruction, &accounts);
    (result, accounts)
}

/// Frozen token accounts pass the original's loaders (a frozen account is
/// initialised; the ATA loader reads only the address and owner) and the token
/// program refuses the transfer, mint or burn (`AccountFrozen`, SPL Token
/// error 17), undoing the whole instruction.
#[test]
fn frozen_token_accounts() {
    use mollusk_tests::assert_custom_error;
    const ACCOUNT_FROZEN: u32 = 17;
    let freeze = |key: Pubkey| {
        move |k: &Pubkey, a: &mut Account| {
            if *k == key {
                a.data[108] = 2;
            }
        }
    };
    let fx = Fx::new(INACTIVE);
    let mint = vw::mint_to(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.staker,
        &fx.v.fee_wallet,
        1_000,
        0,
        Some(&fx.v.mint_burn_admin),
    );
    // The depositor's token account, the vault's, the depositor's VRT account, the fee account.
    for i in [4, 5, 6, 7] {
        let (result, accounts) =
            run_edited(&fx, "MintTo frozen", &mint, freeze(mint.accounts[i].pubkey));
        assert_custom_error(&result, &accounts, ACCOUNT_FROZEN);
    }
    let enqueue_base = vw::key(0x51, 7);
    let ticket = vw::withdrawal_ticket_pda(&fx.v.address, &enqueue_base).0;
    let vrt_mint = fx.v.vrt_mint;
    let fx2 = Fx::new(INACTIVE)
        .without(&ticket)
        .set(enqueue_base, vw::wallet())
        .set(
            ata(&ticket, &vrt_mint),
            vw::token_account(&vrt_mint, &ticket, 0),
        );
    let enqueue = vw::enqueue_withdrawal(
        &vw::VaultKeys::tokens(&fx2.v, &fx2.config.address),
        &fx2.staker,
        &enqueue_base,
        1_000,
        Some(&fx2.v.mint_burn_admin),
    );
    // The ticket's VRT account and the staker's.
    for i in [3, 5] {
        let (result, accounts) = run_edited(
            &fx2,
            "EnqueueWithdrawal frozen",
            &enqueue,
            freeze(enqueue.accounts[i].pubkey),
        );
        assert_custom_error(&result, &accounts, ACCOUNT_FROZEN);
    }
    let burn = vw::burn_withdrawal_ticket(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.staker,
        &fx.ticket,
        &fx.v.fee_wallet,
        &fx.config.program_fee_wallet,
        Some(&fx.v.mint_burn_admin),
    );
    // The vault's token account, the staker's, the ticket's VRT account, both fee accounts.
    for i in [2, 5, 7, 8, 9] {
        let (result, accounts) = run_edited(
            &fx,
            "BurnWithdrawalTicket frozen",
            &burn,
            freeze(burn.accounts[i].pubkey),
        );
        assert_custom_error(&result, &accounts, ACCOUNT_FROZEN);
    }
}

/// Token-2022 accounts in an SPL Token vault: the original's loaders take SPL
/// Token only. A VRT mint or a token account owned by Token-2022 fails the owner
/// check (`InvalidAccountOwner`); the Token-2022 program as the token program
/// fails the program check (`IncorrectProgramId`). Unchanged by the Token-2022
/// vault support, which needs the program and the vault's mint both Token-2022.
#[test]
fn token_2022_accounts_are_refused() {
    use mollusk_tests::{assert_error, TOKEN_2022_PROGRAM_ID};
    let to_2022 = |keys: Vec<Pubkey>| {
        move |k: &Pubkey, a: &mut Account| {
            if keys.contains(k) {
                a.owner = TOKEN_2022_PROGRAM_ID;
            }
        }
    };
    let fx = Fx::new(INACTIVE);
    let mint = vw::mint_to(
        &vw::VaultKeys::tokens(&fx.v, &fx.config.address),
        &fx.staker,
        &fx.v.fee_wallet,
        1_000,
        0,
        Some(&fx.v.mint_burn_admin),
    );
    for i in [2, 4, 5, 6, 7] {
        let (result, accounts) = run_edited(
            &fx,
            "MintTo token-2022",
            &mint,
            to_2022(vec![mint.accounts[i].pubkey]),
        );
        assert_error(&result, &accounts, ProgramError::InvalidAccountOwner);
    }
    let mut mint_22 = mint.clone();
    mint_22.accounts[8].pubkey = TOKEN_2022_PROGRAM_ID;
    let (result, accounts) = run_edited(&fx, "MintTo token-2022 program", &mint_22, |_, _| {});
    assert_error(&result, &accounts, ProgramError::IncorrectProgramId);

    // DelegateTokenAccount of a Token-2022 token: the original's
    // `load_token_account` requires SPL Token as the token program first.
    let t = token_delegation_fixture();
    let ix = vw::delegate_token_account(
        &t.fx.config.address,
        &t.fx.v.address,
        &t.fx.v.delegate_asset_admin,
        &t.mint,
        &t.token_account,
        &t.delegate,
        &TOKEN_2022_PROGRAM_ID,
    );
    let (result, _) = run_edited(
        &t.fx,
        "DelegateTokenAccount token-2022",
        &ix,
        to_2022(vec![t.mint, t.token_account]),
    );
    // Changed by the Token-2022 support (docs/COMPATIBILITY.md): a Token-2022
    // mint and account with the Token-2022 program are delegated (the original
    // refused them: the mint is loaded first, SPL Token only). With the SPL
    // Token program the Token-2022 mint still fails the owner check.
    mollusk_tests::assert_success(&result);
    let mut ix_spl = ix.clone();
    ix_spl.accounts[6].pubkey = TOKEN_PROGRAM_ID;
    let (result, accounts) = run_edited(
        &t.fx,
        "DelegateTokenAccount token-2022 mint, SPL Token program",
        &ix_spl,
        to_2022(vec![t.mint, t.token_account]),
    );
    assert_error(&result, &accounts, ProgramError::InvalidAccountOwner);
}
