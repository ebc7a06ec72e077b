//! The account checks of the epoch's instructions (weight table, snapshots, ballot box,
//! vote), inlined and returning the checked view: one check per account, no second borrow or
//! parse.
//!
//! Each function accepts exactly what the type's own `load` accepts (owner, exact size,
//! writable when expected, discriminator, then the stored relationship fields, as
//! `jito_core::account::check_account` and the `load`s compare them; for the restaking and
//! vault types through their own `StoredKeys::keys_match`), and returns the view.
//! When a fast check fails, the type's `load` is called and returns its error (and logs it in
//! a `logging` build), so the error codes and their order are the loaders', by construction.
//! The `load`s' `check_borrow` is left out of the fast path: these are called before the
//! instruction takes any tracked borrow, so it cannot fail there.

use jito_core::{
    account::{AccountType, StoredKeys},
    likely,
};
use jito_ncn_interface::state::{
    BallotBox, Config, ConsensusResult, EpochSnapshot, EpochState, OperatorSnapshot, VaultRegistry,
    WeightTable,
};
use jito_restaking_interface::state::{
    Config as RestakingConfig, Ncn, NcnOperatorState, NcnVaultTicket, Operator,
};
use jito_vault_interface::state::{
    vault::Vault, vault_ncn_ticket::VaultNcnTicket,
    vault_operator_delegation::VaultOperatorDelegation,
};
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

/// Owner, exact size, writable when expected and discriminator (`check_account`'s checks).
#[inline(always)]
fn is_account<T: AccountType>(
    owner: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> bool {
    account.owned_by(owner)
        && account.data_len() == T::LEN
        && (!expect_writable || account.is_writable())
        // SAFETY: the data is `T::LEN` bytes long (checked just before), at least the
        // header; one byte is read and no reference is kept.
        && unsafe { *account.data_ptr() } == T::DISCRIMINATOR
}

/// `account` as a `T` owned by `owner` whose stored fields pass `stored`; otherwise the
/// error of `load`, the type's own loader (which rejects it: it checks the same).
#[inline(always)]
fn checked<'a, T: AccountType>(
    owner: &Address,
    account: &'a AccountView,
    expect_writable: bool,
    stored: impl FnOnce(&T) -> bool,
    load: impl FnOnce() -> ProgramResult,
) -> Result<&'a T, ProgramError> {
    if likely(is_account::<T>(owner, account, expect_writable)) {
        // SAFETY: owner, exact size and type checked just above; the callers take no
        // mutable view of an account while its view from here is alive.
        let view = unsafe { T::view(account) };
        if likely(stored(view)) {
            return Ok(view);
        }
    }
    load()?;
    // Not reached (the loader refuses what failed above); kept total without a panic.
    // SAFETY: the loader accepted it: owner, exact size and type.
    Ok(unsafe { T::view(account) })
}

/// `EpochState::load`.
#[inline(always)]
pub fn epoch_state<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a EpochState, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |s: &EpochState| address_eq(&s.ncn, ncn) && s.epoch() == epoch,
        || EpochState::load(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `EpochState::load_and_check_is_closing` (`EpochIsClosingDown` first, as there).
#[inline(always)]
pub fn epoch_state_not_closing<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a EpochState, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |s: &EpochState| !s.is_closing() && address_eq(&s.ncn, ncn) && s.epoch() == epoch,
        || EpochState::load_and_check_is_closing(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `Config::load` (this program's config of `ncn`).
#[inline(always)]
pub fn config<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
) -> Result<&'a Config, ProgramError> {
    checked(
        program_id,
        account,
        false,
        |c: &Config| address_eq(&c.ncn, ncn),
        || Config::load(program_id, account, ncn, false),
    )
}

/// `VaultRegistry::load` (read-only).
#[inline(always)]
pub fn vault_registry<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
) -> Result<&'a VaultRegistry, ProgramError> {
    checked(
        program_id,
        account,
        false,
        |r: &VaultRegistry| address_eq(&r.ncn, ncn),
        || VaultRegistry::load(program_id, account, ncn, false),
    )
}

/// `WeightTable::load`.
#[inline(always)]
pub fn weight_table<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a WeightTable, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |t: &WeightTable| address_eq(&t.ncn, ncn) && t.epoch() == epoch,
        || WeightTable::load(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `EpochSnapshot::load`.
#[inline(always)]
pub fn epoch_snapshot<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a EpochSnapshot, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |s: &EpochSnapshot| address_eq(&s.ncn, ncn) && s.epoch() == epoch,
        || EpochSnapshot::load(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `OperatorSnapshot::load`.
#[inline(always)]
pub fn operator_snapshot<'a>(
    program_id: &Address,
    account: &'a AccountView,
    operator: &Address,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a OperatorSnapshot, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |s: &OperatorSnapshot| {
            address_eq(&s.operator, operator) && address_eq(&s.ncn, ncn) && s.ncn_epoch() == epoch
        },
        || OperatorSnapshot::load(program_id, account, operator, ncn, epoch, expect_writable),
    )
}

