//! Rolled-up stake of a vault (or of one operator delegation): staked, enqueued
//! for cool-down this epoch, and cooling down since last epoch.

use shank::ShankType;

use crate::error::VaultError;

/// The original's `DelegationState`: 280 bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct DelegationState {
    /// The amount of stake that is currently active on the operator
    #[idl_type("u64")]
    staked_amount: [u8; 8],
    /// Any stake that was deactivated in the current epoch
    #[idl_type("u64")]
    enqueued_for_cooldown_amount: [u8; 8],
    /// Any stake that was deactivated in the previous epoch,
    /// to be available for re-delegation in the current epoch + 1
    #[idl_type("u64")]
    cooling_down_amount: [u8; 8],
    reserved: [u8; 256],
}

impl Default for DelegationState {
    #[inline(always)]
    fn default() -> Self {
        Self::new(0, 0, 0)
    }
}

impl DelegationState {
    #[inline(always)]
    pub const fn new(
        staked_amount: u64,
        enqueued_for_cooldown_amount: u64,
        cooling_down_amount: u64,
    ) -> Self {
        Self {
            staked_amount: staked_amount.to_le_bytes(),
            enqueued_for_cooldown_amount: enqueued_for_cooldown_amount.to_le_bytes(),
            cooling_down_amount: cooling_down_amount.to_le_bytes(),
            reserved: [0; 256],
        }
    }

    #[inline(always)]
    pub fn staked_amount(&self) -> u64 {
        u64::from_le_bytes(self.staked_amount)
    }

    #[inline(always)]
    pub fn enqueued_for_cooldown_amount(&self) -> u64 {
        u64::from_le_bytes(self.enqueued_for_cooldown_amount)
    }

    #[inline(always)]
    pub fn cooling_down_amount(&self) -> u64 {
        u64::from_le_bytes(self.cooling_down_amount)
    }

    #[inline(always)]
    pub fn set_staked_amount(&mut self, amount: u64) {
        self.staked_amount = amount.to_le_bytes();
    }

    #[inline(always)]
    pub fn set_enqueued_for_cooldown_amount(&mut self, amount: u64) {
        self.enqueued_for_cooldown_amount = amount.to_le_bytes();
    }

    #[inline(always)]
    pub fn set_cooling_down_amount(&mut self, amount: u64) {
        self.cooling_down_amount = amount.to_le_bytes();
    }

    /// Copies the three amounts of `other` (the reserved bytes stay as they are,
    /// which the original's whole-struct copy would also keep at zero).
    #[inline(always)]
    pub fn copy_amounts_from(&mut self, other: &Self) {
        self.staked_amount = other.staked_amount;
        self.enqueued_for_cooldown_amount = other.enqueued_for_cooldown_amount;
        self.cooling_down_amount = other.cooling_down_amount;
    }

    /// Subtracts `other` field by field (`VaultSecurityUnderflow`); nothing
    /// changes on error.
    pub fn subtract(&mut self, other: &Self) -> Result<(), VaultError> {
        let staked = self
            .staked_amount()
            .checked_sub(other.staked_amount())
            .ok_or(VaultError::VaultSecurityUnderflow)?;
        let enqueued = self
            .enqueued_for_cooldown_amount()
            .checked_sub(other.enqueued_for_cooldown_amount())
            .ok_or(VaultError::VaultSecurityUnderflow)?;
        let cooling = self
            .cooling_down_amount()
            .checked_sub(other.cooling_down_amount())
            .ok_or(VaultError::VaultSecurityUnderflow)?;
        self.set_staked_amount(staked);
        self.set_enqueued_for_cooldown_amount(enqueued);
        self.set_cooling_down_amount(cooling);
        Ok(())
    }

