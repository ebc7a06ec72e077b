//! Scenario: a vault config and an up-to-date vault, restaking accounts added on demand
//! ([`VaultScenario`] on the one [`World`]), and the failure-case builder [`Tx`], for the vault
//! ticket, delegation and update-state-tracker tests (`vault_tickets`, `vault_delegation`,
//! `vault_crank`, `vault_batch_crank`). Bytes come from [`crate::layout_oracle`].

use crate::{
    assert_success, rent_exempt, system_account, Account, Instruction, InstructionResult, Pubkey,
    RESTAKING_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// Epoch length written into the vault config of every world.
pub const EPOCH_LENGTH: u64 = 100;
/// Clock slot at which every world starts (epoch 10).
pub const START_SLOT: u64 = 1_000;

/// Instruction tags (the shared table).
pub use crate::codes::vault_tag as tag;

/// Custom error codes: the shared table, and the few this world names otherwise.
pub mod err {
    pub use crate::codes::core_err::BAD_EPOCH_LENGTH;
    pub use crate::codes::vault_err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED_FOR_WITHDRAWAL_AT_END_OF_UPDATE as NON_ZERO_ADDITIONAL_ASSETS_NEEDED;
    pub use crate::codes::vault_err::*;
}

// ---------------------------------------------------------------------------
// Byte helpers
// ---------------------------------------------------------------------------

pub use crate::layout_oracle::{
    assert_client_decodes, assert_client_decodes_changes, get_key, get_u64, header, put_key,
    put_u16, put_u64, slasher_ticket_data, vault_ticket_data, ConfigState, Delegation, NcnFields,
    OperatorFields, Toggle, TrackerState, VaultNcnSlasherOperatorTicketState,
    VaultNcnSlasherTicketState, VaultNcnTicketState, VaultOperatorDelegationState, VaultState,
};
pub use crate::world::World;

/// Added in an earlier epoch than two before `slot` (epochs of [`EPOCH_LENGTH`]), never
/// removed: active.
pub fn active_at(slot: u64) -> Toggle {
    Toggle {
        added: slot - 3 * EPOCH_LENGTH,
        removed: 0,
    }
}

/// A fixed, distinct test key.
pub fn key(n: u8) -> Pubkey {
    let mut bytes = [n; 32];
    bytes[0] = 0xA5;
    bytes[31] = n.wrapping_mul(7);
    Pubkey::new_from_array(bytes)
}

/// A fixed key derived from two numbers (for worlds with many operators).
pub fn key2(a: u8, b: u8) -> Pubkey {
    let mut bytes = [a; 32];
    bytes[0] = 0x5A;
    bytes[1] = b;
    Pubkey::new_from_array(bytes)
}

// ---------------------------------------------------------------------------
// Restaking program accounts
// ---------------------------------------------------------------------------

/// Restaking `Ncn` with every admin role held by `admin` (index and counters 0).
pub fn ncn_bytes(base: &Pubkey, admin: &Pubkey, bump: u8) -> Vec<u8> {
    let mut ncn = NcnFields::new(*base, *admin, 0);
    ncn.bump = bump;
    ncn.bytes()
}

/// Restaking `Operator` with every admin role and the voter held by `admin` (fee 0).
pub fn operator_bytes(base: &Pubkey, admin: &Pubkey, index: u64, bump: u8) -> Vec<u8> {
    let mut operator = OperatorFields::new(*base, *admin, index, 0);
    operator.bump = bump;
    operator.bytes()
}

/// Restaking `NcnVaultTicket` (6) / `OperatorVaultTicket` (5), index 0.
pub fn restaking_pair_ticket_bytes(
    discriminator: u8,
    first: &Pubkey,
    vault: &Pubkey,
    state: Toggle,
    bump: u8,
) -> Vec<u8> {
    vault_ticket_data(
        discriminator,
        first,
        vault,
        0,
        (state.added, state.removed),
        bump,
    )
}

/// Restaking `NcnVaultSlasherTicket`, index 0.
pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    state: Toggle,
    bump: u8,
) -> Vec<u8> {
    let toggle = (state.added, state.removed);
    slasher_ticket_data(
        ncn,
        vault,
        slasher,
        max_slashable_per_epoch,
        0,
        toggle,
        bump,
    )
}

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::{
    restaking::{
        ncn_pda, ncn_vault_slasher_ticket_pda, ncn_vault_ticket_pda, operator_pda,
        operator_vault_ticket_pda,
    },
    vault::{
        config_pda as vault_config_pda, tracker_pda, vault_ncn_slasher_operator_ticket_pda,
        vault_ncn_slasher_ticket_pda, vault_ncn_ticket_pda, vault_operator_delegation_pda,
        vault_pda,
    },
};