/// `BallotBox::load`.
#[inline(always)]
pub fn ballot_box<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a BallotBox, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |b: &BallotBox| address_eq(&b.ncn, ncn) && b.epoch() == epoch,
        || BallotBox::load(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `ConsensusResult::load`.
#[inline(always)]
pub fn consensus_result<'a>(
    program_id: &Address,
    account: &'a AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<&'a ConsensusResult, ProgramError> {
    checked(
        program_id,
        account,
        expect_writable,
        |r: &ConsensusResult| address_eq(&r.ncn, ncn) && r.epoch() == epoch,
        || ConsensusResult::load(program_id, account, ncn, epoch, expect_writable),
    )
}

/// `RestakingConfig::load` of the restaking program: its config sits at the precomputed
/// canonical PDA with the deployed bump (`jito_core::pda::verify_fixed_pda`).
#[inline(always)]
pub fn restaking_config(account: &AccountView) -> Result<&RestakingConfig, ProgramError> {
    let restaking = &jito_restaking_interface::ID;
    checked(
        restaking,
        account,
        false,
        |c: &RestakingConfig| {
            c.bump == RestakingConfig::DEPLOYED_BUMP
                && address_eq(account.address(), &RestakingConfig::DEPLOYED_ADDRESS)
        },
        || RestakingConfig::load(restaking, account, false),
    )
}

/// `Ncn::load` of the restaking program.
#[inline(always)]
pub fn ncn(account: &AccountView) -> Result<&Ncn, ProgramError> {
    let restaking = &jito_restaking_interface::ID;
    checked(
        restaking,
        account,
        false,
        |_: &Ncn| true,
        || Ncn::load(restaking, account, false),
    )
}

/// `Operator::load` of the restaking program.
#[inline(always)]
pub fn operator(account: &AccountView) -> Result<&Operator, ProgramError> {
    let restaking = &jito_restaking_interface::ID;
    checked(
        restaking,
        account,
        false,
        |_: &Operator| true,
        || Operator::load(restaking, account, false),
    )
}

/// `NcnOperatorState::load` of the restaking program.
#[inline(always)]
pub fn ncn_operator_state<'a>(
    account: &'a AccountView,
    ncn: &Address,
    operator: &Address,
) -> Result<&'a NcnOperatorState, ProgramError> {
    let restaking = &jito_restaking_interface::ID;
    checked(
        restaking,
        account,
        false,
        |s: &NcnOperatorState| s.keys_match((ncn, operator)),
        || NcnOperatorState::load(restaking, account, ncn, operator, false),
    )
}

/// `NcnVaultTicket::load` of the restaking program.
#[inline(always)]
pub fn ncn_vault_ticket<'a>(
    account: &'a AccountView,
    ncn: &Address,
    vault: &Address,
) -> Result<&'a NcnVaultTicket, ProgramError> {
    let restaking = &jito_restaking_interface::ID;
    checked(
        restaking,
        account,
        false,
        |t: &NcnVaultTicket| t.keys_match((ncn, vault)),
        || NcnVaultTicket::load(restaking, account, ncn, vault, false),
    )
}

/// `Vault::load` of the vault program.
#[inline(always)]
pub fn vault(account: &AccountView) -> Result<&Vault, ProgramError> {
    let vault_program = &jito_vault_interface::ID;
    checked(
        vault_program,
        account,
        false,
        |_: &Vault| true,
        || Vault::load(vault_program, account, false),
    )
}

/// `VaultNcnTicket::load` of the vault program.
#[inline(always)]
pub fn vault_ncn_ticket<'a>(
    account: &'a AccountView,
    vault: &Address,
    ncn: &Address,
) -> Result<&'a VaultNcnTicket, ProgramError> {
    let vault_program = &jito_vault_interface::ID;
    checked(
        vault_program,
        account,
        false,
        |t: &VaultNcnTicket| t.keys_match((vault, ncn)),
        || VaultNcnTicket::load(vault_program, account, vault, ncn, false),
    )
}

/// `VaultOperatorDelegation::load` of the vault program.
#[inline(always)]
pub fn vault_operator_delegation<'a>(
    account: &'a AccountView,
    vault: &Address,
    operator: &Address,
) -> Result<&'a VaultOperatorDelegation, ProgramError> {
    let vault_program = &jito_vault_interface::ID;
    checked(
        vault_program,
        account,
        false,
        |d: &VaultOperatorDelegation| d.keys_match((vault, operator)),
        || VaultOperatorDelegation::load(vault_program, account, vault, operator, false),
    )
}
