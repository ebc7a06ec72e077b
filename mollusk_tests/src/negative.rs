//! Negative-matrix engine: from one *valid* instruction, every single-point
//! mutation of its accounts and data, each run in Mollusk and checked against
//! the exact error it must fail with, plus proof that it changed no account.
//!
//! # How a matrix is built
//!
//! A [`ValidCase`] is a Mollusk (slot, sysvars), an [`Instruction`] and its
//! input accounts, which must succeed. [`Matrix::new`] takes it with a
//! **model**: a function of a [`View`] of the (mutated) instruction that
//! replays the original program's checks *in the original's order* with the
//! rule helpers below ([`load_state`], [`load_system_account`],
//! [`load_signer`], [`load_program`], [`key_eq`], [`create_account_cpi`], …)
//! and returns the first failure. The expected error of a mutation is the
//! model's answer, unless an explicit entry of the override table
//! ([`Matrix::expect`]) says otherwise with a reason (for the few places where
//! the runtime, not the program, decides).
//!
//! A mutation the model lets through must be listed as an allowed success
//! ([`Matrix::allow`] / [`Matrix::allow_at`]) with a reason, e.g. an account
//! the original never reads. Nothing is skipped silently: an unlisted success,
//! a wrong error, a changed account or an unused table entry fails the test.
//!
//! # Mutations
//!
//! For each account position `i` (skipping, and counting as *n/a*, those that
//! would not change anything, e.g. the discriminator of an empty account):
//! - `WrongOwner(i)`: the account's owner swapped for a plausible other program
//!   ([`other_owner`]: restaking ↔ vault, Token ↔ Token-2022, system → restaking);
//! - `WrongDiscriminator(i)`: first data byte XOR 3 (swaps the restaking
//!   discriminators 5 ↔ 6, two account types of the same length);
//! - `Resized(i, longer)`: the data one byte shorter, or one 0 byte longer
//!   (the original deserialises exact sizes);
//! - `WrongPda(i)`: the same account at another address ([`moved_key`]), the
//!   meta's key changed accordingly. For an existing account of a program type
//!   whose seeds are not constants (everything but the configs), a copy at a
//!   non-canonical address is a state that cannot exist on chain: only the
//!   owning program writes such an account, and both programs (and the
//!   originals) create each type only at the canonical PDA of the seed fields
//!   they store in it (`jito_core::account`). For those, `WrongPda(i)` is the
//!   reachable counterpart instead, *another account of the same type*
//!   ([`reseed`]): its first stored seed field replaced, at the canonical PDA of
//!   the new seeds with their canonical bump stored. The model (the original's
//!   checks) decides its error as for any mutation; where the model lets it
//!   through, the instruction legitimately acts on that other account (an admin
//!   setter on another NCN with the same admin), which the engine accepts as an
//!   allowed success without a table entry, and asserts;
//! - `Uninitialised(i)`: an empty system-owned account at that address;
//! - `NotSigner(i)` / `ReadOnly(i)`: the meta loses its signer / writable flag;
//! - `Duplicate { at: i, from: j }`: meta `i` replaced by meta `j` (same key,
//!   same flags: no privilege is invented), for every `j` with another key;
//! - `MissingAccounts(n)`: only the first `n` metas, for every `n` below the count;
//!   `ExtraAccount`: one more (read-only wallet) meta at the end;
//! - instruction data: `DataTruncated(len)` for every shorter length,
//!   `DataExtended` (one 0 byte more), `Tag(25)`/`Tag(255)` (past the last
//!   instruction), and `ArgByte` for each enum/option byte of the arguments with
//!   out-of-range values; plus hand-written argument cases (`Arg(k)`), whose
//!   declared outcome the model must agree with, and every account mutation
//!   again with each argument case's data (pins the order of argument and
//!   account checks).
//!
//! The runtime merges the flags of metas sharing a key (a key is a signer or
//! writable if any of its metas is), and the model sees the merged flags
//! ([`View::is_signer`], [`View::is_writable`]).
//!
//! # What "changed nothing" means here
//!
//! Mollusk returns the input accounts for a failed instruction (the runtime
//! discards a failed instruction's writes), so the unchanged-accounts assertion
//! ([`assert_failed_unchanged`]) guards the harness itself; the exact error is
//! the property each case pins down.

use std::collections::HashMap;
use std::fmt;

use mollusk_svm::result::ProgramResult as RunResult;
pub use solana_instruction::error::InstructionError;

use crate::{
    Account, AccountMeta, Instruction, InstructionResult, Mollusk, ProgramError, Pubkey,
    RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

/// Outcome a case must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The program (or a program it invoked) returned this error.
    Program(ProgramError),
    /// The runtime failed the instruction with an error that is not a `ProgramError`.
    Runtime(InstructionError),
    /// Not an error (only with an allowed-success entry).
    Success,
}

impl Expected {
    /// `ProgramError::Custom(code)`.
    pub fn custom(code: u32) -> Self {
        Expected::Program(ProgramError::Custom(code))
    }
}

impl From<ProgramError> for Expected {
    fn from(e: ProgramError) -> Self {
        Expected::Program(e)
    }
}

/// The result of a model check: `Err` is the first failure.
pub type Check = Result<(), Expected>;

/// One mutation of a valid case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mutation {
    WrongOwner(usize),
    WrongDiscriminator(usize),
    /// The account's data one byte shorter (`false`) or longer (`true`, a 0 appended).
    Resized(usize, bool),
    WrongPda(usize),
    Uninitialised(usize),
    NotSigner(usize),
    ReadOnly(usize),
    Duplicate {
        at: usize,
        from: usize,
    },
    MissingAccounts(usize),
    ExtraAccount,
    DataTruncated(usize),
    DataExtended,
    Tag(u8),
    ArgByte {
        offset: usize,
        value: u8,
    },
    /// The k-th hand-written argument case.
    Arg(usize),
}

