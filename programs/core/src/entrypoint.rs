//! The programs' entrypoint, written once: pinocchio's `program_entrypoint!`
//! with a tighter parse of the runtime's input (same views, same slice).
//!
//! The input (the loader's serialisation, ABI v1): the account count (`u64`),
//! then per account either a duplicate marker (the index of an earlier account,
//! 7 bytes of padding) or the account itself (its [`RuntimeAccount`] header
//! whose first byte is `NON_DUP_MARKER`, its data, `MAX_PERMITTED_DATA_INCREASE`
//! spare bytes, padding to 8 bytes, the rent epoch), then the instruction data
//! (length, bytes) and the program id.
//!
//! What differs from pinocchio 0.12's `deserialize`: the step over an account
//! is one `(cursor + fixed + data_len + 7) & !7` in wrapping arithmetic
//! instead of two checked additions (with `overflow-checks` each addition
//! costs a compare per account, never taken: the runtime's buffer is at most
//! a few MiB inside a 4 GiB region), and the first 8 accounts are parsed by
//! straight-line code that compares the count with a constant, without
//! pinocchio's batches of five and its remainder dispatch. Every account is
//! viewed (no maximum below `MAX_TX_ACCOUNTS`), a duplicate is a copy of the
//! view it repeats, as in pinocchio.

use core::mem::{size_of, MaybeUninit};

use pinocchio::{
    account::{RuntimeAccount, MAX_PERMITTED_DATA_INCREASE, NOT_BORROWED},
    AccountView, Address, ProgramResult, MAX_TX_ACCOUNTS, SUCCESS,
};

/// An account's serialisation without its data (header, spare bytes, rent
/// epoch), plus 7 to round up to the next 8 bytes.
const STEP: usize =
    size_of::<RuntimeAccount>() + MAX_PERMITTED_DATA_INCREASE + size_of::<u64>() + 7;

/// Accounts parsed by straight-line code before the loop takes over: every
/// toggle and setter fits; 16 cost ~1,200 bytes of each `.so` for ~2 CU per
/// account 9 to 16.
const UNROLLED: usize = 8;

/// Views the account at `cursor` as the `index`-th account into `out` and
/// returns where the next one starts.
///
/// # Safety
///
/// `cursor` is the start of the `index`-th account of a valid input; a
/// duplicate's marker names an index below `index`, already written.
#[inline(always)]
unsafe fn parse_account(cursor: *mut u8, out: *mut AccountView, index: usize) -> *mut u8 {
    let account = cursor as *mut RuntimeAccount;
    // SAFETY: `cursor` is an account's start (caller).
    let marker = unsafe { (*account).borrow_state };
    if crate::likely(marker == NOT_BORROWED) {
        // SAFETY: `index` is in bounds of the caller's array; a fresh account.
        unsafe {
            out.add(index).write(AccountView::new_unchecked(account));
            let next = (cursor as usize)
                .wrapping_add((*account).data_len as usize)
                .wrapping_add(STEP)
                & !7;
            next as *mut u8
        }
    } else {
        // SAFETY: a duplicate repeats an earlier, written, view (caller).
        unsafe { parse_duplicate(cursor, out, index, marker) }
    }
}

/// [`parse_account`] of a duplicate (its marker names the account it repeats),
/// out of line: the hot path keeps its registers.
///
/// # Safety
///
/// As [`parse_account`], with `marker` the duplicate's marker.
#[cold]
#[inline(never)]
unsafe fn parse_duplicate(
    cursor: *mut u8,
    out: *mut AccountView,
    index: usize,
    marker: u8,
) -> *mut u8 {
    // SAFETY: a duplicate repeats an earlier, written, view (caller).
    unsafe {
        out.add(index)
            .write(core::ptr::read(out.add(marker as usize)));
        cursor.add(size_of::<u64>())
    }
}

