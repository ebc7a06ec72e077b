//! `WarmupOperatorVaultTicket` / `CooldownOperatorVaultTicket`: the operator
//! vault admin moves the operator's opt-in to a vault.

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
use crate::processor::no_args;

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

    Config::load(program_id, config_info, false)?;
    // Address proven by the ticket's PDA below (`check_account_bound`).
    check_account_bound::<Operator>(program_id, operator_info, false)?;
    let config_data = config_info.try_borrow()?;
    let config = Config::from_bytes(&config_data)?;
    load_vault(&config.vault_program, vault_info, false)?;
    OperatorVaultTicket::load(
        program_id,
        ticket_info,
        operator_info.address(),
        vault_info.address(),
        true,
    )?;
    load_signer(admin, false)?;

    Operator::from_bytes(&operator_info.try_borrow()?)?.check_vault_admin(admin.address())?;

    let mut ticket_data = ticket_info.try_borrow_mut()?;
    let ticket = OperatorVaultTicket::from_bytes_mut(&mut ticket_data)?;
    toggle.apply(
        &mut ticket.state,
        Clock::get()?.slot,
        config.epoch_length(),
        failed,
    )
}
