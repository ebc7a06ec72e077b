//! The canonical search for an account this program already owns (a large account between
//! its realloc steps), one curve check cheaper than the full search; the epoch marker's and the
//! operator snapshot's searches with their short seeds hashed as one slice.

use jito_core::unlikely;
use jito_ncn_interface::{
    error::NcnProgramError,
    pda::{verify_canonical_pda, verify_new_canonical_pda},
    state::{EpochMarker, OperatorSnapshot},
};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

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

/// `sol_sha256` charges each input slice at least 10 CU (`mem_op_base_cost`), half a unit per
/// byte above 20 bytes. The hash of a PDA is that of its seeds, bump, program id and marker
/// concatenated, so short seeds joined with a neighbour into one slice hash the same bytes for
/// less: the searches below join `[epoch (8), address (32), bump (1)]` into one 41-byte slice
/// (20 CU instead of 36 per hash).
#[cfg(target_arch = "bpf")]
const JOINED_LEN: usize = 41;

/// `[epoch, address, bump]` as one slice for the searches below (bump at the end).
#[cfg(target_arch = "bpf")]
#[inline(always)]
fn joined(epoch: &[u8; 8], address: &Address) -> [u8; JOINED_LEN] {
    let mut joined = [0u8; JOINED_LEN];
    joined[..8].copy_from_slice(epoch);
    joined[8..40].copy_from_slice(address.as_ref());
    joined
}

/// The template's `EpochMarker::check_dne` (`jito_ncn_interface::state::EpochMarker`, the same
/// answers): `account` is the canonical marker PDA of `ncn` and `epoch` (`InvalidSeeds`) and
/// holds no data (`MarkerExists`). The full canonical search, with the seeds
/// `["epoch_marker", ncn, epoch, ncn]` hashed as `["epoch_marker", ncn, [epoch, ncn, bump]]`
/// (the same bytes).
#[inline(never)]
pub fn check_marker_dne(
    program_id: &Address,
    account: &AccountView,
    ncn: &Address,
    epoch: u64,
) -> ProgramResult {
    marker_dne(program_id, account, ncn, epoch)?;
    Ok(())
}

/// [`check_marker_dne`], returning the marker's canonical bump (`CloseEpochAccount` signs the
/// marker's creation with it: one search instead of two).
#[inline(never)]
pub fn check_marker_dne_bump(
    program_id: &Address,
    account: &AccountView,
    ncn: &Address,
    epoch: u64,
) -> Result<u8, ProgramError> {
    marker_dne(program_id, account, ncn, epoch)
}

#[inline(always)]
fn marker_dne(
    program_id: &Address,
    account: &AccountView,
    ncn: &Address,
    epoch: u64,
) -> Result<u8, ProgramError> {
    let epoch_bytes = epoch.to_le_bytes();
    #[cfg(target_arch = "bpf")]
    let bump = {
        let mut tail = joined(&epoch_bytes, ncn);
        let tail_ptr = tail.as_mut_ptr();
        joined_search(
            account.address(),
            [EpochMarker::SEED, ncn.as_ref()],
            tail_ptr,
            program_id,
            true,
        )
    };
    #[cfg(not(target_arch = "bpf"))]
    let bump = verify_canonical_pda(
        account.address(),
        &EpochMarker::seeds(ncn, &epoch_bytes),
        program_id,
    );
    let bump = bump.map_err(|_| ProgramError::InvalidSeeds)?;
    if unlikely(account.data_len() > 0) {
        return Err(NcnProgramError::MarkerExists.into());
    }
    Ok(bump)
}

/// `verify_new_canonical_pda` of an operator snapshot (`["operator_snapshot", operator, ncn,
/// epoch]`, the same answers and errors), hashed as `["operator_snapshot", operator, [ncn,
/// epoch, bump]]` (the same bytes).
#[inline(never)]
pub fn verify_new_operator_snapshot_pda(
    program_id: &Address,
    address: &Address,
    operator: &Address,
    ncn: &Address,
    epoch_bytes: &[u8; 8],
) -> Result<u8, ProgramError> {
    #[cfg(target_arch = "bpf")]
    {
        // `[ncn, epoch, bump]`: the address first here (the seeds' order).
        let mut tail = [0u8; JOINED_LEN];
        tail[..32].copy_from_slice(ncn.as_ref());
        tail[32..40].copy_from_slice(epoch_bytes);
        let tail_ptr = tail.as_mut_ptr();
        joined_search(
            address,
            [OperatorSnapshot::SEED, operator.as_ref()],
            tail_ptr,
            program_id,
            false,
        )
    }
    #[cfg(not(target_arch = "bpf"))]
    verify_new_canonical_pda(
        address,
        &OperatorSnapshot::seeds(operator, ncn, epoch_bytes),
        program_id,
    )
}

