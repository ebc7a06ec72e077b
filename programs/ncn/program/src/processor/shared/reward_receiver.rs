//! The reward receivers: system-owned PDAs that hold rewards until they are distributed, the
//! NCN's (`["ncn_reward_receiver", ncn, epoch]`) and each operator's
//! (`["operator_vault_reward_receiver", operator, ncn, epoch]`).

use jito_core::{loader::SYSTEM_PROGRAM_ID, unlikely};
use jito_ncn_interface::pda::verify_canonical_pda;
use jito_ncn_interface::pda::{
    ncn_reward_receiver_seeds, operator_vault_reward_receiver_seeds, NCN_REWARD_RECEIVER_SEED,
    OPERATOR_VAULT_REWARD_RECEIVER_SEED,
};
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use pinocchio_system::instructions::Transfer;

/// The template's `NCNRewardReceiver::load`: owned by the system program
/// (`InvalidAccountOwner`), at the canonical PDA of `ncn` and `epoch` and, when expected,
/// writable (both `InvalidAccountData`). Returns the PDA's bump.
#[inline(never)]
pub fn load_ncn_reward_receiver(
    program_id: &Address,
    account: &AccountView,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<u8, ProgramError> {
    if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
        return Err(ProgramError::InvalidAccountOwner);
    }
    let epoch_bytes = epoch.to_le_bytes();
    let bump = verify_canonical_pda(
        account.address(),
        &ncn_reward_receiver_seeds(ncn, &epoch_bytes),
        program_id,
    )?;
    check_writable(account, expect_writable)?;
    Ok(bump)
}

/// The template's `OperatorVaultRewardReceiver::load`: as [`load_ncn_reward_receiver`] for
/// the PDA of `operator`, `ncn` and `epoch`. Returns the PDA's bump.
#[inline(never)]
pub fn load_operator_vault_reward_receiver(
    program_id: &Address,
    account: &AccountView,
    operator: &Address,
    ncn: &Address,
    epoch: u64,
    expect_writable: bool,
) -> Result<u8, ProgramError> {
    if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
        return Err(ProgramError::InvalidAccountOwner);
    }
    let epoch_bytes = epoch.to_le_bytes();
    let bump = verify_canonical_pda(
        account.address(),
        &operator_vault_reward_receiver_seeds(operator, ncn, &epoch_bytes),
        program_id,
    )?;
    check_writable(account, expect_writable)?;
    Ok(bump)
}

/// Pays `lamports` from the operator vault reward receiver of `operator`, `ncn` and `epoch`
/// (bump `bump`) to `to`, signed with the receiver's seeds.
#[inline(never)]
pub fn pay_from_operator_vault_reward_receiver(
    receiver: &AccountView,
    to: &AccountView,
    lamports: u64,
    operator: &Address,
    ncn: &Address,
    epoch: u64,
    bump: u8,
) -> ProgramResult {
    let epoch_bytes = epoch.to_le_bytes();
    let bump = [bump];
    let seeds = [
        Seed::from(OPERATOR_VAULT_REWARD_RECEIVER_SEED),
        Seed::from(operator.as_ref()),
        Seed::from(ncn.as_ref()),
        Seed::from(&epoch_bytes),
        Seed::from(&bump),
    ];
    Transfer {
        from: receiver,
        to,
        lamports,
    }
    .invoke_signed(&[Signer::from(&seeds)])
}

/// Pays `lamports` from the NCN reward receiver of `ncn` and `epoch` (bump `bump`) to `to`.
#[inline(never)]
pub fn pay_from_ncn_reward_receiver(
    receiver: &AccountView,
    to: &AccountView,
    lamports: u64,
    ncn: &Address,
    epoch: u64,
    bump: u8,
) -> ProgramResult {
    let epoch_bytes = epoch.to_le_bytes();
    let bump = [bump];
    let seeds = [
        Seed::from(NCN_REWARD_RECEIVER_SEED),
        Seed::from(ncn.as_ref()),
        Seed::from(&epoch_bytes),
        Seed::from(&bump),
    ];
    Transfer {
        from: receiver,
        to,
        lamports,
    }
    .invoke_signed(&[Signer::from(&seeds)])
}

/// Writable when expected (`InvalidAccountData`).
#[inline(always)]
fn check_writable(account: &AccountView, expect_writable: bool) -> ProgramResult {
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(ProgramError::InvalidAccountData);
    }
    Ok(())
}
