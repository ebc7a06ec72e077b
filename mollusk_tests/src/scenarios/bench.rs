//! Scenario: fixed-key states for the compute benchmark (`tests/compute_bench.rs`) and the
//! client e2e tests, on the one [`World`].
//!
//! The benchmark's figures must be reproducible to the unit, and a PDA's bump
//! (so the cost of every canonical-PDA check) depends on the keys. So every key
//! here is derived from a label (`sha256(base || label || owner)` through
//! `create_with_seed`), the caller picks every slot, and state is only made by
//! running the programs' own instructions (built by the generated clients) on the
//! world, plus SPL Token mints and accounts. Two runs execute the same instructions
//! on the same bytes.
//!
//! The Metaplex Token Metadata program is stood in for by
//! `mollusk_tests/metaplex_recorder` (see `tests/vault_metadata.rs`), so the
//! metadata instructions' CPI part is not Metaplex's real cost.

use jito_restaking_client::{accounts as rc, instructions as ri};
use jito_vault_client::{accounts as vc, instructions as vi, types::WithdrawalAllocationMethod};

use crate::{
    associated_token_address, AccountMeta, Instruction, InstructionResult, Pubkey,
    ASSOCIATED_TOKEN_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
};

pub use crate::pda::METAPLEX_ID;

/// Both configs' default epoch length (the original's `DEFAULT_SLOTS_PER_EPOCH`).
pub const EPOCH_LENGTH: u64 = 432_000;

/// Lamports of every funded wallet.
pub const WALLET_LAMPORTS: u64 = 1_000_000_000_000;

pub use super::roles::{label_key as key, NcnKeys, OperatorKeys, VaultKeys};

/// Slot `offset` of `epoch`.
pub fn slot_at(epoch: u64, offset: u64) -> u64 {
    epoch * EPOCH_LENGTH + offset
}

/// SPL Token associated token address.
pub fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

pub use crate::world::World;

// ---------------------------------------------------------------------------
// Actors and their addresses
// ---------------------------------------------------------------------------

/// Keys shared by the whole world: both configs, their admins, the supported token.
pub struct Globals {
    pub restaking_config: Pubkey,
    pub restaking_admin: Pubkey,
    pub vault_config: Pubkey,
    pub vault_config_admin: Pubkey,
    pub program_fee_wallet: Pubkey,
    pub payer: Pubkey,
    pub st_mint: Pubkey,
    pub st_mint_authority: Pubkey,
}

impl Globals {
    pub fn new() -> Self {
        Self {
            restaking_config: rc::Config::find_pda().0,
            restaking_admin: key("restaking-admin"),
            vault_config: vc::Config::find_pda().0,
            vault_config_admin: key("vault-config-admin"),
            program_fee_wallet: key("program-fee-wallet"),
            payer: key("payer"),
            st_mint: key("st-mint"),
            st_mint_authority: key("st-mint-authority"),
        }
    }
}

impl Default for Globals {
    fn default() -> Self {
        Self::new()
    }
}

// ---------------------------------------------------------------------------
// Instructions used more than once (built by the generated clients)
// ---------------------------------------------------------------------------

pub fn restaking_initialize_operator(g: &Globals, op: &OperatorKeys, fee_bps: u16) -> Instruction {
    ri::InitializeOperator {
        config: g.restaking_config,
        operator: op.address,
        admin: op.admin,
        base: op.base,
        system_program: SYSTEM_PROGRAM_ID,
    }
    .instruction(ri::InitializeOperatorInstructionArgs {
        operator_fee_bps: fee_bps,
    })
}

pub fn initialize_operator_vault_ticket(
    g: &Globals,
    op: &OperatorKeys,
    vault: &VaultKeys,
) -> Instruction {
    ri::InitializeOperatorVaultTicket {
        config: g.restaking_config,
        operator: op.address,
        vault: vault.address,
        operator_vault_ticket: rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0,
        admin: op.admin,
        payer: g.payer,
        system_program: SYSTEM_PROGRAM_ID,
    }
    .instruction()
}

