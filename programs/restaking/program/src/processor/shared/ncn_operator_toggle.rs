//! `NcnWarmupOperator` / `NcnCooldownOperator`: the NCN operator admin moves
//! the NCN's side of an `NcnOperatorState`.

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
pub fn ncn_operator_toggle(
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
    let ncn = load_account_bound_inlined::<Ncn>(program_id, ncn_info, false)?;
    check_account_bound_inlined::<Operator>(program_id, operator_info, false)?;
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

    ncn.check_operator_admin(admin.address())?;
    toggle.apply(
        &mut state.ncn_opt_in_state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
