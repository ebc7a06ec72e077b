//! CrankVaultUpdateStateTracker: anyone updates one operator delegation of a
//! vault during its epoch update, in operator-index order starting at
//! `epoch % operator_count`. The delegation's cool-down stages move forward to
//! the current epoch, greedy withdrawal allocation cools down as much of its
//! stake as the vault still needs, and the tracker adds up the result.
//!
//! Crankers send one of these per operator and transaction, so every check is
//! as cheap as it can be: each account is checked once. The operator's step
//! itself is `shared::crank_operator`, which CrankVaultUpdateStateTrackers
//! repeats over several operators.

use jito_core::{
    account::{check_account_bound, AccountType},
    get_epoch,
};
use jito_vault_interface::{
    restaking::state::Operator,
    state::{Config, Vault, VaultOperatorDelegation, VaultUpdateStateTracker},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::crank_operator::{crank_operator, CrankEpoch};

/// The original `VaultUpdateStateTracker::load` (owner `InvalidAccountOwner`;
/// length, writable, discriminator and address `InvalidAccountData`), always
/// expecting a writable tracker. An existing tracker is proven by its stored
/// vault and epoch (`jito_core::account`).
#[inline(always)]
pub(crate) fn load_tracker(
    program_id: &Address,
    account: &AccountView,
    vault: &Address,
    ncn_epoch: u64,
) -> ProgramResult {
    VaultUpdateStateTracker::load(program_id, account, vault, ncn_epoch, true)
}

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_crank_vault_update_state_tracker(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, operator, vault_operator_delegation, tracker_info] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let slot = Clock::get()?.slot;

    Config::load(program_id, config_info, false)?;
    // SAFETY: config, vault, operator delegation and tracker carry four
    // different discriminators, each checked by its load before its data is
    // viewed, so they are four distinct accounts and these views cannot alias;
    // the mutable views are taken only after every account has been checked,
    // and nothing else borrows these accounts in this instruction.
    let config = unsafe { Config::view(config_info) };
    // Address proven by the delegation's stored fields below (`check_account_bound`).
    check_account_bound::<Vault>(program_id, vault_info, true)?;
    check_account_bound::<Operator>(&config.restaking_program, operator, false)?;
    VaultOperatorDelegation::load(
        program_id,
        vault_operator_delegation,
        vault_info.address(),
        operator.address(),
        true,
    )?;

    let epoch_length = config.epoch_length();
    let ncn_epoch = get_epoch(slot, epoch_length)?;
    load_tracker(program_id, tracker_info, vault_info.address(), ncn_epoch)?;

    // SAFETY: see above.
    let vault = unsafe { Vault::view_mut(vault_info) };
    // SAFETY: see above.
    let delegation = unsafe { VaultOperatorDelegation::view_mut(vault_operator_delegation) };
    // SAFETY: see above.
    let tracker = unsafe { VaultUpdateStateTracker::view_mut(tracker_info) };

    // The original computes this before loading the tracker; with a valid
    // epoch length (checked just above) it cannot fail, so the order is moot.
    let last_full_state_update_epoch =
        get_epoch(vault.last_full_state_update_slot(), epoch_length)?;
    vault.check_is_paused()?;
    crank_operator(
        vault,
        tracker,
        delegation,
        &CrankEpoch {
            slot,
            epoch_length,
            ncn_epoch,
            last_full_state_update_epoch,
        },
    )
}
