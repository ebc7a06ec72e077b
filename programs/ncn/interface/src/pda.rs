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
/// the answer is known): `address` is the canonical PDA of `seeds` under `program_id`, else
/// `InvalidAccountData`; a seed above 32 bytes or no off-curve bump is `InvalidSeeds`. Returns
/// the bump. The same answers as `jito_core::pda::verify_canonical_pda` (with
/// `curve_check_match`) and `verify_new_canonical_pda` (without: for an address whose match a
/// CPI signed with these seeds, or its existence as an account of this program, proves off the
/// curve; see those functions).
///
/// On chain it calls `sol_sha256` and `sol_curve_validate_point` directly: the seed list is
/// built once and only the bump byte changes between tries, where `try_derive_address`
/// rebuilds the list and copies the hash for every bump (about 60 CU each).
#[inline(never)]
pub fn canonical_bump<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    #[cfg(target_arch = "bpf")]
    {
        canonical_bump_sbf(address, seeds, program_id, curve_check_match)
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        // Host builds never run the programs: the shared search.
        if curve_check_match {
            jito_core::pda::verify_canonical_pda(address, seeds, program_id)
        } else {
            jito_core::pda::verify_new_canonical_pda(address, seeds, program_id)
        }
    }
}

#[cfg(target_arch = "bpf")]
#[inline(always)]
fn canonical_bump_sbf<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    use solana_define_syscall::definitions::{sol_curve_validate_point, sol_sha256};

    /// A slice as `sol_sha256` reads it (address, length).
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct Part {
        addr: *const u8,
        len: u64,
    }
    const MAX_PARTS: usize = 8;
    const { assert!(N + 3 <= MAX_PARTS) };
    const PDA_MARKER: &[u8; 21] = b"ProgramDerivedAddress";
    // `sol_curve_validate_point`'s id of ed25519 (`CURVE25519_EDWARDS`).
    const CURVE25519_EDWARDS: u64 = 0;

    let mut parts = [Part {
        addr: core::ptr::null(),
        len: 0,
    }; MAX_PARTS];
    for (part, seed) in parts.iter_mut().zip(seeds) {
        if seed.len() > 32 {
            return Err(ProgramError::InvalidSeeds);
        }
        *part = Part {
            addr: seed.as_ptr(),
            len: seed.len() as u64,
        };
    }
    let mut bump = [u8::MAX];
    let bump_ptr = bump.as_mut_ptr();
    parts[N] = Part {
        addr: bump_ptr,
        len: 1,
    };
    parts[N + 1] = Part {
        addr: program_id.as_ref().as_ptr(),
        len: 32,
    };
    parts[N + 2] = Part {
        addr: PDA_MARKER.as_ptr(),
        len: PDA_MARKER.len() as u64,
    };
    // The address as four words (the hash is written into words, so they compare in four
    // loads each).
    let word = |at: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&address.as_array()[at..at + 8]);
        u64::from_le_bytes(bytes)
    };
    let expected = [word(0), word(8), word(16), word(24)];
    let mut hash = [0u64; 4];
    let mut value = u8::MAX;
    loop {
        // SAFETY: `parts` holds N + 3 live slices (the bump byte is written through the
        // pointer `parts` reads it from); `hash` is a live 32-byte buffer.
        unsafe {
            *bump_ptr = value;
            sol_sha256(
                parts.as_ptr() as *const u8,
                (N + 3) as u64,
                hash.as_mut_ptr() as *mut u8,
            );
        }
        let on_curve = || {
            let mut result = 0u8;
            // SAFETY: reads the 32-byte `hash`, writes one byte of `result`.
            unsafe {
                sol_curve_validate_point(
                    CURVE25519_EDWARDS,
                    hash.as_ptr() as *const u8,
                    &mut result,
                ) == 0
            }
        };
        if hash == expected {
            if curve_check_match && on_curve() {
                return Err(ProgramError::InvalidAccountData);
            }
            return Ok(value);
        }
        if !on_curve() {
            // The canonical PDA exists and is not `address`.
            return Err(ProgramError::InvalidAccountData);
        }
        if value == 0 {
            return Err(ProgramError::InvalidSeeds);
        }
        value -= 1;
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
