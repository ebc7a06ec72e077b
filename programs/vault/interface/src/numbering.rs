//! The two deployed numberings of the vault instructions.
//!
//! Jito master (8109c879, what [`tag`] follows) inserted RevokeDelegateTokenAccount at tag 21,
//! so SetAdmin … SetConfigSecondaryAdmin are 22 … 33. Binaries deployed before that have a
//! 32-instruction enum: SetAdmin = 21 … SetConfigAdmin = 31, no RevokeDelegateTokenAccount and no
//! SetConfigSecondaryAdmin. The legacy numbering of this project keeps those 32 tags and appends
//! the two newer instructions (RevokeDelegateTokenAccount = 32, SetConfigSecondaryAdmin = 33), so
//! nothing is lost. Tags 0–20 and every tag from 34 on are the same in both.
//!
//! The program picks one with its `legacy-numbering` cargo feature; clients convert a master
//! tag with [`Numbering::tag`] and back with [`Numbering::master_tag`].

use crate::instruction::tag;

/// An instruction numbering, as GetNumbering (tag 36) returns it: one byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Numbering {
    /// Jito master (8109c879): RevokeDelegateTokenAccount = 21. The default build.
    Master = 0,
    /// The older deployed binaries: SetAdmin = 21 … SetConfigAdmin = 31, then the appended
    /// RevokeDelegateTokenAccount = 32, SetConfigSecondaryAdmin = 33.
    Legacy = 1,
}

impl Numbering {
    /// The numbering GetNumbering returns as `[byte]`; `None` for any other return data.
    #[inline(always)]
    pub const fn from_return_data(data: &[u8]) -> Option<Self> {
        match data {
            [0] => Some(Self::Master),
            [1] => Some(Self::Legacy),
            _ => None,
        }
    }

    /// The tag, in this numbering, of the instruction whose master tag is `master`. A
    /// bijection on `u8`: tags of no instruction map to themselves or to each other's slots
    /// exactly as the instructions do, so an unknown master tag stays unknown.
    #[inline(always)]
    pub const fn tag(self, master: u8) -> u8 {
        match self {
            Self::Master => master,
            Self::Legacy => match master {
                tag::REVOKE_DELEGATE_TOKEN_ACCOUNT => legacy_tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
                tag::SET_ADMIN..=tag::SET_CONFIG_ADMIN => master - 1,
                other => other,
            },
        }
    }

    /// The master tag of the instruction whose tag in this numbering is `tag` (the inverse of
    /// [`Numbering::tag`]).
    #[inline(always)]
    pub const fn master_tag(self, tag: u8) -> u8 {
        match self {
            Self::Master => tag,
            Self::Legacy => match tag {
                legacy_tag::REVOKE_DELEGATE_TOKEN_ACCOUNT => tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
                legacy_tag::SET_ADMIN..=legacy_tag::SET_CONFIG_ADMIN => tag + 1,
                other => other,
            },
        }
    }
}

