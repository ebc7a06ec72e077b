//! Scenario: one NCN, one operator, one vault and every ticket between them
//! ([`RestakingScenario`] on the one [`World`]), for the restaking opt-in toggles (warm-up /
//! cool-down), admin changes, operator fee and token delegation tests. Bytes come from
//! [`crate::layout_oracle`]; written accounts are read back through the client ([`decode`]).

/// Instruction tags (the shared table).
pub use crate::codes::restaking_tag as tag;

/// Custom error codes: the shared table, and `jito_jsm_core::CoreError::BadEpochLength`.
pub mod err {
    pub use crate::codes::core_err::BAD_EPOCH_LENGTH;
    pub use crate::codes::restaking_err::*;
}

pub use crate::client_decode::{restaking as decode, toggle};
pub use crate::world::World;
use crate::{
    owned_account, Account, Instruction, InstructionResult, Mollusk, Pubkey, RESTAKING_PROGRAM_ID,
    TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

pub use crate::layout_oracle::DEFAULT_EPOCH_LENGTH;

/// Discriminators, lengths and field offsets of the restaking accounts.
pub use crate::layout_oracle::restaking_layout as layout;

// ---------------------------------------------------------------------------
// PDAs (found with the host `find_program_address`, independent of the program).
// ---------------------------------------------------------------------------
pub use crate::pda::{
    restaking::{
        config_pda, ncn_operator_state_pda, ncn_pda, ncn_vault_slasher_ticket_pda,
        ncn_vault_ticket_pda, operator_pda, operator_vault_ticket_pda,
    },
    vault::vault_pda,
};

pub use crate::layout_oracle::{
    ncn_operator_state_data, put_toggle as set_toggle, read_toggle, restaking_config_data,
    slasher_ticket_data, vault_stub_data as vault_data, vault_ticket_data, NcnFields,
    OperatorFields, NCN_OPERATOR_STATE_NCN_TOGGLE, NCN_OPERATOR_STATE_OPERATOR_TOGGLE,
    SLASHER_TICKET_TOGGLE, TICKET_TOGGLE,
};

/// Restaking `Config` with some NCNs and operators counted already.
pub fn config_data(admin: &Pubkey, vault_program: &Pubkey, epoch_length: u64, bump: u8) -> Vec<u8> {
    restaking_config_data(admin, vault_program, 7, 9, epoch_length, bump)
}

// ---------------------------------------------------------------------------
// A world of accounts for the single-instruction tests.
// ---------------------------------------------------------------------------

/// A ready-made scenario on the one [`World`]: keys, bumps and account states of one NCN, one
/// operator, one vault and the tickets between them, every admin role held by the respective
/// admin. Derefs to its [`World`]; [`RestakingScenario::run_on`] runs on a caller's Mollusk.
pub struct RestakingScenario {
    pub epoch_length: u64,
    pub config: Pubkey,
    pub config_bump: u8,
    pub config_admin: Pubkey,
    pub ncn: Pubkey,
    pub ncn_fields: NcnFields,
    pub operator: Pubkey,
    pub operator_fields: OperatorFields,
    pub vault: Pubkey,
    pub vault_base: Pubkey,
    pub vault_bump: u8,
    pub slasher: Pubkey,
    pub ncn_operator_state: Pubkey,
    pub ncn_operator_state_bump: u8,
    pub ncn_vault_ticket: Pubkey,
    pub ncn_vault_ticket_bump: u8,
    pub operator_vault_ticket: Pubkey,
    pub operator_vault_ticket_bump: u8,
    pub ncn_vault_slasher_ticket: Pubkey,
    pub ncn_vault_slasher_ticket_bump: u8,
    pub world: World,
}

impl std::ops::Deref for RestakingScenario {
    type Target = World;
    fn deref(&self) -> &World {
        &self.world
    }
}

impl std::ops::DerefMut for RestakingScenario {
    fn deref_mut(&mut self) -> &mut World {
        &mut self.world
    }
}

impl RestakingScenario {
    /// A world whose toggles are all freshly created (inactive) at `created_at`.
    /// The same arguments give the same keys; see [`RestakingScenario::with_seed`].
    pub fn new(epoch_length: u64, created_at: u64) -> Self {
        Self::with_seed(epoch_length, created_at, 1)
    }

    /// [`RestakingScenario::new`] with keys derived from `seed`: two seeds give two
    /// unrelated NCNs, operators and vaults (the config is the same PDA).
    pub fn with_seed(epoch_length: u64, created_at: u64, seed: u8) -> Self {
        let key = |i: u8| {
            Pubkey::new_from_array([
                seed, i, 0x52, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, i,
            ])
        };
        let (config, config_bump) = config_pda();
        let config_admin = key(1);
        let ncn_base = key(2);
        let (ncn, ncn_bump) = ncn_pda(&ncn_base);
        let mut ncn_fields = NcnFields::new(ncn_base, key(3), 3);
        (
            ncn_fields.operator_count,
            ncn_fields.vault_count,
            ncn_fields.slasher_count,
        ) = (4, 5, 6);
        ncn_fields.bump = ncn_bump;
        let op_base = key(4);
        let (operator, operator_bump) = operator_pda(&op_base);
        let mut operator_fields = OperatorFields::new(op_base, key(5), 2, 500);
        (operator_fields.ncn_count, operator_fields.vault_count) = (3, 4);
        operator_fields.bump = operator_bump;
        let vault_base = key(6);
        let (vault, vault_bump) = vault_pda(&vault_base);
        let slasher = key(7);
        let (ncn_operator_state, ncn_operator_state_bump) = ncn_operator_state_pda(&ncn, &operator);
        let (ncn_vault_ticket, ncn_vault_ticket_bump) = ncn_vault_ticket_pda(&ncn, &vault);
        let (operator_vault_ticket, operator_vault_ticket_bump) =
            operator_vault_ticket_pda(&operator, &vault);
        let (ncn_vault_slasher_ticket, ncn_vault_slasher_ticket_bump) =
            ncn_vault_slasher_ticket_pda(&ncn, &vault, &slasher);
        let mut w = Self {
            epoch_length,
            config,
            config_bump,
            config_admin,
            ncn,
            ncn_fields,
            operator,
            operator_fields,
            vault,
            vault_base,
            vault_bump,
            slasher,
            ncn_operator_state,
            ncn_operator_state_bump,
            ncn_vault_ticket,
            ncn_vault_ticket_bump,
            operator_vault_ticket,
            operator_vault_ticket_bump,
            ncn_vault_slasher_ticket,
            ncn_vault_slasher_ticket_bump,
            world: World::store_only(),
        };
        let created = (created_at, created_at);
        w.put_restaking(
            config,
            config_data(&config_admin, &VAULT_PROGRAM_ID, epoch_length, config_bump),
        );
        let ncn_data = w.ncn_fields.bytes();
        w.put_restaking(ncn, ncn_data);
        let operator_data = w.operator_fields.bytes();
        w.put_restaking(operator, operator_data);
        w.world.accounts.insert(
            vault,
            owned_account(&VAULT_PROGRAM_ID, vault_data(&vault_base, vault_bump)),
        );
        w.put_restaking(
            ncn_operator_state,
            ncn_operator_state_data(
                &ncn,
                &operator,
                1,
                created,
                created,
                ncn_operator_state_bump,
            ),
        );
        w.put_restaking(
            ncn_vault_ticket,
            vault_ticket_data(
                layout::NCN_VAULT_TICKET_DISC,
                &ncn,
                &vault,
                2,
                created,
                ncn_vault_ticket_bump,
            ),
        );
        w.put_restaking(
            operator_vault_ticket,
            vault_ticket_data(
                layout::OPERATOR_VAULT_TICKET_DISC,
                &operator,
                &vault,
                3,
                created,
                operator_vault_ticket_bump,
            ),
        );
        w.put_restaking(
            ncn_vault_slasher_ticket,
            slasher_ticket_data(
                &ncn,
                &vault,
                &slasher,
                1_000,
                4,
                created,
                ncn_vault_slasher_ticket_bump,
            ),
        );
        w
    }

    /// Stores a restaking-owned account.
    pub fn put_restaking(&mut self, key: Pubkey, data: Vec<u8>) {
        self.world.put_owned(key, &RESTAKING_PROGRAM_ID, data);
    }

    pub fn ncn_admin(&self) -> Pubkey {
        self.ncn_fields.admin
    }

    pub fn operator_admin(&self) -> Pubkey {
        self.operator_fields.admin
    }

    /// Rewrites the NCN account from `ncn_fields`.
    pub fn store_ncn(&mut self) {
        let d = self.ncn_fields.bytes();
        self.put_restaking(self.ncn, d);
    }

    /// Rewrites the operator account from `operator_fields`.
    pub fn store_operator(&mut self) {
        let d = self.operator_fields.bytes();
        self.put_restaking(self.operator, d);
    }

    /// Sets a toggle of a stored account.
    pub fn set_toggle(&mut self, key: &Pubkey, offset: usize, toggle: (u64, u64)) {
        let account = self.world.accounts.get_mut(key).expect("unknown account");
        set_toggle(&mut account.data, offset, toggle);
    }

    /// Runs `ix` on `mollusk` (the caller's clock) against the store; on success stores the
    /// resulting accounts of the restaking and token programs and those already stored.
    pub fn run_on(
        &mut self,
        mollusk: &Mollusk,
        ix: &Instruction,
    ) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        let result = crate::oracle::process(mollusk, ix, &accounts);
        if result.program_result.is_ok() {
            for (k, a) in &result.resulting_accounts {
                if a.owner == RESTAKING_PROGRAM_ID
                    || a.owner == TOKEN_PROGRAM_ID
                    || self.world.accounts.contains_key(k)
                {
                    self.world.accounts.insert(*k, a.clone());
                }
            }
        }
        (result, accounts)
    }
}

pub use crate::world::restaking::*;