/// The program id, the number of accounts written to `accounts` and the
/// instruction data of the runtime's `input`.
///
/// # Safety
///
/// `input` is the runtime's serialised input (ABI v1), valid for the whole
/// instruction.
#[inline(always)]
pub unsafe fn deserialize(
    input: *mut u8,
    accounts: &mut [MaybeUninit<AccountView>; MAX_TX_ACCOUNTS],
) -> (&'static Address, usize, &'static [u8]) {
    // SAFETY: the input starts with the account count, at most
    // `MAX_TX_ACCOUNTS` (the transaction's limit).
    let count = unsafe { *(input as *const u64) } as usize;
    let out = accounts.as_mut_ptr() as *mut AccountView;
    // SAFETY: the accounts follow the count; each step is `parse_account`'s.
    let mut cursor = unsafe { input.add(size_of::<u64>()) };
    'parse: {
        let mut index = 0;
        while index < UNROLLED {
            if index == count {
                break 'parse;
            }
            // SAFETY: `index < count <= MAX_TX_ACCOUNTS`.
            cursor = unsafe { parse_account(cursor, out, index) };
            index += 1;
        }
        // Beyond: batches of four, then the rest one by one.
        while count - index >= 4 {
            // SAFETY: `index + 3 < count`.
            unsafe {
                cursor = parse_account(cursor, out, index);
                cursor = parse_account(cursor, out, index + 1);
                cursor = parse_account(cursor, out, index + 2);
                cursor = parse_account(cursor, out, index + 3);
            }
            index += 4;
        }
        while index < count {
            // SAFETY: as above.
            cursor = unsafe { parse_account(cursor, out, index) };
            index += 1;
        }
    }
    // SAFETY: the instruction data (length, bytes) and the program id follow
    // the accounts.
    unsafe {
        let data_len = *(cursor as *const u64) as usize;
        let data = cursor.add(size_of::<u64>());
        let program_id = &*(data.add(data_len) as *const Address);
        (
            program_id,
            count,
            core::slice::from_raw_parts(data, data_len),
        )
    }
}

/// The body of the entrypoint: parse, process, the result as the runtime's
/// return value.
///
/// # Safety
///
/// As [`deserialize`].
#[inline(always)]
pub unsafe fn process_entrypoint(
    input: *mut u8,
    process_instruction: fn(&Address, &mut [AccountView], &[u8]) -> ProgramResult,
) -> u64 {
    const UNINIT: MaybeUninit<AccountView> = MaybeUninit::<AccountView>::uninit();
    let mut accounts = [UNINIT; MAX_TX_ACCOUNTS];
    // SAFETY: the caller's input.
    let (program_id, count, data) = unsafe { deserialize(input, &mut accounts) };
    // SAFETY: `deserialize` wrote the first `count` views.
    let accounts = unsafe {
        core::slice::from_raw_parts_mut(accounts.as_mut_ptr() as *mut AccountView, count)
    };
    match process_instruction(program_id, accounts, data) {
        Ok(()) => SUCCESS,
        Err(error) => {
            pinocchio::hint::cold_path();
            error.into()
        }
    }
}

