//! `InitializeNcn` (tag 1): creates an NCN at `["ncn", base]` and counts it in the config.

use jito_core::{
    account::{load_fixed_mut, AccountType},
    loader::{load_signer, load_system_account, load_system_program_inlined},
    pda::{create_pda_account, verify_new_canonical_pda},
};
use jito_restaking_interface::state::{ncn, Config, Ncn};
use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// Accounts: `[config (w), ncn (w), admin (w, s), base (s), system_program]`.
pub fn process_initialize_ncn(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, ncn_info, admin, base, system_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_system_account(ncn_info, true)?;
    load_signer(admin, true)?;
    load_signer(base, false)?;
    load_system_program_inlined(system_program)?;

    let bump =
        verify_new_canonical_pda(ncn_info.address(), &Ncn::seeds(base.address()), program_id)?;
    let bump_seed = [bump];
    create_pda_account(
        admin,
        ncn_info,
        program_id,
        Ncn::LEN,
        &[
            Seed::from(ncn::SEED),
            Seed::from(base.address().as_ref()),
            Seed::from(&bump_seed),
        ],
    )?;

    // SAFETY: created just above with `Ncn::LEN` bytes; the only view of it.
    unsafe { Ncn::init_view(ncn_info) }.initialize(
        base.address(),
        admin.address(),
        config.ncn_count(),
        bump,
    );
    config.increment_ncn_count()?;
    Ok(())
}
