//! `InitializeConfig` (tag 0): creates the global config at its canonical PDA.

use jito_core::{
    account::AccountType,
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_pda_account, verify_new_canonical_pda},
};
use jito_restaking_interface::state::{config, Config};
use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config (w), admin (w, s), vault_program, system_program]`.
pub fn process_initialize_config(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, admin, vault_program, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_account(config_info, true)?;
    load_signer(admin, true)?;
    load_system_program_inlined(system_program)?;

    let bump = verify_new_canonical_pda(config_info.address(), &Config::seeds(), program_id)?;
    let bump_seed = [bump];
    create_pda_account(
        admin,
        config_info,
        program_id,
        Config::LEN,
        &[Seed::from(config::SEED), Seed::from(&bump_seed)],
    )?;

    // SAFETY: created just above with `Config::LEN` bytes; the only view of it.
    let config = unsafe { Config::init_view(config_info) };
    // The account was just created zeroed: counters and reserved bytes stay 0.
    config.admin = *admin.address();
    config.vault_program = *vault_program.address();
    config.set_epoch_length(config::DEFAULT_EPOCH_LENGTH);
    config.bump = bump;
    Ok(())
}
