//! `OperatorSetSecondaryAdmin` (tag 20): the operator admin assigns one
//! secondary role (NCN admin, vault admin, voter, delegate admin, metadata admin).

use jito_core::{account::load_based_inlined_mut, loader::load_signer};
use jito_restaking_interface::{instruction::OperatorAdminRole, state::Operator};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[operator (w), admin (s), new_admin]`; data: the role (one byte).
///
/// The new admin does not sign, as in the original.
pub fn process_operator_set_secondary_admin(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    // The original decodes the whole instruction before looking at accounts.
    let role = match data {
        [role] => OperatorAdminRole::from_u8(*role)?,
        _ => return Err(ProgramError::InvalidInstructionData),
    };
    let [operator_info, admin, new_admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: the only view of the operator; no tracked borrow is taken in this
    // instruction.
    let operator = unsafe { load_based_inlined_mut::<Operator>(program_id, operator_info, true) }?;
    load_signer(admin, false)?;

    operator.check_admin(admin.address())?;
    operator.set_secondary_admin(role, new_admin.address());
    Ok(())
}
