//! An NCN's opt-in of a slasher for a vault.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    slot_toggle::SlotToggle,
};
use pinocchio::{address::address_eq, AccountView, Address, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use super::discriminator;

/// PDA seed prefix: `["ncn_slasher_ticket", ncn, vault, slasher]`.
pub const SEED: &[u8] = b"ncn_slasher_ticket";

/// NCN → vault slasher ticket (discriminator 7, 432 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct NcnVaultSlasherTicket {
    /// The NCN
    pub ncn: Pubkey,
    /// The vault account this slasher can slash
    pub vault: Pubkey,
    /// The slasher signer
    pub slasher: Pubkey,
    /// The max slashable funds per epoch per operator
    #[idl_type("u64")]
    max_slashable_per_epoch: [u8; 8],
    /// The index
    #[idl_type("u64")]
    index: [u8; 8],
    /// State of the NCN slasher
    pub state: SlotToggle,
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for NcnVaultSlasherTicket {
    const DISCRIMINATOR: u8 = discriminator::NCN_VAULT_SLASHER_TICKET;
}

/// The stored relationship fields: ncn, vault, slasher (`jito_core::account`).
impl StoredKeys for NcnVaultSlasherTicket {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.ncn, keys.0)
            && address_eq(&self.vault, keys.1)
            && address_eq(&self.slasher, keys.2)
    }
}

impl NcnVaultSlasherTicket {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh ticket, inactive since `slot`.
    pub fn new(
        ncn: Address,
        vault: Address,
        slasher: Address,
        max_slashable_per_epoch: u64,
        index: u64,
        bump: u8,
        slot: u64,
    ) -> Self {
        Self {
            ncn,
            vault,
            slasher,
            max_slashable_per_epoch: max_slashable_per_epoch.to_le_bytes(),
            index: index.to_le_bytes(),
            state: SlotToggle::new(slot),
            bump,
            reserved: [0; 263],
        }
    }

    /// Writes every field of a freshly created (zeroed) account, as [`NcnVaultSlasherTicket::new`].
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn initialize(
        &mut self,
        ncn: &Address,
        vault: &Address,
        slasher: &Address,
        max_slashable_per_epoch: u64,
        index: u64,
        bump: u8,
        slot: u64,
    ) {
        self.ncn = *ncn;
        self.vault = *vault;
        self.slasher = *slasher;
        self.max_slashable_per_epoch = max_slashable_per_epoch.to_le_bytes();
        self.index = index.to_le_bytes();
        self.state.init_zeroed(slot);
        self.bump = bump;
    }

    /// Seeds of the PDA (without bump).
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, vault: &'a Address, slasher: &'a Address) -> [&'a [u8]; 4] {
        [SEED, ncn.as_ref(), vault.as_ref(), slasher.as_ref()]
    }

    #[inline(always)]
    pub fn index(&self) -> u64 {
        u64::from_le_bytes(self.index)
    }

    #[inline(always)]
    pub fn set_index(&mut self, index: u64) {
        self.index = index.to_le_bytes();
    }

    #[inline(always)]
    pub fn max_slashable_per_epoch(&self) -> u64 {
        u64::from_le_bytes(self.max_slashable_per_epoch)
    }

    #[inline(always)]
    pub fn set_max_slashable_per_epoch(&mut self, amount: u64) {
        self.max_slashable_per_epoch = amount.to_le_bytes();
    }

    /// The original `NcnVaultSlasherTicket::load`: owner (`InvalidAccountOwner`),
    /// data, writable, discriminator and the stored `ncn`, `vault` and
    /// `slasher` equal to the given ones (`InvalidAccountData`, where the original
    /// checks the PDA of the given ones with the stored bump).
    #[inline(always)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        vault: &Address,
        slasher: &Address,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (ncn, vault, slasher), expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_the_original() {
        // 3 pubkeys, 2 x u64, SlotToggle (48), bump, reserved 263
        assert_eq!(
            core::mem::size_of::<NcnVaultSlasherTicket>(),
            3 * 32 + 2 * 8 + 48 + 1 + 263
        );
        assert_eq!(NcnVaultSlasherTicket::LEN, 8 + 424);
        assert_eq!(core::mem::align_of::<NcnVaultSlasherTicket>(), 1);
    }

    #[test]
    fn initialize_equals_new() {
        let k = |b| Address::new_from_array([b; 32]);
        let mut t = NcnVaultSlasherTicket::new(k(0), k(0), k(0), 0, 0, 0, 0);
        t.initialize(&k(1), &k(2), &k(3), 55, 4, 251, 1000);
        assert_eq!(
            t,
            NcnVaultSlasherTicket::new(k(1), k(2), k(3), 55, 4, 251, 1000)
        );
        assert_eq!((t.max_slashable_per_epoch(), t.index()), (55, 4));
    }
}
