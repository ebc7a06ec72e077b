//! The NCN reward receiver: a system-owned PDA (`["ncn_reward_receiver", ncn, epoch]`) that
//! holds an epoch's rewards until they are distributed.

use jito_core::{loader::SYSTEM_PROGRAM_ID, pda::verify_canonical_pda, unlikely};
use jito_ncn_interface::pda::ncn_reward_receiver_seeds;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// The template's `NCNRewardReceiver::load`: owned by the system program
/// (`InvalidAccountOwner`), at the canonical PDA of `ncn` and `epoch` and, when expected,
/// writable (both `InvalidAccountData`).
#[inline(never)]
pub fn load_ncn_reward_receiver(
    program_id: &Address,
    account: &AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> ProgramResult {
    if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
        return Err(ProgramError::InvalidAccountOwner);
    }
    let epoch_bytes = epoch.to_le_bytes();
    verify_canonical_pda(
        account.address(),
        &ncn_reward_receiver_seeds(ncn, &epoch_bytes),
        program_id,
    )?;
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(ProgramError::InvalidAccountData);
    }
    Ok(())
}
