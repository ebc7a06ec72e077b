//! `NcnSetAdmin` (tag 17): the NCN admin hands over to a new admin; both sign.

use jito_core::{account::load_based_inlined_mut, loader::load_signer};
use jito_restaking_interface::state::Ncn;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

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

    // SAFETY: the only view of the NCN; no tracked borrow is taken in this
    // instruction.
    let ncn = unsafe { load_based_inlined_mut::<Ncn>(program_id, ncn_info, true) }?;
    load_signer(old_admin, false)?;
    load_signer(new_admin, false)?;

    ncn.set_admin(old_admin.address(), new_admin.address())?;
    Ok(())
}
