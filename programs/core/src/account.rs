//! Zero-copy views of program accounts.
//!
//! Every account of both programs is an 8-byte header `[discriminator, 0 x 7]`
//! followed by a `#[repr(C)]` struct made only of byte arrays, so the struct has
//! alignment 1 and can be viewed in place at any offset of the account data.
//!
//! # Proof of an existing account (no hashing)
//!
//! An account that already exists, owned by the expected program (this one, or
//! the restaking program for the accounts the vault reads and the vault program
//! for the vault the restaking program reads), with the expected discriminator
//! and exact size, is the canonical PDA of the seeds stored in it:
//!
//! 1. Only the owner writes an account's data, and an account gets an owner
//!    other than the system program only through that owner.
//! 2. Both programs, these and the originals whose accounts live on mainnet,
//!    create every account type only at the canonical PDA
//!    (`find_program_address`, or the canonical search here) of exactly the
//!    fields they store in it as seeds, and store the canonical bump; no
//!    instruction ever rewrites a seed field.
//! 3. No seeds ever changed under the deployed program ids: every seed change in
//!    the original's history (the AVS -> NCN renames, the combined
//!    `NcnOperatorState`, `VaultOperatorDelegation`, the withdrawal ticket's
//!    seeds in #57) precedes #58 "Prepare for deployment" (8926ee44), which moved
//!    the programs from their development ids to the deployed ones; `BurnVault`
//!    (#150) was added later with the seeds it still has, and holds no data.
//!    So no type keeps a hash check for a seed change.
//!
//! So an existing account is proven by owner, size and discriminator
//! ([`check_account`]); an account whose seeds name other accounts of the
//! instruction (a ticket's NCN and vault) also by its **stored relationship
//! fields** ([`check_stored`]): they equal the accounts passed exactly when the
//! original's check "the address is the PDA of the passed accounts and the
//! stored bump" holds (equal seeds give the stored address; other seeds give
//! another address, barring a SHA-256 collision), and a mismatch returns the
//! original's `InvalidAccountData`. An account seeded only by a stored base
//! (NCN, operator, vault) needs nothing more: the original's check of its
//! address against its own stored base and bump always holds.
//!
//! What no longer fails as in the original is an account *forged* at a
//! non-canonical address with the program as owner (possible in a test harness,
//! impossible on chain, by 1 and 2): the original refuses it with
//! `InvalidAccountData` (or `InvalidSeeds` for a stored bump that gives no
//! address), these programs act on it as on the account its fields name.
//! Configs are the exception that costs nothing: their seeds are constants and
//! their address is compared with the precomputed canonical PDA
//! ([`check_fixed`]).
//!
//! The loaders below are written once for every type (p-token style: check
//! once, one view handed to the processor); each `_mut` is `unsafe` with the
//! one-view-per-account rule. By what proves the address, and how the check is
//! compiled:
//!
//! | proven by | shared copy | inlined at the call site (hot paths) | one copy per type |
//! |---|---|---|---|
//! | constant seeds (the configs, [`FixedPda`]) | [`check_fixed`], [`load_fixed`] | [`check_fixed_inlined`], [`load_fixed_inlined`] | - |
//! | its stored base (NCN, operator, vault) | [`check_based`], [`load`] | [`load_based_inlined_mut`] | [`check_based_untracked`], [`load_untracked`] |
//! | its own stored fields ([`StoredKeys`]) | [`check_bound`], [`load_bound`] | [`check_bound_inlined`], [`load_bound_inlined_mut`] | [`check_bound_untracked`] |
//! | another account's stored fields | [`check_account_bound`], [`load_account_bound`] | [`check_account_bound_inlined`], [`load_account_bound_inlined`] | - |
//!
//! The shared `check_based` / `check_bound` also check the borrow state; the
//! other two columns leave that out where it cannot fail, in an instruction
//! that takes no tracked borrow before the check (proof at
//! [`check_bound_inlined`]): inlined for the warm-up / cool-down and setter
//! paths, where a call is a few percent of the instruction, and one
//! out-of-line copy for the restaking program's creations and delegations
//! (it takes no tracked borrow at all), where inlining would cost code size.
//!
//! A *new* account still gets the canonical search
//! ([`crate::pda::verify_new_canonical_pda`]), and a token account that must be
//! an associated token account its existing-account search
//! ([`crate::pda::verify_existing_canonical_pda`]): nothing stored vouches for
//! their addresses.

