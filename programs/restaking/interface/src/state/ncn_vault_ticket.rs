//! An NCN's opt-in to a vault.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    slot_toggle::SlotToggle,
};
use pinocchio::{address::address_eq, AccountView, Address, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use super::discriminator;

/// PDA seed prefix: `["ncn_vault_ticket", ncn, vault]`.
pub const SEED: &[u8] = b"ncn_vault_ticket";

/// NCN → vault ticket (discriminator 6, 392 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct NcnVaultTicket {
    /// The NCN
    pub ncn: Pubkey,
    /// The vault account
    pub vault: Pubkey,
    /// The index
    #[idl_type("u64")]
    index: [u8; 8],
    /// The slot toggle
    pub state: SlotToggle,
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for NcnVaultTicket {
    const DISCRIMINATOR: u8 = discriminator::NCN_VAULT_TICKET;
}

/// The stored relationship fields: ncn, vault (`jito_core::account`).
impl StoredKeys for NcnVaultTicket {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.ncn, keys.0) && address_eq(&self.vault, keys.1)
    }
}

impl NcnVaultTicket {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh ticket, inactive since `slot`.
    pub fn new(ncn: Address, vault: Address, index: u64, bump: u8, slot: u64) -> Self {
        Self {
            ncn,
            vault,
            index: index.to_le_bytes(),
            state: SlotToggle::new(slot),
            bump,
            reserved: [0; 263],
        }
    }

    /// Writes every field of a freshly created (zeroed) account, as [`NcnVaultTicket::new`].
    #[inline(always)]
    pub fn initialize(&mut self, ncn: &Address, vault: &Address, index: u64, bump: u8, slot: u64) {
        self.ncn = *ncn;
        self.vault = *vault;
        self.index = index.to_le_bytes();
        self.state.init_zeroed(slot);
        self.bump = bump;
    }

    /// Seeds of the PDA (without bump).
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, vault: &'a Address) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), vault.as_ref()]
    }

    #[inline(always)]
    pub fn index(&self) -> u64 {
        u64::from_le_bytes(self.index)
    }

    #[inline(always)]
    pub fn set_index(&mut self, index: u64) {
        self.index = index.to_le_bytes();
    }

    /// The original `NcnVaultTicket::load`: owner (`InvalidAccountOwner`), data,
    /// writable, discriminator and PDA of the given `ncn` and `vault` with the
    /// stored bump (`InvalidAccountData`).
    #[inline(always)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        vault: &Address,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (ncn, vault), expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_the_original() {
        // 2 pubkeys, u64, SlotToggle (48), bump, reserved 263
        assert_eq!(
            core::mem::size_of::<NcnVaultTicket>(),
            2 * 32 + 8 + 48 + 1 + 263
        );
        assert_eq!(NcnVaultTicket::LEN, 8 + 384);
        assert_eq!(core::mem::align_of::<NcnVaultTicket>(), 1);
    }

    #[test]
    fn initialize_equals_new() {
        let (a, b) = (
            Address::new_from_array([1; 32]),
            Address::new_from_array([2; 32]),
        );
        let mut t = NcnVaultTicket::new(Address::default(), Address::default(), 0, 0, 0);
        t.initialize(&a, &b, 4, 251, 1000);
        assert_eq!(t, NcnVaultTicket::new(a, b, 4, 251, 1000));
        assert_eq!(t.index(), 4);
    }
}
