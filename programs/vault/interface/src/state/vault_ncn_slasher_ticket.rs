//! A vault's support for an NCN slasher, toggled over epochs by the vault slasher admin.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    slot_toggle::SlotToggle,
};
use pinocchio::{address::address_eq, cpi::Seed, AccountView, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

/// The vault NCN slasher ticket (discriminator 5, 432 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultNcnSlasherTicket {
    /// The vault
    pub vault: Pubkey,
    /// The NCN
    pub ncn: Pubkey,
    /// The slasher
    pub slasher: Pubkey,
    /// The maximum slashable per epoch per operator
    #[idl_type("u64")]
    max_slashable_per_epoch: [u8; 8],
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

// SAFETY: `#[repr(C)]`, only byte arrays, `u8`, `Address` and `SlotToggle`
// (byte arrays), so alignment 1 and every bit pattern is valid.
unsafe impl AccountType for VaultNcnSlasherTicket {
    const DISCRIMINATOR: u8 = 5;
}

/// The stored relationship fields: vault, ncn, slasher (`jito_core::account`).
impl StoredKeys for VaultNcnSlasherTicket {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys.0)
            && address_eq(&self.ncn, keys.1)
            && address_eq(&self.slasher, keys.2)
    }
}

impl VaultNcnSlasherTicket {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_slasher_ticket";

    /// Seeds of the ticket PDA of `vault`, `ncn` and `slasher` (without bump).
    #[inline(always)]
    pub fn seeds<'a>(vault: &'a Pubkey, ncn: &'a Pubkey, slasher: &'a Pubkey) -> [&'a [u8]; 4] {
        [Self::SEED, vault.as_ref(), ncn.as_ref(), slasher.as_ref()]
    }

    /// Signer seeds of the ticket PDA.
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        ncn: &'a Pubkey,
        slasher: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 5] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(ncn.as_ref()),
            Seed::from(slasher.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, then the address is the ticket PDA
    /// (`InvalidAccountData`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (vault, ncn, slasher), expect_writable)
    }

    /// Writes a fresh ticket, inactive since `slot`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn initialize(
        &mut self,
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
        max_slashable_per_epoch: u64,
        index: u64,
        bump: u8,
        slot: u64,
    ) {
        self.vault = *vault;
        self.ncn = *ncn;
        self.slasher = *slasher;
        self.max_slashable_per_epoch = max_slashable_per_epoch.to_le_bytes();
        self.index = index.to_le_bytes();
        self.state = SlotToggle::new(slot);
        self.bump = bump;
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
}

#[cfg(test)]
mod tests {
    use jito_core::slot_toggle::SlotToggleState;

    use super::*;

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultNcnSlasherTicket>(),
            96 + 8 + 8 + 48 + 1 + 263
        );
        assert_eq!(VaultNcnSlasherTicket::LEN, 432);
    }

    #[test]
    fn inactive_on_creation() {
        // SAFETY: every bit pattern is valid.
        let mut t: VaultNcnSlasherTicket = unsafe { core::mem::zeroed() };
        let k = Pubkey::new_from_array([1; 32]);
        t.initialize(&k, &k, &k, 77, 3, 9, 1);
        assert_eq!(t.state.state(2, 100).unwrap(), SlotToggleState::Inactive);
        assert_eq!((t.max_slashable_per_epoch(), t.index(), t.bump), (77, 3, 9));
        let bytes: [u8; 424] = unsafe { core::mem::transmute(t) };
        assert_eq!(&bytes[96..104], &77u64.to_le_bytes());
        assert_eq!(&bytes[104..112], &3u64.to_le_bytes());
        assert_eq!(bytes[160], 9);
    }
}
