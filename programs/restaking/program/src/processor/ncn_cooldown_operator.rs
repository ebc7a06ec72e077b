//! `NcnCooldownOperator` (tag 10): the NCN operator admin starts cooling down the
//! NCN's opt-in to an operator.

use jito_restaking_interface::error::RestakingError;
use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::{ncn_operator_toggle::ncn_operator_toggle, Toggle};

/// Accounts: `[config, ncn, operator, ncn_operator_state (w), admin (s)]`.
pub fn process_ncn_cooldown_operator(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    ncn_operator_toggle(
        program_id,
        accounts,
        data,
        Toggle::Cooldown,
        RestakingError::NcnCooldownOperatorFailed,
    )
}
