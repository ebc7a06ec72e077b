//! `WarmupOperatorVaultTicket` / `CooldownOperatorVaultTicket`: the operator
//! vault admin moves the operator's opt-in to a vault.

use jito_core::{
    account::{load_account_bound_inlined, load_bound_inlined_mut, load_fixed_inlined},
    loader::load_signer,
};
use jito_restaking_interface::{
    error::RestakingError,
    state::{Config, Operator, OperatorVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::Toggle;
use jito_core::args::no_args;

/// Accounts: `[config, operator, vault, operator_vault_ticket (w), admin (s)]`.
pub fn operator_vault_ticket_toggle(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
    toggle: Toggle,
    failed: RestakingError,
) -> ProgramResult {
    no_args(data)?;
    let [config_info, operator_info, vault_info, ticket_info, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed_inlined::<Config>(program_id, config_info, false)?;
    // Address proven by the ticket's stored fields below (`check_account_bound`).
    let operator = load_account_bound_inlined::<Operator>(program_id, operator_info, false)?;
    load_vault(&config.vault_program, vault_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; no tracked
    // borrow is taken in this instruction (`check_bound_inlined`).
    let ticket = unsafe {
        load_bound_inlined_mut::<OperatorVaultTicket>(
            program_id,
            ticket_info,
            (operator_info.address(), vault_info.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    operator.check_vault_admin(admin.address())?;
    toggle.apply(
        &mut ticket.state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
