//! The vault registry (PDA `["vault_registry", ncn]`): the stake-token mints the NCN accepts,
//! with their weights, and the vaults registered for it.
//!
//! 10,281 bytes: `InitializeVaultRegistry` creates 10,240 zeroed bytes and
//! `ReallocVaultRegistry` grows the account and writes the header and defaults.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{address_bits, discriminator, le_fields};
use crate::error::NcnProgramError;

/// PDA seed prefix: `["vault_registry", ncn]`.
pub const SEED: &[u8] = b"vault_registry";

/// A supported stake-token mint (template `StMintEntry`, 80 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct StMintEntry {
    /// The mint; the default address marks an empty entry
    pub st_mint: Pubkey,
    /// Reserved for a price feed (always zero)
    reserve_switchboard_feed: [u8; 32],
    #[idl_type("u128")]
    weight: [u8; 16],
}

impl StMintEntry {
    /// An entry of `st_mint` with `weight`.
    pub const fn new(st_mint: &Address, weight: u128) -> Self {
        Self {
            st_mint: *st_mint,
            reserve_switchboard_feed: [0; 32],
            weight: weight.to_le_bytes(),
        }
    }

    /// The empty entry (all zero).
    pub const EMPTY: Self = Self::new(&Address::new_from_array([0; 32]), 0);

    le_fields! {
        weight, set_weight: u128;
    }

    /// No mint in this entry.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        address_eq(&self.st_mint, &Address::default())
    }
}

/// A registered vault (template `VaultEntry`, 80 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct VaultEntry {
    pub vault: Pubkey,
    /// The vault's supported mint; the default address marks a free entry
    pub st_mint: Pubkey,
    #[idl_type("u64")]
    vault_index: [u8; 8],
    #[idl_type("u64")]
    slot_registered: [u8; 8],
}

impl VaultEntry {
    /// `vault_index` of an empty entry.
    pub const EMPTY_VAULT_INDEX: u64 = u64::MAX;
    /// `slot_registered` of an empty entry.
    pub const EMPTY_SLOT_REGISTERED: u64 = u64::MAX;

    /// The empty entry: zero addresses, index and slot `u64::MAX`.
    pub const EMPTY: Self = Self::new(
        &Address::new_from_array([0; 32]),
        &Address::new_from_array([0; 32]),
        Self::EMPTY_VAULT_INDEX,
        Self::EMPTY_SLOT_REGISTERED,
    );

    pub const fn new(vault: &Address, st_mint: &Address, vault_index: u64, slot: u64) -> Self {
        Self {
            vault: *vault,
            st_mint: *st_mint,
            vault_index: vault_index.to_le_bytes(),
            slot_registered: slot.to_le_bytes(),
        }
    }

    le_fields! {
        vault_index, set_vault_index: u64;
        slot_registered, set_slot_registered: u64;
    }

    /// The template's `is_empty`: never registered (`slot_registered == u64::MAX`).
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.slot_registered() == Self::EMPTY_SLOT_REGISTERED
    }
}

/// Packing of the lists (the registry's and their copies in a weight table), from the writes
/// of this program and of the template, the only code that writes these accounts: `initialize`
/// sets every entry empty; `register_st_mint` writes a mint that is not the default address
/// (the default one is `MintInTable` while a free entry exists, `VaultRegistryListFull`
/// otherwise) into the first free entry, `set_st_mint` only changes a weight; `register_vault`
/// writes the first entry whose mint is the default address; a weight table copies both lists
/// position by position once and never changes them. So the listed mints are a prefix of the
/// mint list, and no vault entry after the first one with the default mint was ever written
/// (it is empty). A scan may stop there.
///
/// Entries before the first free one of `list`: the listed mints (`StMintEntry::is_empty` is
/// false exactly for them, by the packing above).
#[inline(always)]
pub fn st_mint_prefix(list: &[StMintEntry; 64]) -> usize {
    list.iter()
        .position(StMintEntry::is_empty)
        .unwrap_or(list.len())
}

/// Registered entries of `list` (not `VaultEntry::is_empty`), counted up to the first entry
/// with the default mint included: every later entry is empty (the packing above).
#[inline(always)]
pub fn vault_entry_count(list: &[VaultEntry; 64]) -> usize {
    // At most 64: added without an overflow check.
    let mut count = 0usize;
    for e in list {
        count = count.wrapping_add(!e.is_empty() as usize);
        if address_bits(&e.st_mint) == 0 {
            break;
        }
    }
    count
}

