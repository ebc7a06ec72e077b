//! `SetConfigAdmin` (tag 24): the config admin hands over to a new admin.

use jito_core::{account::load_fixed_inlined_mut, loader::load_signer};
use jito_restaking_interface::state::Config;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config (w), old_admin (s), new_admin]`.
pub fn process_set_config_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, old_admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: the only view of the config.
    let config = unsafe { load_fixed_inlined_mut::<Config>(program_id, config_info, true) }?;
    load_signer(old_admin, false)?;

    config.check_admin(old_admin.address())?;
    config.set_admin(new_admin.address());
    Ok(())
}
