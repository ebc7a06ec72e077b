//! In-place views of SPL Token / Token-2022 accounts and mints, with the
//! validation `StateWithExtensions::unpack` performs in the original.

use pinocchio::{error::ProgramError, Address};

use crate::unlikely;

/// SPL Token: `TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA`.
pub const TOKEN_PROGRAM_ID: Address = Address::new_from_array([
    6, 221, 246, 225, 215, 101, 161, 147, 217, 203, 225, 70, 206, 235, 121, 172, 28, 180, 133, 237,
    95, 91, 55, 145, 58, 140, 245, 133, 126, 255, 0, 169,
]);
/// SPL Token-2022: `TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb`.
pub const TOKEN_2022_PROGRAM_ID: Address = Address::new_from_array([
    6, 221, 246, 225, 238, 117, 143, 222, 24, 66, 93, 188, 228, 108, 205, 218, 182, 26, 252, 77,
    131, 185, 13, 39, 254, 189, 249, 40, 216, 161, 139, 252,
]);
/// Associated Token Account program: `ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL`.
pub const ASSOCIATED_TOKEN_PROGRAM_ID: Address = Address::new_from_array([
    140, 151, 37, 143, 78, 36, 137, 241, 187, 61, 16, 41, 20, 142, 13, 131, 11, 90, 19, 153, 218,
    255, 16, 132, 4, 142, 123, 216, 219, 233, 248, 89,
]);

/// Length of a multisig account, which Token-2022's unpack refuses to read as anything else.
const MULTISIG_LEN: usize = 355;
/// Offset of Token-2022's account-type byte in extended accounts and mints.
const ACCOUNT_TYPE_OFFSET: usize = TokenAccount::LEN;
const ACCOUNT_TYPE_MINT: u8 = 1;
const ACCOUNT_TYPE_ACCOUNT: u8 = 2;

/// Base layout of a token account (165 bytes).
#[repr(C)]
pub struct TokenAccount {
    mint: Address,
    owner: Address,
    amount: [u8; 8],
    delegate_tag: [u8; 4],
    delegate: Address,
    state: u8,
    is_native_tag: [u8; 4],
    is_native: [u8; 8],
    delegated_amount: [u8; 8],
    close_authority_tag: [u8; 4],
    close_authority: Address,
}

impl TokenAccount {
    /// Length of the base account.
    pub const LEN: usize = 165;

    /// Views `data` as an initialised token account of either token program.
    #[inline(always)]
    pub fn unpack(data: &[u8]) -> Result<&Self, ProgramError> {
        check_len_and_type(data, Self::LEN, ACCOUNT_TYPE_ACCOUNT)?;
        // SAFETY: `data` holds at least `LEN` bytes and `Self` has alignment 1.
        let account = unsafe { &*(data.as_ptr() as *const Self) };
        match account.state {
            0 => Err(ProgramError::UninitializedAccount),
            1 | 2 => {
                if unlikely(
                    !valid_tag(&account.delegate_tag)
                        || !valid_tag(&account.is_native_tag)
                        || !valid_tag(&account.close_authority_tag),
                ) {
                    return Err(ProgramError::InvalidAccountData);
                }
                Ok(account)
            }
            _ => Err(ProgramError::InvalidAccountData),
        }
    }

    #[inline(always)]
    pub fn mint(&self) -> &Address {
        &self.mint
    }

    #[inline(always)]
    pub fn owner(&self) -> &Address {
        &self.owner
    }

    #[inline(always)]
    pub fn amount(&self) -> u64 {
        u64::from_le_bytes(self.amount)
    }

    /// The delegate, if any.
    #[inline(always)]
    pub fn delegate(&self) -> Option<&Address> {
        (self.delegate_tag[0] == 1).then_some(&self.delegate)
    }

    #[inline(always)]
    pub fn delegated_amount(&self) -> u64 {
        u64::from_le_bytes(self.delegated_amount)
    }

    /// Frozen accounts cannot send or receive.
    #[inline(always)]
    pub fn is_frozen(&self) -> bool {
        self.state == 2
    }
}

/// Base layout of a mint (82 bytes).
#[repr(C)]
pub struct Mint {
    mint_authority_tag: [u8; 4],
    mint_authority: Address,
    supply: [u8; 8],
    decimals: u8,
    is_initialized: u8,
    freeze_authority_tag: [u8; 4],
    freeze_authority: Address,
}

