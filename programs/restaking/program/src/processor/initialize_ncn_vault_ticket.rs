//! `InitializeNcnVaultTicket` (tag 4): the NCN vault admin opts the NCN in to a vault.

use jito_core::{
    account::AccountType,
    loader::{load_signer, load_system_account, load_system_program},
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

    Config::load(program_id, config_info, false)?;
    Ncn::load(program_id, ncn_info, true)?;
    {
        // SAFETY: checked by `Config::load` above; never viewed mutably here.
        let config = unsafe { Config::view(config_info) };
        load_vault(&config.vault_program, vault, false)?;
    }
    load_system_account(ticket_info, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program(system_program)?;

    let bump = verify_new_canonical_pda(
        ticket_info.address(),
        &NcnVaultTicket::seeds(ncn_info.address(), vault.address()),
        program_id,
    )?;

    // A second handle on the same account: the data borrow (tracked by the
    // runtime account, so still exclusive) does not lock out `address()`.
    let mut ncn_handle = *ncn_info;
    // SAFETY: checked by its load above; the only view of it here.
    let ncn = unsafe { Ncn::view_mut(&mut ncn_handle) };
    ncn.check_vault_admin(admin.address())?;

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
