//! `OperatorSetAdmin` (tag 19): the operator admin hands over to a new admin;
//! both sign.

use jito_core::{account::load_based_inlined_mut, loader::load_signer};
use jito_restaking_interface::state::Operator;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[operator (w), old_admin (s), new_admin (s)]`.
///
/// Every secondary admin role (and the voter) held by the old admin moves to
/// the new admin too.
pub fn process_operator_set_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [operator_info, old_admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: the only view of the operator; no tracked borrow is taken in
    // this instruction (`check_bound_inlined`).
    let operator = unsafe { load_based_inlined_mut::<Operator>(program_id, operator_info, true) }?;
    load_signer(old_admin, false)?;
    load_signer(new_admin, false)?;

    operator.set_admin(old_admin.address(), new_admin.address())?;
    Ok(())
}
