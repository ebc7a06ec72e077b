//! `NcnSetSecondaryAdmin` (tag 18): the NCN admin assigns one secondary role.

use jito_core::{account::load_based_inlined_mut, loader::load_signer};
use jito_restaking_interface::{instruction::NcnAdminRole, state::Ncn};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[ncn (w), admin (s), new_admin]`; data: the role (one byte).
///
/// The new admin does not sign, as in the original.
pub fn process_ncn_set_secondary_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    // The original decodes the whole instruction before looking at accounts.
    let role = match data {
        [role] => NcnAdminRole::from_u8(*role)?,
        _ => return Err(ProgramError::InvalidInstructionData),
    };
    let [ncn_info, admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: the only view of the NCN; no tracked borrow is taken in this
    // instruction.
    let ncn = unsafe { load_based_inlined_mut::<Ncn>(program_id, ncn_info, true) }?;
    load_signer(admin, false)?;

    ncn.check_admin(admin.address())?;
    ncn.set_secondary_admin(role, new_admin.address());
    Ok(())
}
