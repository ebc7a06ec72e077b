//! BurnWithdrawalTicket (tag 14): after the cool-down, the ticket's VRT is split
//! into the vault fee, the program fee and the part burned for supported
//! tokens, which the vault pays to the staker; the ticket and its token account
//! are closed to the staker.

use jito_core::{
    account::{load_account_bound_mut, load_bound, load_fixed},
    loader::{
        load_associated_token_account_of, load_program, load_system_program, load_token_mint_of,
        select_token_program,
    },
    token::{requires_incoming_memo, TokenAccount, MEMO_PROGRAM_ID, TOKEN_2022_PROGRAM_ID},
    token_cpi, unlikely,
};
use jito_vault_interface::{
    error::VaultError,
    state::{Config, Vault, VaultStakerWithdrawalTicket},
};
use pinocchio::{
    address::address_eq,
    cpi::Signer,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[config, vault (w), vault_token_account (w), vrt_mint (w),
/// staker (w), staker_token_account (w), vault_staker_withdrawal_ticket (w),
/// vault_staker_withdrawal_ticket_token_account (w), vault_fee_token_account (w),
/// program_fee_token_account (w), token_program, system_program,
/// burn_signer (s, optional), memo_program (optional, Token-2022 vaults)]`.
/// No data.
///
/// Token-2022 vaults only (an addition): a fee of zero is not transferred, and
/// when the Memo program is among the trailing accounts, a memo precedes every
/// transfer into an account that requires incoming memos. A fee wallet that
/// turns on MemoTransfer can then not block its depositors' withdrawals.
pub fn process_burn_withdrawal_ticket(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, vault_token_account, vrt_mint, staker, staker_token_account, ticket_info, ticket_token_account, vault_fee_token_account, program_fee_token_account, token_program, system_program, optional @ ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let config = load_fixed::<Config>(program_id, config_info, false)?;
    // An existing vault: owner, size and type prove it (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;

    let vault_key = *vault_info.address();

    // The VRT mint's program is the vault's (SPL Token as the original, or Token-2022).
    let token_program_id = select_token_program(token_program, vrt_mint);
    load_associated_token_account_of(
        vault_token_account,
        &vault_key,
        &vault.supported_mint,
        token_program_id,
    )?;
    load_token_mint_of(vrt_mint, token_program_id)?;
    load_associated_token_account_of(
        staker_token_account,
        staker.address(),
        &vault.supported_mint,
        token_program_id,
    )?;
    let ticket =
        load_bound::<VaultStakerWithdrawalTicket>(program_id, ticket_info, &vault_key, true)?;
    load_associated_token_account_of(
        ticket_token_account,
        ticket_info.address(),
        &vault.vrt_mint,
        token_program_id,
    )?;
    let ticket_vrt_balance = TokenAccount::unpack(&ticket_token_account.try_borrow()?)?.amount();
    load_associated_token_account_of(
        vault_fee_token_account,
        &vault.fee_wallet,
        &vault.vrt_mint,
        token_program_id,
    )?;
    load_associated_token_account_of(
        program_fee_token_account,
        &config.program_fee_wallet,
        &vault.vrt_mint,
        token_program_id,
    )?;
    load_program(token_program, token_program_id)?;
    load_system_program(system_program)?;

    vault.check_mint_burn_admin(optional.first())?;
    vault.check_vrt_mint(vrt_mint.address())?;
    let slot = Clock::get()?.slot;
    let epoch_length = config.epoch_length();
    vault.check_update_state_ok(slot, epoch_length)?;
    vault.check_is_paused()?;

    let (ticket_vrt_amount, ticket_base, ticket_bump) = {
        ticket.check_staker(staker.address())?;
        if unlikely(!ticket.is_withdrawable(slot, epoch_length)?) {
            return Err(VaultError::VaultStakerWithdrawalTicketNotWithdrawable.into());
        }
        (ticket.vrt_amount(), ticket.base, ticket.bump)
    };

    // A staker who is a fee wallet pays no fee to itself.
    let is_staker_program_fee_wallet = address_eq(&config.program_fee_wallet, staker.address());
    let is_staker_vault_fee_wallet = address_eq(&vault.fee_wallet, staker.address());
    let summary = vault.burn_with_fee(
        is_staker_program_fee_wallet,
        is_staker_vault_fee_wallet,
        ticket_vrt_amount,
    )?;

    // VRT sent to the ticket's account after its creation goes to the program
    // fee wallet, so that the account can be closed empty.
    let extra_vrt = ticket_vrt_balance
        .checked_sub(ticket_vrt_amount)
        .ok_or(VaultError::ArithmeticUnderflow)?;
    let program_fee_amount = summary
        .program_fee_amount
        .checked_add(extra_vrt)
        .ok_or(VaultError::ArithmeticOverflow)?;

    vault.decrement_vrt_ready_to_claim_amount(ticket_vrt_amount)?;
    let (vault_base, vault_bump) = (vault.base, vault.bump);

    let ticket_bump_seed = [ticket_bump];
    let ticket_seeds =
        VaultStakerWithdrawalTicket::signer_seeds(&vault_key, &ticket_base, &ticket_bump_seed);
    let ticket_signer = [Signer::from(&ticket_seeds)];

    // Token-2022: the fee wallets' account settings must not decide whether a
    // staker can withdraw (MemoTransfer on a fee account refuses any transfer,
    // even of zero, without a memo just before it).
    let is_token_2022 = address_eq(token_program_id, &TOKEN_2022_PROGRAM_ID);
    let memo_available = is_token_2022
        && optional
            .iter()
            .any(|a| address_eq(a.address(), &MEMO_PROGRAM_ID));
    for (destination, amount) in [
        (&*vault_fee_token_account, summary.vault_fee_amount),
        (&*program_fee_token_account, program_fee_amount),
    ] {
        if is_token_2022 && amount == 0 {
            continue;
        }
        memo_if_required(memo_available, destination)?;
        token_cpi::transfer_with(
            token_program_id,
            ticket_token_account,
            destination,
            ticket_info,
            amount,
            &ticket_signer,
        )?;
    }
    token_cpi::burn_with(
        token_program_id,
        ticket_token_account,
        vrt_mint,
        ticket_info,
        summary.burn_amount,
        &ticket_signer,
    )?;
    token_cpi::close_account_with(
        token_program_id,
        ticket_token_account,
        staker,
        ticket_info,
        &ticket_signer,
    )?;

    // Close the ticket: its rent goes to the staker.
    let staker_lamports = staker
        .lamports()
        .checked_add(ticket_info.lamports())
        .ok_or(ProgramError::ArithmeticOverflow)?;
    staker.set_lamports(staker_lamports);
    ticket_info.set_lamports(0);
    ticket_info.close()?;

    let vault_bump_seed = [vault_bump];
    let vault_seeds = Vault::signer_seeds(&vault_base, &vault_bump_seed);
    memo_if_required(memo_available, staker_token_account)?;
    token_cpi::transfer_with(
        token_program_id,
        vault_token_account,
        staker_token_account,
        vault_info,
        summary.out_amount,
        &[Signer::from(&vault_seeds)],
    )
}

/// A memo CPI when `memo_available` (a Token-2022 vault given the Memo program)
/// and `destination` requires memos on incoming transfers. Without the Memo
/// program Token-2022 refuses such a transfer with its `NoMemo`.
#[inline(always)]
fn memo_if_required(memo_available: bool, destination: &AccountView) -> ProgramResult {
    if memo_available && requires_incoming_memo(&destination.try_borrow()?) {
        token_cpi::memo(b"Jito vault withdrawal")?;
    }
    Ok(())
}