pub use crate::world::vault::*;

// ---------------------------------------------------------------------------
// The world: a Mollusk plus an account store
// ---------------------------------------------------------------------------

/// An operator registered with the world's vault.
#[derive(Clone, Debug)]
pub struct RegisteredOperator {
    pub base: Pubkey,
    pub operator: Pubkey,
    pub operator_vault_ticket: Pubkey,
    pub vault_operator_delegation: Pubkey,
}

/// An NCN registered with the world's vault.
#[derive(Clone, Debug)]
pub struct RegisteredNcn {
    pub base: Pubkey,
    pub ncn: Pubkey,
    pub ncn_vault_ticket: Pubkey,
    pub vault_ncn_ticket: Pubkey,
}

/// A ready-made scenario on the one [`World`]: a vault config, a vault and its admins,
/// restaking accounts added on demand. Derefs to its [`World`].
pub struct VaultScenario {
    pub world: World,
    pub config: Pubkey,
    pub vault: Pubkey,
    pub vault_base: Pubkey,
    pub admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub operator_admin: Pubkey,
    pub delegation_admin: Pubkey,
    pub payer: Pubkey,
}

pub const PAYER_LAMPORTS: u64 = 10_000_000_000;

impl std::ops::Deref for VaultScenario {
    type Target = World;
    fn deref(&self) -> &World {
        &self.world
    }
}

impl std::ops::DerefMut for VaultScenario {
    fn deref_mut(&mut self) -> &mut World {
        &mut self.world
    }
}

impl VaultScenario {
    /// Config (epoch length [`EPOCH_LENGTH`], program fee 7 bps) and a vault
    /// fully updated at [`START_SLOT`] holding 100_000 tokens and VRT.
    pub fn new() -> Self {
        let mut world = World::new();
        world.set_slot(START_SLOT);
        let (config, config_bump) = vault_config_pda();
        let vault_base = key(200);
        let (vault, vault_bump) = vault_pda(&vault_base);
        let mut w = Self {
            world,
            config,
            vault,
            vault_base,
            admin: key(201),
            ncn_admin: key(202),
            slasher_admin: key(203),
            operator_admin: key(204),
            delegation_admin: key(205),
            payer: key(206),
        };
        let config_state = ConfigState {
            admin: w.admin,
            restaking_program: RESTAKING_PROGRAM_ID,
            epoch_length: EPOCH_LENGTH,
            num_vaults: 1,
            deposit_withdrawal_fee_cap_bps: 2_000,
            fee_rate_of_change_bps: 2_500,
            fee_bump_bps: 10,
            program_fee_bps: 7,
            program_fee_wallet: key(207),
            fee_admin: w.admin,
            bump: config_bump,
        };
        w.put_owned(config, &VAULT_PROGRAM_ID, config_state.to_bytes());
        let mut vault_state = VaultState::new(vault_base, key(208), key(209), w.admin, START_SLOT);
        (vault_state.vrt_supply, vault_state.tokens_deposited) = (100_000, 100_000);
        vault_state.delegation_admin = w.delegation_admin;
        vault_state.operator_admin = w.operator_admin;
        vault_state.ncn_admin = w.ncn_admin;
        vault_state.slasher_admin = w.slasher_admin;
        vault_state.fee_wallet = key(210);
        vault_state.last_fee_change_slot = 0;
        (
            vault_state.withdrawal_fee_bps,
            vault_state.next_withdrawal_fee_bps,
        ) = (10, 20);
        vault_state.program_fee_bps = 5;
        vault_state.bump = vault_bump;
        w.put_owned(vault, &VAULT_PROGRAM_ID, vault_state.to_bytes());
        for k in [
            w.admin,
            w.ncn_admin,
            w.slasher_admin,
            w.operator_admin,
            w.delegation_admin,
        ] {
            w.world.accounts.insert(k, system_account(0));
        }
        w.world
            .accounts
            .insert(w.payer, system_account(PAYER_LAMPORTS));
        w
    }

