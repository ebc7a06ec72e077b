//! A vault's support for an NCN, toggled on and off over epochs by the vault NCN admin.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    slot_toggle::SlotToggle,
};
use pinocchio::{address::address_eq, cpi::Seed, AccountView, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

/// The vault NCN ticket (discriminator 3, 392 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultNcnTicket {
    /// The vault account
    pub vault: Pubkey,
    /// The ncn account
    pub ncn: Pubkey,
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
unsafe impl AccountType for VaultNcnTicket {
    const DISCRIMINATOR: u8 = 3;
}

/// The stored relationship fields: vault, ncn (`jito_core::account`).
impl StoredKeys for VaultNcnTicket {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys.0) && address_eq(&self.ncn, keys.1)
    }
}

impl VaultNcnTicket {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_ncn_ticket";

    /// Seeds of the ticket PDA of `vault` and `ncn` (without bump).
    #[inline(always)]
    pub fn seeds<'a>(vault: &'a Pubkey, ncn: &'a Pubkey) -> [&'a [u8]; 3] {
        [Self::SEED, vault.as_ref(), ncn.as_ref()]
    }

    /// Signer seeds of the ticket PDA.
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        ncn: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 4] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(ncn.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, then the address is the ticket PDA
    /// of `vault` and `ncn` (`InvalidAccountData`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        ncn: &Pubkey,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (vault, ncn), expect_writable)
    }

    /// Writes a fresh ticket, inactive since `slot`.
    #[inline(always)]
    pub fn initialize(&mut self, vault: &Pubkey, ncn: &Pubkey, index: u64, bump: u8, slot: u64) {
        self.vault = *vault;
        self.ncn = *ncn;
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
}

#[cfg(test)]
mod tests {
    use jito_core::slot_toggle::SlotToggleState;

    use super::*;

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultNcnTicket>(),
            32 + 32 + 8 + 48 + 1 + 263
        );
        assert_eq!(VaultNcnTicket::LEN, 392);
    }

    #[test]
    fn inactive_on_creation() {
        // SAFETY: every bit pattern is valid.
        let mut t: VaultNcnTicket = unsafe { core::mem::zeroed() };
        t.initialize(
            &Pubkey::new_from_array([1; 32]),
            &Pubkey::new_from_array([2; 32]),
            5,
            250,
            1,
        );
        assert_eq!(t.state.state(2, 100).unwrap(), SlotToggleState::Inactive);
        assert_eq!(t.index(), 5);
        let bytes: [u8; 384] = unsafe { core::mem::transmute(t) };
        assert_eq!(&bytes[64..72], &5u64.to_le_bytes());
        assert_eq!(&bytes[72..80], &1u64.to_le_bytes());
        assert_eq!(&bytes[80..88], &1u64.to_le_bytes());
        assert_eq!(bytes[120], 250);
        assert!(bytes[121..].iter().all(|b| *b == 0));
    }
}
