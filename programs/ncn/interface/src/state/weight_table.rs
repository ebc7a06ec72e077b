//! The weight table of an epoch (PDA `["weight_table", ncn, epoch_le]`): a copy of the vault
//! registry frozen for the epoch and the weight of each stake-token mint.
//!
//! 12,353 bytes: created at 10,240 bytes, grown by `ReallocWeightTable`.

use super::{discriminator, le_fields, AccountType, StMintEntry, VaultEntry};
use crate::constants::{MAX_ST_MINTS, MAX_VAULTS};
use pinocchio::Address;

/// PDA seed prefix: `["weight_table", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"weight_table";

/// The weight of one mint for the epoch (template `WeightEntry`, 112 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightEntry {
    pub st_mint_entry: StMintEntry,
    weight: [u8; 16],
    slot_set: [u8; 8],
    slot_updated: [u8; 8],
}

impl WeightEntry {
    le_fields! {
        weight, set_weight: u128;
        slot_set, set_slot_set: u64;
        slot_updated, set_slot_updated: u64;
    }
}

/// The weight table (discriminator 0x10, 12,353 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightTable {
    pub ncn: Address,
    epoch: [u8; 8],
    slot_created: [u8; 8],
    vault_count: [u8; 8],
    pub bump: u8,
    pub vault_registry: [VaultEntry; MAX_VAULTS],
    pub table: [WeightEntry; MAX_ST_MINTS],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for WeightTable {
    const DISCRIMINATOR: u8 = discriminator::WEIGHT_TABLE;
}

impl WeightTable {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), epoch]
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_created, set_slot_created: u64;
        vault_count, set_vault_count: u64;
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        // WeightEntry: StMintEntry (80) + PodU128 + two PodU64 = 80 + 16 + 16.
        assert_packed::<WeightEntry>(112);
        assert_eq!(offset_of!(WeightEntry, slot_updated), 104);
        // WeightTable: ncn + 3 PodU64 + bump + 64 x 80 + 64 x 112 = 57 + 5,120 + 7,168.
        assert_packed::<WeightTable>(12_345);
        assert_eq!(WeightTable::LEN, 12_353);
        assert_eq!(offset_of!(WeightTable, bump), 56);
        assert_eq!(offset_of!(WeightTable, vault_registry), 57);
        assert_eq!(offset_of!(WeightTable, table), 57 + 5_120);
    }
}