/// `jito_core::pda`'s canonical search ([`jito_core::pda::search_prepared`]: the same walk from bump 255 down, the same hashes,
/// answers and errors: a match is canonical if it is off the curve, the first off-curve
/// non-match proves `address` is not the canonical PDA, `InvalidAccountData`; no off-curve bump
/// at all is `InvalidSeeds`) over the input `head ++ [tail (41 bytes, bump last)] ++ program id
/// ++ "ProgramDerivedAddress"`. `curve_check_match`: whether the match is curve-checked.
#[cfg(target_arch = "bpf")]
#[inline(never)]
fn joined_search<const N: usize>(
    address: &Address,
    head: [&[u8]; N],
    tail: *mut u8,
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    joined_search_len(
        address,
        head,
        tail,
        JOINED_LEN,
        program_id,
        curve_check_match,
    )
}

/// [`joined_search`] with a tail of `tail_len` bytes (the bump last).
#[cfg(target_arch = "bpf")]
#[inline(always)]
fn joined_search_len<const N: usize>(
    address: &Address,
    head: [&[u8]; N],
    tail: *mut u8,
    tail_len: usize,
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    use jito_core::pda::{search_prepared, HashPart as Part};

    const PDA_MARKER: &[u8; 21] = b"ProgramDerivedAddress";
    const MAX_PARTS: usize = 8;
    const { assert!(N + 3 <= MAX_PARTS) };

    let mut parts = [Part {
        addr: core::ptr::null(),
        len: 0,
    }; MAX_PARTS];
    for (part, seed) in parts.iter_mut().zip(head.iter()) {
        *part = Part {
            addr: seed.as_ptr(),
            len: seed.len() as u64,
        };
    }
    parts[N] = Part {
        addr: tail,
        len: tail_len as u64,
    };
    parts[N + 1] = Part {
        addr: program_id.as_ref().as_ptr(),
        len: 32,
    };
    parts[N + 2] = Part {
        addr: PDA_MARKER.as_ptr(),
        len: PDA_MARKER.len() as u64,
    };
    // SAFETY: the first `N + 3` parts hold live slices (the head seeds, the callers' `tail`
    // buffer of `tail_len` bytes, the id, the marker); the bump is the tail's last byte.
    unsafe {
        search_prepared(
            address,
            parts.as_ptr(),
            N + 3,
            tail.add(tail_len - 1),
            curve_check_match,
            0,
        )
    }
}

/// `verify_new_canonical_pda` of a new account at `[prefix, ncn, epoch]` (the epoch state,
/// weight table, epoch snapshot, ballot box and consensus result; the same answers and
/// errors), hashed as `[prefix, [ncn, epoch, bump]]` (the same bytes).
#[inline(never)]
pub fn verify_new_ncn_epoch_pda(
    address: &Address,
    prefix: &[u8],
    ncn: &Address,
    epoch_bytes: &[u8; 8],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    #[cfg(target_arch = "bpf")]
    {
        let mut tail = [0u8; JOINED_LEN];
        tail[..32].copy_from_slice(ncn.as_ref());
        tail[32..40].copy_from_slice(epoch_bytes);
        let tail_ptr = tail.as_mut_ptr();
        joined_search(address, [prefix], tail_ptr, program_id, false)
    }
    #[cfg(not(target_arch = "bpf"))]
    verify_new_canonical_pda(address, &[prefix, ncn.as_ref(), epoch_bytes], program_id)
}

/// The account payer's canonical search (`["account_payer", ncn, ncn]`; the same answers and
/// errors as `verify_canonical_pda`, or `verify_new_canonical_pda` without
/// `curve_check_match`), hashed as `["account_payer", [ncn, ncn, bump]]` (the same bytes).
#[inline(never)]
pub fn verify_account_payer_pda(
    address: &Address,
    ncn: &Address,
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    #[cfg(target_arch = "bpf")]
    {
        let mut tail = [0u8; 65];
        tail[..32].copy_from_slice(ncn.as_ref());
        tail[32..64].copy_from_slice(ncn.as_ref());
        let tail_ptr = tail.as_mut_ptr();
        joined_search_len(
            address,
            [jito_ncn_interface::pda::ACCOUNT_PAYER_SEED],
            tail_ptr,
            65,
            program_id,
            curve_check_match,
        )
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        let seeds = jito_ncn_interface::pda::account_payer_seeds(ncn);
        if curve_check_match {
            verify_canonical_pda(address, &seeds, program_id)
        } else {
            verify_new_canonical_pda(address, &seeds, program_id)
        }
    }
}
