//! The epoch of a slot under the cluster's epoch schedule (the `EpochSchedule` sysvar, read
//! with `sol_get_sysvar`; Pinocchio has no view of it).

use pinocchio::error::ProgramError;

/// Slots of the first warm-up epoch (`MINIMUM_SLOTS_PER_EPOCH`).
const MINIMUM_SLOTS_PER_EPOCH: u64 = 32;

/// The `EpochSchedule` sysvar's fields.
pub struct EpochSchedule {
    slots_per_epoch: u64,
    warmup: bool,
    first_normal_epoch: u64,
    first_normal_slot: u64,
}

impl EpochSchedule {
    /// Reads the sysvar (bincode: slots_per_epoch u64, leader_schedule_slot_offset u64,
    /// warmup bool, first_normal_epoch u64, first_normal_slot u64 — 33 bytes).
    pub fn get() -> Result<Self, ProgramError> {
        let mut data = [0u8; 33];
        #[cfg(target_arch = "bpf")]
        {
            const ID: pinocchio::Address =
                solana_address::address!("SysvarEpochSchedu1e111111111111111111111111");
            // SAFETY: the syscall writes `data.len()` bytes into `data`, a live buffer, and reads
            // the 32-byte sysvar id.
            let result = unsafe {
                solana_define_syscall::definitions::sol_get_sysvar(
                    ID.as_ref().as_ptr(),
                    data.as_mut_ptr(),
                    0,
                    data.len() as u64,
                )
            };
            if result != 0 {
                return Err(ProgramError::UnsupportedSysvar);
            }
        }
        #[cfg(not(target_arch = "bpf"))]
        {
            // Host builds only type-check the program.
            let _ = &mut data;
            return Err(ProgramError::UnsupportedSysvar);
        }
        #[allow(unreachable_code)]
        Ok(Self::from_bytes(&data))
    }

    fn from_bytes(data: &[u8; 33]) -> Self {
        let u64_at = |at: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&data[at..at + 8]);
            u64::from_le_bytes(b)
        };
        Self {
            slots_per_epoch: u64_at(0),
            warmup: data[16] != 0,
            first_normal_epoch: u64_at(17),
            first_normal_slot: u64_at(25),
        }
    }

    /// The epoch of `slot` (`EpochSchedule::get_epoch`): power-of-two warm-up epochs before
    /// `first_normal_slot`, then `slots_per_epoch` each.
    pub fn epoch(&self, slot: u64) -> Result<u64, ProgramError> {
        if self.warmup && slot < self.first_normal_slot {
            let epoch = slot
                .saturating_add(MINIMUM_SLOTS_PER_EPOCH + 1)
                .next_power_of_two()
                .trailing_zeros()
                - MINIMUM_SLOTS_PER_EPOCH.trailing_zeros()
                - 1;
            return Ok(epoch as u64);
        }
        (slot - self.first_normal_slot)
            .checked_div(self.slots_per_epoch)
            .and_then(|e| e.checked_add(self.first_normal_epoch))
            .ok_or(ProgramError::ArithmeticOverflow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_with_and_without_warmup() {
        let plain = EpochSchedule {
            slots_per_epoch: 432_000,
            warmup: false,
            first_normal_epoch: 0,
            first_normal_slot: 0,
        };
        assert_eq!(plain.epoch(10 * 432_000 + 77), Ok(10));
        // Mainnet-like warm-up: epochs of 32, 64, ... slots up to slot 524,256 (epoch 14).
        let warm = EpochSchedule {
            slots_per_epoch: 432_000,
            warmup: true,
            first_normal_epoch: 14,
            first_normal_slot: 524_256,
        };
        assert_eq!(warm.epoch(0), Ok(0));
        assert_eq!(warm.epoch(31), Ok(0));
        assert_eq!(warm.epoch(32), Ok(1));
        assert_eq!(warm.epoch(95), Ok(1));
        assert_eq!(warm.epoch(96), Ok(2));
        assert_eq!(warm.epoch(524_255), Ok(13));
        assert_eq!(warm.epoch(524_256), Ok(14));
        assert_eq!(warm.epoch(524_256 + 432_000), Ok(15));
    }
}
