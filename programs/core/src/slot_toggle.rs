//! Warm-up / cool-down state shared by every ticket.
//!
//! A toggle is added at some slot and removed at a later one. It is warming up
//! during the epoch it was added and the next one, active after that, cooling
//! down during the epoch it was removed and the next one, inactive after that.

use pinocchio::{error::ProgramError, ProgramResult};
use shank::ShankType;

use crate::{get_epoch, unlikely};

/// The original's `SlotToggle`: 48 bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct SlotToggle {
    #[idl_type("u64")]
    slot_added: [u8; 8],
    #[idl_type("u64")]
    slot_removed: [u8; 8],
    reserved: [u8; 32],
}

/// State of a [`SlotToggle`] at a given slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotToggleState {
    Inactive,
    WarmUp,
    Active,
    Cooldown,
}

impl SlotToggle {
    /// An inactive toggle created at `slot`.
    #[inline(always)]
    pub fn new(slot: u64) -> Self {
        Self {
            slot_added: slot.to_le_bytes(),
            slot_removed: slot.to_le_bytes(),
            reserved: [0; 32],
        }
    }

    /// [`SlotToggle::new`] written over a zeroed toggle (a freshly created
    /// account): the reserved bytes are already 0, so only the two slots are
    /// stored.
    #[inline(always)]
    pub fn init_zeroed(&mut self, slot: u64) {
        self.slot_added = slot.to_le_bytes();
        self.slot_removed = slot.to_le_bytes();
    }

    #[inline(always)]
    pub fn slot_added(&self) -> u64 {
        u64::from_le_bytes(self.slot_added)
    }

    #[inline(always)]
    pub fn slot_removed(&self) -> u64 {
        u64::from_le_bytes(self.slot_removed)
    }

    /// Starts warming up if inactive; `false` when nothing changed.
    #[inline(always)]
    pub fn activate(&mut self, slot: u64, epoch_length: u64) -> Result<bool, ProgramError> {
        if self.state(slot, epoch_length)? == SlotToggleState::Inactive && self.slot_added() != slot
        {
            self.slot_added = slot.to_le_bytes();
            return Ok(true);
        }
        Ok(false)
    }

    /// Starts cooling down if active; `false` when nothing changed.
    #[inline(always)]
    pub fn deactivate(&mut self, slot: u64, epoch_length: u64) -> Result<bool, ProgramError> {
        if self.state(slot, epoch_length)? == SlotToggleState::Active {
            self.slot_removed = slot.to_le_bytes();
            return Ok(true);
        }
        Ok(false)
    }

    #[inline(always)]
    pub fn is_active(&self, slot: u64, epoch_length: u64) -> Result<bool, ProgramError> {
        Ok(self.state(slot, epoch_length)? == SlotToggleState::Active)
    }

    #[inline(always)]
    pub fn is_active_or_cooldown(
        &self,
        slot: u64,
        epoch_length: u64,
    ) -> Result<bool, ProgramError> {
        Ok(matches!(
            self.state(slot, epoch_length)?,
            SlotToggleState::Active | SlotToggleState::Cooldown
        ))
    }

    /// The state at `slot`, with the original's epoch arithmetic.
    #[inline(always)]
    pub fn state(&self, slot: u64, epoch_length: u64) -> Result<SlotToggleState, ProgramError> {
        let current_epoch = get_epoch(slot, epoch_length)?;
        let added = self.slot_added();
        let removed = self.slot_removed();
        if added == removed {
            return Ok(SlotToggleState::Inactive);
        }
        let (changed_at, settled, transitioning) = if added < removed {
            (
                removed,
                SlotToggleState::Inactive,
                SlotToggleState::Cooldown,
            )
        } else {
            (added, SlotToggleState::Active, SlotToggleState::WarmUp)
        };
        let settles_after = get_epoch(changed_at, epoch_length)?
            .checked_add(1)
            .ok_or(ProgramError::ArithmeticOverflow)?;
        if current_epoch > settles_after {
            Ok(settled)
        } else {
            Ok(transitioning)
        }
    }
}

