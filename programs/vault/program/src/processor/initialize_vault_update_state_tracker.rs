//! InitializeVaultUpdateStateTracker: anyone starts the epoch update of a vault
//! that needs one. The tracker for the current epoch is created; unless an
//! earlier update was left unfinished, the scheduled withdrawal fee and the
//! config's program fee take effect and the assets to unstake for pending
//! withdrawals are computed.

use jito_core::{
    account::{load_fixed, load_mut},
    get_epoch,
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_vault_interface::{
    error::VaultError,
    state::{Config, Vault, VaultUpdateStateTracker},
};
use pinocchio::{
    error::ProgramError,
    hint::unlikely,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_initialize_vault_update_state_tracker(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    // WithdrawalAllocationMethod: only Greedy (0) exists.
    let withdrawal_allocation_method = match data {
        [0] => 0u8,
        _ => return Err(ProgramError::InvalidInstructionData),
    };
    let [config_info, vault_info, vault_update_state_tracker, payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;
    load_system_account(vault_update_state_tracker, true)?;
    load_signer(payer, true)?;
    load_system_program(system_program)?;

    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    let ncn_epoch = get_epoch(slot, epoch_length)?;
    let epoch_le = ncn_epoch.to_le_bytes();

    let vault_view = *vault_info;
    let vault_key = vault_view.address();
    // One tracker per vault and epoch: the canonical PDA.
    let bump = verify_new_canonical_pda(
        vault_update_state_tracker.address(),
        &VaultUpdateStateTracker::seeds(vault_key, &epoch_le),
        program_id,
    )?;

    if unlikely(vault.check_update_state_ok(slot, epoch_length).is_ok()) {
        return Err(VaultError::VaultIsUpdated.into());
    }
    vault.check_is_paused()?;

    let bump_seed = [bump];
    let state = create_state::<VaultUpdateStateTracker>(
        payer,
        vault_update_state_tracker,
        program_id,
        &VaultUpdateStateTracker::signer_seeds(vault_key, &epoch_le, &bump_seed),
    )?;

    vault.begin_state_update(slot, epoch_length, config.program_fee_bps())?;

    state.initialize(vault_key, ncn_epoch, withdrawal_allocation_method);
    Ok(())
}
