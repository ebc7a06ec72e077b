//! InitializeVaultOperatorDelegation: the vault's operator admin registers an
//! operator that has a ticket for the vault. The new VaultOperatorDelegation
//! holds no stake and takes the next operator index (the crank's order).

use jito_core::{
    account::{check_account_bound, load_account_bound_mut, load_fixed},
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_vault_interface::{
    restaking::state::{Operator, OperatorVaultTicket},
    state::{Config, Vault, VaultOperatorDelegation},
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
pub fn process_initialize_vault_operator_delegation(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, operator, operator_vault_ticket, vault_operator_delegation, admin, payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // Address proven by the operator vault ticket's stored fields below (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;
    check_account_bound::<Operator>(&config.restaking_program, operator, false)?;
    OperatorVaultTicket::load(
        &config.restaking_program,
        operator_vault_ticket,
        operator.address(),
        vault_info.address(),
        false,
    )?;
    load_system_account(vault_operator_delegation, true)?;
    load_signer(admin, false)?;
    load_signer(payer, true)?;
    load_system_program(system_program)?;

    // Copies of the views: the addresses stay readable while the vault data is borrowed.
    let (vault_view, operator_view) = (*vault_info, *operator);
    let (vault_key, operator_key) = (vault_view.address(), operator_view.address());

    // The delegation must be the canonical PDA so that each operator has one per vault.
    let bump = verify_new_canonical_pda(
        vault_operator_delegation.address(),
        &VaultOperatorDelegation::seeds(vault_key, operator_key),
        program_id,
    )?;

    let slot = Clock::get()?.slot;
    vault.check_operator_admin(admin.address())?;
    vault.check_update_state_ok(slot, config.epoch_length())?;
    vault.check_is_paused()?;

    let index = vault.operator_count();

    let bump_seed = [bump];
    let state = create_state::<VaultOperatorDelegation>(
        payer,
        vault_operator_delegation,
        program_id,
        &VaultOperatorDelegation::signer_seeds(vault_key, operator_key, &bump_seed),
    )?;
    state.initialize(vault_key, operator_key, index, bump, slot);
    vault.increment_operator_count()?;
    Ok(())
}
