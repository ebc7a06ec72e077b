//! Program derived addresses without `find_program_address`.
//!
//! * An existing account stores its bump: one `sol_sha256` proves its address
//!   (see [`crate::account`] for when an existing account needs no hash at all).
//! * An account whose seeds are constants (the configs) sits at one address per
//!   program id: compared with the precomputed canonical PDA, no hash
//!   ([`verify_fixed_pda`]).
//! * A new account must sit at the canonical PDA (the highest off-curve bump), as
//!   the original's `find_program_address` guaranteed, so that each ticket or
//!   state account is unique. The search costs one `sol_sha256` plus one curve
//!   check per bump tried, a fraction of `find_program_address`.
//! * An existing account of another program that must be its canonical PDA (an
//!   associated token account) skips the curve check of the matching bump
//!   ([`verify_existing_canonical_pda`], with its proof).

use pinocchio::{
    address::address_eq,
    cpi::{Seed, Signer},
    error::ProgramError,
    sysvars::{rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};
use pinocchio_system::instructions::{Allocate, Assign, CreateAccount, Transfer};

use crate::{account::AccountType, debug::check_failed, likely, unlikely};

/// `address` is the PDA of `seeds` and `bump` under `program_id`, else `InvalidAccountData`.
#[inline(never)]
pub fn verify_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    bump: u8,
    program_id: &Address,
) -> ProgramResult {
    let expected = Address::try_derive_address(seeds, Some(bump), program_id)
        .map_err(|_| ProgramError::InvalidSeeds)?;
    if unlikely(!address_eq(address, &expected)) {
        return Err(check_failed!(
            "verify_pda (not the PDA of its seeds and bump)",
            address,
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// A PDA of constant `seeds` (a config) that stores its bump: `address` is
/// the PDA of `seeds` and the stored `bump` under `program_id`, else
/// `InvalidAccountData` ([`verify_pda`]).
///
/// Under the deployed program id that PDA is the constant `deployed_pda`,
/// derived at compile time with its canonical bump `deployed_bump` (a unit test
/// of each config pins it to `find_program_address`): the address and the bump
/// are compared, no hash. Under any other program id, [`verify_pda`].
#[inline(always)]
pub fn verify_fixed_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    bump: u8,
    program_id: &Address,
    deployed: (&Address, &Address, u8),
) -> ProgramResult {
    let (deployed_id, deployed_pda, deployed_bump) = deployed;
    if likely(address_eq(program_id, deployed_id)) {
        if unlikely(bump != deployed_bump || !address_eq(address, deployed_pda)) {
            return Err(check_failed!(
                "verify_fixed_pda (not the PDA of its seeds and bump)",
                address,
                ProgramError::InvalidAccountData
            ));
        }
        return Ok(());
    }
    verify_pda(address, seeds, bump, program_id)
}

/// The most seeds a PDA of these programs has, checked at compile time by each
/// caller of [`canonical_search`] (the longest, the slasher operator ticket's,
/// has six; `find_program_address` allows 15).
const MAX_PDA_SEEDS: usize = 7;

/// The canonical search shared by the functions below: walks the bumps from
/// 255 down like `find_program_address` (one `sol_sha256` per bump and one
/// curve check per bump that does not match), but stops as soon as the answer
/// is known: a match is canonical if it is off the curve (every higher bump was
/// on it), and the first off-curve address that does not match proves
/// `address` is not the canonical PDA (`InvalidAccountData`). A seed above 32
/// bytes is `InvalidSeeds`, as is no off-curve bump at all.
///
/// `curve_check_match`: whether the matching bump is curve-checked too.
/// `unchecked_bumps`: how many bumps from 255 down are hashed without any
/// curve check (a match among them accepted, [`verify_existing_ata`]'s
/// shortcut) before the search starts again from 255 with its checks; 0 for
/// the plain search.
#[inline(always)]
fn canonical_search<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
    unchecked_bumps: u8,
) -> Result<u8, ProgramError> {
    const { assert!(N <= MAX_PDA_SEEDS) };
    #[cfg(target_arch = "bpf")]
    {
        bump_search(
            address,
            seeds,
            program_id,
            curve_check_match,
            unchecked_bumps,
        )
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        // Host builds never run the programs: the same walk with
        // `try_derive_address` (the unit tests compare both with
        // `find_program_address`'s answers through the programs' tests).
        let mut bump = u8::MAX;
        let mut unchecked = unchecked_bumps;
        loop {
            let candidate = Address::try_derive_address(seeds, Some(bump), program_id)
                .map_err(|_| ProgramError::InvalidSeeds)?;
            if address_eq(address, &candidate) {
                if unlikely(curve_check_match && candidate.is_on_curve()) {
                    return Err(ProgramError::InvalidAccountData);
                }
                return Ok(bump);
            }
            if unchecked > 0 {
                unchecked -= 1;
                bump = if unchecked == 0 {
                    u8::MAX
                } else {
                    bump.saturating_sub(1)
                };
                continue;
            }
            if !candidate.is_on_curve() {
                return Err(ProgramError::InvalidAccountData);
            }
            if unlikely(bump == 0) {
                return Err(ProgramError::InvalidSeeds);
            }
            bump -= 1;
        }
    }
}

/// [`canonical_search`] on chain (one copy per seed count, its seed loop
/// unrolled: a shared slice version costs about 13 CU more per call). It calls `sol_sha256` and `sol_curve_validate_point`
/// directly: the seed list (seeds, bump byte and program id in one slice, PDA
/// marker) is built once and only the bump byte is rewritten between tries, and the hash is
/// written into four words compared with the address's; `try_derive_address`
/// rebuilds the list and copies the hash for every bump (about 46 CU more per
/// bump tried). The same hashes, so the same answers and errors.
#[cfg(target_arch = "bpf")]
#[inline(never)]
fn bump_search<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
    unchecked_bumps: u8,
) -> Result<u8, ProgramError> {
    use core::mem::MaybeUninit;

    type Part = HashPart;
    const MAX_PARTS: usize = MAX_PDA_SEEDS + 2;
    const PDA_MARKER: &[u8; 21] = b"ProgramDerivedAddress";

    const { assert!(N <= MAX_PDA_SEEDS) };
    let count = N + 2;
    // The bump byte and the program id as one 33-byte slice: `sol_sha256`
    // charges each slice at least 10 CU (then 1 CU per 2 bytes), so the bump
    // alone would cost 10 CU a hash; next to the id it costs nothing. The
    // hash of the same bytes. Written below before the first hash.
    let mut bump_and_id = MaybeUninit::<[u8; 33]>::uninit();
    let bump_ptr = bump_and_id.as_mut_ptr() as *mut u8;
    // SAFETY: 32 bytes read from the id and written at offsets 1..33 of the
    // 33-byte buffer, word by word (unaligned).
    unsafe {
        let id = program_id.as_array().as_ptr() as *const u64;
        let dst = bump_ptr.add(1) as *mut u64;
        dst.write_unaligned(id.read_unaligned());
        dst.add(1).write_unaligned(id.add(1).read_unaligned());
        dst.add(2).write_unaligned(id.add(2).read_unaligned());
        dst.add(3).write_unaligned(id.add(3).read_unaligned());
    }
    // Not zeroed: exactly the first `count` parts are written below, and
    // only those are read.
    let mut parts = [const { MaybeUninit::<Part>::uninit() }; MAX_PARTS];
    let parts_ptr = parts.as_mut_ptr() as *mut Part;
    for (index, seed) in seeds.iter().enumerate() {
        if unlikely(seed.len() > 32) {
            return Err(ProgramError::InvalidSeeds);
        }
        // SAFETY: `index < N <= MAX_PDA_SEEDS < MAX_PARTS`.
        unsafe {
            parts_ptr.add(index).write(Part {
                addr: seed.as_ptr(),
                len: seed.len() as u64,
            })
        };
    }
    // SAFETY: `N + 1 < MAX_PARTS` (asserted above).
    unsafe {
        let tail = parts_ptr.add(N);
        tail.write(Part {
            addr: bump_ptr,
            len: 33,
        });
        tail.add(1).write(Part {
            addr: PDA_MARKER.as_ptr(),
            len: PDA_MARKER.len() as u64,
        });
    }
    // SAFETY: the first `count` parts are written and hold live slices, the
    // bump byte among them (the id bytes after it, written above).
    unsafe {
        search_prepared(
            address,
            parts.as_ptr() as *const HashPart,
            count,
            bump_ptr,
            curve_check_match,
            unchecked_bumps,
        )
    }
}

/// One slice of a `sol_sha256` input, as the runtime reads it (address,
/// length).
#[cfg(target_arch = "bpf")]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HashPart {
    pub addr: *const u8,
    pub len: u64,
}