/// `pinocchio::program_entrypoint!` with [`process_entrypoint`]'s parse.
#[macro_export]
macro_rules! program_entrypoint {
    ( $process_instruction:expr ) => {
        /// The runtime's entry.
        ///
        /// # Safety
        ///
        /// Called by the runtime with its serialised input.
        #[no_mangle]
        pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
            // SAFETY: the runtime's input.
            unsafe { $crate::entrypoint::process_entrypoint(input, $process_instruction) }
        }
    };
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::vec::Vec;

    use super::*;

    /// The runtime's serialisation (ABI v1) of `accounts` (`Ok(data length)`
    /// for an account, `Err(index)` for a duplicate of account `index`),
    /// `data` and a program id of 7s, in 8-byte aligned memory.
    fn input(accounts: &[Result<usize, u8>], data: &[u8]) -> Vec<u64> {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&(accounts.len() as u64).to_le_bytes());
        for (i, account) in accounts.iter().enumerate() {
            match *account {
                Ok(len) => {
                    bytes.extend_from_slice(&[NOT_BORROWED, 1, (i % 2) as u8, 0, 0, 0, 0, 0]);
                    bytes.extend_from_slice(&[i as u8; 32]); // address
                    bytes.extend_from_slice(&[9; 32]); // owner
                    bytes.extend_from_slice(&(i as u64).to_le_bytes()); // lamports
                    bytes.extend_from_slice(&(len as u64).to_le_bytes());
                    bytes.extend(core::iter::repeat_n(0xab, len));
                    bytes.extend(core::iter::repeat_n(0, MAX_PERMITTED_DATA_INCREASE));
                    while bytes.len() % 8 != 0 {
                        bytes.push(0);
                    }
                    bytes.extend_from_slice(&u64::MAX.to_le_bytes()); // rent epoch
                }
                Err(index) => bytes.extend_from_slice(&[index, 0, 0, 0, 0, 0, 0, 0]),
            }
        }
        bytes.extend_from_slice(&(data.len() as u64).to_le_bytes());
        bytes.extend_from_slice(data);
        bytes.extend_from_slice(&[7; 32]);
        while bytes.len() % 8 != 0 {
            bytes.push(0);
        }
        bytes
            .chunks(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }

    /// The same views, count, data and program id as pinocchio's `deserialize`.
    fn same_as_pinocchio(accounts: &[Result<usize, u8>], data: &[u8]) {
        const UNINIT: MaybeUninit<AccountView> = MaybeUninit::uninit();
        let mut ours = input(accounts, data);
        let mut theirs = ours.clone();
        let (mut a, mut b) = ([UNINIT; MAX_TX_ACCOUNTS], [UNINIT; MAX_TX_ACCOUNTS]);
        // SAFETY: valid serialisations, alive for the whole test.
        let (id_a, n_a, data_a) = unsafe { deserialize(ours.as_mut_ptr() as *mut u8, &mut a) };
        let (id_b, n_b, data_b) = unsafe {
            pinocchio::entrypoint::deserialize::<MAX_TX_ACCOUNTS>(
                theirs.as_mut_ptr() as *mut u8,
                &mut b,
            )
        };
        assert_eq!((id_a, n_a, data_a), (id_b, n_b, data_b));
        assert_eq!(
            (id_a, n_a, data_a),
            (&Address::new_from_array([7; 32]), accounts.len(), data)
        );
        for i in 0..n_a {
            // SAFETY: both wrote the first `n` views.
            let (x, y) = unsafe { (a[i].assume_init_ref(), b[i].assume_init_ref()) };
            assert_eq!(x.address(), y.address(), "account {i}");
            assert_eq!(x.data_len(), y.data_len(), "account {i}");
            assert_eq!(x.is_writable(), y.is_writable(), "account {i}");
            let expected = match accounts[i] {
                Ok(_) => i as u8,
                Err(index) => index,
            };
            assert_eq!(x.address(), &Address::new_from_array([expected; 32]));
        }
    }

    #[test]
    fn parses_as_pinocchio() {
        same_as_pinocchio(&[], &[]);
        same_as_pinocchio(&[Ok(0)], &[1]);
        same_as_pinocchio(&[Ok(165), Err(0), Ok(3), Err(2)], &[5, 6, 7]);
        // Past the straight-line part, the batches and the rest, duplicates
        // and odd data lengths throughout.
        for count in [7, 8, 9, 12, 13, 15, 16, 17, 20, 21, 23, 40] {
            let accounts: Vec<Result<usize, u8>> = (0..count)
                .map(|i| {
                    if i % 5 == 4 {
                        Err((i % 4) as u8)
                    } else {
                        Ok(i * 7 % 13)
                    }
                })
                .collect();
            same_as_pinocchio(&accounts, &[3; 9]);
        }
    }
}
