//! InitializeVaultNcnSlasherOperatorTicket: anyone creates the account that
//! tracks how much a slasher has slashed an operator for an NCN and the vault
//! during the current epoch.

use jito_core::{
    account::{check_account_bound, load_account_bound, load_fixed},
    get_epoch,
    loader::{load_signer, load_system_account, load_system_program},
    pda::{create_state, verify_new_canonical_pda},
};
use jito_vault_interface::{
    restaking::state::{Ncn, Operator},
    state::{Config, Vault, VaultNcnSlasherOperatorTicket, VaultNcnSlasherTicket},
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
pub fn process_initialize_vault_ncn_slasher_operator_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    jito_core::args::no_args(data)?;
    let [config_info, vault_info, ncn, slasher, operator, vault_ncn_slasher_ticket, vault_ncn_slasher_operator_ticket, payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // Addresses bound by the slasher ticket's stored fields (vault, NCN) and the new ticket's canonical PDA (operator) below (`check_account_bound`).
    let vault = load_account_bound::<Vault>(program_id, vault_info, false)?;
    check_account_bound::<Ncn>(&config.restaking_program, ncn, false)?;
    check_account_bound::<Operator>(&config.restaking_program, operator, false)?;
    VaultNcnSlasherTicket::load(
        program_id,
        vault_ncn_slasher_ticket,
        vault_info.address(),
        ncn.address(),
        slasher.address(),
        false,
    )?;
    load_system_account(vault_ncn_slasher_operator_ticket, true)?;
    // As the original, the payer only has to sign; the CPI needs it writable.
    load_signer(payer, false)?;
    load_system_program(system_program)?;

    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    let ncn_epoch = get_epoch(slot, epoch_length)?;
    let epoch_le = ncn_epoch.to_le_bytes();

    let (vault_key, ncn_key, slasher_key, operator_key) = (
        vault_info.address(),
        ncn.address(),
        slasher.address(),
        operator.address(),
    );
    let bump = verify_new_canonical_pda(
        vault_ncn_slasher_operator_ticket.address(),
        &VaultNcnSlasherOperatorTicket::seeds(
            vault_key,
            ncn_key,
            slasher_key,
            operator_key,
            &epoch_le,
        ),
        program_id,
    )?;

    {
        vault.check_update_state_ok(slot, epoch_length)?;
        vault.check_is_paused()?;
    }

    let bump_seed = [bump];
    let state = create_state::<VaultNcnSlasherOperatorTicket>(
        payer,
        vault_ncn_slasher_operator_ticket,
        program_id,
        &VaultNcnSlasherOperatorTicket::signer_seeds(
            vault_key,
            ncn_key,
            slasher_key,
            operator_key,
            &epoch_le,
            &bump_seed,
        ),
    )?;
    state.initialize(
        vault_key,
        ncn_key,
        slasher_key,
        operator_key,
        ncn_epoch,
        bump,
    );
    Ok(())
}
