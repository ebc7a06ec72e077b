//! The one test world: Mollusk with both programs, the token programs and the Metaplex recorder,
//! plus an account store that successful instructions commit into.
//!
//! Where to extend the harness:
//! - account bytes: [`crate::layout_oracle`] (one hand layout per account type);
//! - PDAs: [`crate::pda`]; tags and error codes: [`crate::codes`];
//! - the store, the clock, running and committing instructions: here, on [`World`];
//! - instruction builders over plain addresses: [`restaking`], [`vault`] and [`ncn`] (with the
//!   NCN program loaded: [`ncn::ncn_world`]);
//! - ready-made states (configs, vaults, NCNs, operators, tickets) and role key sets:
//!   [`crate::scenarios`], which build on this [`World`].

pub mod ncn;
pub mod restaking;
pub mod vault;

use std::collections::BTreeMap;

use crate::{
    layout_oracle::assert_client_decodes_changes, mint_data, mollusk_with_program_ids,
    owned_account, pda::METAPLEX_ID, program_account, system_account, token_account_data, Account,
    Instruction, InstructionResult, Mollusk, ProgramError, Pubkey, ASSOCIATED_TOKEN_PROGRAM_ID,
    MEMO_PROGRAM_ID, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_2022_PROGRAM_ID,
    TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// A fixed test key `[first, group, n, 0, …, 0, last]`: the role key sets tell their keys apart
/// by `first` and `last`.
pub fn fixed_key(first: u8, group: u8, n: u8, last: u8) -> Pubkey {
    let mut bytes = [0u8; 32];
    (bytes[0], bytes[1], bytes[2], bytes[31]) = (first, group, n, last);
    Pubkey::new_from_array(bytes)
}

/// The fixed key `label` (at most 32 bytes) of a family of keys named by `base` and `owner`
/// (`create_with_seed`): benchmarks keep their keys, and so their CU, stable across edits.
pub fn labelled_key(base: &Pubkey, owner: &Pubkey, label: &str) -> Pubkey {
    Pubkey::create_with_seed(base, label, owner)
        .unwrap_or_else(|e| panic!("key label {label:?}: {e:?}"))
}

/// Lamports of a funded wallet ([`World::fund`]).
pub const FUNDED_LAMPORTS: u64 = 1_000_000_000_000;

/// Mollusk plus the current state of every account the tests put or the programs wrote.
pub struct World {
    pub mollusk: Mollusk,
    pub accounts: BTreeMap<Pubkey, Account>,
    /// What an instruction sees at an address nothing was stored at: an empty system account,
    /// or what [`World::unstored_accounts_are`] set.
    unstored: Account,
    /// Where the two programs are deployed (restaking, vault).
    program_ids: (Pubkey, Pubkey),
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

/// `mollusk` with the Metaplex recorder (`scripts/build-sbf.sh` builds it next to the programs)
/// at [`METAPLEX_ID`].
pub fn add_metaplex_recorder(mollusk: &mut Mollusk) {
    let recorder = crate::sbf_out_dir().join("metaplex_recorder.so");
    let elf = std::fs::read(&recorder).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); run scripts/build-sbf.sh",
            recorder.display()
        )
    });
    #[cfg(feature = "trace")]
    let elf = crate::trace::with_section_headers(elf);
    mollusk.add_program_with_loader_and_elf(
        &METAPLEX_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        &elf,
    );
}

impl World {
    /// Both programs at their default ids.
    pub fn new() -> Self {
        Self::with_program_ids(&RESTAKING_PROGRAM_ID, &VAULT_PROGRAM_ID)
    }

    /// Both programs deployed at `restaking` and `vault` only.
    pub fn with_program_ids(restaking: &Pubkey, vault: &Pubkey) -> Self {
        let mut mollusk = mollusk_with_program_ids(restaking, vault);
        add_metaplex_recorder(&mut mollusk);
        Self::with_mollusk_and_ids(mollusk, (*restaking, *vault))
    }