    /// Adds `other` field by field (`VaultSecurityOverflow`); nothing changes on error.
    pub fn accumulate(&mut self, other: &Self) -> Result<(), VaultError> {
        let staked = self
            .staked_amount()
            .checked_add(other.staked_amount())
            .ok_or(VaultError::VaultSecurityOverflow)?;
        let enqueued = self
            .enqueued_for_cooldown_amount()
            .checked_add(other.enqueued_for_cooldown_amount())
            .ok_or(VaultError::VaultSecurityOverflow)?;
        let cooling = self
            .cooling_down_amount()
            .checked_add(other.cooling_down_amount())
            .ok_or(VaultError::VaultSecurityOverflow)?;
        self.set_staked_amount(staked);
        self.set_enqueued_for_cooldown_amount(enqueued);
        self.set_cooling_down_amount(cooling);
        Ok(())
    }

    /// Stake usable for security: staked plus both cool-down stages.
    #[inline(always)]
    pub fn total_security(&self) -> Result<u64, VaultError> {
        self.staked_amount()
            .checked_add(self.enqueued_for_cooldown_amount())
            .and_then(|x| x.checked_add(self.cooling_down_amount()))
            .ok_or(VaultError::VaultSecurityOverflow)
    }

    /// One epoch passes: enqueued stake starts cooling down, cooled-down stake is released.
    #[inline(always)]
    pub fn update(&mut self) {
        self.cooling_down_amount = self.enqueued_for_cooldown_amount;
        self.enqueued_for_cooldown_amount = [0; 8];
    }

    /// Applies `epochs` epoch transitions; two are enough to release everything.
    #[inline(always)]
    pub fn update_for_epochs(&mut self, epochs: u64) {
        match epochs {
            0 => {}
            1 => self.update(),
            _ => {
                self.update();
                self.update();
            }
        }
    }

    /// Slashes `slash_amount`, taking from staked, then enqueued, then cooling
    /// down (`VaultSlashUnderflow` when more than the total security).
    pub fn slash(&mut self, slash_amount: u64) -> Result<(), VaultError> {
        let total = self.total_security()?;
        if slash_amount > total {
            return Err(VaultError::VaultSlashUnderflow);
        }
        let mut remaining = slash_amount;
        let mut take = |amount: u64| -> u64 {
            let taken = amount.min(remaining);
            remaining -= taken;
            amount - taken
        };
        let staked = take(self.staked_amount());
        let enqueued = take(self.enqueued_for_cooldown_amount());
        let cooling = take(self.cooling_down_amount());
        // `slash_amount <= total` guarantees the three buckets absorbed it all.
        if remaining > 0 {
            return Err(VaultError::VaultSlashIncomplete);
        }
        self.set_staked_amount(staked);
        self.set_enqueued_for_cooldown_amount(enqueued);
        self.set_cooling_down_amount(cooling);
        Ok(())
    }

    /// Moves `amount` from staked to enqueued for cool-down.
    pub fn cooldown(&mut self, amount: u64) -> Result<(), VaultError> {
        if amount == 0 {
            return Err(VaultError::VaultCooldownZero);
        }
        let staked = self
            .staked_amount()
            .checked_sub(amount)
            .ok_or(VaultError::VaultSecurityUnderflow)?;
        let enqueued = self
            .enqueued_for_cooldown_amount()
            .checked_add(amount)
            .ok_or(VaultError::VaultSecurityOverflow)?;
        self.set_staked_amount(staked);
        self.set_enqueued_for_cooldown_amount(enqueued);
        Ok(())
    }