/// The direction of a warm-up / cool-down instruction: the one `Toggle` of
/// both programs' warm-up / cool-down pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    /// Only an inactive toggle starts warming up.
    Warmup,
    /// Only an active toggle starts cooling down.
    Cooldown,
}

impl Toggle {
    /// Moves `state` in this direction at `slot`; `failed` (the instruction's
    /// "failed warm-up / cool-down" error) when it is not in the state this
    /// direction starts from.
    #[inline(always)]
    pub fn apply<E: Into<ProgramError>>(
        self,
        state: &mut SlotToggle,
        slot: u64,
        epoch_length: u64,
        failed: E,
    ) -> ProgramResult {
        let moved = match self {
            Toggle::Warmup => state.activate(slot, epoch_length)?,
            Toggle::Cooldown => state.deactivate(slot, epoch_length)?,
        };
        if unlikely(!moved) {
            return Err(failed.into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPOCH: u64 = 150;

    #[test]
    fn layout_is_48_bytes() {
        assert_eq!(core::mem::size_of::<SlotToggle>(), 48);
        assert_eq!(core::mem::align_of::<SlotToggle>(), 1);
    }

    #[test]
    fn full_cycle_follows_epoch_boundaries() {
        let mut t = SlotToggle::new(0);
        assert_eq!(t.state(0, EPOCH).unwrap(), SlotToggleState::Inactive);
        // Added in epoch 1: warm-up through epoch 2, active from epoch 3.
        assert!(t.activate(EPOCH, EPOCH).unwrap());
        assert!(!t.activate(EPOCH + 1, EPOCH).unwrap());
        assert_eq!(
            t.state(3 * EPOCH - 1, EPOCH).unwrap(),
            SlotToggleState::WarmUp
        );
        assert_eq!(t.state(3 * EPOCH, EPOCH).unwrap(), SlotToggleState::Active);
        assert!(!t.deactivate(3 * EPOCH - 1, EPOCH).unwrap());
        // Removed in epoch 3: cool-down through epoch 4, inactive from epoch 5.
        assert!(t.deactivate(3 * EPOCH, EPOCH).unwrap());
        assert_eq!(
            t.state(5 * EPOCH - 1, EPOCH).unwrap(),
            SlotToggleState::Cooldown
        );
        assert_eq!(
            t.state(5 * EPOCH, EPOCH).unwrap(),
            SlotToggleState::Inactive
        );
        assert!(t.activate(5 * EPOCH, EPOCH).unwrap());
        assert_eq!(t.slot_added(), 5 * EPOCH);
        assert_eq!(t.slot_removed(), 3 * EPOCH);
    }

    #[test]
    fn toggle_moves_or_fails_with_the_given_error() {
        let mut t = SlotToggle::new(0);
        assert_eq!(
            Toggle::Cooldown.apply(&mut t, EPOCH, EPOCH, ProgramError::Custom(7)),
            Err(ProgramError::Custom(7))
        );
        assert_eq!(
            Toggle::Warmup.apply(&mut t, EPOCH, EPOCH, ProgramError::Custom(7)),
            Ok(())
        );
        assert_eq!(t.slot_added(), EPOCH);
    }

    #[test]
    fn activate_at_creation_slot_is_a_no_op() {
        let mut t = SlotToggle::new(10);
        assert!(!t.activate(10, EPOCH).unwrap());
        assert_eq!(t, SlotToggle::new(10));
    }

    #[test]
    fn zero_epoch_length_is_bad_epoch_length() {
        let t = SlotToggle::new(1);
        assert_eq!(t.state(1, 0), Err(ProgramError::Custom(0)));
    }

    #[test]
    fn overflow_at_last_epoch_is_an_error_not_a_panic() {
        let mut t = SlotToggle::new(0);
        t.slot_added = u64::MAX.to_le_bytes();
        assert_eq!(t.state(u64::MAX, 1), Err(ProgramError::ArithmeticOverflow));
    }
}