/// Summary columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Owner,
    Discriminator,
    Length,
    Pda,
    Uninitialised,
    Signer,
    Writable,
    Duplicate,
    Accounts,
    Data,
    Args,
    ArgsCross,
}

impl Kind {
    const ALL: [Kind; 12] = [
        Kind::Owner,
        Kind::Discriminator,
        Kind::Length,
        Kind::Pda,
        Kind::Uninitialised,
        Kind::Signer,
        Kind::Writable,
        Kind::Duplicate,
        Kind::Accounts,
        Kind::Data,
        Kind::Args,
        Kind::ArgsCross,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::Owner => "owner",
            Kind::Discriminator => "disc",
            Kind::Length => "len",
            Kind::Pda => "pda",
            Kind::Uninitialised => "uninit",
            Kind::Signer => "signer",
            Kind::Writable => "writable",
            Kind::Duplicate => "dup",
            Kind::Accounts => "accounts",
            Kind::Data => "data",
            Kind::Args => "args",
            Kind::ArgsCross => "args x accounts",
        }
    }
}

impl Mutation {
    pub fn kind(&self) -> Kind {
        match self {
            Mutation::WrongOwner(_) => Kind::Owner,
            Mutation::WrongDiscriminator(_) => Kind::Discriminator,
            Mutation::Resized(..) => Kind::Length,
            Mutation::WrongPda(_) => Kind::Pda,
            Mutation::Uninitialised(_) => Kind::Uninitialised,
            Mutation::NotSigner(_) => Kind::Signer,
            Mutation::ReadOnly(_) => Kind::Writable,
            Mutation::Duplicate { .. } => Kind::Duplicate,
            Mutation::MissingAccounts(_) | Mutation::ExtraAccount => Kind::Accounts,
            Mutation::DataTruncated(_)
            | Mutation::DataExtended
            | Mutation::Tag(_)
            | Mutation::ArgByte { .. } => Kind::Data,
            Mutation::Arg(_) => Kind::Args,
        }
    }

    /// The account position the mutation is at, if any.
    pub fn position(&self) -> Option<usize> {
        match *self {
            Mutation::WrongOwner(i)
            | Mutation::WrongDiscriminator(i)
            | Mutation::Resized(i, _)
            | Mutation::WrongPda(i)
            | Mutation::Uninitialised(i)
            | Mutation::NotSigner(i)
            | Mutation::ReadOnly(i)
            | Mutation::Duplicate { at: i, .. } => Some(i),
            _ => None,
        }
    }
}

