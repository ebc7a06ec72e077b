//! SetProgramFee (tag 17): the config admin sets the program's withdrawal fee.

use jito_core::{account::load_fixed_mut, loader::load_signer};
use jito_vault_interface::{instruction::args, state::Config};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config (w), admin (s)]`. Data: `new_fee_bps: u16` (at most
/// 10_000, else `InvalidInstructionData` as the original).
pub fn process_set_program_fee(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let new_fee_bps = args::u16_exact(data)?;
    let [config_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_signer(admin, false)?;

    config.check_admin(admin.address())?;
    config.set_program_fee_bps(new_fee_bps)
}
