//! InitializeVaultNcnSlasherTicket: the vault's slasher admin registers a
//! slasher that the NCN has registered for the vault. The new ticket copies the
//! NCN's per-epoch slashing limit and starts inactive; the vault's slasher
//! count grows by one.

use jito_core::{
    account::{check_account_bound, load_account_bound_mut, load_fixed, AccountType},
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_vault_interface::{
    restaking::state::{Ncn, NcnVaultSlasherTicket},
    state::{Config, Vault, VaultNcnSlasherTicket},
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
pub fn process_initialize_vault_ncn_slasher_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, ncn, slasher, ncn_slasher_ticket, vault_ncn_slasher_ticket, admin, payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // As the original, the vault is not required writable here although its
    // slasher count changes: the runtime refuses the write if it is not.
    // Address proven by the NCN vault slasher ticket's stored fields below (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, false) }?;
    check_account_bound::<Ncn>(&config.restaking_program, ncn, false)?;
    NcnVaultSlasherTicket::load(
        &config.restaking_program,
        ncn_slasher_ticket,
        ncn.address(),
        vault_info.address(),
        slasher.address(),
        false,
    )?;
    load_system_account(vault_ncn_slasher_ticket, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program(system_program)?;

    let (vault_view, ncn_view, slasher_view) = (*vault_info, *ncn, *slasher);
    let (vault_key, ncn_key, slasher_key) = (
        vault_view.address(),
        ncn_view.address(),
        slasher_view.address(),
    );

    vault.check_is_paused()?;

    let bump = verify_new_canonical_pda(
        vault_ncn_slasher_ticket.address(),
        &VaultNcnSlasherTicket::seeds(vault_key, ncn_key, slasher_key),
        program_id,
    )?;

    let slot = Clock::get()?.slot;
    vault.check_slasher_admin(admin.address())?;
    vault.check_update_state_ok(slot, config.epoch_length())?;

    let index = vault.slasher_count();

    // SAFETY: checked by its `load` above (owner, type, size, no tracked
    // mutable borrow); a restaking account, only read.
    let max_slashable_per_epoch =
        unsafe { NcnVaultSlasherTicket::view(ncn_slasher_ticket) }.max_slashable_per_epoch();

    let bump_seed = [bump];
    let state = create_state::<VaultNcnSlasherTicket>(
        payer,
        vault_ncn_slasher_ticket,
        program_id,
        &VaultNcnSlasherTicket::signer_seeds(vault_key, ncn_key, slasher_key, &bump_seed),
    )?;
    state.initialize(
        vault_key,
        ncn_key,
        slasher_key,
        max_slashable_per_epoch,
        index,
        bump,
        slot,
    );
    vault.increment_slasher_count()?;
    Ok(())
}
