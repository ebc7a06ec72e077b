//! `OperatorWarmupNcn` / `OperatorCooldownNcn`: the operator NCN admin moves
//! the operator's side of an `NcnOperatorState`. The operator is loaded
//! before the NCN, as in the original.

use jito_core::{
    account::{
        check_account_bound_inlined, load_account_bound_inlined, load_bound_inlined_mut,
        load_fixed_inlined,
    },
    loader::load_signer,
};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Ncn, NcnOperatorState, Operator},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, ncn, operator, ncn_operator_state (w), admin (s)]`.
pub fn operator_ncn_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    toggle: Toggle,
    failed: RestakingError,
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, operator_info, state_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Both addresses proven by the state's stored fields below (`check_account_bound`).
    let operator = load_account_bound_inlined::<Operator>(program_id, operator_info, false)?;
    check_account_bound_inlined::<Ncn>(program_id, ncn_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let state = unsafe {
        load_bound_inlined_mut::<NcnOperatorState>(
            program_id,
            state_info,
            (ncn_info.address(), operator_info.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    operator.check_ncn_admin(admin.address())?;
    toggle.apply(
        &mut state.operator_opt_in_state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