    /// Adds `amount` to the staked amount.
    pub fn delegate(&mut self, amount: u64) -> Result<(), VaultError> {
        if amount == 0 {
            return Err(VaultError::VaultDelegationZero);
        }
        let staked = self
            .staked_amount()
            .checked_add(amount)
            .ok_or(VaultError::VaultSecurityOverflow)?;
        self.set_staked_amount(staked);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_280_bytes_align_1() {
        assert_eq!(core::mem::size_of::<DelegationState>(), 8 * 3 + 256);
        assert_eq!(core::mem::align_of::<DelegationState>(), 1);
    }

    #[test]
    fn subtract_and_accumulate() {
        let mut a = DelegationState::new(10, 20, 30);
        a.subtract(&DelegationState::new(5, 10, 15)).unwrap();
        assert_eq!(a, DelegationState::new(5, 10, 15));
        let copy = a;
        a.subtract(&copy).unwrap();
        assert_eq!(a, DelegationState::default());
        assert_eq!(
            a.subtract(&DelegationState::new(0, 0, 1)),
            Err(VaultError::VaultSecurityUnderflow)
        );
        let mut b = DelegationState::new(u64::MAX, 0, 0);
        assert_eq!(
            b.accumulate(&DelegationState::new(1, 0, 0)),
            Err(VaultError::VaultSecurityOverflow)
        );
        // Failed operations leave the state untouched.
        assert_eq!(b, DelegationState::new(u64::MAX, 0, 0));
        b.accumulate(&DelegationState::new(0, 2, 3)).unwrap();
        assert_eq!(b, DelegationState::new(u64::MAX, 2, 3));
    }

    #[test]
    fn total_security_overflows_cleanly() {
        assert_eq!(DelegationState::new(1, 2, 3).total_security(), Ok(6));
        assert_eq!(
            DelegationState::new(u64::MAX, 1, 0).total_security(),
            Err(VaultError::VaultSecurityOverflow)
        );
        assert_eq!(
            DelegationState::new(u64::MAX, 0, 0).total_security(),
            Ok(u64::MAX)
        );
    }

    #[test]
    fn delegate_cooldown_update_cycle() {
        let mut s = DelegationState::default();
        assert_eq!(s.delegate(0), Err(VaultError::VaultDelegationZero));
        s.delegate(100).unwrap();
        assert_eq!(s.cooldown(0), Err(VaultError::VaultCooldownZero));
        assert_eq!(s.cooldown(101), Err(VaultError::VaultSecurityUnderflow));
        s.cooldown(50).unwrap();
        assert_eq!(s, DelegationState::new(50, 50, 0));
        assert_eq!(s.total_security(), Ok(100));
        s.update();
        assert_eq!(s, DelegationState::new(50, 0, 50));
        assert_eq!(s.total_security(), Ok(100));
        s.update();
        assert_eq!(s, DelegationState::new(50, 0, 0));
        assert_eq!(s.total_security(), Ok(50));
        let mut t = DelegationState::new(1, 2, 3);
        t.update_for_epochs(0);
        assert_eq!(t, DelegationState::new(1, 2, 3));
        t.update_for_epochs(1);
        assert_eq!(t, DelegationState::new(1, 0, 2));
        let mut u = DelegationState::new(1, 2, 3);
        u.update_for_epochs(7);
        assert_eq!(u, DelegationState::new(1, 0, 0));
    }

    #[test]
    fn slash_order_and_limits() {
        let mut s = DelegationState::new(10, 20, 30);
        s.slash(15).unwrap();
        assert_eq!(s, DelegationState::new(0, 15, 30));
        s.slash(40).unwrap();
        assert_eq!(s, DelegationState::new(0, 0, 5));
        assert_eq!(s.slash(6), Err(VaultError::VaultSlashUnderflow));
        s.slash(5).unwrap();
        assert_eq!(s, DelegationState::default());
        s.slash(0).unwrap();
        let mut big = DelegationState::new(u64::MAX, 1, 0);
        assert_eq!(big.slash(1), Err(VaultError::VaultSecurityOverflow));
    }

    #[test]
    fn delegate_overflow() {
        let mut s = DelegationState::new(u64::MAX, 0, 0);
        assert_eq!(s.delegate(1), Err(VaultError::VaultSecurityOverflow));
        let mut s = DelegationState::new(1, u64::MAX, 0);
        assert_eq!(s.cooldown(1), Err(VaultError::VaultSecurityOverflow));
        assert_eq!(s, DelegationState::new(1, u64::MAX, 0));
    }
}
