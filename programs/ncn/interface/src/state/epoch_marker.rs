//! The epoch marker (PDA `["epoch_marker", ncn, epoch_le, ncn]`): left behind when an epoch's
//! state is closed, so the epoch cannot be started again.

use crate::pda::verify_canonical_pda;
use jito_core::{account::AccountType, unlikely};
use pinocchio::Address as Pubkey;
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};
use shank::ShankAccount;

use super::{discriminator, le_fields};
use crate::error::NcnProgramError;

/// PDA seed prefix: `["epoch_marker", ncn, epoch (u64 LE), ncn]` (the NCN twice, as in the
/// template).
pub const SEED: &[u8] = b"epoch_marker";

/// The epoch marker (discriminator 0x51, 56 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct EpochMarker {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    #[idl_type("u64")]
    slot_closed: [u8; 8],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for EpochMarker {
    const DISCRIMINATOR: u8 = discriminator::EPOCH_MARKER;
}

impl EpochMarker {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 4] {
        [SEED, ncn.as_ref(), epoch, ncn.as_ref()]
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_closed, set_slot_closed: u64;
    }

    /// The template's `check_dne`: `account` is the marker PDA of `ncn` and `epoch`
    /// (`InvalidSeeds`) and holds no data (`MarkerExists`: the epoch was closed).
    #[inline(never)]
    pub fn check_dne(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        epoch: u64,
    ) -> ProgramResult {
        let epoch_bytes = epoch.to_le_bytes();
        verify_canonical_pda(
            account.address(),
            &Self::seeds(ncn, &epoch_bytes),
            program_id,
        )
        .map_err(|_| ProgramError::InvalidSeeds)?;
        if unlikely(account.data_len() > 0) {
            return Err(NcnProgramError::MarkerExists.into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        // ncn + two PodU64.
        assert_packed::<EpochMarker>(48);
        assert_eq!(EpochMarker::LEN, 56);
        assert_eq!(core::mem::offset_of!(EpochMarker, slot_closed), 40);
    }
}