/// The canonical search's walk ([`canonical_search`]'s answers and errors)
/// over a prepared `sol_sha256` input: `parts` hold the seeds, the bump byte
/// at `bump`, the program id and the PDA marker, sliced as the caller chose
/// (`sol_sha256` hashes their concatenation, so any slicing of the same bytes
/// gives the same hashes; fewer, longer slices cost less). Only the bump byte
/// is rewritten between tries. Written once for [`bump_search`] and the NCN
/// program's searches that join short seeds with the bump.
///
/// # Safety
///
/// `parts` points to `count` slices valid for the whole call, and `bump` to a
/// writable byte inside one of them.
#[cfg(target_arch = "bpf")]
#[inline(always)]
pub unsafe fn search_prepared(
    address: &Address,
    parts: *const HashPart,
    count: usize,
    bump: *mut u8,
    curve_check_match: bool,
    unchecked_bumps: u8,
) -> Result<u8, ProgramError> {
    use solana_define_syscall::definitions::{sol_curve_validate_point, sol_sha256};
    // `sol_curve_validate_point`'s id of ed25519 (`CURVE25519_EDWARDS`).
    const CURVE25519_EDWARDS: u64 = 0;
    // The hash is written into words, so each try compares four words.
    let expected = crate::address_words(address);
    let mut hash = [0u64; 4];
    let mut value = u8::MAX;
    let mut unchecked = unchecked_bumps;
    loop {
        // SAFETY: `count` live parts, the bump byte among them (the
        // caller's); `hash` is a live 32-byte buffer.
        unsafe {
            *bump = value;
            sol_sha256(
                parts as *const u8,
                count as u64,
                hash.as_mut_ptr() as *mut u8,
            );
        }
        let on_curve = |hash: &[u64; 4]| {
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
        // Word by word (an array `==` may become a `memcmp` call).
        if hash[0] == expected[0]
            && hash[1] == expected[1]
            && hash[2] == expected[2]
            && hash[3] == expected[3]
        {
            if unlikely(curve_check_match && on_curve(&hash)) {
                return Err(check_failed!(
                    "verify_canonical_pda (on the curve)",
                    address,
                    ProgramError::InvalidAccountData
                ));
            }
            return Ok(value);
        }
        if unchecked > 0 {
            unchecked -= 1;
            value = if unchecked == 0 {
                u8::MAX
            } else {
                value.saturating_sub(1)
            };
            continue;
        }
        if !on_curve(&hash) {
            // The canonical PDA exists and is not `address`.
            return Err(check_failed!(
                "verify_canonical_pda (not the canonical PDA)",
                address,
                ProgramError::InvalidAccountData
            ));
        }
        if unlikely(value == 0) {
            return Err(ProgramError::InvalidSeeds);
        }
        value -= 1;
    }
}

/// `address` is the canonical PDA of `seeds` under `program_id`
/// (`InvalidAccountData` otherwise); returns the bump. The full proof, for an
/// address nothing else vouches for (the burn vault, an empty system account;
/// the Metaplex metadata account).
#[inline(always)]
pub fn verify_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    canonical_search(address, seeds, program_id, true, 0)
}

