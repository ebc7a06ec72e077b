//! Which of the two deployed vault instruction numberings a program speaks, and sending each
//! instruction with the right tag (hand-written, not generated).
//!
//! The builders of this crate write master's tags (Jito 8109c879, `idl/jito_vault.json`):
//! RevokeDelegateTokenAccount = 21, SetAdmin … SetConfigSecondaryAdmin = 22 … 33. Vault
//! binaries deployed before RevokeDelegateTokenAccount was inserted, and this project's
//! `legacy-numbering` build, use the legacy numbering (`idl/jito_vault_legacy.json`):
//! SetAdmin … SetConfigAdmin = 21 … 31, RevokeDelegateTokenAccount = 32,
//! SetConfigSecondaryAdmin = 33 (the last two only in this project's build). Sending a
//! master-numbered instruction to a legacy program runs a *different* instruction on the same
//! accounts and data (a master AddDelegation, 24, is a legacy CooldownDelegation).
//!
//! Use: build as usual, then pass the instruction through [`VaultNumbering::apply`]:
//!
//! ```
//! use jito_vault_client::{instructions::SetAdminBuilder, numbering::VaultNumbering};
//! # use solana_address::Address;
//! # let k = Address::new_from_array([7; 32]);
//! let ix = SetAdminBuilder::new()
//!     .config(k).vault(k).old_admin(k).new_admin(k)
//!     .instruction();
//! let ix = VaultNumbering::Legacy.apply(ix);
//! assert_eq!(ix.data, [21]);
//! ```
//!
//! Before sending to a deployed program, learn its numbering once with
//! [`NumberingCache::check`]: it simulates GetNumbering (tag 36 in both numberings) through
//! a closure you give it (any RPC client), caches the answer per program id, and refuses a
//! mismatch with [`NumberingMismatch`]. The CPI builders (`*Cpi`) always write master tags.

use solana_address::Address;
use solana_instruction::Instruction;

/// Tag of GetNumbering, the read-only numbering query (the same in both numberings).
pub const GET_NUMBERING_TAG: u8 = 36;

/// A vault instruction numbering. The byte values are GetNumbering's return data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum VaultNumbering {
    /// Jito master (8109c879): RevokeDelegateTokenAccount = 21. What the builders write.
    Master = 0,
    /// The older deployed numbering: SetAdmin = 21 … SetConfigAdmin = 31, then
    /// RevokeDelegateTokenAccount = 32 and SetConfigSecondaryAdmin = 33 appended.
    Legacy = 1,
}

/// Master tags of the instructions the legacy numbering moves (RevokeDelegateTokenAccount,
/// then SetAdmin … SetConfigAdmin).
const REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 = 21;
const SET_ADMIN: u8 = 22;
const SET_CONFIG_ADMIN: u8 = 32;
const LEGACY_SET_ADMIN: u8 = 21;
const LEGACY_SET_CONFIG_ADMIN: u8 = 31;
const LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 = 32;

impl VaultNumbering {
    /// The tag in this numbering of the instruction whose master tag is `master` (a bijection
    /// on `u8`; tags of no instruction stay tags of no instruction).
    pub const fn tag(self, master: u8) -> u8 {
        match self {
            Self::Master => master,
            Self::Legacy => match master {
                REVOKE_DELEGATE_TOKEN_ACCOUNT => LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT,
                SET_ADMIN..=SET_CONFIG_ADMIN => master - 1,
                other => other,
            },
        }
    }

    /// The master tag of the instruction whose tag in this numbering is `tag` (inverse of
    /// [`VaultNumbering::tag`]), e.g. to decode an instruction seen on a legacy program with
    /// this crate's master-numbered types.
    pub const fn master_tag(self, tag: u8) -> u8 {
        match self {
            Self::Master => tag,
            Self::Legacy => match tag {
                LEGACY_REVOKE_DELEGATE_TOKEN_ACCOUNT => REVOKE_DELEGATE_TOKEN_ACCOUNT,
                LEGACY_SET_ADMIN..=LEGACY_SET_CONFIG_ADMIN => tag + 1,
                other => other,
            },
        }
    }

    /// `ix`, built by this crate (master tag), with its tag rewritten for this numbering.
    /// Accounts and arguments are the same in both numberings.
    pub fn apply(self, mut ix: Instruction) -> Instruction {
        if let Some(tag) = ix.data.first_mut() {
            *tag = self.tag(*tag);
        }
        ix
    }

    /// The numbering GetNumbering returned as return data, `None` for anything else.
    pub const fn from_return_data(data: &[u8]) -> Option<Self> {
        match data {
            [0] => Some(Self::Master),
            [1] => Some(Self::Legacy),
            _ => None,
        }
    }
}

impl core::fmt::Display for VaultNumbering {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Self::Master => "master numbering (RevokeDelegateTokenAccount = 21)",
            Self::Legacy => "legacy numbering (SetAdmin = 21)",
        })
    }
}

/// The GetNumbering query for the vault program at `program_id`: no accounts, data `[36]`.
/// Simulate it (it writes nothing) and read the return data.
pub fn get_numbering_instruction(program_id: Address) -> Instruction {
    Instruction {
        program_id,
        accounts: Vec::new(),
        data: vec![GET_NUMBERING_TAG],
    }
}

/// What a deployed vault program said about its numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeployedNumbering {
    /// A build of this project: it answered GetNumbering.
    Known(VaultNumbering),
    /// GetNumbering failed or returned something else: an original binary (they reject tag
    /// 36), whose numbering cannot be learnt on chain. Go by configuration.
    Unknown,
}