    /// A world around a Mollusk the caller prepared (programs at the default ids).
    pub fn with_mollusk(mollusk: Mollusk) -> Self {
        Self::with_mollusk_and_ids(mollusk, (RESTAKING_PROGRAM_ID, VAULT_PROGRAM_ID))
    }

    /// A store whose own Mollusk holds no programs (building one that does costs a JIT build of
    /// seven programs): for scenarios whose tests run every instruction on a Mollusk of their own
    /// ([`crate::scenarios::restaking_pair::RestakingScenario::run_on`]). `exec` and `run` on it
    /// fail: the programs are missing.
    pub fn store_only() -> Self {
        Self::with_mollusk(Mollusk::default())
    }

    fn with_mollusk_and_ids(mollusk: Mollusk, program_ids: (Pubkey, Pubkey)) -> Self {
        let mut accounts = BTreeMap::new();
        for id in [
            SYSTEM_PROGRAM_ID,
            TOKEN_PROGRAM_ID,
            TOKEN_2022_PROGRAM_ID,
            ASSOCIATED_TOKEN_PROGRAM_ID,
            MEMO_PROGRAM_ID,
            METAPLEX_ID,
            program_ids.0,
            program_ids.1,
        ] {
            let (k, a) = program_account(&id);
            accounts.insert(k, a);
        }
        Self {
            mollusk,
            accounts,
            unstored: system_account(0),
            program_ids,
        }
    }

    /// Every address nothing is stored at holds `account` (e.g. a funded wallet, so a fixture
    /// need not list its signers).
    pub fn unstored_accounts_are(mut self, account: Account) -> Self {
        self.unstored = account;
        self
    }

    // -- the store ---------------------------------------------------------------------------

    /// Forgets every stored account but the programs: a fresh store on the same (already
    /// built) Mollusk, for tests that run many sequences.
    pub fn clear_state(&mut self) {
        self.accounts.retain(|_, account| account.executable);
    }

    pub fn set(&mut self, key: Pubkey, account: Account) {
        self.accounts.insert(key, account);
    }

    /// A stored account; panics when there is none.
    #[track_caller]
    pub fn get(&self, key: &Pubkey) -> &Account {
        self.accounts
            .get(key)
            .unwrap_or_else(|| panic!("no account {key}"))
    }

    /// The account at `key` as an instruction sees it: stored, or the unstored default (an empty
    /// system account unless [`World::unstored_accounts_are`] said otherwise).
    pub fn account(&self, key: &Pubkey) -> Account {
        self.accounts
            .get(key)
            .cloned()
            .unwrap_or_else(|| self.unstored.clone())
    }

    /// Data of a stored account.
    #[track_caller]
    pub fn data(&self, key: &Pubkey) -> &[u8] {
        &self.get(key).data
    }

    /// A rent-exempt account of `owner` holding `data`.
    pub fn put_owned(&mut self, key: Pubkey, owner: &Pubkey, data: Vec<u8>) {
        self.set(key, owned_account(owner, data));
    }

    /// A wallet with [`FUNDED_LAMPORTS`].
    pub fn fund(&mut self, key: &Pubkey) {
        self.set(*key, system_account(FUNDED_LAMPORTS));
    }

    /// An initialised SPL Token mint.
    pub fn put_mint(&mut self, mint: &Pubkey, authority: &Pubkey, supply: u64, decimals: u8) {
        self.put_owned(
            *mint,
            &TOKEN_PROGRAM_ID,
            mint_data(Some(authority), supply, decimals),
        );
    }

