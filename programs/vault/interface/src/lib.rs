//! Interface of the Jito vault program: account state views, instructions,
//! errors, PDA seeds and the fee / exchange-rate math. `no_std`.
//!
//! Every account is an 8-byte header `[discriminator, 0 x 7]` followed by one of
//! the `#[repr(C)]` structs of [`state`], byte for byte the original layout.
//! The structs hold only byte arrays, so they are viewed in place
//! ([`jito_core::account::AccountType::from_bytes`]) and read through
//! little-endian getters.

#![no_std]

pub mod error;
pub mod instruction;
pub mod numbering;
pub mod state;

/// The restaking program's interface, whose accounts the vault reads.
pub use jito_restaking_interface as restaking;

use crate::error::VaultError;

solana_address::declare_id!("Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8");

/// 100% in basis points.
pub const MAX_BPS: u16 = 10_000;

/// `amount * bps / 10_000` rounded up, as every fee of the original
/// (`VaultOverflow` when the result does not fit a `u64`, i.e. above 100%).
#[inline(always)]
pub fn bps_fee_ceil(amount: u64, bps: u16) -> Result<u64, VaultError> {
    let product = (amount as u128) * (bps as u128);
    // Same result as the u128 division, without the u128 division libcall when it fits.
    let fee = if product <= u64::MAX as u128 {
        (product as u64).div_ceil(MAX_BPS as u64) as u128
    } else {
        product.div_ceil(MAX_BPS as u128)
    };
    u64::try_from(fee).map_err(|_| VaultError::VaultOverflow)
}

/// `a * b / c` rounded down; `None` when `c` is zero or the result does not fit a `u64`.
#[inline(always)]
pub fn mul_div_floor(a: u64, b: u64, c: u64) -> Option<u64> {
    if c == 0 {
        return None;
    }
    let product = (a as u128) * (b as u128);
    if product <= u64::MAX as u128 {
        return Some(product as u64 / c);
    }
    u64::try_from(product / c as u128).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bps_fee_ceil_rounding() {
        assert_eq!(bps_fee_ceil(0, 0), Ok(0));
        assert_eq!(bps_fee_ceil(0, MAX_BPS), Ok(0));
        assert_eq!(bps_fee_ceil(1, 1), Ok(1));
        assert_eq!(bps_fee_ceil(10_000, 1), Ok(1));
        assert_eq!(bps_fee_ceil(10_001, 1), Ok(2));
        assert_eq!(bps_fee_ceil(u64::MAX, 0), Ok(0));
        assert_eq!(bps_fee_ceil(u64::MAX, MAX_BPS), Ok(u64::MAX));
        let expected = ((u64::MAX as u128) * 100).div_ceil(10_000) as u64;
        assert_eq!(bps_fee_ceil(u64::MAX, 100), Ok(expected));
        assert_eq!(
            bps_fee_ceil(u64::MAX, MAX_BPS + 1),
            Err(VaultError::VaultOverflow)
        );
        // Both branches agree around the u64 boundary.
        for a in [
            u64::MAX / 10_000,
            u64::MAX / 10_000 + 1,
            u64::MAX / 2,
            u64::MAX / 3,
        ] {
            for bps in [1u16, 3, 999, 5_000, 9_999, 10_000] {
                let slow = ((a as u128) * bps as u128).div_ceil(10_000);
                assert_eq!(bps_fee_ceil(a, bps), Ok(slow as u64));
            }
        }
    }

    #[test]
    fn mul_div_floor_edges() {
        assert_eq!(mul_div_floor(1, 1, 0), None);
        assert_eq!(mul_div_floor(0, u64::MAX, 1), Some(0));
        assert_eq!(mul_div_floor(u64::MAX, u64::MAX, u64::MAX), Some(u64::MAX));
        assert_eq!(mul_div_floor(u64::MAX, 2, 1), None);
        assert_eq!(mul_div_floor(7, 3, 2), Some(10));
        assert_eq!(
            mul_div_floor(u64::MAX, 3, 4),
            Some(((u64::MAX as u128 * 3) / 4) as u64)
        );
    }
}