    // The world's mutating calls, forwarded so that their arguments may read the scenario's
    // keys (`w.exec(&ix(&w.vault))`: a call through `DerefMut` would borrow `w` first).

    #[track_caller]
    pub fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        self.world.exec(ix)
    }

    #[track_caller]
    pub fn try_exec(&mut self, ix: &Instruction) -> Result<(), crate::ProgramError> {
        self.world.try_exec(ix)
    }

    pub fn commit(&mut self, result: &InstructionResult) {
        self.world.commit(result)
    }

    pub fn set_slot(&mut self, slot: u64) {
        self.world.set_slot(slot)
    }

    pub fn put_owned(&mut self, key: Pubkey, owner: &Pubkey, data: Vec<u8>) {
        self.world.put_owned(key, owner, data)
    }

    pub fn epoch(&self) -> u64 {
        self.slot() / EPOCH_LENGTH
    }

    pub fn vault_state(&self) -> VaultState {
        VaultState::from_bytes(&self.get(&self.vault).data)
    }

    pub fn set_vault(&mut self, f: impl FnOnce(&mut VaultState)) {
        let mut v = self.vault_state();
        f(&mut v);
        self.world.accounts.get_mut(&self.vault).unwrap().data = v.to_bytes();
    }

    pub fn vod_state(&self, operator: &RegisteredOperator) -> VaultOperatorDelegationState {
        VaultOperatorDelegationState::from_bytes(
            &self.get(&operator.vault_operator_delegation).data,
        )
    }

    pub fn set_vod(
        &mut self,
        operator: &RegisteredOperator,
        f: impl FnOnce(&mut VaultOperatorDelegationState),
    ) {
        let mut s = self.vod_state(operator);
        f(&mut s);
        self.world
            .accounts
            .get_mut(&operator.vault_operator_delegation)
            .unwrap()
            .data = s.to_bytes();
    }

    pub fn set_config(&mut self, f: impl FnOnce(&mut Vec<u8>)) {
        f(&mut self.world.accounts.get_mut(&self.config).unwrap().data);
    }

    /// A restaking NCN whose NcnVaultTicket for the vault is `ticket_state`.
    pub fn add_ncn(&mut self, n: u8, ticket_state: Toggle) -> RegisteredNcn {
        let base = key2(n, 1);
        let (ncn, bump) = ncn_pda(&base);
        self.world.put_owned(
            ncn,
            &RESTAKING_PROGRAM_ID,
            ncn_bytes(&base, &key2(n, 2), bump),
        );
        let (ncn_vault_ticket, t_bump) = ncn_vault_ticket_pda(&ncn, &self.vault);
        self.world.put_owned(
            ncn_vault_ticket,
            &RESTAKING_PROGRAM_ID,
            restaking_pair_ticket_bytes(6, &ncn, &self.vault, ticket_state, t_bump),
        );
        let vault_ncn_ticket = vault_ncn_ticket_pda(&self.vault, &ncn).0;
        self.world
            .accounts
            .insert(vault_ncn_ticket, system_account(0));
        RegisteredNcn {
            base,
            ncn,
            ncn_vault_ticket,
            vault_ncn_ticket,
        }
    }

    /// A restaking operator with an OperatorVaultTicket for the vault; the
    /// VaultOperatorDelegation address is left empty.
    pub fn add_operator(&mut self, n: u8, index: u64) -> RegisteredOperator {
        let base = key2(n, 3);
        let (operator, bump) = operator_pda(&base);
        self.world.put_owned(
            operator,
            &RESTAKING_PROGRAM_ID,
            operator_bytes(&base, &key2(n, 4), index, bump),
        );
        let (operator_vault_ticket, t_bump) = operator_vault_ticket_pda(&operator, &self.vault);
        self.world.put_owned(
            operator_vault_ticket,
            &RESTAKING_PROGRAM_ID,
            restaking_pair_ticket_bytes(5, &operator, &self.vault, active_at(self.slot()), t_bump),
        );
        let vault_operator_delegation = vault_operator_delegation_pda(&self.vault, &operator).0;
        self.world
            .accounts
            .insert(vault_operator_delegation, system_account(0));
        RegisteredOperator {
            base,
            operator,
            operator_vault_ticket,
            vault_operator_delegation,
        }
    }

    /// An operator with its VaultOperatorDelegation written directly (index =
    /// the vault's operator count, which is incremented), delegation `d`.
    pub fn add_delegated_operator(
        &mut self,
        n: u8,
        d: Delegation,
        last_update_slot: u64,
    ) -> RegisteredOperator {
        let index = self.vault_state().operator_count;
        let op = self.add_operator(n, index);
        let (_, bump) = vault_operator_delegation_pda(&self.vault, &op.operator);
        let state = VaultOperatorDelegationState {
            vault: self.vault,
            operator: op.operator,
            delegation: d,
            last_update_slot,
            index,
            bump,
        };
        self.world.put_owned(
            op.vault_operator_delegation,
            &VAULT_PROGRAM_ID,
            state.to_bytes(),
        );
        self.set_vault(|v| {
            v.operator_count += 1;
            v.delegation.add(&d);
        });
        op
    }

    /// A vault with N operators: one delegated operator per entry of `delegations`, in order,
    /// keyed by the labels `first_label`, `first_label + 1`, … (see
    /// [`Self::add_delegated_operator`]).
    pub fn add_delegated_operators(
        &mut self,
        first_label: u8,
        delegations: impl IntoIterator<Item = Delegation>,
        last_update_slot: u64,
    ) -> Vec<RegisteredOperator> {
        (first_label..)
            .zip(delegations)
            .map(|(n, d)| self.add_delegated_operator(n, d, last_update_slot))
            .collect()
    }

    /// Writes a tracker for `ncn_epoch` directly.
    pub fn put_tracker(&mut self, state: &TrackerState) -> Pubkey {
        let k = tracker_pda(&state.vault, state.ncn_epoch).0;
        self.world.put_owned(k, &VAULT_PROGRAM_ID, state.to_bytes());
        k
    }
}

