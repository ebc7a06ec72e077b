//! `InitializeNcnOperatorState` (tag 6): the NCN operator admin creates the
//! state of an NCN–operator pair (both opt-ins inactive).

use jito_core::{
    account::load_untracked_mut,
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_restaking_interface::state::{
    ncn_operator_state, Config, Ncn, NcnOperatorState, Operator,
};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[config, ncn (w), operator (w), ncn_operator_state (w),
/// admin (s), payer (w, s), system_program]`.
pub fn process_initialize_ncn_operator_state(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, operator_info, state_info, admin, payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Config::load(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; the
    // restaking program takes no tracked borrow (no `try_borrow*`).
    let ncn = unsafe { load_untracked_mut::<Ncn>(program_id, ncn_info, true) }?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; the
    // restaking program takes no tracked borrow (no `try_borrow*`).
    let operator = unsafe { load_untracked_mut::<Operator>(program_id, operator_info, true) }?;
    load_system_account(state_info, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program_inlined(system_program)?;

    // The admin compared here, where the NCN and the admin are at hand;
    // its failure is returned only after the new account's address check
    // below, the original's order.
    let admin_check = ncn.check_operator_admin(admin.address());

    let bump = verify_new_canonical_pda(
        state_info.address(),
        &NcnOperatorState::seeds(ncn_info.address(), operator_info.address()),
        program_id,
    )?;

    admin_check?;

    let bump_seed = [bump];
    let state = create_state::<NcnOperatorState>(
        payer,
        state_info,
        program_id,
        &[
            Seed::from(ncn_operator_state::SEED),
            Seed::from(ncn_info.address().as_ref()),
            Seed::from(operator_info.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    let slot = Clock::get()?.slot;
    state.initialize(
        ncn_info.address(),
        operator_info.address(),
        ncn.operator_count(),
        bump,
        slot,
    );

    ncn.increment_operator_count()?;
    operator.increment_ncn_count()?;
    Ok(())
}
