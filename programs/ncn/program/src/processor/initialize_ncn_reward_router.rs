//! `InitializeNCNRewardRouter` (tag 14): creates the epoch's NCN reward router at
//! `["ncn_reward_router", ncn, epoch]` with its first 10,240 bytes (zeroed, no header;
//! `ReallocNCNRewardRouter` completes it) and funds the NCN reward receiver with the rent
//! exemption of an empty account.

use jito_core::loader::{load_system_account, load_system_program};
use jito_ncn_interface::pda::verify_new_canonical_pda;
use jito_ncn_interface::{
    constants::MAX_REALLOC_BYTES,
    state::{ncn_reward_router, EpochState, NcnRewardRouter},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer, pda::check_marker_dne, reward_receiver::load_ncn_reward_receiver,
};

/// Accounts: `[epoch_marker, epoch_state, ncn, ncn_reward_router (w), ncn_reward_receiver (w),
/// account_payer (w), system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state (readable, not closing, loaded), the NCN,
/// the receiver (system-owned, at its PDA, writable), the account payer, the epoch marker, the
/// router is a fresh system account, the system program, the router PDA
/// (`InvalidAccountData`).
pub fn process_initialize_ncn_reward_router(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, ncn_info, router_info, receiver, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    EpochState::load_and_check_is_closing(program_id, state_info, ncn_key, epoch, false)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    load_ncn_reward_receiver(program_id, receiver, ncn_key, epoch, true)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        load_system_account(router_info, true)?;
        load_system_program(system_program)?;
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_new_canonical_pda(
            router_info.address(),
            &NcnRewardRouter::seeds(ncn_key, &epoch_bytes),
            program_id,
        )?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            router_info,
            program_id,
            MAX_REALLOC_BYTES as usize,
            &[
                Seed::from(ncn_reward_router::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )?;
        payer.pay(ncn_key, receiver, Rent::get()?.try_minimum_balance(0)?)
    };
    rest().map_err(|err| payer.settle(err))
}