use core::mem::size_of;

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use crate::{debug::check_failed, unlikely};

/// Length of the header in front of every account's state.
pub const HEADER_LEN: usize = 8;

/// A program account type: a discriminator and a fixed-size state struct.
///
/// # Safety
///
/// Implementors must be `#[repr(C)]`, have alignment 1 (only `u8` and `[u8; N]`
/// fields, or structs made of them) and be valid for every bit pattern.
pub unsafe trait AccountType: Sized {
    /// First byte of the account data.
    const DISCRIMINATOR: u8;

    /// Size of the whole account: header and state.
    const LEN: usize = HEADER_LEN + size_of::<Self>();

    /// Compile-time proof of the alignment the views below rely on (as p-token's
    /// `Transmutable`): evaluated, and the build failing, for every type viewed.
    const ALIGNMENT_IS_ONE: () = assert!(
        core::mem::align_of::<Self>() == 1,
        "an account state must have alignment 1"
    );

    /// Views `data` (the whole account, header included) as `Self`.
    ///
    /// Fails with `InvalidAccountData` when the length or discriminator is wrong.
    #[inline(always)]
    fn from_bytes(data: &[u8]) -> Result<&Self, ProgramError> {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        if unlikely(data.len() != Self::LEN || data[0] != Self::DISCRIMINATOR) {
            return Err(ProgramError::InvalidAccountData);
        }
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &*(data.as_ptr().add(HEADER_LEN) as *const Self) })
    }

    /// Mutable variant of [`AccountType::from_bytes`].
    #[inline(always)]
    fn from_bytes_mut(data: &mut [u8]) -> Result<&mut Self, ProgramError> {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        if unlikely(data.len() != Self::LEN || data[0] != Self::DISCRIMINATOR) {
            return Err(ProgramError::InvalidAccountData);
        }
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &mut *(data.as_mut_ptr().add(HEADER_LEN) as *mut Self) })
    }

    /// The typed view of `account`, already checked in this instruction by its
    /// type's `load` (or [`check_account`]): no second borrow or check.
    ///
    /// # Safety
    ///
    /// `account` passed this type's check in this instruction, and no mutable
    /// view of it is alive while this one is (one view per account: accounts
    /// of different types, i.e. discriminators, are different accounts).
    #[inline(always)]
    unsafe fn view(account: &AccountView) -> &Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        // SAFETY: the check proved the data is `Self::LEN` bytes long; `Self`
        // has alignment 1 and no invalid bit patterns; the caller rules out aliasing.
        unsafe { &*(account.data_ptr().add(HEADER_LEN) as *const Self) }
    }

    /// Mutable variant of [`AccountType::view`].
    ///
    /// # Safety
    ///
    /// As [`AccountType::view`], and no other view of `account` is alive while
    /// this one is.
    #[inline(always)]
    unsafe fn view_mut(account: &mut AccountView) -> &mut Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        // SAFETY: as in `view`; the caller guarantees this is the only view.
        unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut Self) }
    }

    /// [`AccountType::init`] for an account this instruction has just created
    /// with `Self::LEN` zeroed bytes (`create_pda_account`): the header written
    /// and the state returned without a borrow or a size check.
    ///
    /// # Safety
    ///
    /// `account` was created in this instruction with `Self::LEN` bytes (the
    /// create CPI succeeded), and no other view of it is alive.
    #[inline(always)]
    unsafe fn init_view(account: &mut AccountView) -> &mut Self {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        let data = account.data_ptr() as *mut u8;
        // SAFETY: the account has `Self::LEN` bytes (caller); `Self` has
        // alignment 1 and no invalid bit patterns; the only view.
        unsafe {
            *data = Self::DISCRIMINATOR;
            &mut *(data.add(HEADER_LEN) as *mut Self)
        }
    }

    /// Writes the header of a freshly created (zeroed) account and returns its state.
    #[inline(always)]
    fn init(data: &mut [u8]) -> Result<&mut Self, ProgramError> {
        #[allow(clippy::let_unit_value)]
        let () = Self::ALIGNMENT_IS_ONE;
        if unlikely(data.len() != Self::LEN) {
            return Err(ProgramError::InvalidAccountData);
        }
        data[0] = Self::DISCRIMINATOR;
        // SAFETY: the length was checked and `Self` has alignment 1 and no invalid bit patterns.
        Ok(unsafe { &mut *(data.as_mut_ptr().add(HEADER_LEN) as *mut Self) })
    }
}

