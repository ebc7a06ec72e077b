//! `ReallocWeightTable` (tag 7): grows the weight table towards its full size; once full
//! size, copies the vault registry's vault and mint entries into it (once) and records it in
//! the epoch state.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    constants::realloc_step,
    state::{Config, EpochState, VaultRegistry, WeightTable},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{account_payer::AccountPayer, pda::verify_owned_canonical_pda};

/// Accounts: `[epoch_state (w), config, weight_table (w), ncn, vault_registry,
/// account_payer (w), system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the system program, the NCN, the epoch state, the config,
/// the registry, the account payer, the weight table PDA (`InvalidAccountData`). Before
/// paying, the table must be owned by the program (`InvalidAccountOwner`; the template lets
/// the runtime reject it afterwards) and, when this step completes it, the registry must have
/// a vault (`WeightTableAlreadyInitialized`, the template's quirk) and a mint
/// (`TableNotInitialized`).
pub fn process_realloc_weight_table(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, table_info, ncn_info, registry_info, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    VaultRegistry::load(program_id, registry_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_owned_canonical_pda(
            table_info,
            &WeightTable::seeds(ncn_key, &epoch_bytes),
            program_id,
        )?;
        if unlikely(!table_info.owned_by(program_id)) {
            return Err(ProgramError::InvalidAccountOwner);
        }

        // SAFETY: loaded above (this program's registry of the right size); only read, and the
        // registry is not written by this instruction.
        let registry = VaultRegistry::from_bytes(unsafe { registry_info.borrow_unchecked() })?;
        let size = table_info.data_len();
        let new_size = if size < WeightTable::LEN {
            realloc_step(size, WeightTable::LEN).ok_or(ProgramError::ArithmeticOverflow)?
        } else {
            size
        };
        let initialize = new_size >= WeightTable::LEN && {
            // SAFETY: only read, and no mutable borrow of the table is held yet.
            unsafe { table_info.borrow_unchecked() }.first() != Some(&WeightTable::DISCRIMINATOR)
        };
        let vault_count = registry.vault_count();
        if initialize {
            WeightTable::check_initialize(vault_count, &registry.st_mint_list)?;
        }
        if new_size != size {
            payer.realloc(ncn_key, table_info, new_size)?;
        } else {
            // The payer does not sign: its curve check (`AccountPayer::load_signing`).
            payer.check_unsigned()?;
        }

        if initialize {
            let slot = Clock::get()?.slot;
            let mut table_data = table_info.try_borrow_mut()?;
            WeightTable::init(&mut table_data)?.initialize(
                ncn_key,
                epoch,
                slot,
                vault_count,
                bump,
                &registry.vault_list,
                &registry.st_mint_list,
            );
            let mut state_data = state_info.try_borrow_mut()?;
            EpochState::from_bytes_mut(&mut state_data)?
                .update_realloc_weight_table(vault_count, registry.st_mint_count() as u64);
        }
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}