impl Default for VaultScenario {
    fn default() -> Self {
        Self::new()
    }
}

/// Replaces the account `k` in an account list.
pub fn replace(accounts: &mut [(Pubkey, Account)], k: &Pubkey, f: impl FnOnce(&mut Account)) {
    let (_, a) = accounts
        .iter_mut()
        .find(|(key, _)| key == k)
        .expect("account in list");
    f(a);
}

/// The account list and instruction with meta `i` re-pointed at `new_key`
/// holding `account`.
pub fn swap_account(
    ix: &Instruction,
    accounts: &[(Pubkey, Account)],
    i: usize,
    new_key: Pubkey,
    account: Account,
) -> (Instruction, Vec<(Pubkey, Account)>) {
    let mut ix = ix.clone();
    let old = ix.accounts[i].pubkey;
    ix.accounts[i].pubkey = new_key;
    let mut accounts: Vec<(Pubkey, Account)> = accounts
        .iter()
        .filter(|(k, _)| *k != old || ix.accounts.iter().any(|m| m.pubkey == old))
        .cloned()
        .collect();
    accounts.retain(|(k, _)| *k != new_key);
    accounts.push((new_key, account));
    (ix, accounts)
}

/// Rent-exempt lamports of a created account of `len` bytes.
pub fn rent(len: usize) -> u64 {
    rent_exempt(len)
}

