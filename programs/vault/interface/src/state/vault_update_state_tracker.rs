//! Progress of one epoch's vault update across the operator delegations.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    unlikely,
};
use pinocchio::{address::address_eq, cpi::Seed, AccountView, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use crate::{error::VaultError, state::delegation_state::DelegationState};

/// The vault update state tracker (discriminator 8, 600 bytes with the header).
/// It stores no bump: its address is checked against the canonical PDA.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct VaultUpdateStateTracker {
    /// The vault associated with this update ticket
    pub vault: Pubkey,
    /// The NCN epoch for which the delegations are to be updated
    #[idl_type("u64")]
    ncn_epoch: [u8; 8],
    /// The last updated index of the vault
    #[idl_type("u64")]
    last_updated_index: [u8; 8],
    /// The total amount delegated across all the operators in the vault
    pub delegation_state: DelegationState,
    pub withdrawal_allocation_method: u8,
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8`, `Address` and `DelegationState`
// (byte arrays), so alignment 1 and every bit pattern is valid.
unsafe impl AccountType for VaultUpdateStateTracker {
    const DISCRIMINATOR: u8 = 8;
}

/// The stored relationship fields: vault, ncn_epoch (`jito_core::account`).
impl StoredKeys for VaultUpdateStateTracker {
    type Keys<'k> = (&'k Pubkey, u64);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.vault, keys.0) && self.ncn_epoch == keys.1.to_le_bytes()
    }
}

impl VaultUpdateStateTracker {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault_update_state_tracker";

    /// Seeds of the tracker PDA; `ncn_epoch_le` is the epoch as 8 little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(vault: &'a Pubkey, ncn_epoch_le: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [Self::SEED, vault.as_ref(), ncn_epoch_le.as_ref()]
    }

    /// Signer seeds of the tracker PDA.
    #[inline(always)]
    pub fn signer_seeds<'a>(
        vault: &'a Pubkey,
        ncn_epoch_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [Seed<'a>; 4] {
        [
            Seed::from(Self::SEED),
            Seed::from(vault.as_ref()),
            Seed::from(ncn_epoch_le.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `load`: account checks, then the stored vault and epoch are
    /// `vault` and `ncn_epoch` (`InvalidAccountData`, where the original checks
    /// the address against the canonical PDA of `vault` and `ncn_epoch`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        vault: &Pubkey,
        ncn_epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (vault, ncn_epoch), expect_writable)
    }

    /// Writes a fresh tracker: no operator updated yet (`last_updated_index` = u64::MAX).
    ///
    /// On a zeroed state (an account just created): the delegation state starts
    /// at zero, so its 280 bytes are not written again.
    #[inline(always)]
    pub fn initialize(&mut self, vault: &Pubkey, ncn_epoch: u64, withdrawal_allocation_method: u8) {
        debug_assert!(self.delegation_state == DelegationState::default());
        self.vault = *vault;
        self.ncn_epoch = ncn_epoch.to_le_bytes();
        self.last_updated_index = u64::MAX.to_le_bytes();
        self.withdrawal_allocation_method = withdrawal_allocation_method;
    }

    #[inline(always)]
    pub fn ncn_epoch(&self) -> u64 {
        u64::from_le_bytes(self.ncn_epoch)
    }

    #[inline(always)]
    pub fn last_updated_index(&self) -> u64 {
        u64::from_le_bytes(self.last_updated_index)
    }

    #[inline(always)]
    pub fn set_last_updated_index(&mut self, index: u64) {
        self.last_updated_index = index.to_le_bytes();
    }

    /// Operators are cranked in order starting at `ncn_epoch % num_operators`
    /// (so that no operator is always last), wrapping around
    /// (`VaultUpdateIncorrectIndex`; `DivisionByZero` without operators).
    #[inline(always)]
    pub fn check_and_update_index(
        &mut self,
        index: u64,
        num_operators: u64,
    ) -> Result<(), VaultError> {
        let expected = if self.last_updated_index() == u64::MAX {
            self.ncn_epoch()
                .checked_rem(num_operators)
                .ok_or(VaultError::DivisionByZero)?
        } else {
            self.last_updated_index()
                .checked_add(1)
                .and_then(|i| i.checked_rem(num_operators))
                .ok_or(VaultError::ArithmeticOverflow)?
        };
        if unlikely(index != expected) {
            return Err(VaultError::VaultUpdateIncorrectIndex);
        }
        self.set_last_updated_index(index);
        Ok(())
    }

    /// Every operator has been cranked: the last one done is the one before the start index.
    #[inline(always)]
    pub fn all_operators_updated(&self, num_operators: u64) -> Result<bool, VaultError> {
        let last = self.last_updated_index();
        if last == u64::MAX {
            return Ok(false);
        }
        let start_index = self
            .ncn_epoch()
            .checked_rem(num_operators)
            .ok_or(VaultError::DivisionByZero)?;
        let final_index = if start_index == 0 {
            num_operators
                .checked_sub(1)
                .ok_or(VaultError::ArithmeticUnderflow)?
        } else {
            start_index - 1
        };
        Ok(last == final_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tracker(ncn_epoch: u64) -> VaultUpdateStateTracker {
        // SAFETY: every bit pattern is valid.
        let mut t: VaultUpdateStateTracker = unsafe { core::mem::zeroed() };
        t.initialize(&Pubkey::new_from_array([3; 32]), ncn_epoch, 0);
        t
    }

    #[test]
    fn size_matches_original() {
        assert_eq!(
            core::mem::size_of::<VaultUpdateStateTracker>(),
            32 + 8 + 8 + 280 + 1 + 263
        );
        assert_eq!(VaultUpdateStateTracker::LEN, 600);
    }

    #[test]
    fn layout() {
        let mut t = tracker(9);
        t.withdrawal_allocation_method = 0;
        t.delegation_state.set_cooling_down_amount(5);
        let bytes: [u8; 592] = unsafe { core::mem::transmute(t) };
        assert_eq!(&bytes[32..40], &9u64.to_le_bytes());
        assert_eq!(&bytes[40..48], &u64::MAX.to_le_bytes());
        assert_eq!(&bytes[64..72], &5u64.to_le_bytes());
        assert_eq!(bytes[328], 0);
    }

    #[test]
    fn index_sequence() {
        let mut t = tracker(0);
        assert_eq!(t.check_and_update_index(0, 1), Ok(()));
        let mut t = tracker(0);
        assert_eq!(
            t.check_and_update_index(1, 2),
            Err(VaultError::VaultUpdateIncorrectIndex)
        );
        let mut t = tracker(0);
        t.check_and_update_index(0, 4).unwrap();
        t.check_and_update_index(1, 4).unwrap();
        assert_eq!(
            t.check_and_update_index(3, 4),
            Err(VaultError::VaultUpdateIncorrectIndex)
        );
        assert_eq!(t.last_updated_index(), 1);
        let mut t = tracker(0);
        assert_eq!(
            t.check_and_update_index(0, 0),
            Err(VaultError::DivisionByZero)
        );
    }

    #[test]
    fn index_wraps_around() {
        // Epoch 6 with 4 operators starts at index 2.
        let mut t = tracker(6);
        assert_eq!(
            t.check_and_update_index(0, 4),
            Err(VaultError::VaultUpdateIncorrectIndex)
        );
        t.check_and_update_index(2, 4).unwrap();
        assert!(!t.all_operators_updated(4).unwrap());
        t.check_and_update_index(3, 4).unwrap();
        t.check_and_update_index(0, 4).unwrap();
        assert_eq!(t.last_updated_index(), 0);
        t.check_and_update_index(1, 4).unwrap();
        assert!(t.all_operators_updated(4).unwrap());
    }

    #[test]
    fn all_operators_updated_cases() {
        let n = 4;
        let mut t = tracker(0);
        assert!(!t.all_operators_updated(n).unwrap());
        t.set_last_updated_index(1);
        assert!(!t.all_operators_updated(n).unwrap());
        t.set_last_updated_index(3);
        assert!(t.all_operators_updated(n).unwrap());
        let mut t = tracker(n - 1);
        t.set_last_updated_index(n - 2);
        assert!(t.all_operators_updated(n).unwrap());
        let mut t = tracker(n);
        t.set_last_updated_index(0);
        assert!(!t.all_operators_updated(n).unwrap());
        let mut t = tracker(1);
        t.set_last_updated_index(0);
        assert!(t.all_operators_updated(n).unwrap());
        let mut t = tracker(2);
        t.set_last_updated_index(0);
        assert!(t.all_operators_updated(1).unwrap());
        let mut t = tracker(0);
        t.set_last_updated_index(0);
        assert_eq!(t.all_operators_updated(0), Err(VaultError::DivisionByZero));
    }
}
