//! `InitializeNcnVaultSlasherTicket` (tag 3): the NCN slasher admin registers a
//! slasher for a vault the NCN has a ticket with.

use jito_core::{
    account::{check_bound_untracked, load_fixed, load_untracked_mut},
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_restaking_interface::{
    state::{ncn_vault_slasher_ticket, Config, Ncn, NcnVaultSlasherTicket, NcnVaultTicket},
    vault::load_vault,
};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::u64_exact;

/// Accounts: `[config, ncn (w), vault, slasher, ncn_vault_ticket,
/// ncn_vault_slasher_ticket (w), admin (s), payer (w, s), system_program]`.
/// Data: `max_slashable_per_epoch: u64`.
pub fn process_initialize_ncn_vault_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let max_slashable_per_epoch = u64_exact(data)?;
    let [config_info, ncn_info, vault, slasher, ncn_vault_ticket, ticket_info, admin, payer, system_program] =
        accounts
    else {
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
    check_bound_untracked::<NcnVaultTicket>(
        program_id,
        ncn_vault_ticket,
        (ncn_info.address(), vault.address()),
        false,
    )?;
    load_system_account(ticket_info, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program_inlined(system_program)?;

    // The admin compared here, where the NCN and the admin are at hand;
    // its failure is returned only after the new account's address check
    // below, the original's order.
    let admin_check = ncn.check_slasher_admin(admin.address());

    let bump = verify_new_canonical_pda(
        ticket_info.address(),
        &NcnVaultSlasherTicket::seeds(ncn_info.address(), vault.address(), slasher.address()),
        program_id,
    )?;

    admin_check?;

    let bump_seed = [bump];
    let state = create_state::<NcnVaultSlasherTicket>(
        payer,
        ticket_info,
        program_id,
        &[
            Seed::from(ncn_vault_slasher_ticket::SEED),
            Seed::from(ncn_info.address().as_ref()),
            Seed::from(vault.address().as_ref()),
            Seed::from(slasher.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    let slot = Clock::get()?.slot;
    state.initialize(
        ncn_info.address(),
        vault.address(),
        slasher.address(),
        max_slashable_per_epoch,
        ncn.slasher_count(),
        bump,
        slot,
    );
    ncn.increment_slasher_count()?;
    Ok(())
}
