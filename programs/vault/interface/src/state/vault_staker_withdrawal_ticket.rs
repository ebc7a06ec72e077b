//! A staker's pending withdrawal; its token account holds the staker's VRT.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    get_epoch, unlikely,
};
use pinocchio::{
    address::address_eq, cpi::Seed, error::ProgramError, AccountView, Address as Pubkey,
    ProgramResult,
};
use shank::ShankAccount;

use crate::error::VaultError;

/// The vault staker withdrawal ticket (discriminator 7, 384 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultStakerWithdrawalTicket {
    /// The vault being withdrawn from
    pub vault: Pubkey,
    /// The staker withdrawing from the vault
    pub staker: Pubkey,
    /// The base account used as a PDA seed
    pub base: Pubkey,
    /// The amount of VRT held in the VaultStakerWithdrawalTicket token account at the time of creation.
    /// This is used to ensure the amount redeemed is the same as the amount allocated.
    #[idl_type("u64")]
    vrt_amount: [u8; 8],
    /// The slot the withdrawal was enqueued
    #[idl_type("u64")]
    slot_unstaked: [u8; 8],
    /// The bump seed used to create the PDA
    pub bump: u8,
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8` and `Address`, so alignment 1 and
// every bit pattern is valid.
unsafe impl AccountType for VaultStakerWithdrawalTicket {
    const DISCRIMINATOR: u8 = 7;
}

/// The stored relationship fields: vault (`jito_core::account`).
impl StoredKeys for VaultStakerWithdrawalTicket {
    type Keys<'k> = &'k Pubkey;

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys)
    }
}

impl VaultStakerWithdrawalTicket {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_staker_withdrawal_ticket";

    /// Seeds of the ticket PDA of `vault` and `base` (without bump).
    #[inline(always)]
    pub fn seeds<'a>(vault: &'a Pubkey, base: &'a Pubkey) -> [&'a [u8]; 3] {
        [Self::SEED, vault.as_ref(), base.as_ref()]
    }

    /// Signer seeds of the ticket PDA (the ticket signs for its token account).
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        base: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 4] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(base.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, the ticket belongs to `vault`
    /// (`InvalidAccountData`); its address needs no proof (`jito_core::account`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, vault, expect_writable)
    }

    /// Writes a fresh ticket.
    #[inline(always)]
    pub fn initialize(
        &mut self,
        vault: &Pubkey,
        staker: &Pubkey,
        base: &Pubkey,
        vrt_amount: u64,
        slot_unstaked: u64,
        bump: u8,
    ) {
        self.vault = *vault;
        self.staker = *staker;
        self.base = *base;
        self.vrt_amount = vrt_amount.to_le_bytes();
        self.slot_unstaked = slot_unstaked.to_le_bytes();
        self.bump = bump;
    }

    #[inline(always)]
    pub fn vrt_amount(&self) -> u64 {
        u64::from_le_bytes(self.vrt_amount)
    }

    #[inline(always)]
    pub fn set_vrt_amount(&mut self, amount: u64) {
        self.vrt_amount = amount.to_le_bytes();
    }

    #[inline(always)]
    pub fn slot_unstaked(&self) -> u64 {
        u64::from_le_bytes(self.slot_unstaked)
    }

    #[inline(always)]
    pub fn set_slot_unstaked(&mut self, slot: u64) {
        self.slot_unstaked = slot.to_le_bytes();
    }

    /// `staker` owns the ticket (`VaultStakerWithdrawalTicketInvalidStaker`).
    #[inline(always)]
    pub fn check_staker(&self, staker: &Pubkey) -> Result<(), VaultError> {
        if unlikely(!address_eq(&self.staker, staker)) {
            return Err(VaultError::VaultStakerWithdrawalTicketInvalidStaker);
        }
        Ok(())
    }

    /// Withdrawable once more than one full epoch has passed since unstaking.
    #[inline(always)]
    pub fn is_withdrawable(&self, slot: u64, epoch_length: u64) -> Result<bool, ProgramError> {
        let current_epoch = get_epoch(slot, epoch_length)?;
        let epoch_unstaked = get_epoch(self.slot_unstaked(), epoch_length)?;
        let last_locked_epoch = epoch_unstaked
            .checked_add(1)
            .ok_or(VaultError::ArithmeticOverflow)?;
        Ok(current_epoch > last_locked_epoch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultStakerWithdrawalTicket>(),
            96 + 8 + 8 + 1 + 263
        );
        assert_eq!(VaultStakerWithdrawalTicket::LEN, 384);
    }

    #[test]
    fn withdrawable_after_a_full_epoch() {
        // SAFETY: every bit pattern is valid.
        let mut t: VaultStakerWithdrawalTicket = unsafe { core::mem::zeroed() };
        let k = Pubkey::new_from_array([4; 32]);
        t.initialize(&k, &k, &k, 10, 150, 1);
        assert_eq!(t.is_withdrawable(150, 100), Ok(false));
        assert_eq!(t.is_withdrawable(299, 100), Ok(false));
        assert_eq!(t.is_withdrawable(300, 100), Ok(true));
        assert_eq!(t.is_withdrawable(300, 0), Err(ProgramError::Custom(0)));
        t.set_slot_unstaked(u64::MAX);
        assert_eq!(
            t.is_withdrawable(u64::MAX, 1),
            Err(VaultError::ArithmeticOverflow.into())
        );
        assert_eq!(t.check_staker(&k), Ok(()));
        assert_eq!(
            t.check_staker(&Pubkey::new_from_array([5; 32])),
            Err(VaultError::VaultStakerWithdrawalTicketInvalidStaker)
        );
        let bytes: [u8; 376] = unsafe { core::mem::transmute(t) };
        assert_eq!(&bytes[96..104], &10u64.to_le_bytes());
        assert_eq!(bytes[112], 1);
    }
}
