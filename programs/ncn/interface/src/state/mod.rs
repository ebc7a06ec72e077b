//! Zero-copy views of the eleven NCN program account types.
//!
//! Each account is the 8-byte header `[discriminator, 0 x 7]` followed by the `#[repr(C)]`
//! struct of its module, byte for byte the template's bytemuck layout. Integers are
//! little-endian byte arrays (the template's `PodU16`/`PodU64`/`PodU128`), booleans one byte
//! (`PodBool`), so every struct has alignment 1, no padding, and is read in place.
//!
//! Four accounts are larger than one instruction may allocate (10,240 bytes) and are grown by
//! a realloc instruction before their header is written: [`VaultRegistry`], [`WeightTable`],
//! [`BallotBox`] and [`NcnRewardRouter`] (`needs_realloc`).

pub mod ballot_box;
pub mod config;
pub mod consensus_result;
pub mod epoch_marker;
pub mod epoch_snapshot;
pub mod epoch_state;
pub mod ncn_reward_router;
pub mod operator_vault_reward_router;
pub mod vault_registry;
pub mod weight_table;

pub use jito_core::account::{AccountType, HEADER_LEN};

pub use self::{
    ballot_box::{Ballot, BallotBox, BallotTally, OperatorVote, WeatherStatus},
    config::{Config, ConfigAdminRole, FeeConfig, Fees},
    consensus_result::ConsensusResult,
    epoch_marker::EpochMarker,
    epoch_snapshot::{EpochSnapshot, OperatorSnapshot, StakeWeights, VaultOperatorStakeWeight},
    epoch_state::{AccountStatus, EpochAccountStatus, EpochState, Progress},
    ncn_reward_router::{NcnRewardRouter, OperatorVaultRewardRoute},
    operator_vault_reward_router::{OperatorVaultRewardRouter, VaultRewardRoute},
    vault_registry::{StMintEntry, VaultEntry, VaultRegistry},
    weight_table::{WeightEntry, WeightTable},
};

// The Shank annotations spell the array lengths as literals (Shank reads source, not
// constants); they must stay the template's limits.
const _: () = assert!(
    crate::constants::MAX_OPERATORS == 256
        && crate::constants::MAX_VAULTS == 64
        && crate::constants::MAX_ST_MINTS == 64
);

/// Account discriminators (first byte of the account data), the template's `Discriminators`.
pub mod discriminator {
    pub const CONFIG: u8 = 0x01;
    pub const VAULT_REGISTRY: u8 = 0x02;
    pub const WEIGHT_TABLE: u8 = 0x10;
    pub const EPOCH_SNAPSHOT: u8 = 0x11;
    pub const OPERATOR_SNAPSHOT: u8 = 0x12;
    pub const BALLOT_BOX: u8 = 0x20;
    pub const CONSENSUS_RESULT: u8 = 0x21;
    pub const NCN_REWARD_ROUTER: u8 = 0x40;
    pub const OPERATOR_VAULT_REWARD_ROUTER: u8 = 0x41;
    pub const EPOCH_STATE: u8 = 0x50;
    pub const EPOCH_MARKER: u8 = 0x51;
}

/// Getters and setters of little-endian integer fields stored as byte arrays.
macro_rules! le_fields {
    ($($field:ident, $setter:ident: $ty:ty;)*) => {
        $(
            #[inline(always)]
            pub fn $field(&self) -> $ty {
                <$ty>::from_le_bytes(self.$field)
            }

            #[inline(always)]
            pub fn $setter(&mut self, value: $ty) {
                self.$field = value.to_le_bytes();
            }
        )*
    };
}
pub(crate) use le_fields;

/// Writes `first` into `entries[0]`, then copies the filled prefix onto the rest, doubling
/// it each time: about log2(len) `memcpy` calls instead of one write per entry.
#[inline(never)]
pub fn fill_from_first<T: Copy>(entries: &mut [T], first: T) {
    let Some(head) = entries.first_mut() else {
        return;
    };
    *head = first;
    let mut filled = 1;
    while filled < entries.len() {
        // Opaque to the optimizer: with the (constant) length propagated into this function,
        // it would expand the first copies into load/store sequences (one instruction per 8
        // bytes) where one `sol_memmove_` costs 10 CU.
        let count = core::hint::black_box(filled.min(entries.len() - filled));
        entries.copy_within(..count, filled);
        filled += count;
    }
}

