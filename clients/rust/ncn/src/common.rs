//! Pieces the generated code of `jito-ncn-client` uses (the restaking and vault clients have
//! their own, with the same `BuildError`).

use solana_address::{address, Address};

/// The template's NCN program id.
pub const DEFAULT_NCN_PROGRAM_ID: Address =
    address!("5SiK283D1iFSqHvr8vbNWCBjbjRXeEYS79CLax7nosPf");
/// The original restaking program id.
pub const DEFAULT_RESTAKING_PROGRAM_ID: Address =
    address!("RestkWeAVL8fRGgzhfeoqFhsqKRchg6aa1XrcH96z4Q");
/// The original vault program id.
pub const DEFAULT_VAULT_PROGRAM_ID: Address =
    address!("Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8");

/// Where the programs are deployed. Builders' `try_instruction_with_program_ids` take the
/// instruction's program id from here; `pdas` derive with the id given (the restaking and
/// vault PDAs an NCN instruction takes with those programs' ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgramIds {
    pub ncn: Address,
    pub restaking: Address,
    pub vault: Address,
}

impl Default for ProgramIds {
    /// The original ids.
    fn default() -> Self {
        Self {
            ncn: DEFAULT_NCN_PROGRAM_ID,
            restaking: DEFAULT_RESTAKING_PROGRAM_ID,
            vault: DEFAULT_VAULT_PROGRAM_ID,
        }
    }
}

/// Why a builder could not build its instruction.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("{instruction}: account `{name}` is not set")]
    MissingAccount {
        instruction: &'static str,
        name: &'static str,
    },
    #[error("{instruction}: argument `{name}` is not set")]
    MissingArgument {
        instruction: &'static str,
        name: &'static str,
    },
}
