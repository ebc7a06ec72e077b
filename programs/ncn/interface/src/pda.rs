//! Seeds of the PDAs that are not program accounts: the account payer (a system account the
//! program signs for, which pays every account's rent) and the two reward receivers (system
//! accounts that hold lamports to distribute). The program accounts' seeds are on their types
//! (`Config::seeds`, `EpochState::seeds`, ...).

use pinocchio::{error::ProgramError, Address};

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

/// The canonical search (`find_program_address`'s walk from bump 255 down, stopping as soon as
/// the answer is known), written once in `jito_core::pda` with direct `sol_sha256` /
/// `sol_curve_validate_point` calls: `address` is the canonical PDA of `seeds` under
/// `program_id`, else `InvalidAccountData`; a seed above 32 bytes or no off-curve bump is
/// `InvalidSeeds`. Returns the bump. `curve_check_match: false` is
/// `jito_core::pda::verify_new_canonical_pda` (for an address whose match a CPI signed with these
/// seeds, or its existence as an account of this program, proves off the curve; the proof is
/// there).
#[inline(always)]
pub fn canonical_bump<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    if curve_check_match {
        jito_core::pda::verify_canonical_pda(address, seeds, program_id)
    } else {
        jito_core::pda::verify_new_canonical_pda(address, seeds, program_id)
    }
}

/// [`canonical_bump`] with the match curve-checked: `jito_core::pda::verify_canonical_pda`'s
/// answers, for an address nothing else vouches for.
#[inline(always)]
pub fn verify_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    canonical_bump(address, seeds, program_id, true)
}

/// [`canonical_bump`] without the match's curve check: `jito_core::pda::verify_new_canonical_pda`,
/// for a new account then created with an `invoke_signed` of these seeds (its proof there).
#[inline(always)]
pub fn verify_new_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    canonical_bump(address, seeds, program_id, false)
}
