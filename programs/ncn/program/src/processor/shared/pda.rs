//! The canonical search for an account this program already owns (a large account between
//! its realloc steps), one curve check cheaper than `verify_canonical_pda`.

use jito_core::{pda::verify_canonical_pda, unlikely};
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address};

/// `account` is the canonical PDA of `seeds` under `program_id` (`InvalidAccountData`
/// otherwise; `InvalidSeeds` if no bump is off the curve); returns the bump. The same answers
/// as `verify_canonical_pda`.
///
/// Shortcut: when `account` is owned by `program_id` and holds data, the matching bump is not
/// curve-checked. Proof: the system program gives an address an owner and data
/// (`CreateAccount`, `Allocate`, `Assign`) only with that address's signature, and a SHA-256
/// output signs only through `invoke_signed` (whose `create_program_address` refuses on-curve
/// addresses) or with an ed25519 secret key for it (a discrete logarithm);
/// `CreateAccountWithSeed` addresses are hashes of another preimage (a SHA-256 collision). So
/// a matching address is off the curve, every higher bump was checked on it, and the match is
/// the canonical PDA. Any other account takes the full search.
#[inline(never)]
pub fn verify_owned_canonical_pda<const N: usize>(
    account: &AccountView,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    if !account.owned_by(program_id) || account.is_data_empty() {
        return verify_canonical_pda(account.address(), seeds, program_id);
    }
    let address = account.address();
    let mut bump = u8::MAX;
    loop {
        let candidate = Address::try_derive_address(seeds, Some(bump), program_id)
            .map_err(|_| ProgramError::InvalidSeeds)?;
        if address_eq(address, &candidate) {
            return Ok(bump);
        }
        if unlikely(!candidate.is_on_curve()) {
            // The canonical PDA exists and is not `address`.
            return Err(ProgramError::InvalidAccountData);
        }
        if unlikely(bump == 0) {
            return Err(ProgramError::InvalidSeeds);
        }
        bump -= 1;
    }
}