/// [`verify_canonical_pda`] for a NEW account that the instruction then
/// creates with `invoke_signed` and these seeds and bump
/// ([`create_pda_account`]); returns the bump. One curve check cheaper.
///
/// Shortcut: the matching bump is not curve-checked. Proof: the runtime turns
/// the signer seeds into an address with `create_program_address`, which fails
/// for an address on the curve, so an on-curve match is never created: the
/// instruction fails at the create CPI instead of here, and nothing changes.
/// Only the error differs, for an address built on purpose as an on-curve hash
/// of these seeds (the original: `InvalidAccountData`; listed in
/// `docs/COMPATIBILITY.md`).
#[inline(always)]
pub fn verify_new_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> Result<u8, ProgramError> {
    canonical_search(address, seeds, program_id, false, 0)
}

/// [`verify_canonical_pda`] for an address where an account owned by a
/// program other than the system program, with data, already exists (an
/// associated token account, a vault update state tracker): the original's
/// `address == find_program_address(seeds, program_id).0`, one curve check
/// cheaper. The caller checks the owner and data first.
///
/// Shortcut: the matching bump is not curve-checked. Proof: the system program
/// gives an address an owner and data (`CreateAccount`, `Allocate`, `Assign`)
/// only with that address's signature, and a SHA-256 output can sign only
/// through `invoke_signed` (which refuses on-curve addresses) or with an
/// ed25519 secret key for it (a discrete logarithm); `CreateAccountWithSeed`
/// addresses are hashes of another preimage (a SHA-256 collision). So the
/// matching address is off the curve, every higher bump was checked on it,
/// and the match is the canonical PDA. Same answers as the full search.
#[inline(always)]
pub fn verify_existing_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> ProgramResult {
    canonical_search(address, seeds, program_id, false, 0).map(|_| ())
}