/// The vault registry (discriminator 0x02, 10,281 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultRegistry {
    pub ncn: Pubkey,
    /// Bump of the PDA
    pub bump: u8,
    pub st_mint_list: [StMintEntry; 64],
    pub vault_list: [VaultEntry; 64],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for VaultRegistry {
    const DISCRIMINATOR: u8 = discriminator::VAULT_REGISTRY;
}

impl VaultRegistry {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump).
    #[inline(always)]
    pub fn seeds(ncn: &Address) -> [&[u8]; 2] {
        [SEED, ncn.as_ref()]
    }

    /// The template's `initialize`: the NCN, the bump and every entry empty.
    pub fn initialize(&mut self, ncn: &Address, bump: u8) {
        self.ncn = *ncn;
        self.bump = bump;
        // Entry by entry: an array literal would be built on the (4 KiB) SBF stack first.
        for entry in self.st_mint_list.iter_mut() {
            *entry = StMintEntry::EMPTY;
        }
        for entry in self.vault_list.iter_mut() {
            *entry = VaultEntry::EMPTY;
        }
    }

    /// `mint` has an entry (the default address matches any empty entry, as in the template).
    pub fn has_st_mint(&self, mint: &Address) -> bool {
        self.st_mint_list
            .iter()
            .any(|entry| address_eq(&entry.st_mint, mint))
    }

    /// The template's `register_st_mint`: `MintInTable` if `st_mint` is listed,
    /// `VaultRegistryListFull` without a free entry, `WeightNotSet` for a zero weight; then
    /// the first free entry takes it.
    pub fn register_st_mint(
        &mut self,
        st_mint: &Address,
        weight: u128,
    ) -> Result<(), NcnProgramError> {
        if unlikely(self.has_st_mint(st_mint)) {
            return Err(NcnProgramError::MintInTable);
        }
        let entry = self
            .st_mint_list
            .iter_mut()
            .find(|entry| entry.is_empty())
            .ok_or(NcnProgramError::VaultRegistryListFull)?;
        if unlikely(weight == 0) {
            return Err(NcnProgramError::WeightNotSet);
        }
        *entry = StMintEntry::new(st_mint, weight);
        Ok(())
    }

    /// The template's `set_st_mint`: `MintEntryNotFound` unless `st_mint` is listed; the new
    /// weight (if given, else the stored one) must not be zero (`WeightNotSet`).
    pub fn set_st_mint(
        &mut self,
        st_mint: &Address,
        weight: Option<u128>,
    ) -> Result<(), NcnProgramError> {
        let entry = self
            .st_mint_list
            .iter_mut()
            .find(|entry| address_eq(&entry.st_mint, st_mint))
            .ok_or(NcnProgramError::MintEntryNotFound)?;
        let weight = weight.unwrap_or(entry.weight());
        if unlikely(weight == 0) {
            return Err(NcnProgramError::WeightNotSet);
        }
        entry.set_weight(weight);
        Ok(())
    }

    /// The template's `register_vault`: nothing if `vault` is listed; else the first entry
    /// without a mint takes it (`VaultRegistryListFull` if none).
    pub fn register_vault(
        &mut self,
        vault: &Address,
        st_mint: &Address,
        vault_index: u64,
        slot: u64,
    ) -> Result<(), NcnProgramError> {
        if self
            .vault_list
            .iter()
            .any(|entry| address_eq(&entry.vault, vault))
        {
            return Ok(());
        }
        let entry = self
            .vault_list
            .iter_mut()
            .find(|entry| address_eq(&entry.st_mint, &Address::default()))
            .ok_or(NcnProgramError::VaultRegistryListFull)?;
        *entry = VaultEntry::new(vault, st_mint, vault_index, slot);
        Ok(())
    }

    /// Registered vaults (entries with a slot).
    pub fn vault_count(&self) -> u64 {
        vault_entry_count(&self.vault_list) as u64
    }

    /// Listed mints.
    pub fn st_mint_count(&self) -> usize {
        st_mint_prefix(&self.st_mint_list)
    }

    /// The entry of `st_mint` (`MintEntryNotFound`).
    pub fn mint_entry(&self, st_mint: &Address) -> Result<&StMintEntry, NcnProgramError> {
        self.st_mint_list
            .iter()
            .find(|entry| address_eq(&entry.st_mint, st_mint))
            .ok_or(NcnProgramError::MintEntryNotFound)
    }

    /// The template's `VaultRegistry::load`: owner (`InvalidAccountOwner`), then type, size,
    /// writable and the PDA of `ncn` (`InvalidAccountData`). A registry has its header only
    /// once it is full size at the canonical PDA of the NCN it stores.
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let registry = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&registry.ncn, ncn)) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::{
        constants::{MAX_ST_MINTS, MAX_VAULTS},
        state::layout::assert_packed,
    };

    fn key(b: u8) -> Address {
        Address::new_from_array([b; 32])
    }

    #[test]
    fn layout_matches_the_template() {
        // StMintEntry: Pubkey + [u8; 32] + PodU128 = 32 + 32 + 16.
        assert_packed::<StMintEntry>(80);
        assert_eq!(offset_of!(StMintEntry, weight), 64);
        // VaultEntry: two Pubkeys + two PodU64 = 64 + 16.
        assert_packed::<VaultEntry>(80);
        assert_eq!(offset_of!(VaultEntry, slot_registered), 72);
        // VaultRegistry: ncn + bump + 64 x 80 + 64 x 80 = 33 + 10,240.
        assert_packed::<VaultRegistry>(10_273);
        assert_eq!(VaultRegistry::LEN, 10_281);
        assert_eq!(offset_of!(VaultRegistry, st_mint_list), 33);
        assert_eq!(offset_of!(VaultRegistry, vault_list), 33 + 5_120);
        // More than one instruction may allocate: needs ReallocVaultRegistry.
        assert!(VaultRegistry::LEN as u64 > crate::constants::MAX_REALLOC_BYTES);
    }

    fn registry() -> VaultRegistry {
        let mut r = VaultRegistry {
            ncn: key(0),
            bump: 0,
            st_mint_list: [StMintEntry::new(&key(9), 9); MAX_ST_MINTS],
            vault_list: [VaultEntry::new(&key(9), &key(9), 9, 9); MAX_VAULTS],
        };
        r.initialize(&key(1), 254);
        r
    }

    #[test]
    fn initialize_writes_the_empty_entries() {
        let r = registry();
        assert_eq!((r.ncn, r.bump), (key(1), 254));
        assert!(r.st_mint_list.iter().all(|e| *e == StMintEntry::EMPTY));
        assert!(r.vault_list.iter().all(|e| e.is_empty()
            && e.vault_index() == u64::MAX
            && e.st_mint == Address::default()));
        assert_eq!((r.vault_count(), r.st_mint_count()), (0, 0));
    }

    #[test]
    fn st_mints_register_and_update() {
        let mut r = registry();
        assert_eq!(
            r.register_st_mint(&key(2), 0),
            Err(NcnProgramError::WeightNotSet)
        );
        r.register_st_mint(&key(2), 100).unwrap();
        assert_eq!(
            r.register_st_mint(&key(2), 100),
            Err(NcnProgramError::MintInTable)
        );
        assert_eq!(r.mint_entry(&key(2)).unwrap().weight(), 100);
        r.set_st_mint(&key(2), Some(7)).unwrap();
        assert_eq!(r.mint_entry(&key(2)).unwrap().weight(), 7);
        r.set_st_mint(&key(2), None).unwrap();
        assert_eq!(r.mint_entry(&key(2)).unwrap().weight(), 7);
        assert_eq!(
            r.set_st_mint(&key(2), Some(0)),
            Err(NcnProgramError::WeightNotSet)
        );
        assert_eq!(
            r.set_st_mint(&key(3), Some(1)),
            Err(NcnProgramError::MintEntryNotFound)
        );
        for b in 10..(10 + MAX_ST_MINTS as u8 - 1) {
            r.register_st_mint(&key(b), 1).unwrap();
        }
        assert_eq!(r.st_mint_count(), MAX_ST_MINTS);
        assert_eq!(
            r.register_st_mint(&key(200), 1),
            Err(NcnProgramError::VaultRegistryListFull)
        );
    }

    #[test]
    fn vaults_register_once() {
        let mut r = registry();
        r.register_vault(&key(5), &key(2), 3, 1000).unwrap();
        r.register_vault(&key(5), &key(2), 4, 2000).unwrap();
        assert_eq!(r.vault_count(), 1);
        assert_eq!(r.vault_list[0], VaultEntry::new(&key(5), &key(2), 3, 1000));
        for b in 10..(10 + MAX_VAULTS as u8 - 1) {
            r.register_vault(&key(b), &key(2), b as u64, 1).unwrap();
        }
        assert_eq!(
            r.register_vault(&key(250), &key(2), 0, 1),
            Err(NcnProgramError::VaultRegistryListFull)
        );
    }
}
