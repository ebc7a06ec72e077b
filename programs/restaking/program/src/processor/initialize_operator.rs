//! `InitializeOperator` (tag 2): creates an operator at `["operator", base]`
//! and counts it in the config.

use jito_core::{
    account::{load_fixed_mut, AccountType},
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_pda_account, verify_new_canonical_pda},
};
use jito_restaking_interface::state::{operator, Config, Operator};
use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::u16_exact;

/// Accounts: `[config (w), operator (w), admin (w, s), base (s), system_program]`.
/// Data: `operator_fee_bps: u16`.
pub fn process_initialize_operator(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let operator_fee_bps = u16_exact(data)?;
    let [config_info, operator_info, admin, base, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_system_account(operator_info, true)?;
    load_signer(admin, true)?;
    load_signer(base, false)?;
    load_system_program_inlined(system_program)?;

    let bump = verify_new_canonical_pda(
        operator_info.address(),
        &Operator::seeds(base.address()),
        program_id,
    )?;
    Operator::check_fee_bps(operator_fee_bps)?;

    let bump_seed = [bump];
    create_pda_account(
        admin,
        operator_info,
        program_id,
        Operator::LEN,
        &[
            Seed::from(operator::SEED),
            Seed::from(base.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    // SAFETY: created just above with `Operator::LEN` bytes; the only view of it.
    unsafe { Operator::init_view(operator_info) }.initialize(
        base.address(),
        admin.address(),
        config.operator_count(),
        operator_fee_bps,
        bump,
    );
    config.increment_operator_count()?;
    Ok(())
}
