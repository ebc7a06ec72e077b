//! How much a slasher has slashed an operator for an NCN and vault in one epoch.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    unlikely,
};
use pinocchio::{address::address_eq, cpi::Seed, AccountView, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use crate::error::VaultError;

/// The vault NCN slasher operator ticket (discriminator 6, 416 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultNcnSlasherOperatorTicket {
    /// The vault slashed
    pub vault: Pubkey,
    /// The node consensus network slashed
    pub ncn: Pubkey,
    /// The slasher
    pub slasher: Pubkey,
    /// The operator
    pub operator: Pubkey,
    /// The epoch
    #[idl_type("u64")]
    epoch: [u8; 8],
    /// The amount slashed for the given epoch
    #[idl_type("u64")]
    slashed: [u8; 8],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8` and `Address`, so alignment 1 and
// every bit pattern is valid.
unsafe impl AccountType for VaultNcnSlasherOperatorTicket {
    const DISCRIMINATOR: u8 = 6;
}

/// The stored relationship fields: vault, ncn, slasher, operator, ncn_epoch (`jito_core::account`).
impl StoredKeys for VaultNcnSlasherOperatorTicket {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey, &'k Pubkey, &'k Pubkey, u64);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys.0)
            && address_eq(&self.ncn, keys.1)
            && address_eq(&self.slasher, keys.2)
            && address_eq(&self.operator, keys.3)
            && self.epoch == keys.4.to_le_bytes()
    }
}

impl VaultNcnSlasherOperatorTicket {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_ncn_slasher_operator";

    /// Seeds of the ticket PDA; `epoch_le` is the NCN epoch as 8 little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(
        vault: &'a Pubkey,
        ncn: &'a Pubkey,
        slasher: &'a Pubkey,
        operator: &'a Pubkey,
        epoch_le: &'a [u8; 8],
    ) -> [&'a [u8]; 6] {
        [
            Self::SEED,
            vault.as_ref(),
            ncn.as_ref(),
            slasher.as_ref(),
            operator.as_ref(),
            epoch_le.as_ref(),
        ]
    }

    /// Signer seeds of the ticket PDA.
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        ncn: &'a Pubkey,
        slasher: &'a Pubkey,
        operator: &'a Pubkey,
        epoch_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 7] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(ncn.as_ref()),
            Seed::from(slasher.as_ref()),
            Seed::from(operator.as_ref()),
            Seed::from(epoch_le.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, then the address is the ticket PDA
    /// for `ncn_epoch` (`InvalidAccountData`).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
        operator: &Pubkey,
        ncn_epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(
            program_id,
            account,
            (vault, ncn, slasher, operator, ncn_epoch),
            expect_writable,
        )
    }

    /// Writes a fresh ticket with nothing slashed.
    #[inline(always)]
    pub fn initialize(
        &mut self,
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
        operator: &Pubkey,
        epoch: u64,
        bump: u8,
    ) {
        self.vault = *vault;
        self.ncn = *ncn;
        self.slasher = *slasher;
        self.operator = *operator;
        self.epoch = epoch.to_le_bytes();
        self.slashed = [0; 8];
        self.bump = bump;
    }

    #[inline(always)]
    pub fn epoch(&self) -> u64 {
        u64::from_le_bytes(self.epoch)
    }

    #[inline(always)]
    pub fn slashed(&self) -> u64 {
        u64::from_le_bytes(self.slashed)
    }

    #[inline(always)]
    pub fn set_slashed(&mut self, slashed: u64) {
        self.slashed = slashed.to_le_bytes();
    }

    /// Adds `amount` to the slashed total (`VaultMaxSlashedPerOperatorExceeded` on overflow).
    #[inline(always)]
    pub fn increment_slashed(&mut self, amount: u64) -> Result<(), VaultError> {
        let slashed = self
            .slashed()
            .checked_add(amount)
            .ok_or(VaultError::VaultMaxSlashedPerOperatorExceeded)?;
        self.set_slashed(slashed);
        Ok(())
    }

    /// Slashing `slash_amount` more stays within `max_slashable_per_epoch`
    /// (`VaultMaxSlashedPerOperatorExceeded`; `ArithmeticOverflow` on overflow).
    #[inline(always)]
    pub fn check_slashing_amount_not_exceeded(
        &self,
        slash_amount: u64,
        max_slashable_per_epoch: u64,
    ) -> Result<(), VaultError> {
        let after = self
            .slashed()
            .checked_add(slash_amount)
            .ok_or(VaultError::ArithmeticOverflow)?;
        if unlikely(after > max_slashable_per_epoch) {
            return Err(VaultError::VaultMaxSlashedPerOperatorExceeded);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultNcnSlasherOperatorTicket>(),
            128 + 8 + 8 + 1 + 263
        );
        assert_eq!(VaultNcnSlasherOperatorTicket::LEN, 416);
    }

    #[test]
    fn slashing_limits() {
        // SAFETY: every bit pattern is valid.
        let mut t: VaultNcnSlasherOperatorTicket = unsafe { core::mem::zeroed() };
        let k = Pubkey::new_from_array([1; 32]);
        t.initialize(&k, &k, &k, &k, 12, 200);
        assert_eq!(t.epoch(), 12);
        assert_eq!(t.check_slashing_amount_not_exceeded(10, 10), Ok(()));
        assert_eq!(
            t.check_slashing_amount_not_exceeded(11, 10),
            Err(VaultError::VaultMaxSlashedPerOperatorExceeded)
        );
        t.increment_slashed(4).unwrap();
        assert_eq!(
            t.check_slashing_amount_not_exceeded(7, 10),
            Err(VaultError::VaultMaxSlashedPerOperatorExceeded)
        );
        assert_eq!(
            t.check_slashing_amount_not_exceeded(u64::MAX, u64::MAX),
            Err(VaultError::ArithmeticOverflow)
        );
        assert_eq!(
            t.increment_slashed(u64::MAX),
            Err(VaultError::VaultMaxSlashedPerOperatorExceeded)
        );
        assert_eq!(t.slashed(), 4);
        let bytes: [u8; 408] = unsafe { core::mem::transmute(t) };
        assert_eq!(&bytes[128..136], &12u64.to_le_bytes());
        assert_eq!(&bytes[136..144], &4u64.to_le_bytes());
        assert_eq!(bytes[144], 200);
    }
}
