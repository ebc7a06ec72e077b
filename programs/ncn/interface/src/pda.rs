//! Seeds of the PDAs that are not program accounts: the account payer (a system account the
//! program signs for, which pays every account's rent) and the two reward receivers (system
//! accounts that hold lamports to distribute). The program accounts' seeds are on their types
//! (`Config::seeds`, `EpochState::seeds`, ...).

use pinocchio::Address;

/// `["account_payer", ncn, ncn]` (the NCN twice, as in the template).
pub const ACCOUNT_PAYER_SEED: &[u8] = b"account_payer";
/// `["ncn_reward_receiver", ncn, epoch (u64 LE)]`.
pub const NCN_REWARD_RECEIVER_SEED: &[u8] = b"ncn_reward_receiver";
/// `["operator_vault_reward_receiver", operator, ncn, epoch (u64 LE)]`.
pub const OPERATOR_VAULT_REWARD_RECEIVER_SEED: &[u8] = b"operator_vault_reward_receiver";

/// Seeds of the account payer PDA (without bump).
#[inline(always)]
pub fn account_payer_seeds(ncn: &Address) -> [&[u8]; 3] {
    [ACCOUNT_PAYER_SEED, ncn.as_ref(), ncn.as_ref()]
}

/// Seeds of the NCN reward receiver PDA (without bump); `epoch` is little-endian.
#[inline(always)]
pub fn ncn_reward_receiver_seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
    [NCN_REWARD_RECEIVER_SEED, ncn.as_ref(), epoch]
}

/// Seeds of an operator vault reward receiver PDA (without bump); `epoch` is little-endian.
#[inline(always)]
pub fn operator_vault_reward_receiver_seeds<'a>(
    operator: &'a Address,
    ncn: &'a Address,
    epoch: &'a [u8; 8],
) -> [&'a [u8]; 4] {
    [
        OPERATOR_VAULT_REWARD_RECEIVER_SEED,
        operator.as_ref(),
        ncn.as_ref(),
        epoch,
    ]
}

/// The canonical searches, written once in `jito_core::pda` (direct `sol_sha256` /
/// `sol_curve_validate_point` calls): `verify_canonical_pda` for an address nothing else vouches
/// for, `verify_new_canonical_pda` (the match not curve-checked; the proof is there) for an
/// address a CPI signed with these seeds then creates.
pub use jito_core::pda::{verify_canonical_pda, verify_new_canonical_pda};
