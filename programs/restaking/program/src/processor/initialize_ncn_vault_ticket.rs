//! `InitializeNcnVaultTicket` (tag 4): the NCN vault admin opts the NCN in to a vault.

use jito_core::{
    account::{load_fixed, load_untracked_mut},
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_restaking_interface::{
    state::{ncn_vault_ticket, Config, Ncn, NcnVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[config, ncn (w), vault, ncn_vault_ticket (w), admin (s),
/// payer (w, s), system_program]`.
pub fn process_initialize_ncn_vault_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, vault, ticket_info, admin, payer, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one; the
    // restaking program takes no tracked borrow (no `try_borrow*`).
    let ncn = unsafe { load_untracked_mut::<Ncn>(program_id, ncn_info, true) }?;
    {
        load_vault(&config.vault_program, vault, false)?;
    }
    load_system_account(ticket_info, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program_inlined(system_program)?;

    // The admin compared here, where the NCN and the admin are at hand;
    // its failure is returned only after the new account's address check
    // below, the original's order.
    let admin_check = ncn.check_vault_admin(admin.address());

    let bump = verify_new_canonical_pda(
        ticket_info.address(),
        &NcnVaultTicket::seeds(ncn_info.address(), vault.address()),
        program_id,
    )?;

    admin_check?;

    let bump_seed = [bump];
    let state = create_state::<NcnVaultTicket>(
        payer,
        ticket_info,
        program_id,
        &[
            Seed::from(ncn_vault_ticket::SEED),
            Seed::from(ncn_info.address().as_ref()),
            Seed::from(vault.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    let slot = Clock::get()?.slot;
    state.initialize(
        ncn_info.address(),
        vault.address(),
        ncn.vault_count(),
        bump,
        slot,
    );
    ncn.increment_vault_count()?;
    Ok(())
}
