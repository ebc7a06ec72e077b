//! The weight table of an epoch (PDA `["weight_table", ncn, epoch_le]`): a copy of the vault
//! registry frozen for the epoch and the weight of each stake-token mint.
//!
//! 12,353 bytes: created at 10,240 bytes, grown by `ReallocWeightTable`.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{
    address_bits, discriminator, le_fields, nonzero,
    vault_registry::{st_mint_prefix, vault_entry_count},
    StMintEntry, VaultEntry,
};
use crate::{
    constants::{MAX_ST_MINTS, MAX_VAULTS},
    error::NcnProgramError,
};

/// PDA seed prefix: `["weight_table", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"weight_table";

/// The weight of one mint for the epoch (template `WeightEntry`, 112 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct WeightEntry {
    pub st_mint_entry: StMintEntry,
    #[idl_type("u128")]
    weight: [u8; 16],
    #[idl_type("u64")]
    slot_set: [u8; 8],
    #[idl_type("u64")]
    slot_updated: [u8; 8],
}

impl WeightEntry {
    /// The template's `WeightEntry::new`: the registry entry (with its weight), no epoch
    /// weight yet.
    pub const fn new(st_mint_entry: &StMintEntry) -> Self {
        Self {
            st_mint_entry: *st_mint_entry,
            weight: [0; 16],
            slot_set: [0; 8],
            slot_updated: [0; 8],
        }
    }

    le_fields! {
        weight, set_weight: u128;
        slot_set, set_slot_set: u64;
        slot_updated, set_slot_updated: u64;
    }

    /// No mint in this entry.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.st_mint_entry.is_empty()
    }

    /// A weight was set this epoch (`slot_set > 0`).
    #[inline(always)]
    pub fn is_set(&self) -> bool {
        self.slot_set() > 0
    }

    /// The template's `set_weight`: the weight, `slot_set` the first time, `slot_updated`.
    pub fn set_weight_at(&mut self, weight: u128, slot: u64) {
        self.set_weight(weight);
        if self.slot_set() == 0 {
            self.set_slot_set(slot);
        }
        self.set_slot_updated(slot);
    }
}

