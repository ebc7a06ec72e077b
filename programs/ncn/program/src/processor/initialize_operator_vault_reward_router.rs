//! `InitializeOperatorVaultRewardRouter` (tag 19): creates one operator's vault reward router
//! for the epoch at `["operator_vault_reward_route", operator, ncn, epoch]`, funds its reward
//! receiver with the rent exemption of an empty account and records it in the epoch state.

use jito_core::{
    account::AccountType,
    loader::{load_system_account, load_system_program},
};
use jito_ncn_interface::pda::verify_new_canonical_pda;
use jito_ncn_interface::state::{
    operator_vault_reward_router, EpochState, OperatorSnapshot, OperatorVaultRewardRouter,
};
use jito_restaking_interface::state::{Ncn, Operator};
use pinocchio::{
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer, pda::check_marker_dne,
    reward_receiver::load_operator_vault_reward_receiver,
};

/// Accounts: `[epoch_marker, epoch_state (w), ncn, operator, operator_snapshot,
/// operator_vault_reward_router (w), operator_vault_reward_receiver (w), account_payer (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state (readable, not closing, loaded writable),
/// the NCN, the operator, the operator snapshot, the receiver (system-owned, at its PDA,
/// writable), the router is a fresh system account, the system program, the account payer,
/// the epoch marker, the router PDA (`InvalidAccountData`).
pub fn process_initialize_operator_vault_reward_router(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, ncn_info, operator_info, operator_snapshot, router_info, receiver, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    let operator_key = operator_info.address();
    EpochState::load_and_check_is_closing(program_id, state_info, ncn_key, epoch, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    Operator::load(&jito_restaking_interface::ID, operator_info, false)?;
    OperatorSnapshot::load(
        program_id,
        operator_snapshot,
        operator_key,
        ncn_key,
        epoch,
        false,
    )?;
    load_operator_vault_reward_receiver(program_id, receiver, operator_key, ncn_key, epoch, true)?;
    load_system_account(router_info, true)?;
    load_system_program(system_program)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        // SAFETY: loaded above (this program's operator snapshot of the right size); only read.
        let ncn_operator_index =
            OperatorSnapshot::from_bytes(unsafe { operator_snapshot.borrow_unchecked() })?
                .ncn_operator_index();
        let slot = Clock::get()?.slot;
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_new_canonical_pda(
            router_info.address(),
            &OperatorVaultRewardRouter::seeds(operator_key, ncn_key, &epoch_bytes),
            program_id,
        )?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            router_info,
            program_id,
            OperatorVaultRewardRouter::LEN,
            &[
                Seed::from(operator_vault_reward_router::SEED),
                Seed::from(operator_key.as_ref()),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&bump_seed),
            ],
        )?;
        {
            let mut data = router_info.try_borrow_mut()?;
            OperatorVaultRewardRouter::init(&mut data)?.initialize(
                operator_key,
                ncn_operator_index,
                ncn_key,
                epoch,
                bump,
                slot,
            );
        }
        payer.pay(ncn_key, receiver, Rent::get()?.try_minimum_balance(0)?)?;
        let mut state_data = state_info.try_borrow_mut()?;
        EpochState::from_bytes_mut(&mut state_data)?
            .update_realloc_operator_vault_reward_router(ncn_operator_index as usize)
    };
    rest().map_err(|err| payer.settle(err))
}
