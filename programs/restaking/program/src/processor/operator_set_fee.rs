//! `OperatorSetFee` (tag 21): the operator admin sets the operator fee.

use jito_core::{account::load_based_inlined_mut, loader::load_signer};
use jito_restaking_interface::state::Operator;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::u16_exact;

/// Accounts: `[config, operator (w), admin (s)]`; data: `new_fee_bps: u16`.
///
/// As in the original: the config account is not read at all, the only limit
/// is the 10,000 bps cap (checked after the admin), and there is no limit on
/// how often or how far the fee moves.
pub fn process_operator_set_fee(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let new_fee_bps = u16_exact(data)?;
    let [_config, operator_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: the only view of the operator; no tracked borrow is taken in this
    // instruction.
    let operator = unsafe { load_based_inlined_mut::<Operator>(program_id, operator_info, true) }?;
    load_signer(admin, false)?;

    operator.check_admin(admin.address())?;
    Operator::check_fee_bps(new_fee_bps)?;
    operator.set_operator_fee_bps(new_fee_bps);
    Ok(())
}
