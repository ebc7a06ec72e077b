//! InitializeVaultNcnTicket: the vault's NCN admin registers an NCN that has a
//! ticket for the vault. The new VaultNcnTicket starts inactive; the vault's
//! NCN count grows by one.

use jito_core::{
    account::{check_account_bound, load_account_bound_mut, load_fixed},
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_vault_interface::{
    restaking::state::{Ncn, NcnVaultTicket},
    state::{Config, Vault, VaultNcnTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

// Not inlined into the dispatch: one function per instruction keeps every
// jump within the SBPF range (a fully inlined dispatch needs `gotol`, which
// sbpf-linker rejects).
#[inline(never)]
pub fn process_initialize_vault_ncn_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, ncn, ncn_vault_ticket, vault_ncn_ticket, admin, payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // Address proven by the NCN vault ticket's stored fields below (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;
    check_account_bound::<Ncn>(&config.restaking_program, ncn, false)?;
    NcnVaultTicket::load(
        &config.restaking_program,
        ncn_vault_ticket,
        ncn.address(),
        vault_info.address(),
        false,
    )?;
    load_system_account(vault_ncn_ticket, false)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program(system_program)?;

    // Copies of the views: the addresses stay readable while the vault data is borrowed.
    let (vault_view, ncn_view) = (*vault_info, *ncn);
    let (vault_key, ncn_key) = (vault_view.address(), ncn_view.address());

    // The ticket must be the canonical PDA so that each (vault, NCN) pair has one ticket.
    let bump = verify_new_canonical_pda(
        vault_ncn_ticket.address(),
        &VaultNcnTicket::seeds(vault_key, ncn_key),
        program_id,
    )?;

    let slot = Clock::get()?.slot;
    vault.check_ncn_admin(admin.address())?;
    vault.check_update_state_ok(slot, config.epoch_length())?;
    vault.check_is_paused()?;

    let index = vault.ncn_count();

    let bump_seed = [bump];
    let state = create_state::<VaultNcnTicket>(
        payer,
        vault_ncn_ticket,
        program_id,
        &VaultNcnTicket::signer_seeds(vault_key, ncn_key, &bump_seed),
    )?;
    state.initialize(vault_key, ncn_key, index, bump, slot);
    vault.increment_ncn_count()?;
    Ok(())
}
