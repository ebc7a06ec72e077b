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
    let (high, low) = wide::mul_small(amount, bps as u64);
    // Same result as the u128 division, without the u128 libcalls when the
    // product fits a word (every fee below 1.8e15 base units).
    if high == 0 {
        return Ok(low.div_ceil(MAX_BPS as u64));
    }
    bps_fee_ceil_wide(high, low)
}

/// [`bps_fee_ceil`] of a product of two words, `high * 2^64 + low` (one
/// out-of-line copy: only amounts above 1.8e15 base units get here).
#[cold]
#[inline(never)]
fn bps_fee_ceil_wide(high: u64, low: u64) -> Result<u64, VaultError> {
    u64::try_from(wide::join(high, low).div_ceil(MAX_BPS as u128))
        .map_err(|_| VaultError::VaultOverflow)
}

/// `a * b / c` rounded down; `None` when `c` is zero or the result does not fit a `u64`.
#[inline(always)]
pub fn mul_div_floor(a: u64, b: u64, c: u64) -> Option<u64> {
    if c == 0 {
        return None;
    }
    let (high, low) = wide::mul(a, b);
    if high == 0 {
        return Some(low / c);
    }
    // The quotient fits a word exactly when `high < c` (`high * 2^64 <= product
    // < (high + 1) * 2^64`).
    if high >= c {
        return None;
    }
    Some(wide::div(high, low, c))
}

/// `a * b / c` (`c` a word) as the `u128` computation, `None` for `c == 0`: the
/// `u128` libcalls only for a quotient of 2^64 or more.
#[inline(always)]
pub fn mul_div_u128(a: u64, b: u64, c: u64) -> Option<u128> {
    if c == 0 {
        return None;
    }
    let (high, low) = wide::mul(a, b);
    if high == 0 {
        return Some((low / c) as u128);
    }
    if high < c {
        return Some(wide::div(high, low, c) as u128);
    }
    Some(div_u128_cold(wide::join(high, low), c))
}

/// `dividend / divisor` in `u128`, out of line: the quotients of 2^64 or more.
#[cold]
#[inline(never)]
fn div_u128_cold(dividend: u128, divisor: u64) -> u128 {
    dividend / divisor as u128
}

/// 64 x 64 -> 128-bit products and 128 / 64-bit quotients in `u64` words: the
/// target has no high-multiply, so a `u128` product or quotient is a libcall
/// (`__multi3`, about 40 instructions; `__udivti3`, about 200 with its own
/// products). The same values as the `u128` operations (host tests compare
/// them on grids and random points).
///
/// Every step is a wrapping operation whose bound is written beside it: the
/// release profile checks overflow, and a checked word multiplication is
/// itself a `__multi3` call on this target.
pub mod wide {
    const HALF: u64 = u32::MAX as u64;

    /// `high * 2^64 + low`.
    #[inline(always)]
    pub fn join(high: u64, low: u64) -> u128 {
        ((high as u128) << 64) | low as u128
    }

    /// `a * k` for `k < 2^32` as `(high, low)` words.
    ///
    /// With `a = a1 * 2^32 + a0`: `a * k = (a1 * k + (a0 * k >> 32)) * 2^32 +
    /// (a0 * k mod 2^32)`. Both products are below `(2^32 - 1)^2`, their sum
    /// below `(2^32 - 1)^2 + 2^32 < 2^64`, and its high half is the product's
    /// high word.
    #[inline(always)]
    pub fn mul_small(a: u64, k: u64) -> (u64, u64) {
        debug_assert!(k <= HALF);
        let high = (a >> 32)
            .wrapping_mul(k)
            .wrapping_add((a & HALF).wrapping_mul(k) >> 32)
            >> 32;
        (high, a.wrapping_mul(k))
    }

    /// `a * b` as `(high, low)` words: schoolbook on 32-bit halves. Each
    /// partial product is below `(2^32 - 1)^2`; `mid`, a sum of three values
    /// below 2^32, is below `3 * 2^32`; the high word is below 2^64.
    #[inline(always)]
    pub fn mul(a: u64, b: u64) -> (u64, u64) {
        let (a1, a0, b1, b0) = (a >> 32, a & HALF, b >> 32, b & HALF);
        let p00 = a0.wrapping_mul(b0);
        let p01 = a0.wrapping_mul(b1);
        let p10 = a1.wrapping_mul(b0);
        let p11 = a1.wrapping_mul(b1);
        let mid = (p00 >> 32)
            .wrapping_add(p01 & HALF)
            .wrapping_add(p10 & HALF);
        let high = p11
            .wrapping_add(p01 >> 32)
            .wrapping_add(p10 >> 32)
            .wrapping_add(mid >> 32);
        (high, a.wrapping_mul(b))
    }

