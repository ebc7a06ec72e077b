//! The Metaplex metadata helpers of CreateTokenMetadata and UpdateTokenMetadata:
//! the program id, the VRT mint's token program, the argument and address
//! checks and the CPI data buffer.

use core::{mem::MaybeUninit, ptr::copy_nonoverlapping};

use jito_core::{
    loader::{TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID},
    pda::verify_canonical_pda,
};
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

/// Metaplex Token Metadata: `metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s`.
pub const MPL_TOKEN_METADATA_ID: Address =
    Address::from_str_const("metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s");

/// The token program the VRT mint must belong to: Token-2022 only for the
/// vault's own VRT mint when it was created under Token-2022, SPL Token (as the
/// original) for anything else, so SPL Token vaults fail exactly as before.
#[inline(always)]
pub(crate) fn vrt_mint_program(
    vrt_mint: &AccountView,
    vault_vrt_mint: &Address,
) -> &'static Address {
    if vrt_mint.owned_by(&TOKEN_2022_PROGRAM_ID) && address_eq(vrt_mint.address(), vault_vrt_mint) {
        &TOKEN_2022_PROGRAM_ID
    } else {
        &TOKEN_PROGRAM_ID
    }
}

/// Room for the CPI data. Metaplex refuses names, symbols and URIs longer than
/// 32, 10 and 200 bytes, so any usable metadata fits many times over.
pub(crate) const MAX_CPI_DATA_LEN: usize = 1024;

/// Checks that `data` is exactly three Borsh strings (`u32` length then UTF-8
/// bytes), as the original's decoding of `name, symbol, uri`.
pub(crate) fn check_name_symbol_uri(data: &[u8]) -> ProgramResult {
    let mut rest = data;
    for _ in 0..3 {
        let [a, b, c, d, tail @ ..] = rest else {
            return Err(ProgramError::InvalidInstructionData);
        };
        let len = u32::from_le_bytes([*a, *b, *c, *d]) as usize;
        if len > tail.len() {
            return Err(ProgramError::InvalidInstructionData);
        }
        let (string, tail) = tail.split_at(len);
        if core::str::from_utf8(string).is_err() {
            return Err(ProgramError::InvalidInstructionData);
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}

/// `account` is the Metaplex metadata PDA of `mint` (`InvalidAccountData`).
#[inline(always)]
pub(crate) fn check_metadata_address(account: &AccountView, mint: &Address) -> ProgramResult {
    verify_canonical_pda(
        account.address(),
        &[b"metadata", MPL_TOKEN_METADATA_ID.as_ref(), mint.as_ref()],
        &MPL_TOKEN_METADATA_ID,
    )
    .map(|_| ())
}

/// An uninitialised buffer for the CPI data: [`concat`] writes every byte it
/// hands out, so zeroing the 1 KiB first (128 stores per processor) is not needed.
#[inline(always)]
pub(crate) fn cpi_data_buffer() -> [MaybeUninit<u8>; MAX_CPI_DATA_LEN] {
    [MaybeUninit::uninit(); MAX_CPI_DATA_LEN]
}

/// Writes `prefix ‖ args ‖ suffix` into `buf`; returns the written part
/// (`InvalidInstructionData` when it does not fit).
#[inline(never)]
pub(crate) fn concat<'a>(
    buf: &'a mut [MaybeUninit<u8>; MAX_CPI_DATA_LEN],
    prefix: &[u8],
    args: &[u8],
    suffix: &[u8],
) -> Result<&'a [u8], ProgramError> {
    let args_end = prefix.len() + args.len();
    let len = args_end + suffix.len();
    if len > MAX_CPI_DATA_LEN {
        return Err(ProgramError::InvalidInstructionData);
    }
    let dst = buf.as_mut_ptr() as *mut u8;
    // SAFETY: the three ranges are disjoint, within `buf` (`len` checked just
    // above) and do not overlap the sources; every byte of `..len` is written
    // before the slice over it is made.
    unsafe {
        copy_nonoverlapping(prefix.as_ptr(), dst, prefix.len());
        copy_nonoverlapping(args.as_ptr(), dst.add(prefix.len()), args.len());
        copy_nonoverlapping(suffix.as_ptr(), dst.add(args_end), suffix.len());
        Ok(core::slice::from_raw_parts(dst, len))
    }
}
