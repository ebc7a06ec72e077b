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

/// The template's `PodBool`: one byte, any non-zero value is true.
#[inline(always)]
pub(crate) const fn pod_bool(byte: u8) -> bool {
    byte != 0
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