/// How many bumps, from 255 down, [`verify_existing_ata`] hashes without curve
/// checks before it falls back to [`verify_existing_canonical_pda`].
const ATA_FAST_BUMPS: u8 = 8;

/// [`verify_existing_canonical_pda`] for an existing associated token account:
/// `address` holds data owned by a token program (the caller checks both
/// first) and must be the associated token address of `seeds`
/// (`[owner, token program, mint]`) under the ATA program `program_id`.
///
/// Shortcut: the bumps 255 down to 248 are hashed without curve checks, and a
/// match is accepted. Proof: an account with an owner and data exists at an
/// address only if that address signed for its allocation (`CreateAccount`,
/// `Allocate`, `Assign` of the system program; `CreateAccountWithSeed`
/// addresses are hashes of another preimage, a SHA-256 collision). A PDA of
/// the ATA program signs only through that program's `invoke_signed`, and the
/// ATA program signs only for the canonical bump (`find_program_address` in
/// `Create`, `CreateIdempotent` and `RecoverNested`); an on-curve match would
/// need its ed25519 secret key (a discrete logarithm). So a match at any bump
/// is the canonical address: every higher bump's address, which the full
/// search curve-checks, is on the curve. With no match in those eight bumps
/// (a canonical bump below 248: one address in 256), the full search decides,
/// with its errors.
#[inline(always)]
pub fn verify_existing_ata(
    address: &Address,
    seeds: &[&[u8]; 3],
    program_id: &Address,
) -> ProgramResult {
    // On chain, under the ATA program (the loader's constant: the test folds
    // away), the search is inlined into the caller (the one ATA loader), where
    // the seeds are three 32-byte addresses (no length checks, no seed list
    // copied), with the precomputed hash tails of [`ATA_TAILS`]. The same search.
    #[cfg(target_arch = "bpf")]
    {
        if address_eq(program_id, &crate::token::ASSOCIATED_TOKEN_PROGRAM_ID) {
            return ata_fast_search(address, seeds, program_id);
        }
        bump_search(address, seeds, program_id, false, ATA_FAST_BUMPS).map(|_| ())
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        canonical_search(address, seeds, program_id, false, ATA_FAST_BUMPS).map(|_| ())
    }
}

/// The part of an associated token address's hash input after its three seeds,
/// for the bumps 255 down to 248: `[bump] ‖ ATA program id ‖
/// "ProgramDerivedAddress"` as one 54-byte slice. `sol_sha256` charges each
/// slice at least 10 CU (then 1 CU per 2 bytes): one slice instead of three
/// (the bump byte alone costs 10) is 9 CU less per hash, and the search
/// writes no bump and no seed list tail. The hash of the same bytes.
#[cfg(target_arch = "bpf")]
const ATA_TAILS: [[u8; 54]; ATA_FAST_BUMPS as usize] = {
    const MARKER: &[u8; 21] = b"ProgramDerivedAddress";
    let id = crate::token::ASSOCIATED_TOKEN_PROGRAM_ID.to_bytes();
    let mut tails = [[0u8; 54]; ATA_FAST_BUMPS as usize];
    let mut i = 0;
    while i < ATA_FAST_BUMPS as usize {
        tails[i][0] = u8::MAX - i as u8;
        let mut j = 0;
        while j < 32 {
            tails[i][1 + j] = id[j];
            j += 1;
        }
        let mut k = 0;
        while k < 21 {
            tails[i][33 + k] = MARKER[k];
            k += 1;
        }
        i += 1;
    }
    tails
};