pub fn warmup_operator_vault_ticket(
    g: &Globals,
    op: &OperatorKeys,
    vault: &VaultKeys,
) -> Instruction {
    ri::WarmupOperatorVaultTicket {
        config: g.restaking_config,
        operator: op.address,
        vault: vault.address,
        operator_vault_ticket: rc::OperatorVaultTicket::find_pda(&op.address, &vault.address).0,
        admin: op.admin,
    }
    .instruction()
}

/// Accounts and arguments of `InitializeVault`; the caller funds the admin and
/// gives it `amount` supported tokens first ([`World::put_ata`]).
pub fn initialize_vault(
    g: &Globals,
    v: &VaultKeys,
    fees_bps: (u16, u16, u16),
    amount: u64,
) -> Instruction {
    vi::InitializeVault {
        config: g.vault_config,
        vault: v.address,
        vrt_mint: v.vrt_mint,
        st_mint: g.st_mint,
        admin_st_token_account: ata(&v.admin, &g.st_mint),
        vault_st_token_account: v.vault_st_ata,
        burn_vault: v.burn_vault,
        burn_vault_vrt_token_account: ata(&v.burn_vault, &v.vrt_mint),
        admin: v.admin,
        base: v.base,
        system_program: SYSTEM_PROGRAM_ID,
        token_program: TOKEN_PROGRAM_ID,
        associated_token_program: ASSOCIATED_TOKEN_PROGRAM_ID,
    }
    .instruction(vi::InitializeVaultInstructionArgs {
        deposit_fee_bps: fees_bps.0,
        withdrawal_fee_bps: fees_bps.1,
        reward_fee_bps: fees_bps.2,
        decimals: 9,
        initialize_token_amount: amount,
    })
}

/// Sets up a vault through `InitializeVault` with the admin's token accounts.
/// Returns the instruction's result.
pub fn create_vault(
    ledger: &mut World,
    g: &Globals,
    v: &VaultKeys,
    fees_bps: (u16, u16, u16),
    amount: u64,
) -> InstructionResult {
    ledger.fund(&v.admin);
    ledger.put_ata(&v.admin, &g.st_mint, amount);
    ledger.put_ata(&v.address, &g.st_mint, 0);
    let result = ledger.exec(&initialize_vault(g, v, fees_bps, amount));
    // The fee wallets' VRT accounts, which deposits and withdrawals pay into.
    ledger.put_ata(&v.admin, &v.vrt_mint, 0);
    ledger.put_ata(&g.program_fee_wallet, &v.vrt_mint, 0);
    result
}

pub fn initialize_vault_operator_delegation(
    g: &Globals,
    v: &VaultKeys,
    op: &OperatorKeys,
) -> Instruction {
    vi::InitializeVaultOperatorDelegation {
        config: g.vault_config,
        vault: v.address,
        operator: op.address,
        operator_vault_ticket: rc::OperatorVaultTicket::find_pda(&op.address, &v.address).0,
        vault_operator_delegation: v.delegation(op),
        admin: v.admin,
        payer: g.payer,
        system_program: SYSTEM_PROGRAM_ID,
    }
    .instruction()
}

pub fn add_delegation(g: &Globals, v: &VaultKeys, op: &OperatorKeys, amount: u64) -> Instruction {
    vi::AddDelegation {
        config: g.vault_config,
        vault: v.address,
        operator: op.address,
        vault_operator_delegation: v.delegation(op),
        admin: v.admin,
    }
    .instruction(vi::AddDelegationInstructionArgs { amount })
}

pub fn cooldown_delegation(
    g: &Globals,
    v: &VaultKeys,
    op: &OperatorKeys,
    amount: u64,
) -> Instruction {
    vi::CooldownDelegation {
        config: g.vault_config,
        vault: v.address,
        operator: op.address,
        vault_operator_delegation: v.delegation(op),
        admin: v.admin,
    }
    .instruction(vi::CooldownDelegationInstructionArgs { amount })
}

