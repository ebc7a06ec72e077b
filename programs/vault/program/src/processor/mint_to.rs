//! MintTo (tag 11): a depositor sends supported tokens to the vault and receives
//! VRT at the current exchange rate, less the deposit fee, which is minted to
//! the vault's fee wallet.

use jito_core::{
    account::{load_account_bound_mut, load_fixed},
    loader::{
        load_associated_token_account_of, load_program, load_signer, load_token_mint_of,
        select_token_program,
    },
    token::{TokenAccount, TOKEN_2022_PROGRAM_ID},
    token_cpi, unlikely,
};
use jito_vault_interface::{
    error::VaultError,
    state::{Config, Vault},
};
use pinocchio::{
    address::address_eq,
    cpi::Signer,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

/// Accounts: `[config, vault (w), vrt_mint (w), depositor (w, s),
/// depositor_token_account (w), vault_token_account (w),
/// depositor_vrt_token_account (w), vault_fee_token_account (w), token_program,
/// mint_signer (s, optional)]`. Data: `amount_in: u64, min_amount_out: u64`.
///
/// Token-2022 vaults (an addition) also fail with `InvalidAccountData` unless
/// the vault's token balance rose by exactly `amount_in`.
pub fn process_mint_to(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let args: &[u8; 16] = data
        .try_into()
        .map_err(|_| ProgramError::InvalidInstructionData)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(&args[..8]);
    let amount_in = u64::from_le_bytes(word);
    word.copy_from_slice(&args[8..]);
    let min_amount_out = u64::from_le_bytes(word);

    let [config_info, vault_info, vrt_mint, depositor, depositor_token_account, vault_token_account, depositor_vrt_token_account, vault_fee_token_account, token_program, optional @ ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let epoch_length = load_fixed::<Config>(program_id, config_info, false)?.epoch_length();
    // An existing vault: owner, size and type prove it (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;

    let vault_key = *vault_info.address();
    let (summary, base, bump, token_program_id) = {
        // The VRT mint's program is the vault's (SPL Token as the original, or Token-2022).
        let token_program_id = select_token_program(token_program, vrt_mint);
        load_token_mint_of(vrt_mint, token_program_id)?;
        load_signer(depositor, false)?;
        load_associated_token_account_of(
            depositor_token_account,
            depositor.address(),
            &vault.supported_mint,
            token_program_id,
        )?;
        load_associated_token_account_of(
            vault_token_account,
            &vault_key,
            &vault.supported_mint,
            token_program_id,
        )?;
        load_associated_token_account_of(
            depositor_vrt_token_account,
            depositor.address(),
            vrt_mint.address(),
            token_program_id,
        )?;
        load_associated_token_account_of(
            vault_fee_token_account,
            &vault.fee_wallet,
            vrt_mint.address(),
            token_program_id,
        )?;
        load_program(token_program, token_program_id)?;

        vault.check_mint_burn_admin(optional.first())?;
        vault.check_vrt_mint(vrt_mint.address())?;
        // A vault that missed its epoch update would mint at a stale rate
        // (a deposit sandwiching a reward).
        vault.check_update_state_ok(Clock::get()?.slot, epoch_length)?;
        vault.check_is_paused()?;

        // Unreachable today (the vault PDA cannot sign), kept as the original.
        if unlikely(address_eq(depositor.address(), &vault_key)) {
            return Err(VaultError::InvalidDepositor.into());
        }
        // A self-transfer would mint VRT without adding any token.
        if unlikely(address_eq(
            depositor_token_account.address(),
            vault_token_account.address(),
        )) {
            return Err(VaultError::InvalidDepositTokenAccount.into());
        }

        let summary = vault.mint_with_fee(amount_in, min_amount_out)?;
        if unlikely(summary.vrt_to_depositor == 0) {
            return Err(VaultError::VrtOutCannotBeZero.into());
        }
        (summary, vault.base, vault.bump, token_program_id)
    };

    // Token-2022 vaults (an addition): the VRT is priced on `amount_in`, so the
    // vault's balance must rise by exactly that (no fee or other extension
    // taking a part on the way).
    let is_token_2022 = address_eq(token_program_id, &TOKEN_2022_PROGRAM_ID);
    let balance_before = if is_token_2022 {
        TokenAccount::unpack(&vault_token_account.try_borrow()?)?.amount()
    } else {
        0
    };
    token_cpi::transfer_with(
        token_program_id,
        depositor_token_account,
        vault_token_account,
        depositor,
        amount_in,
        &[],
    )?;
    if is_token_2022 {
        let balance_after = TokenAccount::unpack(&vault_token_account.try_borrow()?)?.amount();
        if unlikely(balance_before.checked_add(amount_in) != Some(balance_after)) {
            return Err(ProgramError::InvalidAccountData);
        }
    }

    let bump_seed = [bump];
    let vault_seeds = Vault::signer_seeds(&base, &bump_seed);
    let signers = [Signer::from(&vault_seeds)];
    token_cpi::mint_to_with(
        token_program_id,
        vrt_mint,
        depositor_vrt_token_account,
        vault_info,
        summary.vrt_to_depositor,
        &signers,
    )?;
    // Also when the fee is zero, as the original.
    token_cpi::mint_to_with(
        token_program_id,
        vrt_mint,
        vault_fee_token_account,
        vault_info,
        summary.vrt_to_fee_wallet,
        &signers,
    )
}