// ---------------------------------------------------------------------------
// Failure-case builder
// ---------------------------------------------------------------------------

/// An instruction with the accounts it runs against, mutated one way per
/// failure case.
#[derive(Clone)]
pub struct Tx {
    pub ix: Instruction,
    pub accounts: Vec<(Pubkey, Account)>,
}

impl Tx {
    pub fn new(world: &World, ix: Instruction) -> Self {
        let accounts = world.accounts_for(&ix);
        Self { ix, accounts }
    }

    fn account_mut(&mut self, i: usize) -> &mut Account {
        let k = self.ix.accounts[i].pubkey;
        &mut self
            .accounts
            .iter_mut()
            .find(|(key, _)| *key == k)
            .expect("account")
            .1
    }

    /// Account `i` owned by `owner`.
    pub fn owner(mut self, i: usize, owner: &Pubkey) -> Self {
        self.account_mut(i).owner = *owner;
        self
    }

    /// Account `i` with its data changed by `f`.
    pub fn data(mut self, i: usize, f: impl FnOnce(&mut Vec<u8>)) -> Self {
        f(&mut self.account_mut(i).data);
        self
    }

    /// Account `i` replaced wholesale.
    pub fn account(mut self, i: usize, account: Account) -> Self {
        *self.account_mut(i) = account;
        self
    }

    /// Account `i` passed read-only.
    pub fn readonly(mut self, i: usize) -> Self {
        self.ix.accounts[i].is_writable = false;
        self
    }

    /// Account `i` passed without signature.
    pub fn unsigned(mut self, i: usize) -> Self {
        self.ix.accounts[i].is_signer = false;
        self
    }

    /// Account `i` re-pointed at `new_key` holding `account`.
    pub fn rekey(self, i: usize, new_key: Pubkey, account: Account) -> Self {
        let (ix, accounts) = swap_account(&self.ix, &self.accounts, i, new_key, account);
        Self { ix, accounts }
    }

    /// Account `i` re-pointed at `new_key`, keeping its current account.
    pub fn moved(self, i: usize, new_key: Pubkey) -> Self {
        let k = self.ix.accounts[i].pubkey;
        let account = self
            .accounts
            .iter()
            .find(|(key, _)| *key == k)
            .unwrap()
            .1
            .clone();
        self.rekey(i, new_key, account)
    }

    /// The last account left out.
    pub fn drop_last(mut self) -> Self {
        let meta = self.ix.accounts.pop().unwrap();
        if !self.ix.accounts.iter().any(|m| m.pubkey == meta.pubkey) {
            self.accounts.retain(|(k, _)| *k != meta.pubkey);
        }
        self
    }

    /// Instruction data replaced.
    pub fn ix_data(mut self, data: Vec<u8>) -> Self {
        self.ix.data = data;
        self
    }

    /// Malformed data: one more byte after the built instruction data.
    pub fn data_push(mut self, byte: u8) -> Self {
        self.ix.data.push(byte);
        self
    }

    /// Malformed data: the built instruction data cut to `len` bytes.
    pub fn data_truncate(mut self, len: usize) -> Self {
        self.ix.data.truncate(len);
        self
    }

    /// Malformed data: byte `i` of the built instruction data set to `byte`.
    pub fn data_byte(mut self, i: usize, byte: u8) -> Self {
        self.ix.data[i] = byte;
        self
    }

