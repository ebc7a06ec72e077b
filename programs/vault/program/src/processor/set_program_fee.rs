//! SetProgramFee (tag 17): the config admin sets the program's withdrawal fee.

use jito_core::{account::AccountType, loader::load_signer};
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

    Config::load(program_id, config_info, true)?;
    load_signer(admin, false)?;

    // SAFETY: checked by its load above; the only view of it here.
    let config = unsafe { Config::view_mut(config_info) };
    config.check_admin(admin.address())?;
    config.set_program_fee_bps(new_fee_bps)
}
