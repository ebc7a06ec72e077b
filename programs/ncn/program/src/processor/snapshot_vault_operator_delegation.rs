//! `SnapshotVaultOperatorDelegation` (tag 10): records one vault's delegation to an operator
//! in the operator's snapshot, as stake weight = the delegation's total security × the weight
//! of the vault's mint (zero unless both tickets are active and the delegation exists). The
//! operator's last delegation completes its snapshot and registers it in the epoch snapshot.

use jito_core::{account::AccountType, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{Config, EpochSnapshot, EpochState, OperatorSnapshot, StakeWeights, WeightTable},
};
use jito_restaking_interface::state::{Config as RestakingConfig, Ncn, NcnVaultTicket, Operator};
use jito_vault_interface::state::{
    vault::Vault, vault_ncn_ticket::VaultNcnTicket,
    vault_operator_delegation::VaultOperatorDelegation,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

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
    let restaking = &jito_restaking_interface::ID;
    let vault_program = &jito_vault_interface::ID;
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    RestakingConfig::load(restaking, restaking_config, false)?;
    Ncn::load(restaking, ncn_info, false)?;
    Operator::load(restaking, operator_info, false)?;
    Vault::load(vault_program, vault_info, false)?;
    NcnVaultTicket::load(restaking, ncn_vault_ticket, ncn_key, vault_key, false)?;
    let has_vault_ncn_ticket = !vault_ncn_ticket.is_data_empty();
    if has_vault_ncn_ticket {
        VaultNcnTicket::load(vault_program, vault_ncn_ticket, vault_key, ncn_key, false)?;
    }
    let has_delegation = !delegation_info.is_data_empty();
    if has_delegation {
        VaultOperatorDelegation::load(
            vault_program,
            delegation_info,
            vault_key,
            operator_key,
            false,
        )?;
    }
    let slot = Clock::get()?.slot;
    // SAFETY: loaded above (restaking config of the right size); only read.
    let epoch_length =
        RestakingConfig::from_bytes(unsafe { restaking_config.borrow_unchecked() })?.epoch_length();
    if unlikely(epoch_length == 0) {
        return Err(NcnProgramError::DenominatorIsZero.into());
    }
    WeightTable::load(program_id, table_info, ncn_key, epoch, false)?;
    EpochSnapshot::load(program_id, snapshot_info, ncn_key, epoch, true)?;
    OperatorSnapshot::load(
        program_id,
        operator_snapshot,
        operator_key,
        ncn_key,
        epoch,
        true,
    )?;

    // SAFETY (vault, tickets, delegation, table): loaded above (right owner and size) and
    // only read.
    let vault = Vault::from_bytes(unsafe { vault_info.borrow_unchecked() })?;
    if unlikely(vault.is_update_needed(slot, epoch_length)?) {
        return Err(NcnProgramError::VaultNeedsUpdate.into());
    }
    let vault_index = vault.vault_index();
    let ncn_vault_okay =
        NcnVaultTicket::from_bytes(unsafe { ncn_vault_ticket.borrow_unchecked() })?
            .state
            .is_active(slot, epoch_length)?;
    let vault_ncn_okay = has_vault_ncn_ticket
        && VaultNcnTicket::from_bytes(unsafe { vault_ncn_ticket.borrow_unchecked() })?
            .state
            .is_active_or_cooldown(slot, epoch_length)?;
    let is_active = vault_ncn_okay && ncn_vault_okay && has_delegation;

    let table = WeightTable::from_bytes(unsafe { table_info.borrow_unchecked() })?;
    table.check_registry_for_vault(vault_index)?;
    let stake_weights = if is_active {
        let delegation =
            VaultOperatorDelegation::from_bytes(unsafe { delegation_info.borrow_unchecked() })?;
        let total_security = delegation.delegation_state.total_security()?;
        StakeWeights::of_delegation(total_security, table.weight_of(&vault.supported_mint)?)?
    } else {
        StakeWeights::default()
    };

    // SAFETY: no other borrow of this account's data is live (the read-only views taken
    // above are of other accounts or no longer used), and it was checked writable.
    let operator_data = unsafe { operator_snapshot.borrow_unchecked_mut() };
    let operator = OperatorSnapshot::from_bytes_mut(operator_data)?;
    operator.increment_vault_operator_delegation_registration(
        slot,
        vault_key,
        vault_index,
        &stake_weights,
    )?;
    let finalized = operator.finalized();
    if finalized {
        // SAFETY: no other borrow of this account's data is live (the read-only views taken
        // above are of other accounts or no longer used), and it was checked writable.
        let snapshot_data = unsafe { snapshot_info.borrow_unchecked_mut() };
        EpochSnapshot::from_bytes_mut(snapshot_data)?.increment_operator_registration(
            slot,
            operator.valid_operator_vault_delegations(),
            &operator.stake_weights,
        )?;
    }
    // SAFETY: no other borrow of this account's data is live (the read-only views taken
    // above are of other accounts or no longer used), and it was checked writable.
    let state_data = unsafe { state_info.borrow_unchecked_mut() };
    EpochState::from_bytes_mut(state_data)?.update_snapshot_vault_operator_delegation(
        operator.ncn_operator_index() as usize,
        finalized,
    )?;
    Ok(())
}
