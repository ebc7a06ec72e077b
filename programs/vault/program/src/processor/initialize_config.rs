//! InitializeConfig (tag 0): creates the program's config PDA, paid by the admin.

use jito_core::{
    account::AccountType,
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_pda_account, verify_new_canonical_pda},
    unlikely,
};
use jito_vault_interface::{instruction::args, state::Config, MAX_BPS};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

/// Accounts: `[config (w), admin (w, s), restaking_program, program_fee_wallet, system_program]`.
/// Data: `program_fee_bps: u16`.
pub fn process_initialize_config(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let program_fee_bps = args::u16_exact(data)?;
    let [config_info, admin, restaking_program, program_fee_wallet, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_account(config_info, true)?;
    load_signer(admin, true)?;
    load_system_program(system_program)?;
    // The canonical PDA, as the original's find_program_address: one config only.
    let bump = verify_new_canonical_pda(config_info.address(), &Config::seeds(), program_id)?;
    if unlikely(program_fee_bps > MAX_BPS) {
        return Err(ProgramError::InvalidArgument);
    }

    let bump_seed = [bump];
    create_pda_account(
        admin,
        config_info,
        program_id,
        Config::LEN,
        &Config::signer_seeds(&bump_seed),
    )?;

    // SAFETY: created just above with `Config::LEN` bytes; the only view of it.
    unsafe { Config::init_view(config_info) }.initialize(
        admin.address(),
        restaking_program.address(),
        program_fee_wallet.address(),
        program_fee_bps,
        bump,
    );
    Ok(())
}
