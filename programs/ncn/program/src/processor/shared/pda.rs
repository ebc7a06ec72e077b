//! The canonical search for an account this program already owns (a large account between
//! its realloc steps), one curve check cheaper than the full search.

use jito_ncn_interface::pda::{verify_canonical_pda, verify_new_canonical_pda};
use pinocchio::{error::ProgramError, AccountView, Address};

/// `account` is the canonical PDA of `seeds` under `program_id` (`InvalidAccountData`
/// otherwise; `InvalidSeeds` if no bump is off the curve); returns the bump. The same answers
/// as the full search (`verify_canonical_pda`).
///
/// Shortcut: when `account` is owned by `program_id` and holds data, the matching bump is not
/// curve-checked. Proof: the system program gives an address an owner and data
/// (`CreateAccount`, `Allocate`, `Assign`) only with that address's signature, and a SHA-256
/// output signs only through `invoke_signed` (whose `create_program_address` refuses on-curve
/// addresses) or with an ed25519 secret key for it (a discrete logarithm);
/// `CreateAccountWithSeed` addresses are hashes of another preimage (a SHA-256 collision). So
/// a matching address is off the curve, every higher bump was checked on it, and the match is
/// the canonical PDA. Any other account takes the full search.
#[inline(always)]
pub fn verify_owned_canonical_pda<const N: usize>(
    account: &AccountView,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    if account.owned_by(program_id) && !account.is_data_empty() {
        verify_new_canonical_pda(account.address(), seeds, program_id)
    } else {
        verify_canonical_pda(account.address(), seeds, program_id)
    }
}
