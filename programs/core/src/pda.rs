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

/// The canonical search shared by the functions below: walks the bumps from
/// 255 down like `find_program_address` (one `sol_sha256` per bump and one
/// curve check per bump that does not match), but stops as soon as the answer
/// is known: a match is canonical if it is off the curve (every higher bump was
/// on it), and the first off-curve address that does not match proves
/// `address` is not the canonical PDA (`InvalidAccountData`).
///
/// `curve_check_match`: whether the matching bump is curve-checked too.
#[inline(never)]
fn canonical_search<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
    curve_check_match: bool,
) -> Result<u8, ProgramError> {
    let mut bump = u8::MAX;
    loop {
        let candidate = Address::try_derive_address(seeds, Some(bump), program_id)
            .map_err(|_| ProgramError::InvalidSeeds)?;
        if address_eq(address, &candidate) {
            if unlikely(curve_check_match && candidate.is_on_curve()) {
                return Err(check_failed!(
                    "verify_canonical_pda (on the curve)",
                    address,
                    ProgramError::InvalidAccountData
                ));
            }
            return Ok(bump);
        }
        if !candidate.is_on_curve() {
            // The canonical PDA exists and is not `address`.
            return Err(check_failed!(
                "verify_canonical_pda (not the canonical PDA)",
                address,
                ProgramError::InvalidAccountData
            ));
        }
        if unlikely(bump == 0) {
            return Err(ProgramError::InvalidSeeds);
        }
        bump -= 1;
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
    canonical_search(address, seeds, program_id, true)
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
    canonical_search(address, seeds, program_id, false)
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
/// Its own loop (not `canonical_search`): it runs for every token account
/// checked, and a `ProgramResult` returns in registers.
#[inline(never)]
pub fn verify_existing_canonical_pda<const N: usize>(
    address: &Address,
    seeds: &[&[u8]; N],
    program_id: &Address,
) -> ProgramResult {
    let mut bump = u8::MAX;
    loop {
        let candidate = Address::try_derive_address(seeds, Some(bump), program_id)
            .map_err(|_| ProgramError::InvalidSeeds)?;
        if address_eq(address, &candidate) {
            return Ok(());
        }
        if unlikely(!candidate.is_on_curve()) {
            return Err(check_failed!(
                "verify_existing_canonical_pda (not the canonical PDA)",
                address,
                ProgramError::InvalidAccountData
            ));
        }
        if unlikely(bump == 0) {
            return Err(ProgramError::InvalidSeeds);
        }
        bump -= 1;
    }
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
#[inline(never)]
pub fn verify_existing_ata(
    address: &Address,
    seeds: &[&[u8]; 3],
    program_id: &Address,
) -> ProgramResult {
    let mut bump = u8::MAX;
    while bump > u8::MAX - ATA_FAST_BUMPS {
        let candidate = Address::try_derive_address(seeds, Some(bump), program_id)
            .map_err(|_| ProgramError::InvalidSeeds)?;
        if address_eq(address, &candidate) {
            return Ok(());
        }
        bump -= 1;
    }
    verify_existing_canonical_pda(address, seeds, program_id)
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
#[inline(never)]
pub fn create_pda_account(
    payer: &AccountView,
    new_account: &AccountView,
    owner: &Address,
    space: usize,
    seeds: &[Seed],
) -> ProgramResult {
    let rent_exempt = Rent::get()?.try_minimum_balance(space)?;
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