/// The checks every `load` of the original starts with, with its error codes:
/// owner (`InvalidAccountOwner`), then non-empty data, writable when expected and
/// discriminator (all `InvalidAccountData`). The exact length is checked too,
/// as the original's deserialisation does.
#[inline(always)]
pub fn check_account<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_account_of(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )
}

/// [`check_account`] for the type of length `len` and discriminator
/// `discriminator`: one shared body instead of a copy in every type's `load`.
#[inline(never)]
fn check_account_of(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
    len: usize,
    discriminator: u8,
) -> ProgramResult {
    check_account_body(program_id, account, expect_writable, len, discriminator)
}

/// The body of [`check_account_of`], inlined into the typed checks that are
/// themselves one copy per type ([`check_bound`], [`check_based`],
/// [`check_fixed`]): one call less per account loaded.
#[inline(always)]
fn check_account_body(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
    len: usize,
    discriminator: u8,
) -> ProgramResult {
    if unlikely(!account.owned_by(program_id)) {
        return Err(check_failed!(
            "check_account (wrong owner program)",
            account.address(),
            ProgramError::InvalidAccountOwner
        ));
    }
    if unlikely(account.data_len() != len) {
        return Err(check_failed!(
            "check_account (wrong size)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(check_failed!(
            "check_account (not writable)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    // SAFETY: the data is `len` bytes long, a type's `LEN` (at least `HEADER_LEN`),
    // and only read here.
    if unlikely(unsafe { *account.data_ptr() } != discriminator) {
        return Err(check_failed!(
            "check_account (wrong account type)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// `InvalidAccountOwner`, built out of line: a failing check of the inlined
/// loaders branches to a call of its own, so the passing path sets no error
/// code before each compare (inlined, every compare's branch to a shared exit
/// was preceded by the code's move).
#[cold]
#[inline(never)]
pub fn invalid_account_owner() -> ProgramError {
    // Opaque: a constant result would be propagated to the call sites and
    // the calls removed, undoing the point.
    core::hint::black_box(ProgramError::InvalidAccountOwner)
}

/// `InvalidAccountData`, built out of line (as [`invalid_account_owner`]).
#[cold]
#[inline(never)]
pub fn invalid_account_data() -> ProgramError {
    core::hint::black_box(ProgramError::InvalidAccountData)
}

/// [`check_account_body`] for the inlined loaders: the same checks, order
/// and errors, the errors built out of line.
#[inline(always)]
fn check_account_body_inlined(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
    len: usize,
    discriminator: u8,
) -> ProgramResult {
    if unlikely(!account.owned_by(program_id)) {
        return Err(check_failed!(
            "check_account (wrong owner program)",
            account.address(),
            invalid_account_owner()
        ));
    }
    if unlikely(account.data_len() != len) {
        return Err(check_failed!(
            "check_account (wrong size)",
            account.address(),
            invalid_account_data()
        ));
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(check_failed!(
            "check_account (not writable)",
            account.address(),
            invalid_account_data()
        ));
    }
    // SAFETY: the data is `len` bytes long, a type's `LEN` (at least `HEADER_LEN`),
    // and only read here.
    if unlikely(unsafe { *account.data_ptr() } != discriminator) {
        return Err(check_failed!(
            "check_account (wrong account type)",
            account.address(),
            invalid_account_data()
        ));
    }
    Ok(())
}

/// [`check_account`] of an existing account whose address needs no proof
/// (module documentation): owner, size, discriminator. The name says that a
/// relationship the instruction relies on is checked elsewhere, by the stored
/// fields of the account that binds it ([`check_stored`]). Inlined: one call
/// of the shared check.
#[inline(always)]
pub fn check_account_bound<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_account::<T>(program_id, account, expect_writable)
}

/// [`check_account_bound`] with the check's body inlined at the call site (no
/// call): for the warm-up / cool-down paths, where each saved call is a few
/// percent of the instruction; elsewhere the shared body keeps the binary
/// small. The same checks and errors.
#[inline(always)]
pub fn check_account_bound_inlined<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body_inlined(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )
}

/// [`load_account_bound`] with [`check_account_bound_inlined`].
#[inline(always)]
pub fn load_account_bound_inlined<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_account_bound_inlined::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// [`check_bound`] inlined at the call site and without its borrow check:
/// for the warm-up / cool-down paths of instructions that take no tracked
/// borrow. Proof that the borrow check is then always passed: the entrypoint
/// hands every account over with the runtime's borrow state `NOT_BORROWED`
/// (a duplicate's view is its first occurrence's), and only a tracked borrow
/// of this program (`try_borrow*`) changes it; with none taken before this
/// check, `check_borrow` cannot fail. The other checks and errors are
/// [`check_bound`]'s.
#[inline(always)]
pub fn check_bound_inlined<T: StoredKeys>(
    program_id: &Address,
    account: &AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body_inlined(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )?;
    // SAFETY: type and size checked just above; read only during this check
    // (no mutable view of it is alive: the instruction's only one is made
    // after this check).
    let state = unsafe { T::view(account) };
    if unlikely(!state.keys_match(keys)) {
        return Err(check_failed!(
            "check_stored (stored relationship fields differ from the accounts passed)",
            account.address(),
            invalid_account_data()
        ));
    }
    Ok(())
}

/// Mutable [`load_bound`] with [`check_bound_inlined`].
///
/// # Safety
///
/// As [`load_mut`], and the instruction takes no tracked borrow before this
/// check ([`check_bound_inlined`]).
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_bound_inlined_mut<'a, T: StoredKeys>(
    program_id: &Address,
    account: &'a AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_bound_inlined::<T>(program_id, account, keys, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// Mutable [`load`] with [`check_based`]'s checks inlined at the call site and
/// without its borrow check, for an instruction that takes no tracked borrow
/// (proof at [`check_bound_inlined`]): owner, size, writable, discriminator.
///
/// # Safety
///
/// As [`load_mut`], and the instruction takes no tracked borrow before this
/// check.
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_based_inlined_mut<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_account_body_inlined(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// [`check_based`] for an instruction that takes no tracked borrow (every
/// instruction of the restaking program): without the borrow check, which
/// cannot fail there (proof at [`check_bound_inlined`]). Not inlined: one
/// copy per type, for the paths where inlining every check would cost too
/// much size (the creations, the delegations). The other checks, their order
/// and errors are [`check_based`]'s. (Its errors stay constants: built out of
/// line, as in the inlined loaders, a function returning them must pack an
/// opaque value and costs more than it saves.)
#[inline(never)]
pub fn check_based_untracked<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )
}

/// [`load`] with [`check_based_untracked`].
#[inline(always)]
pub fn load_untracked<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_based_untracked::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// [`load_mut`] with [`check_based_untracked`].
///
/// # Safety
///
/// As [`load_mut`], and the instruction takes no tracked borrow before this
/// check.
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_untracked_mut<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_based_untracked::<T>(program_id, account, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// [`check_bound`] for an instruction that takes no tracked borrow: without
/// the borrow check, which cannot fail there (proof at
/// [`check_bound_inlined`]). One copy per type, not inlined; the other
/// checks, their order and errors are [`check_bound`]'s.
#[inline(never)]
pub fn check_bound_untracked<T: StoredKeys>(
    program_id: &Address,
    account: &AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )?;
    // SAFETY: type and size checked just above; read only during this check
    // (no mutable view of it is alive: the instruction's views of other
    // types are of other accounts).
    let state = unsafe { T::view(account) };
    check_stored(account, state.keys_match(keys))
}

/// The stored relationship fields of an existing `account` equal the accounts
/// passed (`fields_match`), else `InvalidAccountData`: the error of the
/// original's PDA check of `account` from the passed accounts (module
/// documentation).
#[inline(always)]
pub fn check_stored(account: &AccountView, fields_match: bool) -> ProgramResult {
    // Read only by the `logging` feature's message.
    let _ = account;
    if unlikely(!fields_match) {
        return Err(check_failed!(
            "check_stored (stored relationship fields differ from the accounts passed)",
            account.address(),
            ProgramError::InvalidAccountData
        ));
    }
    Ok(())
}

/// An account type whose address its stored relationship fields prove (module
/// documentation): `Keys` are what the instruction passes for those fields.
pub trait StoredKeys: AccountType {
    /// The accounts (and epoch) the stored fields must equal, in seed order.
    type Keys<'k>;

    /// The stored relationship fields equal `keys`.
    fn keys_match(&self, keys: Self::Keys<'_>) -> bool;
}

/// The check of an account proven by its stored fields, written once for every
/// such type: [`check_account`], no tracked mutable borrow alive
/// (`AccountBorrowFailed`, as the original's `try_borrow`), and the stored
/// fields equal `keys` (`InvalidAccountData`, [`check_stored`]). Not inlined:
/// one copy per type, returning in registers.
#[inline(never)]
pub fn check_bound<T: StoredKeys>(
    program_id: &Address,
    account: &AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )?;
    account.check_borrow()?;
    // SAFETY: type and size checked just above, no tracked mutable borrow;
    // read only during this check.
    let state = unsafe { T::view(account) };
    check_stored(account, state.keys_match(keys))
}

/// The check of an account seeded only by a stored base (NCN, operator,
/// vault): [`check_account`] and no tracked mutable borrow alive
/// (`AccountBorrowFailed`). Not inlined: one copy per type.
#[inline(never)]
pub fn check_based<T: AccountType>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_account_body(
        program_id,
        account,
        expect_writable,
        T::LEN,
        T::DISCRIMINATOR,
    )?;
    account.check_borrow()
}

/// The typed loader (p-token style) of an account seeded by a stored base:
/// [`check_based`] once, then its view handed to the processor, no second
/// borrow or parse.
#[inline(always)]
pub fn load<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_based::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// Mutable [`load`].
///
/// # Safety
///
/// No other view of `account` is alive while the returned one is (accounts
/// whose checks name different types, i.e. discriminators, are different
/// accounts).
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_mut<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_based::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above (`T::LEN` bytes, alignment 1, any bit
    // pattern); the caller guarantees this is the only view.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// The typed loader of an account proven by its stored fields: [`check_bound`]
/// once, then its view.
#[inline(always)]
pub fn load_bound<'a, T: StoredKeys>(
    program_id: &Address,
    account: &'a AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_bound::<T>(program_id, account, keys, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// Mutable [`load_bound`].
///
/// # Safety
///
/// As [`load_mut`].
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_bound_mut<'a, T: StoredKeys>(
    program_id: &Address,
    account: &'a AccountView,
    keys: T::Keys<'_>,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_bound::<T>(program_id, account, keys, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// A config: one account per program id at the PDA of one constant seed, its
/// bump stored at `BUMP_OFFSET` of the state. Under the deployed program id
/// its address is the constant `DEPLOYED_ADDRESS` (a unit test of each config
/// pins it to `find_program_address`).
pub trait FixedPda: AccountType {
    /// The PDA's one seed.
    const SEED: &'static [u8];
    /// The program id the constants below belong to.
    const DEPLOYED_PROGRAM_ID: Address;
    /// The canonical PDA under `DEPLOYED_PROGRAM_ID`.
    const DEPLOYED_ADDRESS: Address;
    /// Its canonical bump.
    const DEPLOYED_BUMP: u8;
    /// Offset of the stored bump in the state (`offset_of!`).
    const BUMP_OFFSET: usize;
}

/// The original `Config::load`, written once for both configs: owner
/// (`InvalidAccountOwner`), data, writable, discriminator, exact size, then
/// the address is the PDA of the constant seed and the stored bump
/// (`InvalidAccountData`).
///
/// Shortcut: an address equal to [`FixedPda::DEPLOYED_ADDRESS`] with the
/// stored bump [`FixedPda::DEPLOYED_BUMP`] is accepted without comparing the
/// program id with [`FixedPda::DEPLOYED_PROGRAM_ID`] (one 32-byte compare per
/// instruction). Proof: under the deployed id that is the original's answer
/// (the constants are that PDA, pinned by each config's unit test); under
/// any other id an account at that address owned by the running program
/// cannot exist, since a program allocates a PDA only by signing for it and
/// it signs only for its own id's PDAs. Any other address is checked as the
/// original does, by [`crate::pda::verify_pda`] with the stored bump.
#[inline(never)]
pub fn check_fixed<T: FixedPda>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_fixed_body::<T, false>(program_id, account, expect_writable)
}

/// [`check_fixed`] inlined at the call site (no call), for the warm-up /
/// cool-down paths: the same checks and errors.
#[inline(always)]
pub fn check_fixed_inlined<T: FixedPda>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    check_fixed_body::<T, true>(program_id, account, expect_writable)
}

/// The body of [`check_fixed`] (`INLINED`: the account checks' errors built
/// out of line, as the inlined loaders').
#[inline(always)]
fn check_fixed_body<T: FixedPda, const INLINED: bool>(
    program_id: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    if INLINED {
        check_account_body_inlined(
            program_id,
            account,
            expect_writable,
            T::LEN,
            T::DISCRIMINATOR,
        )?;
    } else {
        check_account_body(
            program_id,
            account,
            expect_writable,
            T::LEN,
            T::DISCRIMINATOR,
        )?;
    }
    // SAFETY: the data is `T::LEN` bytes long (checked above) and
    // `BUMP_OFFSET` is a field offset of `T`; one byte is read, no borrow held.
    let bump = unsafe { *account.data_ptr().add(HEADER_LEN + T::BUMP_OFFSET) };
    if crate::likely(pinocchio::address::address_eq(
        account.address(),
        &T::DEPLOYED_ADDRESS,
    )) && bump == T::DEPLOYED_BUMP
    {
        return Ok(());
    }
    crate::pda::verify_pda(account.address(), &[T::SEED], bump, program_id)
}

/// The typed loader of a config: [`check_fixed`] once, then its view.
#[inline(always)]
pub fn load_fixed<'a, T: FixedPda>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_fixed::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// [`load_fixed`] with [`check_fixed_inlined`].
#[inline(always)]
pub fn load_fixed_inlined<'a, T: FixedPda>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_fixed_inlined::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// Mutable [`load_fixed_inlined`].
///
/// # Safety
///
/// As [`load_mut`].
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_fixed_inlined_mut<'a, T: FixedPda>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_fixed_inlined::<T>(program_id, account, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// Mutable [`load_fixed`].
///
/// # Safety
///
/// As [`load_mut`].
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_fixed_mut<'a, T: FixedPda>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_fixed::<T>(program_id, account, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}

/// The typed loader of an account checked by [`check_account_bound`] (its
/// address proven by another account's stored fields): the check once, then
/// its view.
#[inline(always)]
pub fn load_account_bound<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a T, ProgramError> {
    check_account_bound::<T>(program_id, account, expect_writable)?;
    // SAFETY: checked just above; a shared view.
    Ok(unsafe { T::view(account) })
}

/// Mutable [`load_account_bound`].
///
/// # Safety
///
/// As [`load_mut`].
// A mutable view from a shared handle, as `AccountView::borrow_unchecked_mut`:
// the caller's `# Safety` contract rules out aliasing.
#[allow(clippy::mut_from_ref)]
#[inline(always)]
pub unsafe fn load_account_bound_mut<'a, T: AccountType>(
    program_id: &Address,
    account: &'a AccountView,
    expect_writable: bool,
) -> Result<&'a mut T, ProgramError> {
    check_account_bound::<T>(program_id, account, expect_writable)?;
    // SAFETY: as in `load_mut`.
    Ok(unsafe { &mut *(account.data_ptr().add(HEADER_LEN) as *mut T) })
}
