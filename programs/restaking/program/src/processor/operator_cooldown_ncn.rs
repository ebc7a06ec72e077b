//! `OperatorCooldownNcn` (tag 12): the operator NCN admin starts cooling down the
//! operator's opt-in to an NCN. The operator is loaded before the NCN, as in
//! the original.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{operator_ncn_toggle::operator_ncn_toggle, Toggle};

/// Accounts: `[config, ncn, operator, ncn_operator_state (w), admin (s)]`.
pub fn process_operator_cooldown_ncn(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    operator_ncn_toggle(
        program_id,
        accounts,
        data,
        Toggle::Cooldown,
        RestakingError::OperatorCooldownNcnFailed,
    )
}
