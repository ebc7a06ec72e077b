//! SetConfigSecondaryAdmin (tag 33): the config admin sets a secondary config role.

use jito_core::{account::load_fixed_mut, loader::load_signer};
use jito_vault_interface::{
    instruction::{args, ConfigAdminRole},
    state::Config,
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config (w), admin (s), new_admin]`. Data: `role: ConfigAdminRole`.
/// The original requires the config writable (its sdk passes it so) although
/// its IDL marks it read-only; the check is kept.
pub fn process_set_config_secondary_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let role = ConfigAdminRole::try_from(args::u8_exact(data)?)?;
    let [config_info, admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_signer(admin, false)?;

    config.check_admin(admin.address())?;
    match role {
        ConfigAdminRole::FeeAdmin => config.fee_admin = *new_admin.address(),
    }
    Ok(())
}