    pub fn run(&self, world: &World) -> InstructionResult {
        world.run_with(&self.ix, &self.accounts)
    }

    /// Runs and checks the failure: exact error, no account changed.
    #[track_caller]
    pub fn fails(&self, world: &World, expected: crate::ProgramError) {
        let result = self.run(world);
        crate::assert_error(&result, &self.accounts, expected);
    }

    #[track_caller]
    pub fn fails_custom(&self, world: &World, code: u32) {
        self.fails(world, crate::ProgramError::Custom(code));
    }
}

/// The resulting data of `k`.
pub fn data_of<'a>(result: &'a InstructionResult, k: &Pubkey) -> &'a [u8] {
    &crate::account(result, k).data
}

/// Checks a successful result: every account in `changed` ends exactly as
/// given (data, owner, lamports), every other account is unchanged.
#[track_caller]
pub fn assert_changes(
    result: &InstructionResult,
    before: &[(Pubkey, Account)],
    changed: &[(Pubkey, Account)],
) {
    assert_success(result);
    assert_eq!(result.resulting_accounts.len(), before.len());
    for ((k, b), (k2, a)) in before.iter().zip(&result.resulting_accounts) {
        assert_eq!(k, k2);
        match changed.iter().find(|(c, _)| c == k) {
            Some((_, expected)) => {
                assert_eq!(a.owner, expected.owner, "owner of {k}");
                assert_eq!(a.lamports, expected.lamports, "lamports of {k}");
                assert_eq!(a.data, expected.data, "data of {k}");
                assert_eq!(a.executable, expected.executable, "executable of {k}");
                if a.owner == VAULT_PROGRAM_ID && !a.data.is_empty() {
                    assert_client_decodes(&a.data);
                }
            }
            None => assert_eq!(a, b, "account {k} changed"),
        }
    }
}

/// An account of the vault program holding `data` with `lamports`.
pub fn vault_account(data: Vec<u8>, lamports: u64) -> Account {
    Account {
        lamports,
        data,
        owner: VAULT_PROGRAM_ID,
        executable: false,
        rent_epoch: 0,
    }
}

/// `account` with `data`.
pub fn with_data(account: &Account, data: Vec<u8>) -> Account {
    Account {
        data,
        ..account.clone()
    }
}

/// `account` with `lamports`.
pub fn with_lamports(account: &Account, lamports: u64) -> Account {
    Account {
        lamports,
        ..account.clone()
    }
}

impl VaultScenario {
    /// Moves the clock to `slot` and marks the vault fully updated there, so
    /// that instructions requiring an up-to-date vault pass.
    pub fn warp_updated(&mut self, slot: u64) {
        self.set_slot(slot);
        self.set_vault(|v| {
            v.last_full_state_update_slot = slot;
            v.last_start_state_update_slot = slot;
        });
    }

    /// A slasher key and the restaking NcnVaultSlasherTicket for (`ncn`, vault, slasher).
    pub fn add_ncn_slasher(
        &mut self,
        ncn: &RegisteredNcn,
        n: u8,
        max_slashable_per_epoch: u64,
    ) -> SlasherKeys {
        let slasher = key2(n, 5);
        let (ncn_slasher_ticket, bump) =
            ncn_vault_slasher_ticket_pda(&ncn.ncn, &self.vault, &slasher);
        self.world.put_owned(
            ncn_slasher_ticket,
            &RESTAKING_PROGRAM_ID,
            ncn_vault_slasher_ticket_bytes(
                &ncn.ncn,
                &self.vault,
                &slasher,
                max_slashable_per_epoch,
                active_at(self.slot()),
                bump,
            ),
        );
        let vault_slasher_ticket = vault_ncn_slasher_ticket_pda(&self.vault, &ncn.ncn, &slasher).0;
        self.world
            .accounts
            .insert(vault_slasher_ticket, system_account(0));
        self.world.accounts.insert(slasher, system_account(0));
        SlasherKeys {
            slasher,
            ncn_slasher_ticket,
            vault_slasher_ticket,
        }
    }