impl DeployedNumbering {
    /// Reads a simulation of [`get_numbering_instruction`]: `Some((program id, data))` of the
    /// return data when it succeeded, `None` when it failed or returned nothing. Return data
    /// set by another program than `program_id` does not count.
    pub fn from_simulation(program_id: &Address, return_data: Option<(Address, &[u8])>) -> Self {
        match return_data {
            Some((from, data)) if from == *program_id => {
                VaultNumbering::from_return_data(data).map_or(Self::Unknown, Self::Known)
            }
            _ => Self::Unknown,
        }
    }

    /// Whether a client of `client` numbering may send to this program: `Ok(true)` when the
    /// program confirmed that numbering, `Ok(false)` when it could not say (an original binary:
    /// the caller goes by its configuration and should warn), [`NumberingMismatch`] when it
    /// speaks the other numbering.
    pub fn check(self, client: VaultNumbering) -> Result<bool, NumberingMismatch> {
        match self {
            Self::Known(program) if program == client => Ok(true),
            Self::Known(program) => Err(NumberingMismatch { client, program }),
            Self::Unknown => Ok(false),
        }
    }
}

/// A client of one numbering about to talk to a program of the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberingMismatch {
    /// The numbering the client was configured with.
    pub client: VaultNumbering,
    /// The numbering the deployed program reported (GetNumbering).
    pub program: VaultNumbering,
}

impl core::fmt::Display for NumberingMismatch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "vault numbering mismatch: the client uses the {} but the program reports the {}; \
             nothing was sent (a mismatched tag would run a different instruction)",
            self.client, self.program
        )
    }
}

impl std::error::Error for NumberingMismatch {}

/// Answers of GetNumbering per program id: each program is asked once.
#[derive(Clone, Debug, Default)]
pub struct NumberingCache {
    known: Vec<(Address, DeployedNumbering)>,
}

impl NumberingCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The numbering of `program_id`, simulating [`get_numbering_instruction`] with `simulate`
    /// the first time (it returns the simulation's return data as `(program id, bytes)`, or
    /// `None` when the simulation failed or set none). An `Err` of `simulate` (e.g. the RPC
    /// is unreachable) is passed on and not cached.
    pub fn get<E>(
        &mut self,
        program_id: &Address,
        simulate: impl FnOnce(&Instruction) -> Result<Option<(Address, Vec<u8>)>, E>,
    ) -> Result<DeployedNumbering, E> {
        if let Some((_, known)) = self.known.iter().find(|(id, _)| id == program_id) {
            return Ok(*known);
        }
        let answer = simulate(&get_numbering_instruction(*program_id))?;
        let deployed = DeployedNumbering::from_simulation(
            program_id,
            answer.as_ref().map(|(id, data)| (*id, data.as_slice())),
        );
        self.known.push((*program_id, deployed));
        Ok(deployed)
    }

    /// [`NumberingCache::get`] then [`DeployedNumbering::check`]: call before sending
    /// instructions of `client` numbering to `program_id`.
    pub fn check<E: From<NumberingMismatch>>(
        &mut self,
        program_id: &Address,
        client: VaultNumbering,
        simulate: impl FnOnce(&Instruction) -> Result<Option<(Address, Vec<u8>)>, E>,
    ) -> Result<bool, E> {
        Ok(self.get(program_id, simulate)?.check(client)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_is_a_bijection_with_its_inverse() {
        for n in [VaultNumbering::Master, VaultNumbering::Legacy] {
            let mut seen = [false; 256];
            for t in 0..=u8::MAX {
                let mapped = n.tag(t);
                assert!(!seen[mapped as usize]);
                seen[mapped as usize] = true;
                assert_eq!(n.master_tag(mapped), t);
            }
        }
        assert_eq!(VaultNumbering::Legacy.tag(21), 32);
        assert_eq!(VaultNumbering::Legacy.tag(22), 21);
        assert_eq!(VaultNumbering::Legacy.tag(32), 31);
        assert_eq!(VaultNumbering::Legacy.tag(33), 33);
        assert_eq!(VaultNumbering::Legacy.tag(36), 36);
    }

    #[test]
    fn cache_asks_once_and_refuses_a_mismatch() {
        let id = Address::new_from_array([9; 32]);
        let mut cache = NumberingCache::new();
        let mut asked = 0;
        let mut legacy = |ix: &Instruction| {
            asked += 1;
            assert_eq!(ix.data, [GET_NUMBERING_TAG]);
            assert!(ix.accounts.is_empty());
            Ok::<_, NumberingMismatch>(Some((ix.program_id, vec![1])))
        };
        assert_eq!(
            cache.check(&id, VaultNumbering::Master, &mut legacy),
            Err(NumberingMismatch {
                client: VaultNumbering::Master,
                program: VaultNumbering::Legacy
            })
        );
        assert_eq!(
            cache.check(&id, VaultNumbering::Legacy, &mut legacy),
            Ok(true)
        );
        assert_eq!(asked, 1);
        let other = Address::new_from_array([10; 32]);
        let failed = |_: &Instruction| Ok::<_, NumberingMismatch>(None);
        assert_eq!(
            cache.check(&other, VaultNumbering::Master, failed),
            Ok(false)
        );
        // Return data of another program is not an answer.
        let third = Address::new_from_array([11; 32]);
        assert_eq!(
            DeployedNumbering::from_simulation(&third, Some((other, &[0][..]))),
            DeployedNumbering::Unknown
        );
    }
}