/// [`verify_existing_ata`] on chain under the ATA program: its eight
/// unchecked bumps hashed with [`ATA_TAILS`] (the same hashes, the same match
/// accepted, by the proof at [`verify_existing_ata`]), then, without a match,
/// the full search from 255 with its curve checks and errors, as the shared
/// search does after its unchecked bumps.
#[cfg(target_arch = "bpf")]
#[inline(always)]
fn ata_fast_search(address: &Address, seeds: &[&[u8]; 3], program_id: &Address) -> ProgramResult {
    use solana_define_syscall::definitions::sol_sha256;

    type Part = HashPart;
    // As the shared search (never taken for the addresses the loader passes).
    if unlikely(seeds.iter().any(|seed| seed.len() > 32)) {
        return Err(ProgramError::InvalidSeeds);
    }
    let mut parts = [
        Part {
            addr: seeds[0].as_ptr(),
            len: seeds[0].len() as u64,
        },
        Part {
            addr: seeds[1].as_ptr(),
            len: seeds[1].len() as u64,
        },
        Part {
            addr: seeds[2].as_ptr(),
            len: seeds[2].len() as u64,
        },
        Part {
            addr: ATA_TAILS[0].as_ptr(),
            len: 54,
        },
    ];
    let expected = crate::address_words(address);
    let mut hash = [0u64; 4];
    for tail in ATA_TAILS.iter() {
        parts[3].addr = tail.as_ptr();
        // SAFETY: the four parts hold live slices (the seeds and a static
        // tail); `hash` is a live 32-byte buffer.
        unsafe {
            sol_sha256(
                parts.as_ptr() as *const u8,
                parts.len() as u64,
                hash.as_mut_ptr() as *mut u8,
            );
        }
        if hash[0] == expected[0]
            && hash[1] == expected[1]
            && hash[2] == expected[2]
            && hash[3] == expected[3]
        {
            return Ok(());
        }
    }
    bump_search(address, seeds, program_id, false, 0).map(|_| ())
}

/// The creation template of every ticket and state account of both programs
/// (vault x4, restaking x3 and the rest): `new_account` created as a `T` at the
/// PDA signed for with `seeds` (bump included; the caller proved it canonical
/// beforehand, [`verify_new_canonical_pda`], where the original's error order
/// puts that check), its header written and its zeroed state returned to be
/// initialised. Fails as [`create_pda_account`].
#[inline(always)]
pub fn create_state<'a, T: AccountType>(
    payer: &AccountView,
    new_account: &'a mut AccountView,
    owner: &Address,
    seeds: &[Seed],
) -> Result<&'a mut T, ProgramError> {
    create_pda_account(payer, new_account, owner, T::LEN, seeds)?;
    // SAFETY: the create CPI above succeeded, so the account has `T::LEN`
    // zeroed bytes; it was a system account before (no view of it exists) and
    // `new_account` is borrowed mutably for the returned view's lifetime.
    Ok(unsafe { T::init_view(new_account) })
}

/// Creates `new_account` with `space` bytes owned by `owner`, paid by `payer`
/// and signed for with `seeds` (the PDA's seeds including its bump).
///
/// As in the original, an address that already holds lamports (someone sent
/// some before creation) is topped up to rent exemption, allocated and assigned
/// instead, since `CreateAccount` refuses funded addresses.
#[inline(always)]
pub fn create_pda_account(
    payer: &AccountView,
    new_account: &AccountView,
    owner: &Address,
    space: usize,
    seeds: &[Seed],
) -> ProgramResult {
    create_pda_account_with_rent(payer, new_account, owner, space, seeds, None)
}

/// [`create_pda_account`] with the rent sysvar the instruction has already
/// read (`Some`), or read here (`None`): an instruction that creates two
/// accounts reads it once (the sysvar cannot change within an instruction,
/// and a second read of it cannot fail where the first did not).
#[inline(never)]
pub fn create_pda_account_with_rent(
    payer: &AccountView,
    new_account: &AccountView,
    owner: &Address,
    space: usize,
    seeds: &[Seed],
    rent: Option<&Rent>,
) -> ProgramResult {
    let read;
    let rent = match rent {
        Some(rent) => rent,
        None => {
            read = Rent::get()?;
            &read
        }
    };
    let rent_exempt = rent.try_minimum_balance(space)?;
    let signers = [Signer::from(seeds)];
    let current = new_account.lamports();
    if current == 0 {
        return CreateAccount {
            from: payer,
            to: new_account,
            lamports: rent_exempt,
            space: space as u64,
            owner,
        }
        .invoke_signed(&signers);
    }
    let shortfall = rent_exempt.max(1).saturating_sub(current);
    if shortfall > 0 {
        Transfer {
            from: payer,
            to: new_account,
            lamports: shortfall,
        }
        .invoke()?;
    }
    Allocate {
        account: new_account,
        space: space as u64,
    }
    .invoke_signed(&signers)?;
    Assign {
        account: new_account,
        owner,
    }
    .invoke_signed(&signers)
}