/// `MintTo` of `amount_in` by `depositor` (who needs its supported-token and VRT ATAs).
pub fn mint_to(g: &Globals, v: &VaultKeys, depositor: &Pubkey, amount_in: u64) -> Instruction {
    vi::MintTo {
        config: g.vault_config,
        vault: v.address,
        vrt_mint: v.vrt_mint,
        depositor: *depositor,
        depositor_token_account: ata(depositor, &g.st_mint),
        vault_token_account: v.vault_st_ata,
        depositor_vrt_token_account: ata(depositor, &v.vrt_mint),
        vault_fee_token_account: v.fee_vrt_ata(),
        token_program: TOKEN_PROGRAM_ID,
        mint_signer: None,
    }
    .instruction(vi::MintToInstructionArgs {
        amount_in,
        min_amount_out: 0,
    })
}

/// A funded depositor holding `st` supported tokens and an empty VRT account.
pub fn add_depositor(
    ledger: &mut World,
    g: &Globals,
    v: &VaultKeys,
    name: &str,
    st: u64,
) -> Pubkey {
    let depositor = key(name);
    ledger.fund(&depositor);
    ledger.put_ata(&depositor, &g.st_mint, st);
    ledger.put_ata(&depositor, &v.vrt_mint, 0);
    depositor
}

/// `EnqueueWithdrawal` of `amount` VRT by `staker` with ticket base `ticket_base`;
/// lays out the ticket's (empty) VRT account first, as a client would create it.
pub fn enqueue_withdrawal(
    ledger: &mut World,
    g: &Globals,
    v: &VaultKeys,
    staker: &Pubkey,
    ticket_base: &Pubkey,
    amount: u64,
) -> Instruction {
    let ticket = v.ticket(ticket_base);
    ledger.put_ata(&ticket, &v.vrt_mint, 0);
    vi::EnqueueWithdrawal {
        config: g.vault_config,
        vault: v.address,
        vault_staker_withdrawal_ticket: ticket,
        vault_staker_withdrawal_ticket_token_account: ata(&ticket, &v.vrt_mint),
        staker: *staker,
        staker_vrt_token_account: ata(staker, &v.vrt_mint),
        base: *ticket_base,
        token_program: TOKEN_PROGRAM_ID,
        system_program: SYSTEM_PROGRAM_ID,
        burn_signer: None,
    }
    .instruction(vi::EnqueueWithdrawalInstructionArgs { amount })
}

pub fn burn_withdrawal_ticket(
    g: &Globals,
    v: &VaultKeys,
    staker: &Pubkey,
    ticket_base: &Pubkey,
) -> Instruction {
    let ticket = v.ticket(ticket_base);
    vi::BurnWithdrawalTicket {
        config: g.vault_config,
        vault: v.address,
        vault_token_account: v.vault_st_ata,
        vrt_mint: v.vrt_mint,
        staker: *staker,
        staker_token_account: ata(staker, &g.st_mint),
        vault_staker_withdrawal_ticket: ticket,
        vault_staker_withdrawal_ticket_token_account: ata(&ticket, &v.vrt_mint),
        vault_fee_token_account: v.fee_vrt_ata(),
        program_fee_token_account: ata(&g.program_fee_wallet, &v.vrt_mint),
        token_program: TOKEN_PROGRAM_ID,
        system_program: SYSTEM_PROGRAM_ID,
        burn_signer: None,
    }
    .instruction()
}

pub fn initialize_tracker(
    g: &Globals,
    v: &VaultKeys,
    payer: &Pubkey,
    ncn_epoch: u64,
) -> Instruction {
    vi::InitializeVaultUpdateStateTracker {
        config: g.vault_config,
        vault: v.address,
        vault_update_state_tracker: v.tracker(ncn_epoch),
        payer: *payer,
        system_program: SYSTEM_PROGRAM_ID,
    }
    .instruction(vi::InitializeVaultUpdateStateTrackerInstructionArgs {
        withdrawal_allocation_method: WithdrawalAllocationMethod::Greedy,
    })
}

