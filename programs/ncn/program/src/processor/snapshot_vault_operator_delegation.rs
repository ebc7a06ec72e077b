//! `SnapshotVaultOperatorDelegation` (tag 10): records one vault's delegation to an operator
//! in the operator's snapshot, as stake weight = the delegation's total security × the weight
//! of the vault's mint (zero unless both tickets are active and the delegation exists). The
//! operator's last delegation completes its snapshot and registers it in the epoch snapshot.

use jito_core::{account::AccountType, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{EpochSnapshot, EpochState, OperatorSnapshot, StakeWeights},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::checked;

/// Accounts: `[epoch_state (w), config, restaking_config, ncn, operator, vault,
/// vault_ncn_ticket, ncn_vault_ticket, vault_operator_delegation, weight_table,
/// epoch_snapshot (w), operator_snapshot (w)]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state, the config, the restaking config, the
/// NCN, the operator, the vault, the NCN vault ticket of the pair, the vault NCN ticket and
/// the vault operator delegation when they have data (an empty one means "none"), the epoch
/// length (`DenominatorIsZero`), the weight table, the epoch snapshot, the operator snapshot,
/// the vault is up to date (`VaultNeedsUpdate`), the vault is in the table's registry
/// (`VaultNotInRegistry`), the mint's weight (`InvalidMintForWeightTable`), then the snapshot
/// rules (`VaultOperatorDelegationFinalized`, `TooManyVaultOperatorDelegations`,
/// `DuplicateVaultOperatorDelegation`).
#[inline(never)]
pub fn process_snapshot_vault_operator_delegation(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, restaking_config, ncn_info, operator_info, vault_info, vault_ncn_ticket, ncn_vault_ticket, delegation_info, table_info, snapshot_info, operator_snapshot] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    let operator_key = operator_info.address();
    let vault_key = vault_info.address();
    // Each account checked once, in the template's order, keeping its view.
    checked::epoch_state(program_id, state_info, ncn_key, epoch, true)?;
    checked::config(program_id, config_info, ncn_key)?;
    let restaking_config = checked::restaking_config(restaking_config)?;
    checked::ncn(ncn_info)?;
    checked::operator(operator_info)?;
    let vault = checked::vault(vault_info)?;
    let ncn_vault = checked::ncn_vault_ticket(ncn_vault_ticket, ncn_key, vault_key)?;
    let vault_ncn = if vault_ncn_ticket.is_data_empty() {
        None
    } else {
        Some(checked::vault_ncn_ticket(
            vault_ncn_ticket,
            vault_key,
            ncn_key,
        )?)
    };
    let delegation = if delegation_info.is_data_empty() {
        None
    } else {
        Some(checked::vault_operator_delegation(
            delegation_info,
            vault_key,
            operator_key,
        )?)
    };
    let slot = Clock::get()?.slot;
    let epoch_length = restaking_config.epoch_length();
    if unlikely(epoch_length == 0) {
        return Err(NcnProgramError::DenominatorIsZero.into());
    }
    let table = checked::weight_table(program_id, table_info, ncn_key, epoch, false)?;
    checked::epoch_snapshot(program_id, snapshot_info, ncn_key, epoch, true)?;
    checked::operator_snapshot(
        program_id,
        operator_snapshot,
        operator_key,
        ncn_key,
        epoch,
        true,
    )?;

    if unlikely(vault.is_update_needed(slot, epoch_length)?) {
        return Err(NcnProgramError::VaultNeedsUpdate.into());
    }
    let vault_index = vault.vault_index();
    let ncn_vault_okay = ncn_vault.state.is_active(slot, epoch_length)?;
    let vault_ncn_okay = match vault_ncn {
        Some(ticket) => ticket.state.is_active_or_cooldown(slot, epoch_length)?,
        None => false,
    };
    let delegation = match delegation {
        Some(delegation) if vault_ncn_okay && ncn_vault_okay => Some(delegation),
        _ => None,
    };

    table.check_registry_for_vault(vault_index)?;
    let stake_weights = match delegation {
        Some(delegation) => {
            let total_security = delegation.delegation_state.total_security()?;
            StakeWeights::of_delegation(total_security, table.weight_of(&vault.supported_mint)?)?
        }
        None => StakeWeights::default(),
    };

    // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
    // of it is alive (the views above are of other accounts, or no longer used).
    let operator = unsafe { OperatorSnapshot::view_mut(operator_snapshot) };
    operator.increment_vault_operator_delegation_registration(
        slot,
        vault_key,
        vault_index,
        &stake_weights,
    )?;
    let finalized = operator.finalized();
    if finalized {
        // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
        // of it is alive (the views above are of other accounts, or no longer used).
        unsafe { EpochSnapshot::view_mut(snapshot_info) }.increment_operator_registration(
            slot,
            operator.valid_operator_vault_delegations(),
            &operator.stake_weights,
        )?;
    }
    // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
    // of it is alive (the views above are of other accounts, or no longer used).
    unsafe { EpochState::view_mut(state_info) }.update_snapshot_vault_operator_delegation(
        operator.ncn_operator_index() as usize,
        finalized,
    )?;
    Ok(())
}