    /// The associated SPL Token account of `owner` for `mint`, holding `amount` (added to the
    /// mint's supply when the mint is stored).
    pub fn put_ata(&mut self, owner: &Pubkey, mint: &Pubkey, amount: u64) -> Pubkey {
        let address = crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID);
        self.put_owned(
            address,
            &TOKEN_PROGRAM_ID,
            token_account_data(mint, owner, amount),
        );
        if let Some(m) = self.accounts.get_mut(mint) {
            let supply = crate::mint_supply(m) + amount;
            m.data[36..44].copy_from_slice(&supply.to_le_bytes());
        }
        address
    }

    pub fn token_amount(&self, key: &Pubkey) -> u64 {
        crate::token_amount(&self.account(key))
    }

    pub fn mint_supply(&self, key: &Pubkey) -> u64 {
        crate::mint_supply(&self.account(key))
    }

    // -- the clock ---------------------------------------------------------------------------

    /// Moves the clock (slot, epoch and the other sysvars) to `slot`.
    pub fn warp(&mut self, slot: u64) {
        self.mollusk.warp_to_slot(slot);
    }

    /// Sets the clock's slot alone.
    pub fn set_slot(&mut self, slot: u64) {
        self.mollusk.sysvars.clock.slot = slot;
    }

    pub fn slot(&self) -> u64 {
        self.mollusk.sysvars.clock.slot
    }

    /// The epoch of the slot for a config with the default epoch length.
    pub fn epoch(&self) -> u64 {
        self.slot() / crate::layout_oracle::DEFAULT_EPOCH_LENGTH
    }

    // -- running instructions ----------------------------------------------------------------

    /// The accounts of `ix`, one per key in meta order, from the store.
    pub fn accounts_for(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut out: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if !out.iter().any(|(k, _)| *k == meta.pubkey) {
                out.push((meta.pubkey, self.account(&meta.pubkey)));
            }
        }
        out
    }

    /// Runs `ix` against `accounts`, leaving the store alone.
    pub fn run_with(&self, ix: &Instruction, accounts: &[(Pubkey, Account)]) -> InstructionResult {
        crate::oracle::process(&self.mollusk, ix, accounts)
    }

    /// Runs `ix` against the store without committing; returns the accounts it ran on too.
    pub fn run(&self, ix: &Instruction) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        (self.run_with(ix, &accounts), accounts)
    }

    /// Stores every resulting (non-program) account of `result`.
    pub fn commit(&mut self, result: &InstructionResult) {
        for (k, a) in &result.resulting_accounts {
            if !a.executable {
                self.accounts.insert(*k, a.clone());
            }
        }
    }

    /// Runs `ix` and commits when it succeeds; a failure must change no account.
    #[track_caller]
    pub fn apply(&mut self, ix: &Instruction) -> InstructionResult {
        let (result, before) = self.run(ix);
        match &result.program_result {
            mollusk_svm::result::ProgramResult::Success => {
                assert_client_decodes_changes(&before, &result);
                self.commit(&result);
            }
            mollusk_svm::result::ProgramResult::Failure(e) => {
                crate::assert_error(&result, &before, e.clone())
            }
            mollusk_svm::result::ProgramResult::UnknownError(_) => {}
        }
        result
    }

    /// Runs `ix`, panics unless it succeeds, commits. Every vault account it changed is decoded
    /// by the generated client and laid out again by the layout oracle to the same bytes.
    #[track_caller]
    pub fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        let (result, before) = self.run(ix);
        assert!(
            result.program_result.is_ok(),
            "{} instruction tag {:?} at slot {} failed: {:?}",
            if ix.program_id == self.program_ids.0 {
                "restaking"
            } else if ix.program_id == self.program_ids.1 {
                "vault"
            } else {
                "other"
            },
            ix.data.first(),
            self.slot(),
            result.program_result
        );
        assert_client_decodes_changes(&before, &result);
        self.commit(&result);
        result
    }

    /// [`World::apply`] as a `Result`.
    #[track_caller]
    pub fn try_exec(&mut self, ix: &Instruction) -> Result<(), ProgramError> {
        match self.apply(ix).program_result {
            mollusk_svm::result::ProgramResult::Success => Ok(()),
            mollusk_svm::result::ProgramResult::Failure(e) => Err(e),
            other => panic!("instruction did not complete: {other:?}"),
        }
    }
}