/// An instruction that succeeds, with what the matrix needs to mutate it.
pub struct ValidCase {
    /// `<program> <Instruction>` for messages and the summary line.
    pub name: String,
    /// Configured for the case (slot, sysvars, programs).
    pub mollusk: Mollusk,
    pub instruction: Instruction,
    /// Every account the instruction references (programs included), one per key.
    pub accounts: Vec<(Pubkey, Account)>,
    /// Account names by position, for messages.
    pub names: Vec<&'static str>,
    /// Offsets in the instruction data of enum/option bytes and how many values are valid.
    pub enum_args: Vec<(usize, u8)>,
    /// Hand-written argument cases: label, full instruction data, expected outcome.
    pub arg_cases: Vec<(&'static str, Vec<u8>, Expected)>,
}

impl ValidCase {
    pub fn new(
        name: impl Into<String>,
        mollusk: Mollusk,
        instruction: Instruction,
        accounts: Vec<(Pubkey, Account)>,
        names: &[&'static str],
    ) -> Self {
        assert_eq!(
            names.len(),
            instruction.accounts.len(),
            "one name per account meta"
        );
        Self {
            name: name.into(),
            mollusk,
            instruction,
            accounts,
            names: names.to_vec(),
            enum_args: Vec::new(),
            arg_cases: Vec::new(),
        }
    }

    /// Declares an enum/option byte at `offset` of the data with `valid` values (0..valid).
    pub fn enum_arg(mut self, offset: usize, valid: u8) -> Self {
        self.enum_args.push((offset, valid));
        self
    }

    /// Adds a hand-written argument case.
    pub fn arg_case(mut self, label: &'static str, data: Vec<u8>, expected: Expected) -> Self {
        self.arg_cases.push((label, data, expected));
        self
    }
}

/// The instruction as the model sees it after a mutation.
pub struct View<'a> {
    pub metas: &'a [AccountMeta],
    pub data: &'a [u8],
    accounts: &'a HashMap<Pubkey, Account>,
}

impl View<'_> {
    pub fn len(&self) -> usize {
        self.metas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    pub fn key(&self, i: usize) -> Pubkey {
        self.metas[i].pubkey
    }

    pub fn account(&self, i: usize) -> &Account {
        &self.accounts[&self.metas[i].pubkey]
    }

    /// Signer as the runtime sees it: any meta of the same key signs.
    pub fn is_signer(&self, i: usize) -> bool {
        let key = self.key(i);
        self.metas.iter().any(|m| m.pubkey == key && m.is_signer)
    }

    /// Writable as the runtime sees it: any meta of the same key is writable
    /// (the system program, a reserved id, is demoted to read-only).
    pub fn is_writable(&self, i: usize) -> bool {
        let key = self.key(i);
        if key == SYSTEM_PROGRAM_ID {
            return false;
        }
        self.metas.iter().any(|m| m.pubkey == key && m.is_writable)
    }

    /// 32 bytes of account `i`'s data at `offset` (zeros past the end).
    pub fn pubkey_at(&self, i: usize, offset: usize) -> Pubkey {
        let data = &self.account(i).data;
        let mut out = [0u8; 32];
        if let Some(bytes) = data.get(offset..offset + 32) {
            out.copy_from_slice(bytes);
        }
        Pubkey::new_from_array(out)
    }

    /// Little-endian `u64` of account `i`'s data at `offset` (0 past the end).
    pub fn u64_at(&self, i: usize, offset: usize) -> u64 {
        let data = &self.account(i).data;
        data.get(offset..offset + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
            .unwrap_or(0)
    }

    /// Byte of account `i`'s data at `offset` (0 past the end).
    pub fn u8_at(&self, i: usize, offset: usize) -> u8 {
        self.account(i).data.get(offset).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------
// Rules: the shared loaders of the original, as model checks.
// ---------------------------------------------------------------------------

fn fail(e: ProgramError) -> Check {
    Err(Expected::Program(e))
}

/// The original `load` of a program account (no PDA part): owner
/// (`InvalidAccountOwner`), non-empty, writable when expected, discriminator and
/// length (all `InvalidAccountData`).
pub fn load_state(
    v: &View,
    i: usize,
    owner: &Pubkey,
    disc: u8,
    len: usize,
    writable: bool,
) -> Check {
    let account = v.account(i);
    if account.owner != *owner {
        return fail(ProgramError::InvalidAccountOwner);
    }
    if account.data.is_empty() {
        return fail(ProgramError::InvalidAccountData);
    }
    if writable && !v.is_writable(i) {
        return fail(ProgramError::InvalidAccountData);
    }
    if account.data[0] != disc || account.data.len() != len {
        return fail(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// Account `i` is at `expected`, else `err`.
pub fn expect_address(v: &View, i: usize, expected: &Pubkey, err: ProgramError) -> Check {
    if v.key(i) != *expected {
        return fail(err);
    }
    Ok(())
}

/// The canonical PDA of `seeds` under `program_id` (host `find_program_address`).
pub fn pda(seeds: &[&[u8]], program_id: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(seeds, program_id).0
}

/// `load_system_account`: system-owned (`InvalidAccountOwner`), no data
/// (`AccountAlreadyInitialized`), writable when expected (`InvalidAccountData`).
pub fn load_system_account(v: &View, i: usize, writable: bool) -> Check {
    let account = v.account(i);
    if account.owner != SYSTEM_PROGRAM_ID {
        return fail(ProgramError::InvalidAccountOwner);
    }
    if !account.data.is_empty() {
        return fail(ProgramError::AccountAlreadyInitialized);
    }
    if writable && !v.is_writable(i) {
        return fail(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// `load_signer`: signed (`MissingRequiredSignature`), writable when expected
/// (`InvalidAccountData`).
pub fn load_signer(v: &View, i: usize, writable: bool) -> Check {
    if !v.is_signer(i) {
        return fail(ProgramError::MissingRequiredSignature);
    }
    if writable && !v.is_writable(i) {
        return fail(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// `load_*_program`: the account is `id` (`IncorrectProgramId`).
pub fn load_program(v: &View, i: usize, id: &Pubkey) -> Check {
    expect_address(v, i, id, ProgramError::IncorrectProgramId)
}

/// An admin check: `actual == expected`, else the custom error `code`.
pub fn key_eq(actual: &Pubkey, expected: &Pubkey, code: u32) -> Check {
    if actual != expected {
        return Err(Expected::custom(code));
    }
    Ok(())
}

/// The system program's `CreateAccount` of `space` bytes at a PDA with no
/// lamports, paid by account `payer` (signer checks already done): a payer with
/// data fails `InvalidArgument`; one short of lamports fails
/// `SystemError::ResultWithNegativeLamports` (`Custom(1)`); one not owned by
/// the system program fails in the runtime (`ExternalAccountLamportSpend`).
pub fn create_account_cpi(v: &View, payer: usize, space: usize) -> Check {
    let account = v.account(payer);
    if !account.data.is_empty() {
        return fail(ProgramError::InvalidArgument);
    }
    if account.lamports < crate::rent_exempt(space) {
        return fail(ProgramError::Custom(1));
    }
    if account.owner != SYSTEM_PROGRAM_ID {
        return Err(Expected::Runtime(
            InstructionError::ExternalAccountLamportSpend,
        ));
    }
    Ok(())
}

/// Token program account checks of the original `load_token_mint`: owned by
/// `token_program` (`InvalidAccountOwner`), non-empty (`InvalidAccountData`),
/// unpacks as an initialised 82-byte mint (`InvalidAccountData` /
/// `UninitializedAccount`).
pub fn load_token_mint(v: &View, i: usize, token_program: &Pubkey) -> Check {
    let account = v.account(i);
    if account.owner != *token_program {
        return fail(ProgramError::InvalidAccountOwner);
    }
    unpack_mint(&account.data)
}

fn unpack_coption_tag(bytes: &[u8]) -> Check {
    match bytes {
        [0, 0, 0, 0] | [1, 0, 0, 0] => Ok(()),
        _ => fail(ProgramError::InvalidAccountData),
    }
}

fn unpack_mint(data: &[u8]) -> Check {
    if data.len() != 82 {
        return fail(ProgramError::InvalidAccountData);
    }
    // SPL `Mint::unpack`: decode every field (bad option tag or bool:
    // `InvalidAccountData`), then require it initialised.
    unpack_coption_tag(&data[0..4])?;
    if data[45] > 1 {
        return fail(ProgramError::InvalidAccountData);
    }
    unpack_coption_tag(&data[46..50])?;
    if data[45] == 0 {
        return fail(ProgramError::UninitializedAccount);
    }
    Ok(())
}

/// The original `load_token_account` after its token-program check: owned by
/// `token_program` (`InvalidAccountOwner`), unpacks as an initialised token
/// account (`InvalidAccountData` / `UninitializedAccount`), holder `owner` and
/// mint `mint` (`InvalidAccountData`).
pub fn load_token_account(
    v: &View,
    i: usize,
    owner: &Pubkey,
    mint: &Pubkey,
    token_program: &Pubkey,
) -> Check {
    let account = v.account(i);
    if account.owner != *token_program {
        return fail(ProgramError::InvalidAccountOwner);
    }
    let data = &account.data;
    if data.len() != 165 {
        return fail(ProgramError::InvalidAccountData);
    }
    // SPL `Account::unpack`: decode every field (bad option tag or state:
    // `InvalidAccountData`), then require it initialised.
    unpack_coption_tag(&data[72..76])?;
    if data[108] > 2 {
        return fail(ProgramError::InvalidAccountData);
    }
    unpack_coption_tag(&data[109..113])?;
    unpack_coption_tag(&data[129..133])?;
    if data[108] == 0 {
        return fail(ProgramError::UninitializedAccount);
    }
    if data[32..64] != owner.to_bytes() || data[0..32] != mint.to_bytes() {
        return fail(ProgramError::InvalidAccountData);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Mutation helpers.
// ---------------------------------------------------------------------------

/// A plausible wrong owner for an account owned by `owner`.
pub fn other_owner(owner: &Pubkey) -> Pubkey {
    if *owner == RESTAKING_PROGRAM_ID {
        VAULT_PROGRAM_ID
    } else if *owner == VAULT_PROGRAM_ID || *owner == SYSTEM_PROGRAM_ID {
        RESTAKING_PROGRAM_ID
    } else if *owner == TOKEN_PROGRAM_ID {
        TOKEN_2022_PROGRAM_ID
    } else if *owner == TOKEN_2022_PROGRAM_ID {
        TOKEN_PROGRAM_ID
    } else {
        SYSTEM_PROGRAM_ID
    }
}

/// Another address for `key` (every byte XOR 0x5A): not a PDA of anything here.
pub fn moved_key(key: &Pubkey) -> Pubkey {
    Pubkey::new_from_array(key.to_bytes().map(|b| b ^ 0x5A))
}

/// Where a program account type keeps its seeds: owner program, discriminator,
/// length, seed prefix, `(offset, len)` of each stored seed field in seed order
/// (the first one, at offset 8, is the one [`reseed`] replaces), and the offset
/// of the stored bump (the update tracker stores none).
struct SeedLayout {
    owner: Pubkey,
    disc: u8,
    len: usize,
    prefix: &'static [u8],
    seeds: Vec<(usize, usize)>,
    bump: Option<usize>,
}

/// The seed layout of `account` when it is an existing account of a restaking
/// or vault type with non-constant seeds (not a config); offsets from the
/// interface structs (whose layouts other tests pin to the original's).
fn seed_layout(account: &Account) -> Option<SeedLayout> {
    use core::mem::offset_of;
    use jito_core::account::AccountType;
    use jito_restaking_interface::state as r;
    use jito_vault_interface::state as v;
    const H: usize = jito_core::account::HEADER_LEN;
    const K: usize = 32;
    let disc = *account.data.first()?;
    let l = |owner: Pubkey,
             disc: u8,
             len: usize,
             prefix: &'static [u8],
             seeds: Vec<(usize, usize)>,
             bump: Option<usize>| SeedLayout {
        owner,
        disc,
        len,
        prefix,
        seeds,
        bump,
    };
    let layouts = [
        l(
            RESTAKING_PROGRAM_ID,
            r::Ncn::DISCRIMINATOR,
            r::Ncn::LEN,
            b"ncn",
            vec![(H + offset_of!(r::Ncn, base), K)],
            Some(H + offset_of!(r::Ncn, bump)),
        ),
        l(
            RESTAKING_PROGRAM_ID,
            r::Operator::DISCRIMINATOR,
            r::Operator::LEN,
            b"operator",
            vec![(H + offset_of!(r::Operator, base), K)],
            Some(H + offset_of!(r::Operator, bump)),
        ),
        l(
            RESTAKING_PROGRAM_ID,
            r::NcnOperatorState::DISCRIMINATOR,
            r::NcnOperatorState::LEN,
            b"ncn_operator_state",
            vec![
                (H + offset_of!(r::NcnOperatorState, ncn), K),
                (H + offset_of!(r::NcnOperatorState, operator), K),
            ],
            Some(H + offset_of!(r::NcnOperatorState, bump)),
        ),
        l(
            RESTAKING_PROGRAM_ID,
            r::OperatorVaultTicket::DISCRIMINATOR,
            r::OperatorVaultTicket::LEN,
            b"operator_vault_ticket",
            vec![
                (H + offset_of!(r::OperatorVaultTicket, operator), K),
                (H + offset_of!(r::OperatorVaultTicket, vault), K),
            ],
            Some(H + offset_of!(r::OperatorVaultTicket, bump)),
        ),
        l(
            RESTAKING_PROGRAM_ID,
            r::NcnVaultTicket::DISCRIMINATOR,
            r::NcnVaultTicket::LEN,
            b"ncn_vault_ticket",
            vec![
                (H + offset_of!(r::NcnVaultTicket, ncn), K),
                (H + offset_of!(r::NcnVaultTicket, vault), K),
            ],
            Some(H + offset_of!(r::NcnVaultTicket, bump)),
        ),
        l(
            RESTAKING_PROGRAM_ID,
            r::NcnVaultSlasherTicket::DISCRIMINATOR,
            r::NcnVaultSlasherTicket::LEN,
            b"ncn_slasher_ticket",
            vec![
                (H + offset_of!(r::NcnVaultSlasherTicket, ncn), K),
                (H + offset_of!(r::NcnVaultSlasherTicket, vault), K),
                (H + offset_of!(r::NcnVaultSlasherTicket, slasher), K),
            ],
            Some(H + offset_of!(r::NcnVaultSlasherTicket, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::Vault::DISCRIMINATOR,
            v::Vault::LEN,
            b"vault",
            vec![(H + offset_of!(v::Vault, base), K)],
            Some(H + offset_of!(v::Vault, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultNcnTicket::DISCRIMINATOR,
            v::VaultNcnTicket::LEN,
            b"vault_ncn_ticket",
            vec![
                (H + offset_of!(v::VaultNcnTicket, vault), K),
                (H + offset_of!(v::VaultNcnTicket, ncn), K),
            ],
            Some(H + offset_of!(v::VaultNcnTicket, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultOperatorDelegation::DISCRIMINATOR,
            v::VaultOperatorDelegation::LEN,
            b"vault_operator_delegation",
            vec![
                (H + offset_of!(v::VaultOperatorDelegation, vault), K),
                (H + offset_of!(v::VaultOperatorDelegation, operator), K),
            ],
            Some(H + offset_of!(v::VaultOperatorDelegation, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultNcnSlasherTicket::DISCRIMINATOR,
            v::VaultNcnSlasherTicket::LEN,
            b"vault_slasher_ticket",
            vec![
                (H + offset_of!(v::VaultNcnSlasherTicket, vault), K),
                (H + offset_of!(v::VaultNcnSlasherTicket, ncn), K),
                (H + offset_of!(v::VaultNcnSlasherTicket, slasher), K),
            ],
            Some(H + offset_of!(v::VaultNcnSlasherTicket, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultNcnSlasherOperatorTicket::DISCRIMINATOR,
            v::VaultNcnSlasherOperatorTicket::LEN,
            b"vault_ncn_slasher_operator",
            vec![
                (H + offset_of!(v::VaultNcnSlasherOperatorTicket, vault), K),
                (H + offset_of!(v::VaultNcnSlasherOperatorTicket, ncn), K),
                (H + offset_of!(v::VaultNcnSlasherOperatorTicket, slasher), K),
                (
                    H + offset_of!(v::VaultNcnSlasherOperatorTicket, operator),
                    K,
                ),
                // The epoch follows the operator.
                (
                    H + offset_of!(v::VaultNcnSlasherOperatorTicket, operator) + K,
                    8,
                ),
            ],
            Some(H + offset_of!(v::VaultNcnSlasherOperatorTicket, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultStakerWithdrawalTicket::DISCRIMINATOR,
            v::VaultStakerWithdrawalTicket::LEN,
            b"vault_staker_withdrawal_ticket",
            vec![
                (H + offset_of!(v::VaultStakerWithdrawalTicket, vault), K),
                (H + offset_of!(v::VaultStakerWithdrawalTicket, base), K),
            ],
            Some(H + offset_of!(v::VaultStakerWithdrawalTicket, bump)),
        ),
        l(
            VAULT_PROGRAM_ID,
            v::VaultUpdateStateTracker::DISCRIMINATOR,
            v::VaultUpdateStateTracker::LEN,
            b"vault_update_state_tracker",
            vec![
                (H + offset_of!(v::VaultUpdateStateTracker, vault), K),
                // The NCN epoch follows the vault.
                (H + offset_of!(v::VaultUpdateStateTracker, vault) + K, 8),
            ],
            None,
        ),
    ];
    layouts
        .into_iter()
        .find(|x| x.owner == account.owner && x.disc == disc && x.len == account.data.len())
}

/// Whether `WrongPda` of `account` is the reachable [`reseed`] (module documentation).
pub fn is_reseeded(account: &Account) -> bool {
    seed_layout(account).is_some()
}

/// Whether `account` at `key` is an existing account of a program type with
/// non-constant seeds that is *not* at the canonical PDA of the seeds it
/// stores, or stores another bump: a forged account, impossible on chain
/// (`jito_core::account`).
pub fn off_canonical_pda(key: &Pubkey, account: &Account) -> bool {
    let Some(layout) = seed_layout(account) else {
        return false;
    };
    let mut seeds: Vec<&[u8]> = vec![layout.prefix];
    for &(offset, len) in &layout.seeds {
        seeds.push(&account.data[offset..offset + len]);
    }
    let (address, bump) = Pubkey::find_program_address(&seeds, &layout.owner);
    address != *key || layout.bump.is_some_and(|at| account.data[at] != bump)
}

/// Another account of the same type as `account` (see [`is_reseeded`]): the
/// first stored seed field replaced ([`moved_key`] of it), the rest of the data
/// as it was, at the canonical PDA of the new seeds, with that PDA's bump
/// stored. Returns the new address and account.
pub fn reseed(account: &Account) -> Option<(Pubkey, Account)> {
    let layout = seed_layout(account)?;
    let mut account = account.clone();
    let (first, first_len) = layout.seeds[0];
    assert_eq!(first_len, 32, "the first seed field is an address");
    let old = Pubkey::new_from_array(account.data[first..first + 32].try_into().unwrap());
    account.data[first..first + 32].copy_from_slice(moved_key(&old).as_ref());
    let mut seeds: Vec<&[u8]> = vec![layout.prefix];
    for &(offset, len) in &layout.seeds {
        seeds.push(&account.data[offset..offset + len]);
    }
    let (address, bump) = Pubkey::find_program_address(&seeds, &layout.owner);
    if let Some(at) = layout.bump {
        account.data[at] = bump;
    }
    Some((address, account))
}

/// The address used by `ExtraAccount`.
pub fn extra_key() -> Pubkey {
    Pubkey::new_from_array([0xE7; 32])
}

/// The accounts Mollusk takes for `metas`: one per key, in meta order.
pub fn keyed_accounts(
    metas: &[AccountMeta],
    store: &HashMap<Pubkey, Account>,
) -> Vec<(Pubkey, Account)> {
    let mut out: Vec<(Pubkey, Account)> = Vec::new();
    for meta in metas {
        if !out.iter().any(|(k, _)| *k == meta.pubkey) {
            let account = store
                .get(&meta.pubkey)
                .unwrap_or_else(|| panic!("no account for {}", meta.pubkey))
                .clone();
            out.push((meta.pubkey, account));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Result assertions.
// ---------------------------------------------------------------------------

/// Panics unless the instruction failed in the runtime with `expected` (an
/// `InstructionError` that is not a `ProgramError`), changing no account: the
/// runtime-level counterpart of [`crate::assert_error`].
#[track_caller]
pub fn assert_runtime_error(
    result: &InstructionResult,
    accounts: &[(Pubkey, Account)],
    expected: InstructionError,
) {
    match &result.program_result {
        RunResult::UnknownError(err) => assert_eq!(err, &expected, "wrong runtime error"),
        other => panic!("expected runtime error {expected:?}, got {other:?}"),
    }
    assert_failed_unchanged(result, accounts);
}

/// Panics unless every account of a failed instruction is as it was.
#[track_caller]
pub fn assert_failed_unchanged(result: &InstructionResult, accounts: &[(Pubkey, Account)]) {
    if let Some(message) = unchanged_problem(result, accounts) {
        panic!("{message}");
    }
}

fn unchanged_problem(result: &InstructionResult, accounts: &[(Pubkey, Account)]) -> Option<String> {
    if result.resulting_accounts.len() != accounts.len() {
        return Some("a failed instruction returns every account".into());
    }
    for ((key, before), (key_after, after)) in accounts.iter().zip(&result.resulting_accounts) {
        if key != key_after {
            return Some(format!("account order changed: {key} vs {key_after}"));
        }
        if before.lamports != after.lamports
            || before.data != after.data
            || before.owner != after.owner
            || before != after
        {
            return Some(format!("account {key} changed on failure"));
        }
    }
    None
}

/// `Some(problem)` unless `result` is `expected` (and, for a failure, nothing changed).
pub fn check_outcome(
    result: &InstructionResult,
    accounts: &[(Pubkey, Account)],
    expected: &Expected,
) -> Option<String> {
    let actual = &result.program_result;
    let matches = match (expected, actual) {
        (Expected::Success, RunResult::Success) => true,
        (Expected::Program(e), RunResult::Failure(a)) => e == a,
        (Expected::Runtime(e), RunResult::UnknownError(a)) => e == a,
        _ => false,
    };
    if !matches {
        return Some(format!("expected {expected:?}, got {actual:?}"));
    }
    if *expected != Expected::Success {
        return unchanged_problem(result, accounts);
    }
    None
}

// ---------------------------------------------------------------------------
// The matrix.
// ---------------------------------------------------------------------------

type Model<'a> = Box<dyn Fn(&View) -> Check + 'a>;

enum Selector {
    Exact(Mutation),
    /// Every mutation of these kinds at this position.
    At(usize, Vec<Kind>),
}

impl Selector {
    fn matches(&self, m: &Mutation) -> bool {
        match self {
            Selector::Exact(x) => x == m,
            Selector::At(pos, kinds) => m.position() == Some(*pos) && kinds.contains(&m.kind()),
        }
    }
}

/// Every account-position mutation kind.
pub const ANY_ACCOUNT_MUTATION: &[Kind] = &[
    Kind::Owner,
    Kind::Discriminator,
    Kind::Length,
    Kind::Pda,
    Kind::Uninitialised,
    Kind::Signer,
    Kind::Writable,
    Kind::Duplicate,
];

/// Counts of one matrix run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub name: String,
    pub by_kind: Vec<(Kind, usize)>,
    pub total: usize,
    pub errors: usize,
    pub allowed_successes: usize,
    pub overrides: usize,
    pub not_applicable: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NEGATIVE {}: {} cases (", self.name, self.total)?;
        let parts: Vec<String> = self
            .by_kind
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{} {n}", k.label()))
            .collect();
        write!(
            f,
            "{}); {} exact errors, {} allowed successes, {} overrides, {} n/a",
            parts.join(", "),
            self.errors,
            self.allowed_successes,
            self.overrides,
            self.not_applicable
        )
    }
}

/// A valid case, its model and its tables.
pub struct Matrix<'a> {
    case: ValidCase,
    model: Model<'a>,
    overrides: Vec<(Mutation, Expected, &'static str)>,
    allowed: Vec<(Selector, &'static str)>,
}

impl<'a> Matrix<'a> {
    pub fn new(case: ValidCase, model: impl Fn(&View) -> Check + 'a) -> Self {
        Self {
            case,
            model: Box::new(model),
            overrides: Vec::new(),
            allowed: Vec::new(),
        }
    }

    /// Override table entry: `mutation` must give `expected`, whatever the model says.
    pub fn expect(mut self, mutation: Mutation, expected: Expected, reason: &'static str) -> Self {
        self.overrides.push((mutation, expected, reason));
        self
    }

    /// `mutation` legitimately succeeds.
    pub fn allow(mut self, mutation: Mutation, reason: &'static str) -> Self {
        self.allowed.push((Selector::Exact(mutation), reason));
        self
    }

    /// Mutations of `kinds` at position `pos` legitimately succeed where the model lets them.
    pub fn allow_at(mut self, pos: usize, kinds: &[Kind], reason: &'static str) -> Self {
        self.allowed
            .push((Selector::At(pos, kinds.to_vec()), reason));
        self
    }

    /// Runs the valid case and every mutation; panics with every problem found.
    pub fn run(self) -> Summary {
        let Matrix {
            case,
            model,
            overrides,
            allowed,
        } = self;
        let store: HashMap<Pubkey, Account> = case.accounts.iter().cloned().collect();
        let base_metas = case.instruction.accounts.clone();
        let base_data = case.instruction.data.clone();
        let program_id = case.instruction.program_id;
        let mut problems: Vec<String> = Vec::new();

        // The valid case succeeds, and the model agrees.
        {
            let view = View {
                metas: &base_metas,
                data: &base_data,
                accounts: &store,
            };
            if let Err(e) = model(&view) {
                problems.push(format!("model rejects the valid case with {e:?}"));
            }
            let accounts = keyed_accounts(&base_metas, &store);
            let result = crate::oracle::process(&case.mollusk, &case.instruction, &accounts);
            if !result.program_result.is_ok() {
                panic!(
                    "{}: the valid case fails: {:?}",
                    case.name, result.program_result
                );
            }
        }

        let (mutations, not_applicable) = generate(&case, &store);
        let mut summary = Summary {
            name: case.name.clone(),
            not_applicable,
            ..Summary::default()
        };
        let mut counts: HashMap<Kind, usize> = HashMap::new();
        let mut used_overrides = vec![false; overrides.len()];
        let mut used_allowed = vec![false; allowed.len()];

        // Every account mutation again under each hand-written argument case,
        // so that the order of argument and account checks is pinned too.
        let mut runs: Vec<(Mutation, Option<usize>)> =
            mutations.iter().map(|m| (*m, None)).collect();
        for k in 0..case.arg_cases.len() {
            for m in &mutations {
                if ANY_ACCOUNT_MUTATION.contains(&m.kind())
                    && !overrides.iter().any(|(o, _, _)| o == m)
                {
                    runs.push((*m, Some(k)));
                }
            }
        }

        for (mutation, cross) in runs {
            let (metas, mut data, accounts_store, arg_expected) =
                apply(&case, &store, &base_metas, &base_data, mutation);
            let kind = match cross {
                Some(k) => {
                    data = case.arg_cases[k].1.clone();
                    Kind::ArgsCross
                }
                None => mutation.kind(),
            };
            *counts.entry(kind).or_default() += 1;
            summary.total += 1;
            let label = match cross {
                Some(k) => format!(
                    "{} (with {})",
                    describe(&case, mutation),
                    case.arg_cases[k].0
                ),
                None => describe(&case, mutation),
            };

            let modelled = match kind {
                // Malformed data fails before any account is looked at.
                Kind::Data => Expected::Program(ProgramError::InvalidInstructionData),
                Kind::Args => {
                    // The declared outcome, which the model must agree with.
                    let declared = arg_expected.clone().expect("argument case");
                    let view = View {
                        metas: &metas,
                        data: &data,
                        accounts: &accounts_store,
                    };
                    let model_says = match model(&view) {
                        Ok(()) => Expected::Success,
                        Err(e) => e,
                    };
                    if model_says != declared {
                        problems.push(format!(
                            "{label}: the model says {model_says:?}, the case {declared:?}"
                        ));
                    }
                    declared
                }
                // Exact account patterns: more or fewer accounts both fail.
                Kind::Accounts => Expected::Program(ProgramError::NotEnoughAccountKeys),
                _ => {
                    let view = View {
                        metas: &metas,
                        data: &data,
                        accounts: &accounts_store,
                    };
                    match model(&view) {
                        Ok(()) => Expected::Success,
                        Err(e) => e,
                    }
                }
            };
            let expected = match overrides
                .iter()
                .position(|(m, _, _)| *m == mutation && cross.is_none())
            {
                Some(k) => {
                    used_overrides[k] = true;
                    summary.overrides += 1;
                    overrides[k].1.clone()
                }
                None => modelled,
            };
            // Another account of the same type (`reseed`) that the original's
            // checks let through: the instruction acts on it, legitimately.
            let reseeded = match mutation {
                Mutation::WrongPda(i) => is_reseeded(&store[&base_metas[i].pubkey]),
                _ => false,
            };
            if expected == Expected::Success {
                match allowed.iter().position(|(s, _)| s.matches(&mutation)) {
                    Some(k) => {
                        used_allowed[k] = true;
                        summary.allowed_successes += 1;
                    }
                    None if reseeded => summary.allowed_successes += 1,
                    None => {
                        problems.push(format!(
                            "{label}: the model lets it succeed, but it is not listed as an allowed success"
                        ));
                        continue;
                    }
                }
            } else {
                summary.errors += 1;
            }

            let instruction = Instruction {
                program_id,
                accounts: metas.clone(),
                data: data.clone(),
            };
            let accounts = keyed_accounts(&metas, &accounts_store);
            let result = crate::oracle::process(&case.mollusk, &instruction, &accounts);
            if let Some(problem) = check_outcome(&result, &accounts, &expected) {
                problems.push(format!("{label}: {problem}"));
            }
        }

        for (k, used) in used_overrides.iter().enumerate() {
            if !used {
                problems.push(format!(
                    "unused override: {:?} ({})",
                    overrides[k].0, overrides[k].2
                ));
            }
        }
        for (k, used) in used_allowed.iter().enumerate() {
            if !used {
                problems.push(format!("unused allowed-success entry: {}", allowed[k].1));
            }
        }

        summary.by_kind = Kind::ALL
            .iter()
            .map(|k| (*k, counts.get(k).copied().unwrap_or(0)))
            .collect();
        println!("{summary}");
        if !problems.is_empty() {
            panic!(
                "{}: {} problem(s):\n  {}",
                case.name,
                problems.len(),
                problems.join("\n  ")
            );
        }
        summary
    }
}

fn describe(case: &ValidCase, m: Mutation) -> String {
    let name = |i: usize| case.names.get(i).copied().unwrap_or("?");
    match m {
        Mutation::Duplicate { at, from } => format!(
            "{} [{at}] {} replaced by [{from}] {}",
            case.name,
            name(at),
            name(from)
        ),
        _ => match m.position() {
            Some(i) => format!("{} [{i}] {}: {m:?}", case.name, name(i)),
            None => format!("{}: {m:?}", case.name),
        },
    }
}

/// Every applicable mutation, and how many were not applicable.
fn generate(case: &ValidCase, store: &HashMap<Pubkey, Account>) -> (Vec<Mutation>, usize) {
    let metas = &case.instruction.accounts;
    let mut out = Vec::new();
    let mut not_applicable = 0;
    for (i, meta) in metas.iter().enumerate() {
        let account = &store[&meta.pubkey];
        let program = account.executable;
        let mut push = |ok: bool, m: Mutation| {
            if ok {
                out.push(m)
            } else {
                not_applicable += 1
            }
        };
        push(!program, Mutation::WrongOwner(i));
        push(
            !program && !account.data.is_empty(),
            Mutation::WrongDiscriminator(i),
        );
        let has_data = !program && !account.data.is_empty();
        push(has_data, Mutation::Resized(i, false));
        push(has_data, Mutation::Resized(i, true));
        push(true, Mutation::WrongPda(i));
        let already_empty =
            account.owner == SYSTEM_PROGRAM_ID && account.data.is_empty() && account.lamports == 0;
        push(!program && !already_empty, Mutation::Uninitialised(i));
        push(meta.is_signer, Mutation::NotSigner(i));
        push(meta.is_writable, Mutation::ReadOnly(i));
        for (j, other) in metas.iter().enumerate() {
            if j != i {
                push(
                    other.pubkey != meta.pubkey,
                    Mutation::Duplicate { at: i, from: j },
                );
            }
        }
    }
    for n in 0..metas.len() {
        out.push(Mutation::MissingAccounts(n));
    }
    out.push(Mutation::ExtraAccount);
    for len in 0..case.instruction.data.len() {
        out.push(Mutation::DataTruncated(len));
    }
    out.push(Mutation::DataExtended);
    out.push(Mutation::Tag(25));
    out.push(Mutation::Tag(255));
    for &(offset, valid) in &case.enum_args {
        let mut values = vec![valid, valid.saturating_add(1), 0x7F, 0x80, 0xFF];
        values.retain(|v| *v >= valid);
        values.sort_unstable();
        values.dedup();
        for value in values {
            out.push(Mutation::ArgByte { offset, value });
        }
    }
    for k in 0..case.arg_cases.len() {
        out.push(Mutation::Arg(k));
    }
    (out, not_applicable)
}

/// The mutated metas, data and account store, and the expected outcome of an argument case.
fn apply(
    case: &ValidCase,
    store: &HashMap<Pubkey, Account>,
    metas: &[AccountMeta],
    data: &[u8],
    m: Mutation,
) -> (
    Vec<AccountMeta>,
    Vec<u8>,
    HashMap<Pubkey, Account>,
    Option<Expected>,
) {
    let mut metas = metas.to_vec();
    let mut data = data.to_vec();
    let mut store = store.clone();
    let mut arg_expected = None;
    match m {
        Mutation::WrongOwner(i) => {
            let a = store.get_mut(&metas[i].pubkey).unwrap();
            a.owner = other_owner(&a.owner);
        }
        Mutation::WrongDiscriminator(i) => {
            let a = store.get_mut(&metas[i].pubkey).unwrap();
            a.data[0] ^= 3;
        }
        Mutation::Resized(i, longer) => {
            let a = store.get_mut(&metas[i].pubkey).unwrap();
            if longer {
                a.data.push(0);
            } else {
                a.data.pop();
            }
        }
        Mutation::WrongPda(i) => {
            let old = metas[i].pubkey;
            let (new, account) =
                reseed(&store[&old]).unwrap_or_else(|| (moved_key(&old), store[&old].clone()));
            store.insert(new, account);
            metas[i].pubkey = new;
        }
        Mutation::Uninitialised(i) => {
            store.insert(metas[i].pubkey, Account::new(0, 0, &SYSTEM_PROGRAM_ID));
        }
        Mutation::NotSigner(i) => metas[i].is_signer = false,
        Mutation::ReadOnly(i) => metas[i].is_writable = false,
        Mutation::Duplicate { at, from } => metas[at] = metas[from].clone(),
        Mutation::MissingAccounts(n) => metas.truncate(n),
        Mutation::ExtraAccount => {
            let key = extra_key();
            store.insert(key, Account::new(1_000_000_000, 0, &SYSTEM_PROGRAM_ID));
            metas.push(AccountMeta::new_readonly(key, false));
        }
        Mutation::DataTruncated(len) => data.truncate(len),
        Mutation::DataExtended => data.push(0),
        Mutation::Tag(tag) => data[0] = tag,
        Mutation::ArgByte { offset, value } => data[offset] = value,
        Mutation::Arg(k) => {
            let (_, bytes, expected) = &case.arg_cases[k];
            data = bytes.clone();
            arg_expected = Some(expected.clone());
        }
    }
    (metas, data, store, arg_expected)
}

/// Prints the totals of several matrices (one line per instruction, then the sum).
pub fn print_totals(program: &str, summaries: &[Summary]) {
    let total: usize = summaries.iter().map(|s| s.total).sum();
    let errors: usize = summaries.iter().map(|s| s.errors).sum();
    let allowed: usize = summaries.iter().map(|s| s.allowed_successes).sum();
    println!(
        "NEGATIVE {program} TOTAL: {} instructions, {total} cases, {errors} exact errors, {allowed} allowed successes",
        summaries.len()
    );
}
