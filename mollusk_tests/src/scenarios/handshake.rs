//! Scenario: the restaking opt-in handshake done with real restaking instructions on the one
//! [`World`]. [`Handshake::new`] holds the keys (one NCN, operator, vault and slasher) with the
//! wallets funded and a vault stub stored; [`Handshake::initialize_ixs`] creates the config, NCN,
//! operator, the NCN ⇄ operator state and the three vault tickets (every toggle inactive);
//! [`Handshake::finished`] also warms every toggle up and moves the clock to where all five are
//! active. The vault side (`InitializeVaultNcnTicket` …) is the vault scenarios' business.

use crate::{
    codes::restaking_tag as tag,
    layout_oracle::{vault_stub_data, DEFAULT_EPOCH_LENGTH},
    owned_account,
    pda::{
        restaking::{
            config_pda, ncn_operator_state_pda, ncn_pda, ncn_vault_slasher_ticket_pda,
            ncn_vault_ticket_pda, operator_pda, operator_vault_ticket_pda,
        },
        vault::vault_pda,
    },
    world::{
        fixed_key,
        restaking::{
            cooldown_ncn_vault_slasher_ticket_ix, initialize_config_ix, initialize_ncn_ix,
            initialize_ncn_vault_slasher_ticket_ix, initialize_operator_ix, initialize_pair_ix,
            toggle_ix, warmup_ncn_vault_slasher_ticket_ix,
        },
        World,
    },
    Instruction, Pubkey, VAULT_PROGRAM_ID,
};

/// The five toggles of the handshake, in the order of [`Handshake::warmup_ixs`] and
/// [`Handshake::cooldown_ixs`]: (warm-up, cool-down) instruction names.
pub const TOGGLES: [(&str, &str); 5] = [
    ("NcnWarmupOperator", "NcnCooldownOperator"),
    ("OperatorWarmupNcn", "OperatorCooldownNcn"),
    ("WarmupNcnVaultTicket", "CooldownNcnVaultTicket"),
    ("WarmupOperatorVaultTicket", "CooldownOperatorVaultTicket"),
    (
        "WarmupNcnVaultSlasherTicket",
        "CooldownNcnVaultSlasherTicket",
    ),
];

/// Lamports of each funded wallet (admins and the payer).
pub const WALLET_LAMPORTS: u64 = 100_000_000_000;

/// Keys, bumps and the world of one handshake (epoch length [`DEFAULT_EPOCH_LENGTH`]).
pub struct Handshake {
    pub world: World,
    pub config: (Pubkey, u8),
    pub config_admin: Pubkey,
    pub ncn: (Pubkey, u8),
    pub ncn_base: Pubkey,
    pub ncn_admin: Pubkey,
    pub operator: (Pubkey, u8),
    pub operator_base: Pubkey,
    pub operator_admin: Pubkey,
    pub vault: Pubkey,
    pub slasher: Pubkey,
    pub payer: Pubkey,
    /// NcnOperatorState, NcnVaultTicket, OperatorVaultTicket, NcnVaultSlasherTicket.
    pub ncn_operator_state: (Pubkey, u8),
    pub ncn_vault_ticket: (Pubkey, u8),
    pub operator_vault_ticket: (Pubkey, u8),
    pub ncn_vault_slasher_ticket: (Pubkey, u8),
}

impl Handshake {
    /// The keys at `slot`: wallets funded, the vault stub stored, nothing of the restaking program
    /// created yet.
    pub fn new(slot: u64) -> Self {
        let key = |n: u8| fixed_key(0x48, 0x53, n, n);
        let mut world = World::new();
        world.warp(slot);
        let (config_admin, ncn_admin, operator_admin, payer) = (key(1), key(2), key(3), key(4));
        for k in [config_admin, ncn_admin, operator_admin, payer] {
            world.set(k, crate::system_account(WALLET_LAMPORTS));
        }
        let (ncn_base, operator_base, vault_base, slasher) = (key(5), key(6), key(7), key(8));
        let (vault, vault_bump) = vault_pda(&vault_base);
        world.set(
            vault,
            owned_account(&VAULT_PROGRAM_ID, vault_stub_data(&vault_base, vault_bump)),
        );
        let ncn = ncn_pda(&ncn_base);
        let operator = operator_pda(&operator_base);
        Self {
            world,
            config: config_pda(),
            config_admin,
            ncn,
            ncn_base,
            ncn_admin,
            operator,
            operator_base,
            operator_admin,
            vault,
            slasher,
            payer,
            ncn_operator_state: ncn_operator_state_pda(&ncn.0, &operator.0),
            ncn_vault_ticket: ncn_vault_ticket_pda(&ncn.0, &vault),
            operator_vault_ticket: operator_vault_ticket_pda(&operator.0, &vault),
            ncn_vault_slasher_ticket: ncn_vault_slasher_ticket_pda(&ncn.0, &vault, &slasher),
        }
    }