/// 1 when `word` is not zero, else 0, without a branch: `word | -word` has its top bit set
/// exactly when `word` is not zero (below 2^63, `-word` is at least 2^63). SBF has no
/// set-on-condition, so a `bool as usize` costs a branch and two moves.
#[inline(always)]
pub(crate) fn nonzero(word: u64) -> usize {
    ((word | word.wrapping_neg()) >> 63) as usize
}

/// The OR of an address's four 8-byte words: zero exactly for the default (empty) address,
/// in four loads and no branch.
#[inline(always)]
pub(crate) fn address_bits(address: &pinocchio::Address) -> u64 {
    let words = address.as_array().as_ptr() as *const u64;
    // SAFETY: four unaligned 8-byte reads inside the 32 bytes of the address.
    unsafe {
        words.read_unaligned()
            | words.add(1).read_unaligned()
            | words.add(2).read_unaligned()
            | words.add(3).read_unaligned()
    }
}

/// `a × b` in 128 bits from four 32 × 32-bit products: SBF has no high multiply, and the
/// `u128` multiply of two widened `u64`s calls the full 128 × 128-bit `__multi3`.
#[inline(always)]
pub fn mul_u64(a: u64, b: u64) -> u128 {
    const LOW: u64 = u32::MAX as u64;
    let (a_hi, a_lo) = (a >> 32, a & LOW);
    let (b_hi, b_lo) = (b >> 32, b & LOW);
    // Each product of two 32-bit halves is below 2^64.
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    // Below 3 × 2^32: no overflow.
    let mid = (lo_lo >> 32) + (hi_lo & LOW) + (lo_hi & LOW);
    let low = (lo_lo & LOW) | (mid << 32);
    // The high half of a 128-bit product of two u64 values: below 2^64, no overflow.
    let high = hi_hi + (hi_lo >> 32) + (lo_hi >> 32) + (mid >> 32);
    ((high as u128) << 64) | low as u128
}

/// The template's `PodBool`: one byte, any non-zero value is true.
#[inline(always)]
pub(crate) const fn pod_bool(byte: u8) -> bool {
    byte != 0
}

#[cfg(test)]
mod tests {
    use super::{address_bits, mul_u64, nonzero};

    #[test]
    fn nonzero_is_one_exactly_for_non_zero_words() {
        assert_eq!(nonzero(0), 0);
        for word in [
            1,
            2,
            0xFF,
            1 << 62,
            (1 << 63) - 1,
            1 << 63,
            (1 << 63) + 1,
            u64::MAX,
        ] {
            assert_eq!(nonzero(word), 1, "{word:#x}");
        }
    }

    #[test]
    fn address_bits_are_zero_exactly_for_the_default_address() {
        assert_eq!(address_bits(&pinocchio::Address::default()), 0);
        // One non-zero byte anywhere in the 32 makes it non-zero.
        for index in 0..32 {
            let mut bytes = [0u8; 32];
            bytes[index] = 0x80;
            assert_ne!(
                address_bits(&pinocchio::Address::new_from_array(bytes)),
                0,
                "{index}"
            );
        }
    }

    #[test]
    fn mul_u64_is_the_128_bit_product() {
        let values = [
            0,
            1,
            2,
            0xFFFF_FFFF,
            0x1_0000_0000,
            0x1_0000_0001,
            0xDEAD_BEEF_1234_5678,
            10_000_000_000_000,
            6_666_666_666_660,
            u64::MAX - 1,
            u64::MAX,
        ];
        for a in values {
            for b in values {
                assert_eq!(mul_u64(a, b), a as u128 * b as u128, "{a} x {b}");
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod layout {
    //! Shared checks of the layout tests.

    /// `T` has alignment 1 (so no padding) and `expected` bytes.
    pub fn assert_packed<T>(expected: usize) {
        assert_eq!(core::mem::align_of::<T>(), 1);
        assert_eq!(core::mem::size_of::<T>(), expected);
    }
}
