//! Checks of accounts that are not program state, with the original's error codes.

use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

use crate::{
    debug::check_failed,
    pda::verify_existing_ata,
    token::{self, Mint, TokenAccount},
    unlikely,
};

/// The system program.
pub const SYSTEM_PROGRAM_ID: Address = pinocchio_system::ID;
/// SPL Token.
pub const TOKEN_PROGRAM_ID: Address = token::TOKEN_PROGRAM_ID;
/// SPL Token-2022.
pub const TOKEN_2022_PROGRAM_ID: Address = token::TOKEN_2022_PROGRAM_ID;
/// SPL Associated Token Account.
pub const ASSOCIATED_TOKEN_PROGRAM_ID: Address = token::ASSOCIATED_TOKEN_PROGRAM_ID;

/// `account` signed (`MissingRequiredSignature`) and, when expected, is writable
/// (`InvalidAccountData`).
#[inline(always)]
pub fn load_signer(account: &AccountView, expect_writable: bool) -> ProgramResult {
    if unlikely(!account.is_signer()) {
        return Err(check_failed!(
            "load_signer (not a signer)",
            account.address(),
            ProgramError::MissingRequiredSignature
        ));
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(check_failed!(
            "load_signer (not writable)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// `account` is `program_id` (`IncorrectProgramId`).
#[inline(never)]
pub fn load_program(account: &AccountView, program_id: &Address) -> ProgramResult {
    if unlikely(account.address() != program_id) {
        return Err(check_failed!(
            "load_program (wrong program)",
            account.address(),
            ProgramError::IncorrectProgramId
        ));
    }
    Ok(())
}

/// `account` is the system program (`IncorrectProgramId`).
#[inline(always)]
pub fn load_system_program(account: &AccountView) -> ProgramResult {
    load_program(account, &SYSTEM_PROGRAM_ID)
}

/// The system program's id is 32 zero bytes ([`load_system_program_inlined`]
/// relies on it): checked at compile time.
const _SYSTEM_PROGRAM_ID_IS_ZERO: () = {
    let bytes = SYSTEM_PROGRAM_ID.to_bytes();
    let mut i = 0;
    while i < 32 {
        assert!(bytes[i] == 0, "the system program id is not zero");
        i += 1;
    }
};

/// [`load_system_program`] inlined at the call site, the compare written for
/// an id of 32 zero bytes: the four words of `account`'s address ORed and
/// compared with 0, no constant loaded and no call. The same check and
/// error (`IncorrectProgramId`).
#[inline(always)]
pub fn load_system_program_inlined(account: &AccountView) -> ProgramResult {
    let bytes = account.address().as_array();
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
        u64::from_ne_bytes(w)
    };
    if unlikely(word(0) | word(1) | word(2) | word(3) != 0) {
        return Err(check_failed!(
            "load_program (wrong program)",
            account.address(),
            ProgramError::IncorrectProgramId
        ));
    }
    Ok(())
}

/// `account` is SPL Token (`IncorrectProgramId`).
#[inline(always)]
pub fn load_token_program(account: &AccountView) -> ProgramResult {
    load_program(account, &TOKEN_PROGRAM_ID)
}

/// `account` is the associated token account program (`IncorrectProgramId`).
#[inline(always)]
pub fn load_associated_token_account_program(account: &AccountView) -> ProgramResult {
    load_program(account, &ASSOCIATED_TOKEN_PROGRAM_ID)
}

/// An account about to be created: owned by the system program
/// (`InvalidAccountOwner`), without data (`AccountAlreadyInitialized`) and, when
/// expected, writable (`InvalidAccountData`).
#[inline(never)]
pub fn load_system_account(account: &AccountView, expect_writable: bool) -> ProgramResult {
    if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
        return Err(check_failed!(
            "load_system_account (not owned by the system program)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    if unlikely(!account.is_data_empty()) {
        return Err(check_failed!(
            "load_system_account (has data)",
            account.address(),
            ProgramError::AccountAlreadyInitialized
        ));
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(check_failed!(
            "load_system_account (not writable)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// A mint owned by `token_program_id` (`InvalidAccountOwner`) that unpacks as an
/// initialised mint (`InvalidAccountData` / `UninitializedAccount`).
#[inline(never)]
pub fn load_token_mint_of(account: &AccountView, token_program_id: &Address) -> ProgramResult {
    if unlikely(!account.owned_by(token_program_id)) {
        return Err(check_failed!(
            "load_token_mint (wrong owner)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    // SAFETY: only read, and no mutable borrow of a mint is held by these programs.
    // The map is the identity without the `logging` feature.
    #[allow(clippy::map_identity)]
    Mint::unpack(unsafe { account.borrow_unchecked() })
        .map_err(|e| check_failed!("load_token_mint (not a mint)", account.address(), e))?;
    Ok(())
}

/// [`load_token_mint_of`] for SPL Token, as the original `load_token_mint`.
#[inline(always)]
pub fn load_token_mint(account: &AccountView) -> ProgramResult {
    load_token_mint_of(account, &TOKEN_PROGRAM_ID)
}

/// A token account of `token_program_id` (`InvalidAccountOwner`) that unpacks
/// as an initialised account (`InvalidAccountData` / `UninitializedAccount`)
/// whose owner and mint are the expected ones (`InvalidAccountData`).
#[inline(never)]
pub fn load_token_account_of(
    account: &AccountView,
    owner: &Address,
    mint: &Address,
    token_program_id: &Address,
) -> ProgramResult {
    if unlikely(!account.owned_by(token_program_id)) {
        return Err(check_failed!(
            "load_token_account (wrong owner program)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    // SAFETY: only read, and no mutable borrow of a token account is held by these programs.
    // The map is the identity without the `logging` feature.
    #[allow(clippy::map_identity)]
    let state = TokenAccount::unpack(unsafe { account.borrow_unchecked() }).map_err(|e| {
        check_failed!(
            "load_token_account (not a token account)",
            account.address(),
            e
        )
    })?;
    if unlikely(state.owner() != owner || state.mint() != mint) {
        return Err(check_failed!(
            "load_token_account (wrong token owner or mint)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// The original `load_token_account`: `token_program` must be SPL Token
/// (`IncorrectProgramId`), then [`load_token_account_of`].
#[inline(always)]
pub fn load_token_account(
    account: &AccountView,
    owner: &Address,
    mint: &Address,
    token_program: &AccountView,
) -> ProgramResult {
    load_token_program(token_program)?;
    load_token_account_of(account, owner, mint, &TOKEN_PROGRAM_ID)
}

/// The original `load_associated_token_account` generalised over the token
/// program: owned by it (`InvalidAccountOwner`), with data (`InvalidAccountData`)
/// and at the associated token address of `owner` and `mint` (`InvalidAccountData`,
/// [`verify_existing_ata`]).
#[inline(never)]
pub fn load_associated_token_account_of(
    account: &AccountView,
    owner: &Address,
    mint: &Address,
    token_program_id: &Address,
) -> ProgramResult {
    if unlikely(!account.owned_by(token_program_id)) {
        return Err(check_failed!(
            "load_associated_token_account (wrong owner program)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    if unlikely(account.is_data_empty()) {
        return Err(check_failed!(
            "load_associated_token_account (no data)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    // The account exists, owned by the token program with data: no curve
    // checks before a match (proof at the function).
    verify_existing_ata(
        account.address(),
        &[owner.as_ref(), token_program_id.as_ref(), mint.as_ref()],
        &ASSOCIATED_TOKEN_PROGRAM_ID,
    )
}

/// The original `load_associated_token_account` (SPL Token only).
#[inline(always)]
pub fn load_associated_token_account(
    account: &AccountView,
    owner: &Address,
    mint: &Address,
) -> ProgramResult {
    load_associated_token_account_of(account, owner, mint, &TOKEN_PROGRAM_ID)
}

/// The token program a vault works with, chosen without reading any state:
/// Token-2022 when the `token_program` account passed is Token-2022 and `probe`
/// (the account that fixes the vault's token program: its VRT mint, or the
/// first token account checked when the mint is not passed) is owned by
/// Token-2022; SPL Token otherwise. With SPL Token every later check is the
/// original's, so SPL Token vaults fail exactly as before; a vault created
/// under Token-2022 passes only with Token-2022 accounts and program.
#[inline(never)]
pub fn select_token_program(token_program: &AccountView, probe: &AccountView) -> &'static Address {
    if address_eq(token_program.address(), &TOKEN_2022_PROGRAM_ID)
        && probe.owned_by(&TOKEN_2022_PROGRAM_ID)
    {
        &TOKEN_2022_PROGRAM_ID
    } else {
        &TOKEN_PROGRAM_ID
    }
}