    /// The seven instructions that create the restaking side, in order, with their names.
    pub fn initialize_ixs(
        &self,
        fee_bps: u16,
        max_slashable: u64,
    ) -> Vec<(Instruction, &'static str)> {
        let (config, ncn, operator, vault) =
            (&self.config.0, &self.ncn.0, &self.operator.0, &self.vault);
        let pair =
            |tag, a, b, new, admin| initialize_pair_ix(tag, config, a, b, new, admin, &self.payer);
        vec![
            (
                initialize_config_ix(config, &self.config_admin, &VAULT_PROGRAM_ID),
                "InitializeConfig",
            ),
            (
                initialize_ncn_ix(config, ncn, &self.ncn_admin, &self.ncn_base),
                "InitializeNcn",
            ),
            (
                initialize_operator_ix(
                    config,
                    operator,
                    &self.operator_admin,
                    &self.operator_base,
                    fee_bps,
                ),
                "InitializeOperator",
            ),
            (
                pair(
                    tag::INITIALIZE_NCN_OPERATOR_STATE,
                    ncn,
                    operator,
                    &self.ncn_operator_state.0,
                    &self.ncn_admin,
                ),
                "InitializeNcnOperatorState",
            ),
            (
                pair(
                    tag::INITIALIZE_NCN_VAULT_TICKET,
                    ncn,
                    vault,
                    &self.ncn_vault_ticket.0,
                    &self.ncn_admin,
                ),
                "InitializeNcnVaultTicket",
            ),
            (
                pair(
                    tag::INITIALIZE_OPERATOR_VAULT_TICKET,
                    operator,
                    vault,
                    &self.operator_vault_ticket.0,
                    &self.operator_admin,
                ),
                "InitializeOperatorVaultTicket",
            ),
            (
                initialize_ncn_vault_slasher_ticket_ix(
                    config,
                    ncn,
                    vault,
                    &self.slasher,
                    &self.ncn_vault_ticket.0,
                    &self.ncn_vault_slasher_ticket.0,
                    &self.ncn_admin,
                    &self.payer,
                    max_slashable,
                ),
                "InitializeNcnVaultSlasherTicket",
            ),
        ]
    }

    /// The five warm-ups, in [`TOGGLES`] order.
    pub fn warmup_ixs(&self) -> [Instruction; 5] {
        self.toggle_ixs(true)
    }

    /// The five cool-downs, in [`TOGGLES`] order.
    pub fn cooldown_ixs(&self) -> [Instruction; 5] {
        self.toggle_ixs(false)
    }

    fn toggle_ixs(&self, warm: bool) -> [Instruction; 5] {
        let (config, ncn, operator, vault) =
            (&self.config.0, &self.ncn.0, &self.operator.0, &self.vault);
        let pick = |warm_tag, cool_tag| if warm { warm_tag } else { cool_tag };
        let nos = &self.ncn_operator_state.0;
        [
            toggle_ix(
                pick(tag::NCN_WARMUP_OPERATOR, tag::NCN_COOLDOWN_OPERATOR),
                config,
                ncn,
                operator,
                nos,
                &self.ncn_admin,
            ),
            toggle_ix(
                pick(tag::OPERATOR_WARMUP_NCN, tag::OPERATOR_COOLDOWN_NCN),
                config,
                ncn,
                operator,
                nos,
                &self.operator_admin,
            ),
            toggle_ix(
                pick(tag::WARMUP_NCN_VAULT_TICKET, tag::COOLDOWN_NCN_VAULT_TICKET),
                config,
                ncn,
                vault,
                &self.ncn_vault_ticket.0,
                &self.ncn_admin,
            ),
            toggle_ix(
                pick(
                    tag::WARMUP_OPERATOR_VAULT_TICKET,
                    tag::COOLDOWN_OPERATOR_VAULT_TICKET,
                ),
                config,
                operator,
                vault,
                &self.operator_vault_ticket.0,
                &self.operator_admin,
            ),
            if warm {
                warmup_ncn_vault_slasher_ticket_ix(
                    config,
                    ncn,
                    vault,
                    &self.slasher,
                    &self.ncn_vault_ticket.0,
                    &self.ncn_vault_slasher_ticket.0,
                    &self.ncn_admin,
                )
            } else {
                cooldown_ncn_vault_slasher_ticket_ix(
                    config,
                    ncn,
                    vault,
                    &self.slasher,
                    &self.ncn_vault_slasher_ticket.0,
                    &self.ncn_admin,
                )
            },
        ]
    }

    /// A finished handshake: everything created at `slot`, every toggle warmed up at `slot + 1`
    /// (a warm-up in the creation slot leaves `slot_added == slot_removed`, still inactive), and
    /// the clock at the first slot where all five are active: the start of the epoch after the
    /// warm-ups' next.
    pub fn finished(slot: u64, fee_bps: u16, max_slashable: u64) -> Self {
        let mut h = Self::new(slot);
        for (ix, _) in h.initialize_ixs(fee_bps, max_slashable) {
            h.world.exec(&ix);
        }
        h.world.warp(slot + 1);
        for ix in h.warmup_ixs() {
            h.world.exec(&ix);
        }
        h.world
            .warp(((slot + 1) / DEFAULT_EPOCH_LENGTH + 2) * DEFAULT_EPOCH_LENGTH);
        h
    }
}
