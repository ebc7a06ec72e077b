//! BatchCrankVaultUpdateStateTracker (an addition, tag 34): anyone cranks
//! several operator delegations of a vault's epoch update in one instruction.
//! The effect, and for a bad input the error, is exactly that of one
//! CrankVaultUpdateStateTracker per delegation in the order given (so the
//! delegations must come in the tracker's operator-index order), in one
//! transaction: every written byte is the same, and the first crank that
//! would fail decides the error.
//!
//! Accounts:
//! 0. `[]` config
//! 1. `[writable]` vault
//! 2. `[writable]` vault_update_state_tracker of the current epoch
//! 3. .. `[writable]` k >= 1 vault_operator_delegation accounts
//!
//! Data: none.
//!
//! The single crank's operator account only proves the delegation's address
//! (the PDA of vault and operator); here each delegation is proven by its
//! stored vault instead, so a batch needs one account per operator and no
//! hashing at all (the tracker too is proven by its stored vault and epoch).

use jito_core::{account::AccountType, get_epoch};
use jito_vault_interface::state::{
    Config, Vault, VaultOperatorDelegation, VaultUpdateStateTracker,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::{
    crank_vault_update_state_tracker::load_tracker,
    shared::crank_operator::{crank_operator, load_delegation_of_vault, CrankEpoch},
};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_batch_crank_vault_update_state_tracker(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, tracker_info, delegations @ ..] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    if delegations.is_empty() {
        return Err(ProgramError::NotEnoughAccountKeys);
    }

    let slot = Clock::get()?.slot;

    Config::load(program_id, config_info, false)?;
    // SAFETY: config, vault, tracker and every delegation carry different
    // discriminators (1, 2, 8 and 4), each checked before any data is viewed,
    // so no delegation is the config, the vault or the tracker; all checks
    // happen before the first mutable view, and one delegation's mutable view
    // ends before the next one's starts (a delegation passed twice is the same
    // account, viewed twice in turn). Nothing else borrows these accounts here.
    let config = unsafe { Config::view(config_info) };
    Vault::load(program_id, vault_info, true)?;
    let vault_key = vault_info.address();

    // Single cranks would fail at the first delegation failing its account
    // checks, unless an earlier crank fails first: find it now, crank the
    // delegations before it, then return its error.
    let mut checked = delegations.len();
    let mut load_result = Ok(());
    for (i, delegation) in delegations.iter().enumerate() {
        if let Err(e) = load_delegation_of_vault(program_id, delegation, vault_key) {
            checked = i;
            load_result = Err(e);
            break;
        }
    }
    if checked == 0 {
        return load_result;
    }

    let epoch_length = config.epoch_length();
    let ncn_epoch = get_epoch(slot, epoch_length)?;
    load_tracker(program_id, tracker_info, vault_key, ncn_epoch)?;

    // SAFETY: see above.
    let vault = unsafe { Vault::view_mut(vault_info) };
    // SAFETY: see above.
    let tracker = unsafe { VaultUpdateStateTracker::view_mut(tracker_info) };

    let epoch = CrankEpoch {
        slot,
        epoch_length,
        ncn_epoch,
        last_full_state_update_epoch: get_epoch(vault.last_full_state_update_slot(), epoch_length)?,
    };
    // Cranks cannot pause the vault: the first crank's check holds for all.
    vault.check_is_paused()?;
    for delegation_info in &mut delegations[..checked] {
        // SAFETY: see above.
        let delegation = unsafe { VaultOperatorDelegation::view_mut(delegation_info) };
        crank_operator(vault, tracker, delegation, &epoch)?;
    }
    load_result
}
