//! `NcnSetAdmin` (tag 17): the NCN admin hands over to a new admin; both sign.

use jito_core::{account::AccountType, loader::load_signer};
use jito_restaking_interface::state::Ncn;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::no_args;

/// Accounts: `[ncn (w), old_admin (s), new_admin (s)]`.
///
/// Every secondary admin role held by the old admin moves to the new admin too.
pub fn process_ncn_set_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [ncn_info, old_admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Ncn::load(program_id, ncn_info, true)?;
    load_signer(old_admin, false)?;
    load_signer(new_admin, false)?;

    let mut ncn_data = ncn_info.try_borrow_mut()?;
    let ncn = Ncn::from_bytes_mut(&mut ncn_data)?;
    ncn.check_admin(old_admin.address())?;
    ncn.admin = *new_admin.address();
    ncn.update_secondary_admin(old_admin.address(), new_admin.address());
    Ok(())
}
