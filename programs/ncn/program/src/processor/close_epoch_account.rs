//! `CloseEpochAccount` (tag 22): after `epochs_after_consensus_before_close` epochs past
//! consensus, closes one of the epoch's accounts and returns its rent to the account payer;
//! the reward routers also close their receivers (what they still hold goes to the NCN fee
//! wallet). The epoch state goes last, leaving the epoch marker behind so the epoch cannot be
//! started again.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    constants::DEFAULT_CONSENSUS_REACHED_SLOT,
    error::NcnProgramError,
    state::{
        discriminator, epoch_marker, AccountStatus, BallotBox, Config, EpochMarker, EpochSnapshot,
        EpochState, NcnRewardRouter, OperatorSnapshot, OperatorVaultRewardRouter, WeightTable,
    },
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    address::address_eq,
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{
    account_payer::AccountPayer,
    epoch_schedule::EpochSchedule,
    pda::check_marker_dne_bump,
    reward_receiver::{
        load_ncn_reward_receiver, load_operator_vault_reward_receiver,
        pay_from_ncn_reward_receiver, pay_from_operator_vault_reward_receiver,
    },
};

/// Accounts: `[epoch_marker, epoch_state (w), config, ncn, account_to_close (w),
/// account_payer (w), system_program, (ncn_fee_wallet (w), receiver_to_close (w))]`; data:
/// `epoch: u64`. The last two only for a reward router.
///
/// Checks in the template's order: the system program, the NCN, the epoch state, the config,
/// the account payer, the epoch marker (`InvalidSeeds`, `MarkerExists`), the account still
/// exists (`CannotCloseAccountAlreadyClosed`), consensus was reached
/// (`ConsensusNotReached`) at least `epochs_after_consensus_before_close` epochs ago
/// (`CannotCloseAccountNotEnoughEpochs`), then by the account's type: its own load (PDA of this
/// NCN and epoch, writable), the epoch state only when everything else is closed
/// (`CannotCloseAccount`, `CannotCloseEpochStateAccount`), a reward router with exactly the
/// two extra accounts (`CannotCloseAccountNoEnoughAccounts`), the config's NCN fee wallet
/// (`InvalidNCNFeeWallet`) and its receiver; any other type is
/// `InvalidAccountToCloseDiscriminator`. Fewer than seven accounts is `NotEnoughAccountKeys`
/// (the template's `split_at` panics); the epoch state and the account payer must be writable
/// (`InvalidAccountData`; the template loads them read-only and writes them).
pub fn process_close_epoch_account(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    if unlikely(accounts.len() < 7) {
        return Err(ProgramError::NotEnoughAccountKeys);
    }
    let (required, optional) = accounts.split_at_mut(7);
    let [epoch_marker_info, state_info, config_info, ncn_info, to_close, account_payer, system_program] =
        required
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    let payer = AccountPayer::load(program_id, account_payer, ncn_key, true)?;
    let marker_bump = check_marker_dne_bump(program_id, epoch_marker_info, ncn_key, epoch)?;
    let closing_epoch_state = address_eq(to_close.address(), state_info.address());
    if unlikely(to_close.is_data_empty()) {
        return Err(NcnProgramError::CannotCloseAccountAlreadyClosed.into());
    }

    // SAFETY: loaded above (this program's config of the right size); only read.
    let config = Config::from_bytes(unsafe { config_info.borrow_unchecked() })?;
    let clock = Clock::get()?;
    {
        // SAFETY: loaded above (this program's epoch state of the right size); only read here.
        let state = EpochState::from_bytes(unsafe { state_info.borrow_unchecked() })?;
        let consensus_slot = state.slot_consensus_reached();
        if unlikely(consensus_slot == DEFAULT_CONSENSUS_REACHED_SLOT) {
            return Err(NcnProgramError::ConsensusNotReached.into());
        }
        let schedule = EpochSchedule::get()?;
        let delta = schedule
            .epoch(clock.slot)?
            .saturating_sub(schedule.epoch(consensus_slot)?);
        if unlikely(delta < config.epochs_after_consensus_before_close()) {
            return Err(NcnProgramError::CannotCloseAccountNotEnoughEpochs.into());
        }
    }

    let account_type = if closing_epoch_state {
        discriminator::EPOCH_STATE
    } else {
        // SAFETY: not empty (checked above); only read.
        let data = unsafe { to_close.borrow_unchecked() };
        data[0]
    };
    // Which status byte of the epoch state this close sets, and the receiver to close.
    let status: StatusSlot;
    match account_type {
        discriminator::EPOCH_STATE => {
            // SAFETY: as above; only read.
            let state = EpochState::from_bytes(unsafe { state_info.borrow_unchecked() })?;
            state.check_can_close(ncn_key, epoch)?;
            status = StatusSlot::EpochState;
        }
        discriminator::WEIGHT_TABLE => {
            WeightTable::load(program_id, to_close, ncn_key, epoch, true)?;
            status = StatusSlot::WeightTable;
        }
        discriminator::EPOCH_SNAPSHOT => {
            EpochSnapshot::load(program_id, to_close, ncn_key, epoch, true)?;
            status = StatusSlot::EpochSnapshot;
        }
        discriminator::OPERATOR_SNAPSHOT => {
            let (operator, index) = {
                let data = to_close.try_borrow()?;
                let snapshot = OperatorSnapshot::from_bytes(&data)?;
                (snapshot.operator, snapshot.ncn_operator_index())
            };
            OperatorSnapshot::load(program_id, to_close, &operator, ncn_key, epoch, true)?;
            status = StatusSlot::OperatorSnapshot(index as usize);
        }
        discriminator::BALLOT_BOX => {
            BallotBox::load(program_id, to_close, ncn_key, epoch, true)?;
            status = StatusSlot::BallotBox;
        }
        discriminator::NCN_REWARD_ROUTER => {
            NcnRewardRouter::load(program_id, to_close, ncn_key, epoch, true)?;
            let [wallet, receiver] = optional else {
                return Err(NcnProgramError::CannotCloseAccountNoEnoughAccounts.into());
            };
            check_fee_wallet(config, wallet)?;
            let bump = load_ncn_reward_receiver(program_id, receiver, ncn_key, epoch, true)?;
            status = StatusSlot::NcnRewardRouter;
            check_slot(&status)?;
            let (to_wallet, to_payer) = receiver_split(receiver.lamports())?;
            if to_wallet > 0 {
                pay_from_ncn_reward_receiver(receiver, wallet, to_wallet, ncn_key, epoch, bump)?;
            }
            pay_from_ncn_reward_receiver(receiver, payer.account, to_payer, ncn_key, epoch, bump)?;
        }
        discriminator::OPERATOR_VAULT_REWARD_ROUTER => {
            let (operator, index) = {
                let data = to_close.try_borrow()?;
                let router = OperatorVaultRewardRouter::from_bytes(&data)?;
                (router.operator, router.ncn_operator_index())
            };
            OperatorVaultRewardRouter::load(program_id, to_close, &operator, ncn_key, epoch, true)?;
            let [wallet, receiver] = optional else {
                return Err(NcnProgramError::CannotCloseAccountNoEnoughAccounts.into());
            };
            check_fee_wallet(config, wallet)?;
            let bump = load_operator_vault_reward_receiver(
                program_id, receiver, &operator, ncn_key, epoch, true,
            )?;
            status = StatusSlot::OperatorVaultRewardRouter(index as usize);
            check_slot(&status)?;
            let (to_wallet, to_payer) = receiver_split(receiver.lamports())?;
            if to_wallet > 0 {
                pay_from_operator_vault_reward_receiver(
                    receiver, wallet, to_wallet, &operator, ncn_key, epoch, bump,
                )?;
            }
            pay_from_operator_vault_reward_receiver(
                receiver,
                payer.account,
                to_payer,
                &operator,
                ncn_key,
                epoch,
                bump,
            )?;
        }
        _ => return Err(NcnProgramError::InvalidAccountToCloseDiscriminator.into()),
    }
    check_slot(&status)?;

    if closing_epoch_state {
        let epoch_bytes = epoch.to_le_bytes();
        // The marker's canonical bump, found by `check_marker_dne_bump` (the same search, done once).
        let bump_seed = [marker_bump];
        payer.create_account(
            ncn_key,
            epoch_marker_info,
            program_id,
            EpochMarker::LEN,
            &[
                Seed::from(epoch_marker::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&bump_seed),
            ],
        )?;
        let mut data = epoch_marker_info.try_borrow_mut()?;
        let marker = EpochMarker::init(&mut data)?;
        marker.ncn = *ncn_key;
        marker.set_epoch(epoch);
        marker.set_slot_closed(clock.slot);
    } else {
        let mut data = state_info.try_borrow_mut()?;
        let state = EpochState::from_bytes_mut(&mut data)?;
        state.set_is_closing();
        status.set(state);
    }

    // The template's `AccountPayer::close_account`: every lamport to the payer, then the account
    // is the system program's, empty.
    let total = account_payer
        .lamports()
        .checked_add(to_close.lamports())
        .ok_or(ProgramError::ArithmeticOverflow)?;
    account_payer.set_lamports(total);
    to_close.set_lamports(0);
    to_close.close()
}