pub fn crank_tracker(g: &Globals, v: &VaultKeys, op: &OperatorKeys, ncn_epoch: u64) -> Instruction {
    vi::CrankVaultUpdateStateTracker {
        config: g.vault_config,
        vault: v.address,
        operator: op.address,
        vault_operator_delegation: v.delegation(op),
        vault_update_state_tracker: v.tracker(ncn_epoch),
    }
    .instruction()
}

pub fn close_tracker(g: &Globals, v: &VaultKeys, payer: &Pubkey, ncn_epoch: u64) -> Instruction {
    vi::CloseVaultUpdateStateTracker {
        config: g.vault_config,
        vault: v.address,
        vault_update_state_tracker: v.tracker(ncn_epoch),
        payer: *payer,
    }
    .instruction(vi::CloseVaultUpdateStateTrackerInstructionArgs { ncn_epoch })
}

/// BatchCrankVaultUpdateStateTracker over `operators`' delegations, in the order given.
pub fn batch_crank_tracker(
    g: &Globals,
    v: &VaultKeys,
    operators: &[&OperatorKeys],
    ncn_epoch: u64,
) -> Instruction {
    let delegations: Vec<AccountMeta> = operators
        .iter()
        .map(|op| AccountMeta::new(v.delegation(op), false))
        .collect();
    vi::BatchCrankVaultUpdateStateTracker {
        config: g.vault_config,
        vault: v.address,
        vault_update_state_tracker: v.tracker(ncn_epoch),
    }
    .instruction_with_remaining_accounts(&delegations)
}

/// Brings the vault up to date with one BatchCrankVaultUpdateStateTracker over
/// every operator (`operators` in delegation-index order, cranked from index
/// `epoch % count`) between the tracker's initialize and close.
pub fn full_update_batched(
    ledger: &mut World,
    g: &Globals,
    v: &VaultKeys,
    operators: &[&OperatorKeys],
) -> (InstructionResult, InstructionResult, InstructionResult) {
    let epoch = ledger.epoch();
    let initialize = ledger.exec(&initialize_tracker(g, v, &g.payer, epoch));
    let n = operators.len();
    let ordered: Vec<&OperatorKeys> = (0..n)
        .map(|i| operators[(epoch as usize + i) % n])
        .collect();
    let batch = ledger.exec(&batch_crank_tracker(g, v, &ordered, epoch));
    let close = ledger.exec(&close_tracker(g, v, &g.payer, epoch));
    (initialize, batch, close)
}

/// The results of one full vault update (initialize, one crank per operator, close).
pub struct Update {
    pub initialize: InstructionResult,
    pub cranks: Vec<InstructionResult>,
    pub close: InstructionResult,
}

impl Update {
    /// The crank that cost the most (the first of equals).
    pub fn costliest_crank(&self) -> Option<&InstructionResult> {
        self.cranks.iter().reduce(|a, b| {
            if b.compute_units_consumed > a.compute_units_consumed {
                b
            } else {
                a
            }
        })
    }
}

/// Brings the vault up to date in the current epoch. `operators` are the
/// vault's operators in delegation-index order; the cranks start at index
/// `epoch % count` as the program requires.
pub fn full_update(
    ledger: &mut World,
    g: &Globals,
    v: &VaultKeys,
    operators: &[&OperatorKeys],
) -> Update {
    let epoch = ledger.epoch();
    let initialize = ledger.exec(&initialize_tracker(g, v, &g.payer, epoch));
    let n = operators.len();
    let mut cranks = Vec::with_capacity(n);
    for i in 0..n {
        let op = operators[(epoch as usize + i) % n];
        cranks.push(ledger.exec(&crank_tracker(g, v, op, epoch)));
    }
    let close = ledger.exec(&close_tracker(g, v, &g.payer, epoch));
    Update {
        initialize,
        cranks,
        close,
    }
}
