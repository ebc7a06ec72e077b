//! `InitializeOperatorSnapshot` (tag 9): creates one operator's snapshot for the epoch at
//! `["operator_snapshot", operator, ncn, epoch]`. An operator whose NCN opt-in is not active
//! or whose own opt-in is neither active nor cooling down is snapshotted as inactive (no
//! stake) and counts at once towards the epoch snapshot.

use jito_core::{
    account::AccountType,
    loader::{load_system_account, load_system_program},
    unlikely,
};
use jito_ncn_interface::{
    constants::{MAX_OPERATORS, MAX_REALLOC_BYTES, MAX_VAULTS},
    error::NcnProgramError,
    state::{epoch_snapshot, EpochSnapshot, EpochState, OperatorSnapshot, StakeWeights},
};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer,
    checked,
    pda::{check_marker_dne, verify_new_operator_snapshot_pda},
};

// One create allocates the whole snapshot (`AccountPayer::create_account` allocates at most
// `MAX_REALLOC_BYTES`): what `init_view` relies on below.
const _: () = assert!(OperatorSnapshot::LEN <= MAX_REALLOC_BYTES as usize);

/// Accounts: `[epoch_marker, epoch_state (w), config, restaking_config, ncn, operator,
/// ncn_operator_state, epoch_snapshot (w), operator_snapshot (w), account_payer (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state (readable, not closing, loaded), the
/// config, the NCN, the operator, the NCN operator state of the pair, the epoch snapshot, the
/// operator snapshot is a fresh system account, the system program, the account payer, the
/// epoch marker, the operator snapshot PDA (`InvalidAccountData`), the operator's NCN index is
/// below the snapshot's operator count (`OperatorIsNotInSnapshot`). Then, before creating the
/// account (the template finds these after): the restaking config (the template only parses
/// it; here it must be the restaking program's config, `InvalidAccountOwner` /
/// `InvalidAccountData`) and its epoch length (`DenominatorIsZero` if zero), at most 64 vaults
/// (`TooManyVaultOperatorDelegations`), an NCN index below 256 (`InvalidAccountData`; the
/// template panics) and, for an inactive operator, an epoch snapshot not yet complete
/// (`OperatorFinalized`). The epoch state must be writable (it is always written; the template
/// leaves that to the runtime), the epoch snapshot only when the operator is inactive.
pub fn process_initialize_operator_snapshot(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, config_info, restaking_config, ncn_info, operator_info, ncn_operator_state, snapshot_info, operator_snapshot, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    // Each account checked once, in the template's order, keeping its view.
    checked::epoch_state_not_closing(program_id, state_info, ncn_key, epoch, true)?;
    checked::config(program_id, config_info, ncn_key)?;
    checked::ncn(ncn_info)?;
    let operator = checked::operator(operator_info)?;
    let operator_key = operator_info.address();
    let pair = checked::ncn_operator_state(ncn_operator_state, ncn_key, operator_key)?;
    checked::epoch_snapshot(program_id, snapshot_info, ncn_key, epoch, false)?;
    load_system_account(operator_snapshot, true)?;
    load_system_program(system_program)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        // SAFETY: checked above as this program's epoch snapshot (exact size); this view is
        // not used after the mutable one below is taken.
        let snapshot = unsafe { EpochSnapshot::view(snapshot_info) };
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        let epoch_bytes = epoch.to_le_bytes();
        // A new account: the create CPI below signs with these seeds and bump, which proves the
        // matching address off the curve (`verify_new_canonical_pda`).
        let bump = verify_new_operator_snapshot_pda(
            program_id,
            operator_snapshot.address(),
            operator_key,
            ncn_key,
            &epoch_bytes,
        )?;

        let ncn_operator_index = pair.index();
        if unlikely(ncn_operator_index >= snapshot.operator_count()) {
            return Err(NcnProgramError::OperatorIsNotInSnapshot.into());
        }

        let epoch_length = checked::restaking_config(restaking_config)?.epoch_length();
        let slot = Clock::get()?.slot;
        if unlikely(epoch_length == 0) {
            return Err(NcnProgramError::DenominatorIsZero.into());
        }
        let is_active = pair.ncn_opt_in_state.is_active(slot, epoch_length)?
            && pair
                .operator_opt_in_state
                .is_active_or_cooldown(slot, epoch_length)?;
        let vault_count = snapshot.vault_count();
        if unlikely(vault_count > MAX_VAULTS as u64) {
            return Err(NcnProgramError::TooManyVaultOperatorDelegations.into());
        }
        if unlikely(ncn_operator_index >= MAX_OPERATORS as u64) {
            return Err(ProgramError::InvalidAccountData);
        }
        if !is_active {
            if unlikely(!snapshot_info.is_writable()) {
                return Err(ProgramError::InvalidAccountData);
            }
            if unlikely(snapshot.finalized()) {
                return Err(NcnProgramError::OperatorFinalized.into());
            }
        }

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            operator_snapshot,
            program_id,
            OperatorSnapshot::LEN,
            &[
                Seed::from(epoch_snapshot::OPERATOR_SNAPSHOT_SEED),
                Seed::from(operator_key.as_ref()),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )?;

        {
            // SAFETY: created just above with `OperatorSnapshot::LEN` bytes (at most the 10,240
            // bytes one create allocates: asserted below); no other view of it is alive.
            unsafe { OperatorSnapshot::init_view(operator_snapshot) }.initialize(
                operator_key,
                ncn_key,
                epoch,
                bump,
                slot,
                is_active,
                ncn_operator_index,
                operator.index(),
                operator.operator_fee_bps(),
                vault_count,
            )?;
        }
        if !is_active {
            // SAFETY: checked above as this program's epoch snapshot (exact size) and, for an
            // inactive operator, writable; its read-only view is no longer used.
            unsafe { EpochSnapshot::view_mut(snapshot_info) }.increment_operator_registration(
                slot,
                0,
                &StakeWeights::default(),
            )?;
        }
        // SAFETY: checked above (`checked`: this type, exact size, writable); no other view
        // of it is alive (the views above are of other accounts, or no longer used).
        unsafe { EpochState::view_mut(state_info) }
            .update_realloc_operator_snapshot(ncn_operator_index as usize, is_active)?;
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}