/// The weight table (discriminator 0x10, 12,353 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct WeightTable {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    vault_count: [u8; 8],
    pub bump: u8,
    pub vault_registry: [VaultEntry; 64],
    pub table: [WeightEntry; 64],
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

    /// What the template's `initialize` rejects, checked before anything is written: no
    /// registered vault (`WeightTableAlreadyInitialized`: the template finds the empty copy
    /// already "complete") and no listed mint (`TableNotInitialized`).
    pub fn check_initialize(
        vault_count: u64,
        mint_entries: &[StMintEntry; MAX_ST_MINTS],
    ) -> Result<(), NcnProgramError> {
        if unlikely(vault_count == 0) {
            return Err(NcnProgramError::WeightTableAlreadyInitialized);
        }
        if unlikely(mint_entries.iter().all(StMintEntry::is_empty)) {
            return Err(NcnProgramError::TableNotInitialized);
        }
        Ok(())
    }

    /// The template's `initialize` after [`WeightTable::check_initialize`], on a zeroed table
    /// (the one `ReallocWeightTable` grows: nothing writes it before this): a copy of the
    /// registry's 64 vault entries and one weight entry per mint entry (empty ones too).
    #[allow(clippy::too_many_arguments)]
    pub fn initialize(
        &mut self,
        ncn: &Address,
        epoch: u64,
        slot_created: u64,
        vault_count: u64,
        bump: u8,
        vault_entries: &[VaultEntry; MAX_VAULTS],
        mint_entries: &[StMintEntry; MAX_ST_MINTS],
    ) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.set_slot_created(slot_created);
        self.set_vault_count(vault_count);
        self.bump = bump;
        self.vault_registry.copy_from_slice(vault_entries);
        // `WeightEntry::new` in place on the zeroed table: its weight and slots stay zero.
        // Up to the registry's first free entry, inclusive: every later entry is all zero
        // (`vault_registry::st_mint_prefix`: the listed mints are a prefix, and a free entry is
        // written only by `set_st_mint` with the default mint, which finds the first one), as
        // is the zeroed table, so the bytes are those of a copy of all 64.
        let copied = st_mint_prefix(mint_entries)
            .saturating_add(1)
            .min(MAX_ST_MINTS);
        for (entry, mint) in self.table.iter_mut().zip(mint_entries).take(copied) {
            entry.st_mint_entry = *mint;
        }
    }

    /// The weight entry of `mint` (`InvalidMintForWeightTable`).
    pub fn entry_mut(&mut self, mint: &Address) -> Result<&mut WeightEntry, NcnProgramError> {
        self.table
            .iter_mut()
            .find(|entry| address_eq(&entry.st_mint_entry.st_mint, mint))
            .ok_or(NcnProgramError::InvalidMintForWeightTable)
    }

    /// Index of the weight entry of `mint` (`InvalidMintForWeightTable`).
    pub fn entry_index(&self, mint: &Address) -> Result<usize, NcnProgramError> {
        self.table
            .iter()
            .position(|entry| address_eq(&entry.st_mint_entry.st_mint, mint))
            .ok_or(NcnProgramError::InvalidMintForWeightTable)
    }

    /// The epoch weight of `mint` (`InvalidMintForWeightTable`).
    pub fn weight_of(&self, mint: &Address) -> Result<u128, NcnProgramError> {
        Ok(self.table[self.entry_index(mint)?].weight())
    }

    /// The template's `check_registry_for_vault`: `vault_index` is a registered vault's
    /// (`VaultNotInRegistry`; the empty index `u64::MAX` never is).
    pub fn check_registry_for_vault(&self, vault_index: u64) -> Result<(), NcnProgramError> {
        if unlikely(
            vault_index == VaultEntry::EMPTY_VAULT_INDEX
                || !self
                    .vault_registry
                    .iter()
                    .any(|e| e.vault_index() == vault_index),
        ) {
            return Err(NcnProgramError::VaultNotInRegistry);
        }
        Ok(())
    }

    /// Entries with a mint.
    pub fn st_mint_count(&self) -> usize {
        self.counts().0
    }

    /// Entries whose weight was set.
    pub fn weight_count(&self) -> usize {
        self.counts().1
    }

    /// `(st_mint_count, weight_count)` in one pass over the table, up to its first free
    /// entry. The mints are the registry's prefix (`vault_registry::st_mint_prefix`: the
    /// listed mints come first), so the entries before the first free one are the listed
    /// mints. A weight is set only through an entry found by its mint (`entry_mut`,
    /// `entry_index`): `SetEpochWeights` looks up listed mints only, `AdminSetWeight` any
    /// mint, and the default one finds the first free entry. So after the first free entry no
    /// weight is set, and the count stops there, that entry's weight included.
    pub fn counts(&self) -> (usize, usize) {
        // At most 64 each: added without overflow checks.
        let (mut mints, mut weights) = (0usize, 0usize);
        for e in &self.table {
            weights = weights.wrapping_add(nonzero(e.slot_set()));
            if address_bits(&e.st_mint_entry.st_mint) == 0 {
                break;
            }
            mints = mints.wrapping_add(1);
        }
        (mints, weights)
    }

    /// Copied vault entries that are registered (`vault_registry::vault_entry_count`: the
    /// copy is packed as the registry's list).
    pub fn vault_entry_count(&self) -> usize {
        vault_entry_count(&self.vault_registry)
    }

    /// The template's `finalized`: every vault copied, some mint, every mint weighted.
    pub fn finalized(&self) -> bool {
        let (mints, weights) = self.counts();
        mints > 0 && mints == weights && self.vault_count() == self.vault_entry_count() as u64
    }

    /// Some mint is listed, else `TableNotInitialized`.
    pub fn check_table_initialized(&self) -> Result<(), NcnProgramError> {
        if unlikely(self.st_mint_count() == 0) {
            return Err(NcnProgramError::TableNotInitialized);
        }
        Ok(())
    }

    /// The template's `WeightTable::load`: owner (`InvalidAccountOwner`), then type, size,
    /// writable and the PDA of `ncn` and `epoch` (`InvalidAccountData`); a table gets its
    /// header only at full size at the canonical PDA of the NCN and epoch it stores.
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let table = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&table.ncn, ncn) || table.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
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

    fn key(b: u8) -> Address {
        Address::new_from_array([b; 32])
    }

    #[test]
    fn initialize_copies_the_registry_and_weights_finalize() {
        let mut vaults = [VaultEntry::EMPTY; MAX_VAULTS];
        vaults[0] = VaultEntry::new(&key(5), &key(1), 3, 100);
        let mut mints = [StMintEntry::EMPTY; MAX_ST_MINTS];
        mints[0] = StMintEntry::new(&key(1), 7);
        mints[1] = StMintEntry::new(&key(2), 9);
        assert_eq!(
            WeightTable::check_initialize(0, &mints),
            Err(NcnProgramError::WeightTableAlreadyInitialized)
        );
        assert_eq!(
            WeightTable::check_initialize(1, &[StMintEntry::EMPTY; MAX_ST_MINTS]),
            Err(NcnProgramError::TableNotInitialized)
        );
        assert_eq!(WeightTable::check_initialize(1, &mints), Ok(()));

        // SAFETY: every field is a byte array; all zero is valid.
        let mut t: WeightTable = unsafe { core::mem::zeroed() };
        assert_eq!(
            t.check_table_initialized(),
            Err(NcnProgramError::TableNotInitialized)
        );
        t.initialize(&key(9), 4, 50, 1, 254, &vaults, &mints);
        assert_eq!(
            (t.ncn, t.epoch(), t.slot_created(), t.bump),
            (key(9), 4, 50, 254)
        );
        assert_eq!(t.vault_registry, vaults);
        // The registry weight is copied inside the entry; the epoch weight starts unset.
        assert_eq!(t.table[1].st_mint_entry, mints[1]);
        assert_eq!((t.table[1].weight(), t.table[1].is_set()), (0, false));
        assert_eq!(t.table[2].st_mint_entry, StMintEntry::EMPTY);
        assert_eq!((t.st_mint_count(), t.weight_count()), (2, 0));
        assert!(!t.finalized());

        t.entry_mut(&key(1)).unwrap().set_weight_at(70, 60);
        t.entry_mut(&key(1)).unwrap().set_weight_at(71, 61);
        let e = &t.table[0];
        assert_eq!((e.weight(), e.slot_set(), e.slot_updated()), (71, 60, 61));
        assert!(!t.finalized());
        t.table[t.entry_index(&key(2)).unwrap()].set_weight_at(90, 62);
        assert!(t.finalized());
        assert_eq!(
            t.entry_index(&key(3)),
            Err(NcnProgramError::InvalidMintForWeightTable)
        );
    }
}
