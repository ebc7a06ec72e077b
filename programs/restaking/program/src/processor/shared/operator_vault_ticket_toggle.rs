//! `WarmupOperatorVaultTicket` / `CooldownOperatorVaultTicket`: the operator
//! vault admin moves the operator's opt-in to a vault.

use jito_core::account::load_fixed;
use jito_core::{
    account::{check_account_bound, AccountType},
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

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // Address proven by the ticket's stored fields below (`check_account_bound`).
    check_account_bound::<Operator>(program_id, operator_info, false)?;
    load_vault(&config.vault_program, vault_info, false)?;
    OperatorVaultTicket::load(
        program_id,
        ticket_info,
        operator_info.address(),
        vault_info.address(),
        true,
    )?;
    load_signer(admin, false)?;

    // SAFETY: config, NCN / operator and ticket carry different discriminators,
    // each checked above, so they are distinct accounts; each is viewed once and
    // only the ticket mutably.
    let (operator, ticket) = unsafe {
        (
            Operator::view(operator_info),
            OperatorVaultTicket::view_mut(ticket_info),
        )
    };
    operator.check_vault_admin(admin.address())?;
    toggle.apply(
        &mut ticket.state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
