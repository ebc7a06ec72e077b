//! SetProgramFeeWallet (tag 18): the config fee admin sets the program fee wallet.

use jito_core::{account::load_fixed_mut, loader::load_signer};
use jito_vault_interface::state::Config;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config (w), program_fee_admin (s), new_fee_wallet]`.
pub fn process_set_program_fee_wallet(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, fee_admin, new_fee_wallet] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_signer(fee_admin, false)?;

    config.check_fee_admin(fee_admin.address())?;
    config.program_fee_wallet = *new_fee_wallet.address();
    Ok(())
}