    /// `(high * 2^64 + low) / d`, rounded down, for `high < d` (so the quotient
    /// fits a word; the callers check it). Knuth's algorithm D on two 32-bit
    /// digits (Hacker's Delight `divlu`): the divisor normalised so its top bit
    /// is set, each digit estimated from the top divisor half and corrected at
    /// most twice. A divisor below 2^32 takes two plain word divisions.
    #[inline(never)]
    pub fn div(high: u64, low: u64, d: u64) -> u64 {
        debug_assert!(high < d);
        if d <= HALF {
            // `high < d < 2^32`: each partial dividend is below `d * 2^32`
            // (so each digit below 2^32) and the shifts lose nothing.
            let top = (high << 32) | (low >> 32);
            let (q1, r1) = (top / d, top % d);
            let q0 = ((r1 << 32) | (low & HALF)) / d;
            return (q1 << 32) | q0;
        }
        // Leading zeros of `d` (below 32, as `d >= 2^32`), by halving steps.
        let mut shift = 0u32;
        let mut top = d;
        if top >> 48 == 0 {
            shift += 16;
            top <<= 16;
        }
        if top >> 56 == 0 {
            shift += 8;
            top <<= 8;
        }
        if top >> 60 == 0 {
            shift += 4;
            top <<= 4;
        }
        if top >> 62 == 0 {
            shift += 2;
            top <<= 2;
        }
        if top >> 63 == 0 {
            shift += 1;
        }
        const BASE: u64 = 1 << 32;
        // `v` has its top bit set: `vn1` is in `[2^31, 2^32)`.
        let v = d << shift;
        let (vn1, vn0) = (v >> 32, v & HALF);
        // `(low >> 1) >> (63 - shift)` is `low >> (64 - shift)`, and 0 for a
        // zero shift (a shift by 64 does not exist). `un32 < v` as `high < d`.
        let un32 = (high << shift) | ((low >> 1) >> (63 - shift));
        let un10 = low << shift;
        let (un1, un0) = (un10 >> 32, un10 & HALF);

        // Digit estimates: `q <= un / vn1 < 2^64 / 2^31 = 2^33`, `q * vn1 <= un`
        // and `rhat = un - q * vn1 < vn1 < 2^32`. In each test `q < BASE` comes
        // first, so `q * vn0 < 2^64`, and `rhat < BASE` keeps `rhat * BASE +
        // un1` below 2^64; each correction lowers `q` (at least 1 while the
        // test holds) and raises `rhat` by `vn1 < 2^32`, so `rhat < 2^33`.
        let mut q1 = un32 / vn1;
        let mut rhat = un32.wrapping_sub(q1.wrapping_mul(vn1));
        while q1 >= BASE || q1.wrapping_mul(vn0) > (rhat << 32).wrapping_add(un1) {
            q1 = q1.wrapping_sub(1);
            rhat = rhat.wrapping_add(vn1);
            if rhat >= BASE {
                break;
            }
        }
        // The partial remainder `un32 * BASE + un1 - q1 * v` is the exact
        // remainder, below `v < 2^64`: computed modulo 2^64, the wrapping
        // terms cancel.
        let un21 = (un32 << 32)
            .wrapping_add(un1)
            .wrapping_sub(q1.wrapping_mul(v));
        let mut q0 = un21 / vn1;
        let mut rhat = un21.wrapping_sub(q0.wrapping_mul(vn1));
        while q0 >= BASE || q0.wrapping_mul(vn0) > (rhat << 32).wrapping_add(un0) {
            q0 = q0.wrapping_sub(1);
            rhat = rhat.wrapping_add(vn1);
            if rhat >= BASE {
                break;
            }
        }
        // Both digits are below 2^32 after the corrections.
        (q1 << 32) | q0
    }
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

    /// A fixed-seed generator of mixed-magnitude words (host tests only).
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // Any magnitude: shift right by 0..=63 bits.
        z >> (z % 64)
    }

    fn interesting() -> [u64; 20] {
        [
            0,
            1,
            2,
            3,
            9_999,
            10_000,
            10_001,
            u32::MAX as u64 - 1,
            u32::MAX as u64,
            1 << 32,
            (1 << 32) + 1,
            (1 << 48) - 1,
            1 << 48,
            (1 << 63) - 1,
            1 << 63,
            (1 << 63) + 1,
            u64::MAX / 10_000,
            u64::MAX / 3,
            u64::MAX - 1,
            u64::MAX,
        ]
    }

    #[test]
    fn wide_operations_match_u128() {
        let check = |a: u64, b: u64, c: u64| {
            let product = a as u128 * b as u128;
            let (high, low) = wide::mul(a, b);
            assert_eq!(wide::join(high, low), product, "mul {a} {b}");
            if b <= u32::MAX as u64 {
                assert_eq!(wide::mul_small(a, b), (high, low), "mul_small {a} {b}");
            }
            if c != 0 && high < c {
                assert_eq!(
                    wide::div(high, low, c) as u128,
                    product / c as u128,
                    "div {a} {b} {c}"
                );
            }
            let exact = (c != 0).then(|| product / c as u128);
            assert_eq!(mul_div_u128(a, b, c), exact, "mul_div_u128 {a} {b} {c}");
            assert_eq!(
                mul_div_floor(a, b, c),
                exact.and_then(|q| u64::try_from(q).ok()),
                "mul_div_floor {a} {b} {c}"
            );
        };
        let grid = interesting();
        for a in grid {
            for b in grid {
                for c in grid {
                    check(a, b, c);
                }
            }
        }
        let mut state = 7;
        for _ in 0..300_000 {
            let (a, b) = (next(&mut state), next(&mut state));
            let c = next(&mut state);
            check(a, b, c);
            // Divisors just above the product's high word: the largest quotients.
            let high = wide::mul(a, b).0;
            for c in [high.wrapping_add(1), high.wrapping_add(2), high | (1 << 63)] {
                check(a, b, c);
            }
            let bps = (next(&mut state) % 65_536) as u16;
            let fee = (a as u128 * bps as u128).div_ceil(10_000);
            assert_eq!(
                bps_fee_ceil(a, bps),
                u64::try_from(fee).map_err(|_| VaultError::VaultOverflow),
                "bps_fee_ceil {a} {bps}"
            );
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
