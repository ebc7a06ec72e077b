//! CloseVaultUpdateStateTracker: anyone closes a vault's update tracker and
//! takes its rent. For the current epoch the update must be complete: the
//! vault then takes the tracker's rolled-up delegation state, records the full
//! update slot and moves its VRT withdrawal buckets forward. A tracker of an
//! earlier epoch is only closed.

use jito_core::{
    account::{load_fixed, load_mut, AccountType},
    get_epoch,
    loader::load_signer,
};
use jito_vault_interface::{
    error::VaultError,
    instruction::args,
    state::{Config, Vault, VaultUpdateStateTracker},
};
use pinocchio::{
    error::ProgramError,
    hint::unlikely,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::crank_vault_update_state_tracker::load_tracker;

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_close_vault_update_state_tracker(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let ncn_epoch = args::u64_exact(data)?;
    let [config_info, vault_info, tracker_info, payer] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let slot = Clock::get()?.slot;

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;
    load_tracker(program_id, tracker_info, vault_info.address(), ncn_epoch)?;
    load_signer(payer, true)?;

    {
        vault.check_is_paused()?;

        let epoch_length = config.epoch_length();
        let current_ncn_epoch = get_epoch(slot, epoch_length)?;
        // Only an update of the current epoch is applied; older trackers are just closed.
        if ncn_epoch == current_ncn_epoch {
            // SAFETY: checked by `load_tracker` above (type, size, no tracked
            // mutable borrow); a shared view, dropped before the close below.
            let tracker = unsafe { VaultUpdateStateTracker::view(tracker_info) };
            let operator_count = vault.operator_count();
            if unlikely(operator_count > 0 && !tracker.all_operators_updated(operator_count)?) {
                return Err(VaultError::VaultUpdateStateNotFinishedUpdating.into());
            }
            if unlikely(vault.additional_assets_need_unstaking() > 0) {
                return Err(
                    VaultError::NonZeroAdditionalAssetsNeededForWithdrawalAtEndOfUpdate.into(),
                );
            }
            vault.finish_state_update(&tracker.delegation_state, slot, epoch_length)?;
        }
    }

    // Close: the rent goes to the payer, the account goes back to the system program.
    let rent = tracker_info.lamports();
    let payer_lamports = payer
        .lamports()
        .checked_add(rent)
        .ok_or(ProgramError::ArithmeticOverflow)?;
    payer.set_lamports(payer_lamports);
    tracker_info.set_lamports(0);
    tracker_info.close()
}
