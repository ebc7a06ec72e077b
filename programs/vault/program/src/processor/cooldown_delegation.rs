//! CooldownDelegation: the vault's delegation admin moves `amount` of an
//! operator's stake to "enqueued for cool-down", in the operator's and the
//! vault's delegation states alike.

use jito_core::{
    account::{check_account_bound, load_account_bound_mut, load_bound_mut, load_fixed},
    loader::load_signer,
};
use jito_vault_interface::{
    instruction::args,
    restaking::state::Operator,
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
pub fn process_cooldown_delegation(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let amount = args::u64_exact(data)?;
    let [config_info, vault_info, operator, vault_operator_delegation, admin] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // Address proven by the delegation's stored fields below (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;
    check_account_bound::<Operator>(&config.restaking_program, operator, false)?;
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let delegation = unsafe {
        load_bound_mut::<VaultOperatorDelegation>(
            program_id,
            vault_operator_delegation,
            (vault_info.address(), operator.address()),
            true,
        )
    }?;
    load_signer(admin, false)?;

    vault.check_delegation_admin(admin.address())?;
    vault.check_update_state_ok(Clock::get()?.slot, config.epoch_length())?;
    vault.check_is_paused()?;

    delegation.delegation_state.cooldown(amount)?;
    vault.delegation_state.cooldown(amount)?;
    Ok(())
}
