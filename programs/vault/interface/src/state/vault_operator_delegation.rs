//! A vault's delegation to one operator.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    get_epoch, unlikely,
};
use pinocchio::{
    address::address_eq, cpi::Seed, error::ProgramError, AccountView, Address as Pubkey,
    ProgramResult,
};
use shank::ShankAccount;

use crate::{error::VaultError, state::delegation_state::DelegationState};

/// The vault operator delegation (discriminator 4, 632 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultOperatorDelegation {
    /// The vault account
    pub vault: Pubkey,
    /// The operator account
    pub operator: Pubkey,
    pub delegation_state: DelegationState,
    /// The last slot the [`VaultOperatorDelegation::update`] method was updated
    #[idl_type("u64")]
    last_update_slot: [u8; 8],
    /// The index
    #[idl_type("u64")]
    index: [u8; 8],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8`, `Address` and `DelegationState`
// (byte arrays), so alignment 1 and every bit pattern is valid.
unsafe impl AccountType for VaultOperatorDelegation {
    const DISCRIMINATOR: u8 = 4;
}

/// The stored relationship fields: vault, operator (`jito_core::account`).
impl StoredKeys for VaultOperatorDelegation {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys.0) && address_eq(&self.operator, keys.1)
    }
}

impl VaultOperatorDelegation {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_operator_delegation";

    /// Seeds of the delegation PDA of `vault` and `operator` (without bump).
    #[inline(always)]
    pub fn seeds<'a>(vault: &'a Pubkey, operator: &'a Pubkey) -> [&'a [u8]; 3] {
        [Self::SEED, vault.as_ref(), operator.as_ref()]
    }

    /// Signer seeds of the delegation PDA.
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        operator: &'a Pubkey,
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 4] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(operator.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, then the address is the delegation
    /// PDA of `vault` and `operator` (`InvalidAccountData`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        operator: &Pubkey,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (vault, operator), expect_writable)
    }

    /// Writes a fresh delegation with nothing delegated, updated at `slot`.
    ///
    /// On a zeroed state (an account just created): the delegation state starts
    /// at zero, so its 280 bytes are not written again.
    #[inline(always)]
    pub fn initialize(
        &mut self,
        vault: &Pubkey,
        operator: &Pubkey,
        index: u64,
        bump: u8,
        slot: u64,
    ) {
        debug_assert!(self.delegation_state == DelegationState::default());
        self.vault = *vault;
        self.operator = *operator;
        self.last_update_slot = slot.to_le_bytes();
        self.index = index.to_le_bytes();
        self.bump = bump;
    }

    #[inline(always)]
    pub fn last_update_slot(&self) -> u64 {
        u64::from_le_bytes(self.last_update_slot)
    }

    #[inline(always)]
    pub fn set_last_update_slot(&mut self, slot: u64) {
        self.last_update_slot = slot.to_le_bytes();
    }

    #[inline(always)]
    pub fn index(&self) -> u64 {
        u64::from_le_bytes(self.index)
    }

    #[inline(always)]
    pub fn set_index(&mut self, index: u64) {
        self.index = index.to_le_bytes();
    }

    /// `VaultOperatorDelegationIsUpdated` when already updated in `slot`'s epoch.
    #[inline(always)]
    pub fn check_is_already_updated(
        &self,
        slot: u64,
        epoch_length: u64,
    ) -> Result<(), ProgramError> {
        let last_update_epoch = get_epoch(self.last_update_slot(), epoch_length)?;
        let current_epoch = get_epoch(slot, epoch_length)?;
        if unlikely(last_update_epoch >= current_epoch) {
            return Err(VaultError::VaultOperatorDelegationIsUpdated.into());
        }
        Ok(())
    }

    /// Rolls the delegation state forward to `slot`'s epoch (at most two steps)
    /// and records `slot` (`ArithmeticUnderflow` for a slot in an earlier epoch).
    #[inline(always)]
    pub fn update(&mut self, slot: u64, epoch_length: u64) -> ProgramResult {
        let last_update_epoch = get_epoch(self.last_update_slot(), epoch_length)?;
        let current_epoch = get_epoch(slot, epoch_length)?;
        let epoch_diff = current_epoch
            .checked_sub(last_update_epoch)
            .ok_or(VaultError::ArithmeticUnderflow)?;
        self.delegation_state.update_for_epochs(epoch_diff);
        self.set_last_update_slot(slot);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delegation(slot: u64) -> VaultOperatorDelegation {
        // SAFETY: every bit pattern is valid.
        let mut d: VaultOperatorDelegation = unsafe { core::mem::zeroed() };
        let k = Pubkey::new_from_array([0; 32]);
        d.initialize(&k, &k, 0, 0, slot);
        d.delegation_state.delegate(100).unwrap();
        d.delegation_state.cooldown(50).unwrap();
        d
    }

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultOperatorDelegation>(),
            64 + 280 + 8 + 8 + 1 + 263
        );
        assert_eq!(VaultOperatorDelegation::LEN, 632);
    }

    #[test]
    fn update_one_epoch() {
        let mut d = delegation(0);
        d.update(100, 100).unwrap();
        assert_eq!(d.delegation_state, DelegationState::new(50, 0, 50));
    }

    #[test]
    fn update_many_epochs() {
        let mut d = delegation(0);
        d.update(200, 100).unwrap();
        assert_eq!(d.delegation_state, DelegationState::new(50, 0, 0));
    }

    #[test]
    fn update_same_epoch_then_next() {
        let mut d = delegation(500);
        d.update(599, 100).unwrap();
        assert_eq!(d.delegation_state, DelegationState::new(50, 50, 0));
        assert_eq!(d.last_update_slot(), 599);
        d.update(600, 100).unwrap();
        assert_eq!(d.delegation_state, DelegationState::new(50, 0, 50));
        assert_eq!(d.last_update_slot(), 600);
        assert_eq!(
            d.update(10, 100),
            Err(VaultError::ArithmeticUnderflow.into())
        );
        assert_eq!(d.update(700, 0), Err(ProgramError::Custom(0)));
    }

    #[test]
    fn already_updated() {
        let d = delegation(150);
        assert_eq!(
            d.check_is_already_updated(199, 100),
            Err(VaultError::VaultOperatorDelegationIsUpdated.into())
        );
        assert_eq!(
            d.check_is_already_updated(0, 100),
            Err(VaultError::VaultOperatorDelegationIsUpdated.into())
        );
        assert_eq!(d.check_is_already_updated(200, 100), Ok(()));
    }

    #[test]
    fn layout() {
        let mut d = delegation(7);
        d.set_index(3);
        d.bump = 250;
        let bytes: [u8; 624] = unsafe { core::mem::transmute(d) };
        assert_eq!(&bytes[64..72], &50u64.to_le_bytes());
        assert_eq!(&bytes[72..80], &50u64.to_le_bytes());
        assert_eq!(&bytes[344..352], &7u64.to_le_bytes());
        assert_eq!(&bytes[352..360], &3u64.to_le_bytes());
        assert_eq!(bytes[360], 250);
    }
}
