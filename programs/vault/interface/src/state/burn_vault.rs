//! The burn vault: an empty system-owned PDA whose VRT token account holds the
//! initial supply minted at vault creation, out of anyone's reach.

use jito_core::{loader::SYSTEM_PROGRAM_ID, pda::verify_canonical_pda, unlikely};
use pinocchio::{error::ProgramError, AccountView, Address as Pubkey};

/// Seeds and checks of the burn vault PDA.
pub struct BurnVault;

impl BurnVault {
    /// PDA seed.
    pub const SEED: &'static [u8] = b"burn_vault";

    /// Seeds of the burn vault PDA of `base` (without bump).
    #[inline(always)]
    pub fn seeds(base: &Pubkey) -> [&[u8]; 2] {
        [Self::SEED, base.as_ref()]
    }

    /// The original `BurnVault::load`: owned by the system program
    /// (`InvalidAccountOwner`), writable when expected (`InvalidAccountData`) and
    /// at the canonical PDA of `base` (`InvalidAccountData`). Returns the bump.
    #[inline(never)]
    pub fn load(
        program_id: &Pubkey,
        base: &Pubkey,
        account: &AccountView,
        expect_writable: bool,
    ) -> Result<u8, ProgramError> {
        if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
            return Err(ProgramError::InvalidAccountOwner);
        }
        if unlikely(expect_writable && !account.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        verify_canonical_pda(account.address(), &Self::seeds(base), program_id)
    }
}
