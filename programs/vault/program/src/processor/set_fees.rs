//! SetFees (tag 16): the vault fee admin changes the deposit fee, the next
//! epoch's withdrawal fee and/or the reward fee, at most once per full epoch.

use jito_core::{
    account::{load_based_inlined_mut, load_fixed},
    loader::load_signer,
    unlikely,
};
use jito_vault_interface::{
    error::{check_key_inlined, VaultError},
    instruction::args,
    state::{Config, Vault},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[config, vault (w), fee_admin (s)]`. Data: three Borsh
/// `Option<u16>`: deposit, withdrawal and reward fee in bps.
pub fn process_set_fees(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let (deposit_fee_bps, rest) = args::option_u16(data)?;
    let (withdrawal_fee_bps, rest) = args::option_u16(rest)?;
    let (reward_fee_bps, rest) = args::option_u16(rest)?;
    if unlikely(!rest.is_empty()) {
        return Err(ProgramError::InvalidInstructionData);
    }
    let [config_info, vault_info, fee_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let vault = unsafe { load_based_inlined_mut::<Vault>(program_id, vault_info, true) }?;
    load_signer(fee_admin, false)?;

    // `check_fee_admin` inlined.
    check_key_inlined::<{ VaultError::VaultFeeAdminInvalid as u32 }>(
        &vault.fee_admin,
        fee_admin.address(),
    )?;
    let slot = Clock::get()?.slot;
    vault.check_can_modify_fees(slot, config.epoch_length())?;
    if unlikely(
        deposit_fee_bps.is_none() && withdrawal_fee_bps.is_none() && reward_fee_bps.is_none(),
    ) {
        return Err(ProgramError::InvalidInstructionData);
    }

    vault.set_fees(
        deposit_fee_bps,
        withdrawal_fee_bps,
        reward_fee_bps,
        config.deposit_withdrawal_fee_cap_bps(),
        config.fee_bump_bps(),
        config.fee_rate_of_change_bps(),
    )?;
    vault.set_last_fee_change_slot(slot);
    Ok(())
}
