//! `InitializeOperatorVaultTicket` (tag 5): the operator vault admin opts the
//! operator in to a vault.

use jito_core::{
    account::{load_fixed, load_untracked_mut},
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_state, verify_new_canonical_pda},
    unlikely,
};
use jito_restaking_interface::{
    state::{operator_vault_ticket, Config, Operator, OperatorVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    address::address_eq,
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[config, operator (w), vault, operator_vault_ticket (w),
/// admin (s), payer (w, s), system_program]`.
pub fn process_initialize_operator_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, operator_info, vault, ticket_info, admin, payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; the
    // restaking program takes no tracked borrow (no `try_borrow*`).
    let operator = unsafe { load_untracked_mut::<Operator>(program_id, operator_info, true) }?;
    {
        load_vault(&config.vault_program, vault, false)?;
    }
    load_system_account(ticket_info, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program_inlined(system_program)?;

    // The admin compared here, where the operator and the admin are at hand;
    // its failure is returned only after the new account's address check
    // below, the original's order.
    let admin_matches = address_eq(&operator.vault_admin, admin.address());

    // This instruction of the original reports a wrong ticket address as
    // `InvalidArgument` and a wrong vault admin as `InvalidAccountData`.
    let bump = verify_new_canonical_pda(
        ticket_info.address(),
        &OperatorVaultTicket::seeds(operator_info.address(), vault.address()),
        program_id,
    )
    .map_err(|_| ProgramError::InvalidArgument)?;

    if unlikely(!admin_matches) {
        return Err(ProgramError::InvalidAccountData);
    }

    let bump_seed = [bump];
    let state = create_state::<OperatorVaultTicket>(
        payer,
        ticket_info,
        program_id,
        &[
            Seed::from(operator_vault_ticket::SEED),
            Seed::from(operator_info.address().as_ref()),
            Seed::from(vault.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    let slot = Clock::get()?.slot;
    state.initialize(
        operator_info.address(),
        vault.address(),
        operator.vault_count(),
        bump,
        slot,
    );
    operator.increment_vault_count()?;
    Ok(())
}
