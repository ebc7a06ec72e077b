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
        if !is_utf8(string) {
            return Err(ProgramError::InvalidInstructionData);
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}

/// `core::str::from_utf8(bytes).is_ok()`, with an ASCII fast path: the bytes
/// are OR-ed together a word (8 bytes, unaligned loads) at a time and, when no
/// byte has its top bit set, the string is ASCII and so valid UTF-8; otherwise
/// `from_utf8` decides. The same answer (ASCII is a subset of UTF-8) for about
/// one instruction per byte instead of about ten (`from_utf8` walks an
/// unaligned string byte by byte).
#[inline(always)]
fn is_utf8(bytes: &[u8]) -> bool {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let len = bytes.len();
    let ptr = bytes.as_ptr();
    let mut acc = 0u64;
    if len >= 8 {
        let mut offset = 0;
        while offset + 8 < len {
            // SAFETY: `offset + 8 < len`: eight bytes inside `bytes`.
            acc |= unsafe { (ptr.add(offset) as *const u64).read_unaligned() };
            offset += 8;
        }
        // The last eight bytes (overlapping the words above when `len` is not
        // a multiple of 8).
        // SAFETY: `len >= 8`: eight bytes inside `bytes`.
        acc |= unsafe { (ptr.add(len - 8) as *const u64).read_unaligned() };
    } else if len >= 4 {
        // SAFETY: `4 <= len < 8`: both four-byte reads (overlapping) are
        // inside `bytes`.
        acc = unsafe {
            (ptr as *const u32).read_unaligned() as u64
                | (ptr.add(len - 4) as *const u32).read_unaligned() as u64
        };
    } else if len >= 2 {
        // SAFETY: `2 <= len < 4`: both two-byte reads are inside `bytes`.
        acc = unsafe {
            (ptr as *const u16).read_unaligned() as u64
                | (ptr.add(len - 2) as *const u16).read_unaligned() as u64
        };
    } else if len == 1 {
        acc = bytes[0] as u64;
    }
    if acc & HIGH_BITS == 0 {
        return true;
    }
    core::str::from_utf8(bytes).is_ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_utf8_matches_from_utf8() {
        let samples: [&[u8]; 9] = [
            b"",
            b"a",
            b"Jito Staked SOL",
            b"https://example.com/metadata/0123456789abcdef.json",
            "\u{e9}t\u{e9}".as_bytes(),
            "12345678\u{1F600}".as_bytes(),
            &[0xff],
            &[b'a'; 7],
            &[b'a', b'b', b'c', b'd', b'e', b'f', b'g', b'h', 0x80],
        ];
        for sample in samples {
            assert_eq!(is_utf8(sample), core::str::from_utf8(sample).is_ok());
        }
        // Every length up to 40 with one byte changed to each of a few
        // non-ASCII values, at every position.
        for len in 0..40usize {
            let mut bytes = [b'x'; 40];
            assert!(is_utf8(&bytes[..len]));
            for pos in 0..len {
                for value in [0x80u8, 0xc3, 0xe2, 0xf0, 0xff, 0x7f] {
                    let saved = bytes[pos];
                    bytes[pos] = value;
                    let s = &bytes[..len];
                    assert_eq!(is_utf8(s), core::str::from_utf8(s).is_ok(), "{len} {pos}");
                    bytes[pos] = saved;
                }
            }
        }
    }
}
