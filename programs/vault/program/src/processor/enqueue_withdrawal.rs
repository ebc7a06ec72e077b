//! EnqueueWithdrawal (tag 12): a staker moves VRT into a new withdrawal ticket,
//! to be burned for supported tokens once the cool-down has passed.

use jito_core::{
    account::{load_fixed, load_mut, AccountType},
    loader::{
        load_associated_token_account_of, load_program, load_signer, load_system_account,
        load_system_program, select_token_program,
    },
    pda::{create_pda_account, verify_new_canonical_pda},
    token_cpi, unlikely,
};
use jito_vault_interface::{
    error::VaultError,
    state::{Config, Vault, VaultStakerWithdrawalTicket},
};
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[config, vault (w), vault_staker_withdrawal_ticket (w),
/// vault_staker_withdrawal_ticket_token_account (w), staker (w, s),
/// staker_vrt_token_account (w), base (s), token_program, system_program,
/// burn_signer (s, optional)]`. Data: `amount: u64`.
pub fn process_enqueue_withdrawal(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let bytes: [u8; 8] = data
        .try_into()
        .map_err(|_| ProgramError::InvalidInstructionData)?;
    let vrt_amount = u64::from_le_bytes(bytes);

    let [config_info, vault_info, ticket_info, ticket_token_account, staker, staker_vrt_token_account, base, token_program, system_program, optional @ ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let epoch_length = load_fixed::<Config>(program_id, config_info, false)?.epoch_length();
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_mut::<Vault>(program_id, vault_info, true) }?;

    let vault_key = *vault_info.address();

    load_system_account(ticket_info, true)?;
    // No VRT mint here: the ticket's VRT account (an ATA under the vault's token
    // program) tells SPL Token (as the original) from Token-2022.
    let token_program_id = select_token_program(token_program, ticket_token_account);
    load_associated_token_account_of(
        ticket_token_account,
        ticket_info.address(),
        &vault.vrt_mint,
        token_program_id,
    )?;
    load_signer(staker, false)?;
    load_associated_token_account_of(
        staker_vrt_token_account,
        staker.address(),
        &vault.vrt_mint,
        token_program_id,
    )?;
    load_program(token_program, token_program_id)?;
    load_signer(base, false)?;
    load_system_program(system_program)?;

    vault.check_mint_burn_admin(optional.first())?;
    let slot = Clock::get()?.slot;
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    if unlikely(vrt_amount == 0) {
        return Err(VaultError::VaultEnqueueWithdrawalAmountZero.into());
    }

    // One ticket per (vault, base): the canonical PDA.
    let ticket_bump = verify_new_canonical_pda(
        ticket_info.address(),
        &VaultStakerWithdrawalTicket::seeds(&vault_key, base.address()),
        program_id,
    )?;
    let bump_seed = [ticket_bump];
    create_pda_account(
        staker,
        ticket_info,
        program_id,
        VaultStakerWithdrawalTicket::LEN,
        &VaultStakerWithdrawalTicket::signer_seeds(&vault_key, base.address(), &bump_seed),
    )?;
    {
        // SAFETY: created just above with `VaultStakerWithdrawalTicket::LEN` bytes; the only view of it.
        unsafe { VaultStakerWithdrawalTicket::init_view(ticket_info) }.initialize(
            &vault_key,
            staker.address(),
            base.address(),
            vrt_amount,
            slot,
            ticket_bump,
        );
    }

    vault.increment_vrt_enqueued_for_cooldown_amount(vrt_amount)?;

    // The staker's VRT moves to the ticket's token account.
    token_cpi::transfer_with(
        token_program_id,
        staker_vrt_token_account,
        ticket_token_account,
        staker,
        vrt_amount,
        &[],
    )
}
