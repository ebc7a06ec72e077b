//! Zero-copy views of the seven restaking account types.
//!
//! Each account is the 8-byte header `[discriminator, 0 x 7]` followed by the
//! `#[repr(C)]` struct of its module, byte for byte the original layout.
//! Integers are stored as little-endian byte arrays so every struct has
//! alignment 1 and is read in place.

pub mod config;
pub mod ncn;
pub mod ncn_operator_state;
pub mod ncn_vault_slasher_ticket;
pub mod ncn_vault_ticket;
pub mod operator;
pub mod operator_vault_ticket;

pub use jito_core::account::{AccountType, HEADER_LEN};

pub use self::{
    config::Config, ncn::Ncn, ncn_operator_state::NcnOperatorState,
    ncn_vault_slasher_ticket::NcnVaultSlasherTicket, ncn_vault_ticket::NcnVaultTicket,
    operator::Operator, operator_vault_ticket::OperatorVaultTicket,
};

/// Account discriminators (first byte of the account data), as in the original.
pub mod discriminator {
    pub const CONFIG: u8 = 1;
    pub const NCN: u8 = 2;
    pub const OPERATOR: u8 = 3;
    pub const NCN_OPERATOR_STATE: u8 = 4;
    pub const OPERATOR_VAULT_TICKET: u8 = 5;
    pub const NCN_VAULT_TICKET: u8 = 6;
    pub const NCN_VAULT_SLASHER_TICKET: u8 = 7;
}

/// `counter + 1`, or `err` on overflow.
#[inline(always)]
pub(crate) fn increment(
    counter: &mut [u8; 8],
    err: crate::error::RestakingError,
) -> Result<(), crate::error::RestakingError> {
    let next = u64::from_le_bytes(*counter).checked_add(1).ok_or(err)?;
    *counter = next.to_le_bytes();
    Ok(())
}

/// Writes `value` into every address of `slots`, its four words read once:
/// with one `*slot = *value` per field the compiler copied `value` to the
/// stack and reloaded it for every field (an NCN's or operator's admin
/// copied into each admin role at creation).
#[inline(always)]
pub(crate) fn fill_addresses<const N: usize>(
    value: &pinocchio::Address,
    slots: [&mut pinocchio::Address; N],
) {
    let bytes = value.as_array();
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i * 8..i * 8 + 8]);
        u64::from_ne_bytes(w)
    };
    let words = [word(0), word(1), word(2), word(3)];
    for slot in slots {
        let out = slot.as_mut();
        for (i, w) in words.iter().enumerate() {
            out[i * 8..i * 8 + 8].copy_from_slice(&w.to_ne_bytes());
        }
    }
}