    /// Writes the vault's NCN ticket for `ncn` directly.
    pub fn put_vault_ncn_ticket(
        &mut self,
        ncn: &RegisteredNcn,
        index: u64,
        state: Toggle,
    ) -> VaultNcnTicketState {
        let (k, bump) = vault_ncn_ticket_pda(&self.vault, &ncn.ncn);
        let s = VaultNcnTicketState {
            vault: self.vault,
            ncn: ncn.ncn,
            index,
            state,
            bump,
        };
        self.world.put_owned(k, &VAULT_PROGRAM_ID, s.to_bytes());
        s
    }

    /// Writes the vault's slasher ticket directly.
    pub fn put_vault_slasher_ticket(
        &mut self,
        ncn: &RegisteredNcn,
        slasher: &SlasherKeys,
        max_slashable_per_epoch: u64,
        index: u64,
        state: Toggle,
    ) -> VaultNcnSlasherTicketState {
        let (k, bump) = vault_ncn_slasher_ticket_pda(&self.vault, &ncn.ncn, &slasher.slasher);
        let s = VaultNcnSlasherTicketState {
            vault: self.vault,
            ncn: ncn.ncn,
            slasher: slasher.slasher,
            max_slashable_per_epoch,
            index,
            state,
            bump,
        };
        self.world.put_owned(k, &VAULT_PROGRAM_ID, s.to_bytes());
        s
    }
}

/// A slasher registered by an NCN for the world's vault.
#[derive(Clone, Debug)]
pub struct SlasherKeys {
    pub slasher: Pubkey,
    pub ncn_slasher_ticket: Pubkey,
    pub vault_slasher_ticket: Pubkey,
}

impl Tx {
    /// The vault at meta `i` changed by `f`.
    pub fn vault(self, i: usize, f: impl FnOnce(&mut VaultState)) -> Self {
        self.data(i, |d| {
            let mut v = VaultState::from_bytes(d);
            f(&mut v);
            *d = v.to_bytes();
        })
    }

    /// The vault config at meta `i` with epoch length `epoch_length`.
    pub fn epoch_length(self, i: usize, epoch_length: u64) -> Self {
        self.data(i, |d| put_u64(d, 72, epoch_length))
    }

    /// The account at meta `i` with a wrong discriminator.
    pub fn discriminator(self, i: usize, discriminator: u8) -> Self {
        self.data(i, |d| d[0] = discriminator)
    }

    /// The current account at meta `i`.
    pub fn get(&self, i: usize) -> &Account {
        let k = self.ix.accounts[i].pubkey;
        &self.accounts.iter().find(|(key, _)| *key == k).unwrap().1
    }

    pub fn key(&self, i: usize) -> Pubkey {
        self.ix.accounts[i].pubkey
    }
}

/// One failure case: a name, the mutated transaction and the expected error.
pub struct Case {
    pub name: &'static str,
    pub tx: Tx,
    pub expected: crate::ProgramError,
}

pub fn case(name: &'static str, tx: Tx, expected: crate::ProgramError) -> Case {
    Case { name, tx, expected }
}

pub fn custom(name: &'static str, tx: Tx, code: u32) -> Case {
    Case {
        name,
        tx,
        expected: crate::ProgramError::Custom(code),
    }
}

/// Runs every case: each must fail with exactly its error and change nothing.
#[track_caller]
pub fn check_cases(world: &World, cases: Vec<Case>) {
    for c in cases {
        let result = c.tx.run(world);
        match &result.program_result {
            mollusk_svm::result::ProgramResult::Failure(err) if *err == c.expected => {}
            other => panic!(
                "case `{}`: expected {:?}, got {:?}",
                c.name, c.expected, other
            ),
        }
        crate::assert_error(&result, &c.tx.accounts, c.expected.clone());
    }
}