impl Mint {
    /// Length of the base mint.
    pub const LEN: usize = 82;

    /// Views `data` as an initialised mint of either token program.
    #[inline(always)]
    pub fn unpack(data: &[u8]) -> Result<&Self, ProgramError> {
        check_len_and_type(data, Self::LEN, ACCOUNT_TYPE_MINT)?;
        // SAFETY: `data` holds at least `LEN` bytes and `Self` has alignment 1.
        let mint = unsafe { &*(data.as_ptr() as *const Self) };
        if unlikely(
            mint.is_initialized > 1
                || !valid_tag(&mint.mint_authority_tag)
                || !valid_tag(&mint.freeze_authority_tag),
        ) {
            return Err(ProgramError::InvalidAccountData);
        }
        if unlikely(mint.is_initialized == 0) {
            return Err(ProgramError::UninitializedAccount);
        }
        Ok(mint)
    }

    /// The mint authority, if any.
    #[inline(always)]
    pub fn mint_authority(&self) -> Option<&Address> {
        (self.mint_authority_tag[0] == 1).then_some(&self.mint_authority)
    }

    #[inline(always)]
    pub fn supply(&self) -> u64 {
        u64::from_le_bytes(self.supply)
    }

    #[inline(always)]
    pub fn decimals(&self) -> u8 {
        self.decimals
    }

    /// The freeze authority, if any.
    #[inline(always)]
    pub fn freeze_authority(&self) -> Option<&Address> {
        (self.freeze_authority_tag[0] == 1).then_some(&self.freeze_authority)
    }
}

/// `COption` tags are little-endian `u32` 0 or 1.
#[inline(always)]
fn valid_tag(tag: &[u8; 4]) -> bool {
    u32::from_le_bytes(*tag) <= 1
}