/// The status byte a close sets in the epoch state.
enum StatusSlot {
    EpochState,
    WeightTable,
    EpochSnapshot,
    OperatorSnapshot(usize),
    BallotBox,
    NcnRewardRouter,
    OperatorVaultRewardRouter(usize),
}

impl StatusSlot {
    fn set(&self, state: &mut EpochState) {
        let closed = AccountStatus::Closed as u8;
        let status = &mut state.account_status;
        match *self {
            StatusSlot::EpochState => status.epoch_state = closed,
            StatusSlot::WeightTable => status.weight_table = closed,
            StatusSlot::EpochSnapshot => status.epoch_snapshot = closed,
            StatusSlot::OperatorSnapshot(i) => status.operator_snapshot[i] = closed,
            StatusSlot::BallotBox => status.ballot_box = closed,
            StatusSlot::NcnRewardRouter => status.ncn_reward_router = closed,
            StatusSlot::OperatorVaultRewardRouter(i) => {
                status.operator_vault_reward_router[i] = closed
            }
        }
    }
}

/// An operator index within the 256 status entries (`InvalidAccountData`; the template
/// panics).
fn check_slot(slot: &StatusSlot) -> ProgramResult {
    match *slot {
        StatusSlot::OperatorSnapshot(i) | StatusSlot::OperatorVaultRewardRouter(i)
            if unlikely(i >= 256) =>
        {
            Err(ProgramError::InvalidAccountData)
        }
        _ => Ok(()),
    }
}

/// The wallet is the config's NCN fee wallet (`InvalidNCNFeeWallet`).
fn check_fee_wallet(config: &Config, wallet: &AccountView) -> ProgramResult {
    if unlikely(!address_eq(
        &config.fee_config.ncn_fee_wallet,
        wallet.address(),
    )) {
        return Err(NcnProgramError::InvalidNCNFeeWallet.into());
    }
    Ok(())
}

/// A receiver's close, as the template's `close`: everything above the rent exemption of an
/// empty account to the NCN fee wallet, the rent exemption to the payer.
fn receiver_split(balance: u64) -> Result<(u64, u64), ProgramError> {
    let rent = Rent::get()?.try_minimum_balance(0)?;
    Ok((balance.saturating_sub(rent), rent))
}
