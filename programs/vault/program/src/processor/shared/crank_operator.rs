//! One operator's step of the vault epoch update, shared by
//! CrankVaultUpdateStateTracker (one operator per instruction) and
//! CrankVaultUpdateStateTrackers (several operators per instruction), so that
//! the two cannot drift apart: the batch is, by construction, the single crank
//! repeated.

use jito_core::{
    account::{check_account, AccountType},
    get_epoch,
};
use jito_vault_interface::{
    error::VaultError,
    instruction::WithdrawalAllocationMethod,
    state::{Vault, VaultOperatorDelegation, VaultUpdateStateTracker},
};
use pinocchio::{
    address::address_eq, error::ProgramError, hint::unlikely, AccountView, Address, ProgramResult,
};

/// What every operator cranked in one instruction shares: the clock and the
/// vault's epochs.
#[derive(Clone, Copy)]
pub struct CrankEpoch {
    pub slot: u64,
    pub epoch_length: u64,
    pub ncn_epoch: u64,
    /// Epoch of the vault's last finished update.
    pub last_full_state_update_epoch: u64,
}

/// The batch's check of a delegation account: the original's
/// `VaultOperatorDelegation::load` up to its address (owner
/// `InvalidAccountOwner`; length, writable and discriminator
/// `InvalidAccountData`), then the stored vault must be this vault
/// (`InvalidAccountData`, the error the original's PDA check gives another
/// vault's delegation). Without an operator account there is no PDA to
/// derive: an existing vault-program account of the right type names its own
/// vault and operator, and only the vault program writes them.
#[inline(always)]
pub fn load_delegation_of_vault(
    program_id: &Address,
    account: &AccountView,
    vault: &Address,
) -> ProgramResult {
    check_account::<VaultOperatorDelegation>(program_id, account, true)?;
    // SAFETY: read-only view of an account checked just above to be a
    // delegation (length and discriminator); no mutable view of it exists now.
    let delegation = unsafe { VaultOperatorDelegation::view(account) };
    if unlikely(!address_eq(&delegation.vault, vault)) {
        return Err(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// Cranks one delegation, once every account is checked and the vault is
/// known not to be paused, with the original's checks in its order:
/// `VaultOperatorDelegationIsUpdated` when it was updated this epoch already;
/// the tracker's index order (`VaultUpdateIncorrectIndex`, `DivisionByZero`
/// without operators, `ArithmeticOverflow`); `InvalidArgument` for an unknown
/// allocation method; then the greedy withdrawal allocation, the roll forward
/// and the tracker's running total (the overflow errors of
/// `DelegationState`).
#[inline(never)]
pub fn crank_operator(
    vault: &mut Vault,
    tracker: &mut VaultUpdateStateTracker,
    delegation: &mut VaultOperatorDelegation,
    epoch: &CrankEpoch,
) -> ProgramResult {
    // Cannot fail: `epoch_length` already gave `ncn_epoch`.
    let operator_last_updated_epoch = get_epoch(delegation.last_update_slot(), epoch.epoch_length)?;
    // An operator updated in an epoch whose vault update never finished already
    // gave up its share of the unstaking; it is only rolled forward.
    let has_been_partially_updated =
        epoch.last_full_state_update_epoch < operator_last_updated_epoch;

    // An operator already updated this epoch fails here, the cheapest way out
    // for a cranker racing others.
    if unlikely(operator_last_updated_epoch >= epoch.ncn_epoch) {
        return Err(VaultError::VaultOperatorDelegationIsUpdated.into());
    }
    tracker.check_and_update_index(delegation.index(), vault.operator_count())?;

    match WithdrawalAllocationMethod::try_from(tracker.withdrawal_allocation_method)? {
        WithdrawalAllocationMethod::Greedy => vault.allocate_withdrawal_greedy(
            &mut delegation.delegation_state,
            has_been_partially_updated,
        )?,
    }

    // Roll the delegation forward (at most two stages matter) and add it up.
    delegation
        .delegation_state
        .update_for_epochs(epoch.ncn_epoch - operator_last_updated_epoch);
    delegation.set_last_update_slot(epoch.slot);
    tracker
        .delegation_state
        .accumulate(&delegation.delegation_state)?;
    Ok(())
}