/// Raw tags in the legacy numbering (the program's `legacy-numbering` build).
pub mod legacy_tag {
    pub use crate::instruction::tag::{
        BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER, BURN_WITHDRAWAL_TICKET,
        CHANGE_WITHDRAWAL_TICKET_OWNER, COOLDOWN_VAULT_NCN_SLASHER_TICKET,
        COOLDOWN_VAULT_NCN_TICKET, DELEGATE_TOKEN_ACCOUNT, ENQUEUE_WITHDRAWAL, GET_NUMBERING,
        INITIALIZE_CONFIG, INITIALIZE_VAULT, INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
        INITIALIZE_VAULT_NCN_SLASHER_TICKET, INITIALIZE_VAULT_NCN_TICKET,
        INITIALIZE_VAULT_OPERATOR_DELEGATION, INITIALIZE_VAULT_WITH_MINT, MINT_TO,
        SET_DEPOSIT_CAPACITY, SET_FEES, SET_IS_PAUSED, SET_PROGRAM_FEE, SET_PROGRAM_FEE_WALLET,
        WARMUP_VAULT_NCN_SLASHER_TICKET, WARMUP_VAULT_NCN_TICKET,
    };
    pub const SET_ADMIN: u8 = 21;
    pub const SET_SECONDARY_ADMIN: u8 = 22;
    pub const ADD_DELEGATION: u8 = 23;
    pub const COOLDOWN_DELEGATION: u8 = 24;
    pub const UPDATE_VAULT_BALANCE: u8 = 25;
    pub const INITIALIZE_VAULT_UPDATE_STATE_TRACKER: u8 = 26;
    pub const CRANK_VAULT_UPDATE_STATE_TRACKER: u8 = 27;
    pub const CLOSE_VAULT_UPDATE_STATE_TRACKER: u8 = 28;
    pub const CREATE_TOKEN_METADATA: u8 = 29;
    pub const UPDATE_TOKEN_METADATA: u8 = 30;
    pub const SET_CONFIG_ADMIN: u8 = 31;
    /// Appended after the legacy 32 instructions.
    pub const REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 = 32;
    /// Appended after the legacy 32 instructions.
    pub const SET_CONFIG_SECONDARY_ADMIN: u8 = 33;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_is_a_bijection_and_inverse() {
        for n in [Numbering::Master, Numbering::Legacy] {
            let mut seen = [false; 256];
            for t in 0..=u8::MAX {
                let mapped = n.tag(t);
                assert!(!seen[mapped as usize], "{n:?}: {mapped} twice");
                seen[mapped as usize] = true;
                assert_eq!(n.master_tag(mapped), t);
            }
        }
    }

    #[test]
    fn legacy_table() {
        let l = Numbering::Legacy;
        for t in 0..=tag::DELEGATE_TOKEN_ACCOUNT {
            assert_eq!(l.tag(t), t);
        }
        let pairs = [
            (
                tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
                legacy_tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
            ),
            (tag::SET_ADMIN, legacy_tag::SET_ADMIN),
            (tag::SET_SECONDARY_ADMIN, legacy_tag::SET_SECONDARY_ADMIN),
            (tag::ADD_DELEGATION, legacy_tag::ADD_DELEGATION),
            (tag::COOLDOWN_DELEGATION, legacy_tag::COOLDOWN_DELEGATION),
            (tag::UPDATE_VAULT_BALANCE, legacy_tag::UPDATE_VAULT_BALANCE),
            (
                tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
                legacy_tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                tag::CRANK_VAULT_UPDATE_STATE_TRACKER,
                legacy_tag::CRANK_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                tag::CLOSE_VAULT_UPDATE_STATE_TRACKER,
                legacy_tag::CLOSE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                tag::CREATE_TOKEN_METADATA,
                legacy_tag::CREATE_TOKEN_METADATA,
            ),
            (
                tag::UPDATE_TOKEN_METADATA,
                legacy_tag::UPDATE_TOKEN_METADATA,
            ),
            (tag::SET_CONFIG_ADMIN, legacy_tag::SET_CONFIG_ADMIN),
            (
                tag::SET_CONFIG_SECONDARY_ADMIN,
                legacy_tag::SET_CONFIG_SECONDARY_ADMIN,
            ),
            (tag::GET_NUMBERING, legacy_tag::GET_NUMBERING),
        ];
        for (master, legacy) in pairs {
            assert_eq!(l.tag(master), legacy, "master {master}");
        }
        // The appended ones and everything after keep their tags.
        for t in 34..=u8::MAX {
            assert_eq!(l.tag(t), t);
        }
        assert_eq!(Numbering::from_return_data(&[0]), Some(Numbering::Master));
        assert_eq!(Numbering::from_return_data(&[1]), Some(Numbering::Legacy));
        assert_eq!(Numbering::from_return_data(&[2]), None);
        assert_eq!(Numbering::from_return_data(&[]), None);
        assert_eq!(Numbering::from_return_data(&[0, 0]), None);
    }
}
