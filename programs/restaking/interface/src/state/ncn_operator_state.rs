//! The mutual opt-in of an NCN and an operator.

use jito_core::{
    account::{check_bound, AccountType, StoredKeys},
    slot_toggle::SlotToggle,
};
use pinocchio::{address::address_eq, AccountView, Address, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use super::discriminator;

/// PDA seed prefix: `["ncn_operator_state", ncn, operator]`.
pub const SEED: &[u8] = b"ncn_operator_state";

/// State of an NCN–operator pair (discriminator 4, 440 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct NcnOperatorState {
    /// The NCN account
    pub ncn: Pubkey,
    /// The operator account
    pub operator: Pubkey,
    /// Index
    #[idl_type("u64")]
    index: [u8; 8],
    /// State of the ncn opt-ing in to the operator
    pub ncn_opt_in_state: SlotToggle,
    /// State of the operator opt-ing in to the ncn
    pub operator_opt_in_state: SlotToggle,
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for NcnOperatorState {
    const DISCRIMINATOR: u8 = discriminator::NCN_OPERATOR_STATE;
}

/// The stored relationship fields: ncn, operator (`jito_core::account`).
impl StoredKeys for NcnOperatorState {
    type Keys<'k> = (&'k Pubkey, &'k Pubkey);

    #[inline(always)]
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool {
        address_eq(&self.ncn, keys.0) && address_eq(&self.operator, keys.1)
    }
}

impl NcnOperatorState {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh state: both toggles inactive since `slot`.
    pub fn new(ncn: Address, operator: Address, index: u64, bump: u8, slot: u64) -> Self {
        Self {
            ncn,
            operator,
            index: index.to_le_bytes(),
            ncn_opt_in_state: SlotToggle::new(slot),
            operator_opt_in_state: SlotToggle::new(slot),
            bump,
            reserved: [0; 263],
        }
    }

    /// Writes every field of a freshly created (zeroed) account, as [`NcnOperatorState::new`].
    #[inline(always)]
    pub fn initialize(
        &mut self,
        ncn: &Address,
        operator: &Address,
        index: u64,
        bump: u8,
        slot: u64,
    ) {
        self.ncn = *ncn;
        self.operator = *operator;
        self.index = index.to_le_bytes();
        self.ncn_opt_in_state.init_zeroed(slot);
        self.operator_opt_in_state.init_zeroed(slot);
        self.bump = bump;
    }

    /// Seeds of the PDA (without bump).
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, operator: &'a Address) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), operator.as_ref()]
    }

    #[inline(always)]
    pub fn index(&self) -> u64 {
        u64::from_le_bytes(self.index)
    }

    #[inline(always)]
    pub fn set_index(&mut self, index: u64) {
        self.index = index.to_le_bytes();
    }

    /// The original `NcnOperatorState::load`: owner (`InvalidAccountOwner`),
    /// data, writable, discriminator and the stored `ncn` and `operator`
    /// equal to the given ones (`InvalidAccountData`, where the original
    /// checks the PDA of the given ones with the stored bump).
    #[inline(always)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        operator: &Address,
        expect_writable: bool,
    ) -> ProgramResult {
        check_bound::<Self>(program_id, account, (ncn, operator), expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_the_original() {
        // 2 pubkeys, u64, 2 x SlotToggle (48), bump, reserved 263
        assert_eq!(
            core::mem::size_of::<NcnOperatorState>(),
            2 * 32 + 8 + 2 * 48 + 1 + 263
        );
        assert_eq!(NcnOperatorState::LEN, 8 + 432);
        assert_eq!(core::mem::align_of::<NcnOperatorState>(), 1);
    }

    #[test]
    fn initialize_equals_new() {
        let (a, b) = (
            Address::new_from_array([1; 32]),
            Address::new_from_array([2; 32]),
        );
        let mut s = NcnOperatorState::new(Address::default(), Address::default(), 0, 0, 0);
        s.initialize(&a, &b, 4, 251, 1000);
        assert_eq!(s, NcnOperatorState::new(a, b, 4, 251, 1000));
        assert_eq!(s.index(), 4);
        assert_eq!(s.ncn_opt_in_state.slot_added(), 1000);
        assert!(!s.operator_opt_in_state.is_active(1000, 10).unwrap());
    }
}
