//! GetNumbering (tag 36 in both numberings, an addition): a read-only query
//! that tells a client which instruction numbering this build dispatches on, so
//! it can refuse to send a master-numbered instruction to a legacy build or the
//! reverse (a master AddDelegation, 24, is a legacy CooldownDelegation).

use jito_vault_interface::numbering::Numbering;
use pinocchio::{AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// This build's numbering (the `legacy-numbering` cargo feature).
const NUMBERING: Numbering = if cfg!(feature = "legacy-numbering") {
    Numbering::Legacy
} else {
    Numbering::Master
};

/// Accounts: none (any passed are ignored; nothing is read or written).
/// Data: none. Sets the return data to `[numbering]` (0 master, 1 legacy).
pub fn process_get_numbering(
    _program_id: &Address,
    _accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    set_return_data(&[NUMBERING as u8]);
    Ok(())
}

/// `sol_set_return_data`; a no-op off chain (host builds only type-check the program).
#[inline(always)]
fn set_return_data(data: &[u8]) {
    // SAFETY: the syscall reads `data.len()` bytes from `data`, a live slice.
    #[cfg(target_arch = "bpf")]
    unsafe {
        solana_define_syscall::definitions::sol_set_return_data(data.as_ptr(), data.len() as u64)
    };
    #[cfg(not(target_arch = "bpf"))]
    let _ = data;
}
