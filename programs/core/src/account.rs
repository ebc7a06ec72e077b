//! Zero-copy views of program accounts.
//!
//! Every account of both programs is an 8-byte header `[discriminator, 0 x 7]`
//! followed by a `#[repr(C)]` struct made only of byte arrays, so the struct has
//! alignment 1 and can be viewed in place at any offset of the account data.

use core::mem::size_of;

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::{debug::check_failed, unlikely};

/// Length of the header in front of every account's state.
pub const HEADER_LEN: usize = 8;

/// A program account type: a discriminator and a fixed-size state struct.
///
/// # Safety
///
/// Implementors must be `#[repr(C)]`, have alignment 1 (only `u8` and `[u8; N]`
/// fields, or structs made of them) and be valid for every bit pattern.
pub unsafe trait AccountType: Sized {
    /// First byte of the account data.
    const DISCRIMINATOR: u8;

    /// Size of the whole account: header and state.
    const LEN: usize = HEADER_LEN + size_of::<Self>();

    /// Views `data` (the whole account, header included) as `Self`.
    ///
    /// Fails with `InvalidAccountData` when the length or discriminator is wrong.
    #[inline(always)]
    fn from_bytes(data: &[u8]) -> Result<&Self, ProgramError> {
        if unlikely(data.len() != Self::LEN || data[0] != Self::DISCRIMINATOR) {
            return Err(ProgramError::InvalidAccountData);
        }
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &*(data.as_ptr().add(HEADER_LEN) as *const Self) })
    }

    /// Mutable variant of [`AccountType::from_bytes`].
    #[inline(always)]
    fn from_bytes_mut(data: &mut [u8]) -> Result<&mut Self, ProgramError> {
        if unlikely(data.len() != Self::LEN || data[0] != Self::DISCRIMINATOR) {
            return Err(ProgramError::InvalidAccountData);
        }
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &mut *(data.as_mut_ptr().add(HEADER_LEN) as *mut Self) })
    }

    /// Writes the header of a freshly created (zeroed) account and returns its state.
    #[inline(always)]
    fn init(data: &mut [u8]) -> Result<&mut Self, ProgramError> {
        if unlikely(data.len() != Self::LEN) {
            return Err(ProgramError::InvalidAccountData);
        }
        data[0] = Self::DISCRIMINATOR;
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &mut *(data.as_mut_ptr().add(HEADER_LEN) as *mut Self) })
    }
}

/// The checks every `load` of the original starts with, with its error codes:
/// owner (`InvalidAccountOwner`), then non-empty data, writable when expected and
/// discriminator (all `InvalidAccountData`). The exact length is checked too,
/// as the original's deserialisation does.
#[inline(always)]
pub fn check_account<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    if unlikely(!account.owned_by(program_id)) {
        return Err(check_failed!(
            "check_account (wrong owner program)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    if unlikely(account.data_len() != T::LEN) {
        return Err(check_failed!(
            "check_account (wrong size)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(check_failed!(
            "check_account (not writable)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    // SAFETY: the data is at least one byte long (`T::LEN >= HEADER_LEN`) and only read here.
    if unlikely(unsafe { *account.data_ptr() } != T::DISCRIMINATOR) {
        return Err(check_failed!(
            "check_account (wrong account type)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}