/// The length rules of `StateWithExtensions::unpack`: at least the base length,
/// not a multisig, and an extended account carries the right account type.
#[inline(always)]
fn check_len_and_type(data: &[u8], base_len: usize, account_type: u8) -> Result<(), ProgramError> {
    let len = data.len();
    if unlikely(len < base_len || len == MULTISIG_LEN) {
        return Err(ProgramError::InvalidAccountData);
    }
    if len > base_len
        && unlikely(len <= ACCOUNT_TYPE_OFFSET || data[ACCOUNT_TYPE_OFFSET] != account_type)
    {
        return Err(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// SPL Memo (v3): `MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr`.
pub const MEMO_PROGRAM_ID: Address = Address::new_from_array([
    5, 74, 83, 90, 153, 41, 33, 6, 77, 36, 232, 113, 96, 218, 56, 124, 124, 53, 181, 221, 188, 146,
    187, 129, 228, 31, 168, 64, 65, 5, 68, 141,
]);

/// Token-2022 `ExtensionType` values this crate reads.
pub mod extension {
    pub const UNINITIALIZED: u16 = 0;
    pub const TRANSFER_FEE_CONFIG: u16 = 1;
    pub const MINT_CLOSE_AUTHORITY: u16 = 3;
    pub const CONFIDENTIAL_TRANSFER_MINT: u16 = 4;
    pub const DEFAULT_ACCOUNT_STATE: u16 = 6;
    pub const MEMO_TRANSFER: u16 = 8;
    pub const NON_TRANSFERABLE: u16 = 9;
    pub const INTEREST_BEARING_CONFIG: u16 = 10;
    pub const PERMANENT_DELEGATE: u16 = 12;
    pub const TRANSFER_HOOK: u16 = 14;
    pub const CONFIDENTIAL_TRANSFER_FEE_CONFIG: u16 = 16;
    pub const METADATA_POINTER: u16 = 18;
    pub const TOKEN_METADATA: u16 = 19;
    pub const GROUP_POINTER: u16 = 20;
    pub const TOKEN_GROUP: u16 = 21;
    pub const GROUP_MEMBER_POINTER: u16 = 22;
    pub const TOKEN_GROUP_MEMBER: u16 = 23;
    pub const CONFIDENTIAL_MINT_BURN: u16 = 24;
    pub const SCALED_UI_AMOUNT: u16 = 25;
    pub const PAUSABLE: u16 = 26;
}

/// The Token-2022 extensions (TLV entries after the base state and the
/// account-type byte) of a mint or token account, read in place. Yields
/// `(extension type, value)`; a base-size account has none. Stops at the first
/// `Uninitialized` entry, as Token-2022 does; an entry running past the end of
/// the data yields `InvalidAccountData` and ends the walk.
pub struct Extensions<'a> {
    data: &'a [u8],
    offset: usize,
}

impl<'a> Extensions<'a> {
    /// The extensions of `data` (a mint or token account of either token program).
    #[inline(always)]
    pub fn of(data: &'a [u8]) -> Self {
        Self {
            data,
            offset: ACCOUNT_TYPE_OFFSET + 1,
        }
    }
}

impl<'a> Iterator for Extensions<'a> {
    type Item = Result<(u16, &'a [u8]), ProgramError>;

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let header = self.data.get(self.offset..self.offset.checked_add(4)?)?;
        let kind = u16::from_le_bytes([header[0], header[1]]);
        if kind == extension::UNINITIALIZED {
            return None;
        }
        let len = u16::from_le_bytes([header[2], header[3]]) as usize;
        let start = self.offset + 4;
        let Some(value) = self.data.get(start..start + len) else {
            self.offset = self.data.len();
            return Some(Err(ProgramError::InvalidAccountData));
        };
        self.offset = start + len;
        Some(Ok((kind, value)))
    }
}

/// Whether a Token-2022 token account requires a memo before every incoming
/// transfer (its MemoTransfer extension is on).
#[inline(always)]
pub fn requires_incoming_memo(data: &[u8]) -> bool {
    Extensions::of(data).any(|entry| {
        matches!(entry, Ok((extension::MEMO_TRANSFER, value)) if value.first().is_some_and(|b| *b != 0))
    })
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec::Vec;

    use super::*;

    /// 165 zero bytes (a mint is padded to the account length), the account type, the TLV entries.
    fn extended(account_type: u8, entries: &[(u16, &[u8])]) -> Vec<u8> {
        let mut data = std::vec![0u8; TokenAccount::LEN];
        data.push(account_type);
        for (kind, value) in entries {
            data.extend_from_slice(&kind.to_le_bytes());
            data.extend_from_slice(&(value.len() as u16).to_le_bytes());
            data.extend_from_slice(value);
        }
        data
    }

    #[test]
    fn extensions_are_read_in_order_and_stop_at_uninitialized() {
        let data = extended(
            ACCOUNT_TYPE_MINT,
            &[(extension::MINT_CLOSE_AUTHORITY, &[7; 32]), (12, &[1; 32])],
        );
        let found: Vec<_> = Extensions::of(&data).map(|e| e.unwrap().0).collect();
        assert_eq!(found, [extension::MINT_CLOSE_AUTHORITY, 12]);

        // Zero padding after the entries (Uninitialized) ends the list.
        let mut padded = data.clone();
        padded.extend_from_slice(&[0; 8]);
        assert_eq!(Extensions::of(&padded).count(), 2);

        // Base-size accounts and mints have none.
        assert_eq!(Extensions::of(&[0u8; Mint::LEN]).count(), 0);
        assert_eq!(Extensions::of(&[0u8; TokenAccount::LEN]).count(), 0);
        // A trailing partial header is ignored, as Token-2022 does.
        let mut partial = extended(ACCOUNT_TYPE_MINT, &[]);
        partial.extend_from_slice(&[3, 0]);
        assert_eq!(Extensions::of(&partial).count(), 0);
    }

    #[test]
    fn an_entry_past_the_end_is_an_error() {
        let mut data = extended(
            ACCOUNT_TYPE_MINT,
            &[(extension::METADATA_POINTER, &[0; 64])],
        );
        data.pop();
        let entries: Vec<_> = Extensions::of(&data).collect();
        assert_eq!(entries, [Err(ProgramError::InvalidAccountData)]);
    }

    #[test]
    fn memo_requirement() {
        let on = extended(
            ACCOUNT_TYPE_ACCOUNT,
            &[(7, &[]), (extension::MEMO_TRANSFER, &[1])],
        );
        assert!(requires_incoming_memo(&on));
        let off = extended(ACCOUNT_TYPE_ACCOUNT, &[(extension::MEMO_TRANSFER, &[0])]);
        assert!(!requires_incoming_memo(&off));
        assert!(!requires_incoming_memo(&[0u8; TokenAccount::LEN]));
    }
}
