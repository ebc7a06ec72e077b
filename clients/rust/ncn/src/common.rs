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

/// An account type of the program: every account starts with an 8-byte little-endian
/// discriminator (its type id) and has a fixed size.
pub trait ProgramAccount: Sized {
    /// The type's name, as errors show it.
    const NAME: &'static str;
    /// The first 8 bytes of every account of this type, as a little-endian `u64`.
    const DISCRIMINATOR: u64;
    /// The size of every account of this type.
    const LEN: usize;
    /// Decodes a whole account, checking its size and discriminator.
    fn from_bytes(data: &[u8]) -> Result<Self, std::io::Error>;
}

/// `data` is a whole account of type `name`: `len` bytes starting with `discriminator`
/// (little-endian `u64`); otherwise an `InvalidData` error saying what it is instead.
pub fn check_account_data(
    data: &[u8],
    name: &str,
    discriminator: u64,
    len: usize,
) -> Result<(), std::io::Error> {
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidData, message);
    let Some(header) = data.first_chunk::<8>() else {
        return Err(invalid(format!(
            "not a {name} account: {} bytes, a {name} has {len}",
            data.len()
        )));
    };
    let found = u64::from_le_bytes(*header);
    if found != discriminator {
        return Err(invalid(format!(
            "not a {name} account: discriminator {found}, a {name} has {discriminator}"
        )));
    }
    if data.len() != len {
        return Err(invalid(format!(
            "not a {name} account: {} bytes, a {name} has {len}",
            data.len()
        )));
    }
    Ok(())
}
