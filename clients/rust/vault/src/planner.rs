//! Planner for a vault's epoch update (hand-written, not generated).
//!
//! A vault needs InitializeVaultUpdateStateTracker, one crank per operator in the tracker's
//! index order (starting at `ncn_epoch % operator_count`, wrapping around), then
//! CloseVaultUpdateStateTracker. [`plan_vault_update`] packs those steps into the fewest
//! transactions: consecutive cranks in one transaction become one
//! BatchCrankVaultUpdateStateTracker instruction, and every transaction stays within the packet
//! size, the account-lock limit and the compute limits. It resumes a partial update from the
//! tracker's last cranked index.
//!
//! Packing is greedy (each transaction takes as many of the remaining steps as fit), which is
//! minimal: the steps form a sequence, and a sub-sequence of a feasible transaction is feasible.
//!
//! Numbering: [`plan_vault_update`] writes master's tags (InitializeVaultUpdateStateTracker 27,
//! CloseVaultUpdateStateTracker 29, BatchCrankVaultUpdateStateTracker 34);
//! [`plan_vault_update_numbered`] writes those of either numbering (legacy: 26, 28, 34), and
//! [`plan_vault_update_checked`] first asks the deployed program its numbering (GetNumbering,
//! through a [`NumberingCache`]) and refuses to plan for a program of the other numbering.

use solana_address::Address;
use solana_instruction::{AccountMeta, Instruction};

use crate::{
    instructions::{
        BatchCrankVaultUpdateStateTracker, CloseVaultUpdateStateTracker,
        CloseVaultUpdateStateTrackerInstructionArgs, InitializeVaultUpdateStateTracker,
        InitializeVaultUpdateStateTrackerInstructionArgs,
    },
    numbering::{NumberingCache, NumberingMismatch, VaultNumbering},
    types::WithdrawalAllocationMethod,
};

/// Largest serialized transaction (IPv6 MTU minus headers).
pub const PACKET_DATA_SIZE: usize = 1232;
/// Accounts one transaction may reference (every key, programs included).
pub const MAX_TX_ACCOUNT_LOCKS: usize = 64;
/// Compute units one transaction may use.
pub const MAX_TX_COMPUTE_UNITS: u64 = 1_400_000;
/// Compute units each instruction gets without a SetComputeUnitLimit instruction.
pub const DEFAULT_INSTRUCTION_COMPUTE_UNITS: u64 = 200_000;

/// Upper bounds of the vault instructions' compute (the compute benchmark's figures,
/// `compute_reports/vault.md`, with a margin), used to stay within the limits and to set the
/// compute-unit limit when a price is given.
pub mod cu {
    pub const INITIALIZE_TRACKER: u64 = 6_000;
    pub const CLOSE_TRACKER: u64 = 3_000;
    /// BatchCrankVaultUpdateStateTracker with one operator.
    pub const BATCH_CRANK_BASE: u64 = 4_000;
    /// Each further operator of a batch.
    pub const BATCH_CRANK_PER_OPERATOR: u64 = 600;
    /// A compute-budget instruction.
    pub const COMPUTE_BUDGET: u64 = 150;
}

/// The system program.
pub const SYSTEM_PROGRAM_ID: Address = Address::from_str_const("11111111111111111111111111111111");
/// The compute-budget program.
pub const COMPUTE_BUDGET_PROGRAM_ID: Address =
    Address::from_str_const("ComputeBudget111111111111111111111111111111");

/// The current epoch's tracker, as read from the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrackerStatus {
    /// No tracker for the current epoch: the update has not started.
    Absent,
    /// The tracker exists; its `last_updated_index` (`u64::MAX` before the first crank).
    Open { last_updated_index: u64 },
}

/// An address lookup table the v0 transactions may use.
#[derive(Clone, Copy, Debug)]
pub struct LookupTable<'a> {
    pub address: Address,
    /// The table's addresses: accounts found here (other than signers and programs) are looked
    /// up instead of listed.
    pub addresses: &'a [Address],
}

/// Everything the planner needs to know about one vault.
#[derive(Clone, Debug)]
pub struct VaultUpdateInput<'a> {
    /// The vault program's id (instructions and the tracker PDA use it).
    pub vault_program_id: Address,
    pub config: Address,
    pub vault: Address,
    /// Fee payer, and payer of the tracker's rent (it gets the rent back at the close).
    pub payer: Address,
    /// The current NCN epoch (`slot / config.epoch_length`).
    pub ncn_epoch: u64,
    /// The vault's `operator_count`.
    pub operator_count: u64,
    /// The current epoch's tracker.
    pub tracker: TrackerStatus,
    /// The vault's operator delegations by operator index (`operator_count` of them).
    pub delegations: &'a [Address],
    /// Plan v0 transactions with this lookup table; `None`: legacy transactions.
    pub lookup_table: Option<LookupTable<'a>>,
    /// Adds SetComputeUnitLimit (the planned estimate) and SetComputeUnitPrice (micro-lamports
    /// per CU) to every transaction.
    pub compute_unit_price: Option<u64>,
}

/// One planned transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedTransaction {
    pub instructions: Vec<Instruction>,
    /// The operator indices it cranks, in order.
    pub operators: Vec<u64>,
    /// Serialized size with the payer's signature (bytes).
    pub size: usize,
    /// Accounts it references (programs included).
    pub account_locks: usize,
    /// Estimated compute units.
    pub compute_units: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// `delegations` does not hold `operator_count` addresses.
    DelegationCount { expected: u64, got: usize },
    /// The tracker's last index is not an operator index.
    BadTrackerIndex {
        last_updated_index: u64,
        operator_count: u64,
    },
    /// A single step does not fit in a transaction.
    StepTooLarge,
}

impl core::fmt::Display for PlanError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            PlanError::DelegationCount { expected, got } => {
                write!(f, "expected {expected} delegation addresses, got {got}")
            }
            PlanError::BadTrackerIndex {
                last_updated_index,
                operator_count,
            } => write!(
                f,
                "tracker index {last_updated_index} is not an operator index (operator count {operator_count})"
            ),
            PlanError::StepTooLarge => write!(f, "one update step does not fit in a transaction"),
        }
    }
}

impl std::error::Error for PlanError {}

/// Why [`plan_vault_update_checked`] planned nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckedPlanError<E> {
    /// The GetNumbering simulation could not be run (the closure's error, e.g. RPC down).
    Simulate(E),
    /// The deployed program reports the other numbering: no plan, so nothing is sent.
    Mismatch(NumberingMismatch),
    /// The input cannot be planned.
    Plan(PlanError),
}

impl<E: core::fmt::Display> core::fmt::Display for CheckedPlanError<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CheckedPlanError::Simulate(e) => write!(f, "cannot query the vault numbering: {e}"),
            CheckedPlanError::Mismatch(e) => e.fmt(f),
            CheckedPlanError::Plan(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for CheckedPlanError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CheckedPlanError::Simulate(e) => Some(e),
            CheckedPlanError::Mismatch(e) => Some(e),
            CheckedPlanError::Plan(e) => Some(e),
        }
    }
}

/// The tracker PDA of `vault` for `ncn_epoch` under `vault_program_id`.
pub fn tracker_address(vault_program_id: &Address, vault: &Address, ncn_epoch: u64) -> Address {
    Address::find_program_address(
        &[
            b"vault_update_state_tracker",
            vault.as_ref(),
            &ncn_epoch.to_le_bytes(),
        ],
        vault_program_id,
    )
    .0
}

/// The operator indices still to crank, in the order the tracker accepts them.
pub fn remaining_operators(
    ncn_epoch: u64,
    operator_count: u64,
    tracker: TrackerStatus,
) -> Result<Vec<u64>, PlanError> {
    let n = operator_count;
    if n == 0 {
        return Ok(Vec::new());
    }
    let start = ncn_epoch % n;
    let (next, done) = match tracker {
        TrackerStatus::Absent
        | TrackerStatus::Open {
            last_updated_index: u64::MAX,
        } => (start, 0),
        TrackerStatus::Open { last_updated_index } if last_updated_index < n => (
            (last_updated_index + 1) % n,
            (last_updated_index + n - start) % n + 1,
        ),
        TrackerStatus::Open { last_updated_index } => {
            return Err(PlanError::BadTrackerIndex {
                last_updated_index,
                operator_count: n,
            })
        }
    };
    Ok((0..n - done).map(|i| (next + i) % n).collect())
}

/// One step of the update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Initialize,
    Crank(u64),
    Close,
}

/// Plans the update: the fewest transactions, to be sent in order, each within
/// [`PACKET_DATA_SIZE`], [`MAX_TX_ACCOUNT_LOCKS`] and the compute limits. Never empty: even with
/// every operator cranked, the tracker must still be closed. (A vault already updated this
/// epoch needs no plan; check `last_full_state_update_slot` first.) The instructions carry
/// master's tags; for a legacy-numbered program use [`plan_vault_update_numbered`] or, better,
/// [`plan_vault_update_checked`].
pub fn plan_vault_update(input: &VaultUpdateInput) -> Result<Vec<PlannedTransaction>, PlanError> {
    plan_vault_update_numbered(input, VaultNumbering::Master)
}

/// [`plan_vault_update`] with every vault instruction in `numbering` (through
/// [`VaultNumbering::apply`]). Sizes, accounts and compute do not depend on the numbering.
/// Nothing checks that the program speaks `numbering`: see [`plan_vault_update_checked`].
pub fn plan_vault_update_numbered(
    input: &VaultUpdateInput,
    numbering: VaultNumbering,
) -> Result<Vec<PlannedTransaction>, PlanError> {
    if input.delegations.len() as u64 != input.operator_count {
        return Err(PlanError::DelegationCount {
            expected: input.operator_count,
            got: input.delegations.len(),
        });
    }
    let mut steps = Vec::new();
    if input.tracker == TrackerStatus::Absent {
        steps.push(Step::Initialize);
    }
    steps.extend(
        remaining_operators(input.ncn_epoch, input.operator_count, input.tracker)?
            .into_iter()
            .map(Step::Crank),
    );
    steps.push(Step::Close);

    let tracker = tracker_address(&input.vault_program_id, &input.vault, input.ncn_epoch);
    let mut plan = Vec::new();
    let mut current: Vec<Step> = Vec::new();
    for step in steps {
        current.push(step);
        if build(input, numbering, &tracker, &current).is_none() {
            current.pop();
            if current.is_empty() {
                return Err(PlanError::StepTooLarge);
            }
            plan.push(build(input, numbering, &tracker, &current).ok_or(PlanError::StepTooLarge)?);
            current = vec![step];
            if build(input, numbering, &tracker, &current).is_none() {
                return Err(PlanError::StepTooLarge);
            }
        }
    }
    plan.push(build(input, numbering, &tracker, &current).ok_or(PlanError::StepTooLarge)?);
    Ok(plan)
}

/// Plans the update in `numbering` after checking that the deployed program at
/// `input.vault_program_id` speaks it: [`NumberingCache::get`] simulates GetNumbering with
/// `simulate` the first time (see there), then
/// - the program reports `numbering`: the plan;
/// - it reports the other numbering: [`CheckedPlanError::Mismatch`], and no plan, so nothing
///   can be sent with tags the program would read as other instructions;
/// - it cannot say ([`DeployedNumbering::Unknown`](crate::numbering::DeployedNumbering),
///   an original binary): the plan in `numbering`, the caller's configuration. Whether the
///   numbering was confirmed is `cache.get(..)` afterwards (cached, not simulated again).
///
/// ```
/// use jito_vault_client::{numbering::{NumberingCache, VaultNumbering}, planner::*};
/// # use solana_address::Address;
/// # let k = |n| Address::new_from_array([n; 32]);
/// let input = VaultUpdateInput {
///     vault_program_id: jito_vault_client::ID,
///     config: k(1), vault: k(2), payer: k(3), ncn_epoch: 7, operator_count: 0,
///     tracker: TrackerStatus::Absent, delegations: &[], lookup_table: None,
///     compute_unit_price: None,
/// };
/// let mut cache = NumberingCache::new();
/// // A legacy-numbered build answers GetNumbering with return data [1].
/// let legacy = |ix: &solana_instruction::Instruction| {
///     Ok::<_, std::io::Error>(Some((ix.program_id, vec![1])))
/// };
/// let plan = plan_vault_update_checked(&input, VaultNumbering::Legacy, &mut cache, legacy).unwrap();
/// assert_eq!(plan[0].instructions[0].data[0], 26); // legacy InitializeVaultUpdateStateTracker
/// // The same program, planned for in master numbering: refused (answer cached).
/// let err = plan_vault_update_checked(&input, VaultNumbering::Master, &mut cache, legacy);
/// assert!(matches!(err, Err(CheckedPlanError::Mismatch(_))));
/// ```
pub fn plan_vault_update_checked<E>(
    input: &VaultUpdateInput,
    numbering: VaultNumbering,
    cache: &mut NumberingCache,
    simulate: impl FnOnce(&Instruction) -> Result<Option<(Address, Vec<u8>)>, E>,
) -> Result<Vec<PlannedTransaction>, CheckedPlanError<E>> {
    cache
        .get(&input.vault_program_id, simulate)
        .map_err(CheckedPlanError::Simulate)?
        .check(numbering)
        .map_err(CheckedPlanError::Mismatch)?;
    plan_vault_update_numbered(input, numbering).map_err(CheckedPlanError::Plan)
}

/// The transaction of `steps`, or `None` when it breaks a limit.
fn build(
    input: &VaultUpdateInput,
    numbering: VaultNumbering,
    tracker: &Address,
    steps: &[Step],
) -> Option<PlannedTransaction> {
    let program = input.vault_program_id;
    let mut instructions = Vec::new();
    let mut operators = Vec::new();
    let mut compute_units = 0u64;
    let mut max_instruction_units = 0u64;
    let mut i = 0;
    while i < steps.len() {
        match steps[i] {
            Step::Initialize => {
                let mut ix = InitializeVaultUpdateStateTracker {
                    config: input.config,
                    vault: input.vault,
                    vault_update_state_tracker: *tracker,
                    payer: input.payer,
                    system_program: SYSTEM_PROGRAM_ID,
                }
                .instruction(InitializeVaultUpdateStateTrackerInstructionArgs {
                    withdrawal_allocation_method: WithdrawalAllocationMethod::Greedy,
                });
                ix.program_id = program;
                instructions.push(numbering.apply(ix));
                compute_units += cu::INITIALIZE_TRACKER;
                max_instruction_units = max_instruction_units.max(cu::INITIALIZE_TRACKER);
                i += 1;
            }
            Step::Crank(_) => {
                let mut metas = Vec::new();
                while let Some(Step::Crank(index)) = steps.get(i) {
                    metas.push(AccountMeta::new(input.delegations[*index as usize], false));
                    operators.push(*index);
                    i += 1;
                }
                let mut ix = BatchCrankVaultUpdateStateTracker {
                    config: input.config,
                    vault: input.vault,
                    vault_update_state_tracker: *tracker,
                }
                .instruction_with_remaining_accounts(&metas);
                ix.program_id = program;
                instructions.push(numbering.apply(ix));
                let units = batch_crank_compute_units(metas.len() as u64);
                compute_units += units;
                max_instruction_units = max_instruction_units.max(units);
            }
            Step::Close => {
                let mut ix = CloseVaultUpdateStateTracker {
                    config: input.config,
                    vault: input.vault,
                    vault_update_state_tracker: *tracker,
                    payer: input.payer,
                }
                .instruction(CloseVaultUpdateStateTrackerInstructionArgs {
                    ncn_epoch: input.ncn_epoch,
                });
                ix.program_id = program;
                instructions.push(numbering.apply(ix));
                compute_units += cu::CLOSE_TRACKER;
                max_instruction_units = max_instruction_units.max(cu::CLOSE_TRACKER);
                i += 1;
            }
        }
    }
    // Without a SetComputeUnitLimit each instruction gets the default limit.
    if input.compute_unit_price.is_none()
        && max_instruction_units > DEFAULT_INSTRUCTION_COMPUTE_UNITS
    {
        return None;
    }
    if let Some(price) = input.compute_unit_price {
        compute_units += 2 * cu::COMPUTE_BUDGET;
        let limit = u32::try_from(compute_units.min(MAX_TX_COMPUTE_UNITS)).ok()?;
        instructions.insert(0, set_compute_unit_price(price));
        instructions.insert(0, set_compute_unit_limit(limit));
    }
    if compute_units > MAX_TX_COMPUTE_UNITS {
        return None;
    }
    let shape = transaction_shape(&input.payer, &instructions, input.lookup_table.as_ref());
    if shape.size > PACKET_DATA_SIZE || shape.account_locks > MAX_TX_ACCOUNT_LOCKS {
        return None;
    }
    Some(PlannedTransaction {
        instructions,
        operators,
        size: shape.size,
        account_locks: shape.account_locks,
        compute_units,
    })
}

/// Estimated CU of a BatchCrankVaultUpdateStateTracker over `k` operators.
pub fn batch_crank_compute_units(k: u64) -> u64 {
    cu::BATCH_CRANK_BASE + cu::BATCH_CRANK_PER_OPERATOR * k.saturating_sub(1)
}

fn set_compute_unit_limit(units: u32) -> Instruction {
    let mut data = vec![2u8];
    data.extend_from_slice(&units.to_le_bytes());
    Instruction {
        program_id: COMPUTE_BUDGET_PROGRAM_ID,
        accounts: Vec::new(),
        data,
    }
}

fn set_compute_unit_price(micro_lamports: u64) -> Instruction {
    let mut data = vec![3u8];
    data.extend_from_slice(&micro_lamports.to_le_bytes());
    Instruction {
        program_id: COMPUTE_BUDGET_PROGRAM_ID,
        accounts: Vec::new(),
        data,
    }
}

/// Size and account count of a transaction signed by `payer` alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransactionShape {
    pub size: usize,
    pub account_locks: usize,
    pub signatures: usize,
}

/// Length of a compact-u16 (shortvec) encoding of `n`.
pub fn compact_len(n: usize) -> usize {
    match n {
        0..=0x7f => 1,
        0x80..=0x3fff => 2,
        _ => 3,
    }
}

/// The serialized size of the transaction (legacy without a table, v0 with one) and the number
/// of accounts it references, computed as the message compiler lays it out: signatures, header,
/// static keys, blockhash, compiled instructions, and for v0 the version byte and the table
/// lookups. Keys in the table are looked up unless they sign or are invoked as a program.
pub fn transaction_shape(
    payer: &Address,
    instructions: &[Instruction],
    lookup_table: Option<&LookupTable>,
) -> TransactionShape {
    // (key, signer, writable, invoked)
    let mut keys: Vec<(Address, bool, bool, bool)> = vec![(*payer, true, true, false)];
    let mut add = |key: &Address, signer: bool, writable: bool, invoked: bool| match keys
        .iter_mut()
        .find(|(k, ..)| k == key)
    {
        Some(entry) => {
            entry.1 |= signer;
            entry.2 |= writable;
            entry.3 |= invoked;
        }
        None => keys.push((*key, signer, writable, invoked)),
    };
    for ix in instructions {
        add(&ix.program_id, false, false, true);
        for meta in &ix.accounts {
            add(&meta.pubkey, meta.is_signer, meta.is_writable, false);
        }
    }
    let signatures = keys.iter().filter(|k| k.1).count();
    let looked_up = |k: &(Address, bool, bool, bool)| {
        lookup_table.is_some_and(|t| !k.1 && !k.3 && t.addresses.contains(&k.0))
    };
    let lookup_writable = keys.iter().filter(|k| looked_up(k) && k.2).count();
    let lookup_readonly = keys.iter().filter(|k| looked_up(k) && !k.2).count();
    let statics = keys.len() - lookup_writable - lookup_readonly;

    let mut size = compact_len(signatures) + 64 * signatures;
    if lookup_table.is_some() {
        size += 1; // version prefix
    }
    size += 3 + compact_len(statics) + 32 * statics + 32;
    size += compact_len(instructions.len());
    for ix in instructions {
        size += 1
            + compact_len(ix.accounts.len())
            + ix.accounts.len()
            + compact_len(ix.data.len())
            + ix.data.len();
    }
    if lookup_table.is_some() {
        // A table none of whose addresses is used is left out of the message.
        let used = lookup_writable + lookup_readonly > 0;
        size += compact_len(used as usize);
        if used {
            size += 32
                + compact_len(lookup_writable)
                + lookup_writable
                + compact_len(lookup_readonly)
                + lookup_readonly;
        }
    }
    TransactionShape {
        size,
        account_locks: keys.len(),
        signatures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(n: u16) -> Address {
        let mut bytes = [7u8; 32];
        bytes[..2].copy_from_slice(&n.to_le_bytes());
        Address::new_from_array(bytes)
    }

    struct Vault {
        delegations: Vec<Address>,
        table: Vec<Address>,
    }

    impl Vault {
        fn new(n: u16) -> Self {
            let delegations: Vec<Address> = (0..n).map(|i| addr(1_000 + i)).collect();
            // The keeper's table: config, vault and the delegations (the tracker changes
            // every epoch, so it stays a static key).
            let mut table = vec![addr(1), addr(2)];
            table.extend(&delegations);
            Self { delegations, table }
        }

        fn input(&self, tracker: TrackerStatus, alt: bool) -> VaultUpdateInput<'_> {
            VaultUpdateInput {
                vault_program_id: crate::ID,
                config: addr(1),
                vault: addr(2),
                payer: addr(3),
                ncn_epoch: 701,
                operator_count: self.delegations.len() as u64,
                tracker,
                delegations: &self.delegations,
                lookup_table: alt.then_some(LookupTable {
                    address: addr(4),
                    addresses: &self.table,
                }),
                compute_unit_price: None,
            }
        }
    }

    /// Checks the plan's invariants and returns the operators per transaction.
    fn check(input: &VaultUpdateInput, plan: &[PlannedTransaction]) -> Vec<usize> {
        let expected =
            remaining_operators(input.ncn_epoch, input.operator_count, input.tracker).unwrap();
        let cranked: Vec<u64> = plan.iter().flat_map(|t| t.operators.clone()).collect();
        assert_eq!(cranked, expected, "every remaining operator once, in order");
        for (i, tx) in plan.iter().enumerate() {
            assert!(tx.size <= PACKET_DATA_SIZE);
            assert!(tx.account_locks <= MAX_TX_ACCOUNT_LOCKS);
            assert!(tx.compute_units <= MAX_TX_COMPUTE_UNITS);
            let shape =
                transaction_shape(&input.payer, &tx.instructions, input.lookup_table.as_ref());
            assert_eq!(
                (shape.size, shape.account_locks),
                (tx.size, tx.account_locks)
            );
            let tags: Vec<u8> = tx
                .instructions
                .iter()
                .filter(|ix| ix.program_id == input.vault_program_id)
                .map(|ix| ix.data[0])
                .collect();
            // At most one batch per transaction, initialise first, close last.
            assert!(tags.iter().filter(|t| **t == 34).count() <= 1);
            assert_eq!(
                tags.contains(&27),
                i == 0 && input.tracker == TrackerStatus::Absent
            );
            assert_eq!(tags.contains(&29), i == plan.len() - 1);
        }
        plan.iter().map(|t| t.operators.len()).collect()
    }

    #[test]
    fn remaining_operators_follow_the_tracker() {
        // Epoch 701 with 4 operators starts at index 1.
        assert_eq!(
            remaining_operators(701, 4, TrackerStatus::Absent).unwrap(),
            [1, 2, 3, 0]
        );
        let open = |last| TrackerStatus::Open {
            last_updated_index: last,
        };
        assert_eq!(
            remaining_operators(701, 4, open(u64::MAX)).unwrap(),
            [1, 2, 3, 0]
        );
        assert_eq!(remaining_operators(701, 4, open(1)).unwrap(), [2, 3, 0]);
        assert_eq!(remaining_operators(701, 4, open(3)).unwrap(), [0]);
        assert!(remaining_operators(701, 4, open(0)).unwrap().is_empty());
        assert!(remaining_operators(701, 0, TrackerStatus::Absent)
            .unwrap()
            .is_empty());
        assert_eq!(
            remaining_operators(701, 4, open(4)),
            Err(PlanError::BadTrackerIndex {
                last_updated_index: 4,
                operator_count: 4
            })
        );
    }

    /// The size of a legacy transaction [initialize, batch(k), close] by hand: one signature
    /// (65), header (3), 6 + k keys (1 + 32 each), blockhash (32), 3 instructions (1):
    /// initialize 10 bytes (index, 5 accounts, 2 data bytes), batch 7 + k, close 16.
    #[test]
    fn legacy_size_by_hand() {
        for k in [1u16, 10, 27, 28] {
            let v = Vault::new(k);
            let input = v.input(TrackerStatus::Absent, false);
            let tracker = tracker_address(&input.vault_program_id, &input.vault, input.ncn_epoch);
            let mut steps = vec![Step::Initialize];
            steps.extend((0..k as u64).map(Step::Crank));
            steps.push(Step::Close);
            let expected = 65 + 3 + 1 + 32 * (6 + k as usize) + 32 + 1 + 10 + (7 + k as usize) + 16;
            assert_eq!(expected, 327 + 33 * k as usize);
            match build(&input, VaultNumbering::Master, &tracker, &steps) {
                Some(tx) => assert_eq!(tx.size, expected),
                None => assert!(expected > PACKET_DATA_SIZE, "k = {k}"),
            }
        }
    }

    /// v0 with the table holding config, vault and delegations: 4 static keys (payer, vault
    /// program, system program, tracker), the version byte and one lookup of 1 + k writable and
    /// 1 read-only index: 301 + 2k bytes; 6 + k accounts.
    #[test]
    fn v0_size_by_hand() {
        for k in [1u16, 20, 58] {
            let v = Vault::new(k);
            let input = v.input(TrackerStatus::Absent, true);
            let plan = plan_vault_update(&input).unwrap();
            assert_eq!(plan.len(), 1);
            assert_eq!(plan[0].size, 301 + 2 * k as usize);
            assert_eq!(plan[0].account_locks, 6 + k as usize);
        }
        // 59 operators need 65 accounts with the tracker's three instructions.
        let v = Vault::new(59);
        let plan = plan_vault_update(&v.input(TrackerStatus::Absent, true)).unwrap();
        assert_eq!(plan.len(), 2);
        assert_eq!(plan[0].account_locks, MAX_TX_ACCOUNT_LOCKS);
    }

    #[test]
    fn plans_per_vault_size() {
        // (operators, legacy operators per transaction, v0 with a table)
        let table: [(u16, &[usize], &[usize]); 5] = [
            (1, &[1], &[1]),
            (16, &[16], &[16]),
            (32, &[27, 5], &[32]),
            (58, &[27, 29, 2], &[58]),
            (64, &[27, 29, 8], &[58, 6]),
        ];
        for (n, legacy, v0) in table {
            let v = Vault::new(n);
            for (alt, want) in [(false, legacy), (true, v0)] {
                let input = v.input(TrackerStatus::Absent, alt);
                let plan = plan_vault_update(&input).unwrap();
                let per_tx = check(&input, &plan);
                println!(
                    "PLAN operators={n} {}: {} transaction(s), operators per transaction {per_tx:?}, sizes {:?}",
                    if alt { "v0+ALT" } else { "legacy" },
                    plan.len(),
                    plan.iter().map(|t| t.size).collect::<Vec<_>>()
                );
                assert_eq!(per_tx, want, "{n} operators, table {alt}");
            }
        }
    }

    #[test]
    fn resumes_a_partial_update() {
        let v = Vault::new(32);
        // Epoch 701 with 32 operators starts at 29; 29..=31 and 0..=9 done: 10..=28 left.
        let input = v.input(
            TrackerStatus::Open {
                last_updated_index: 9,
            },
            false,
        );
        let plan = plan_vault_update(&input).unwrap();
        assert_eq!(check(&input, &plan), [19]);
        assert_eq!(plan[0].operators[0], 10);
        // Everything cranked: only the close is left.
        let input = v.input(
            TrackerStatus::Open {
                last_updated_index: 28,
            },
            false,
        );
        let plan = plan_vault_update(&input).unwrap();
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].instructions.len(), 1);
        assert_eq!(plan[0].instructions[0].data, {
            let mut d = vec![29];
            d.extend_from_slice(&701u64.to_le_bytes());
            d
        });
    }

    #[test]
    fn no_operators_opens_and_closes() {
        let v = Vault::new(0);
        let plan = plan_vault_update(&v.input(TrackerStatus::Absent, false)).unwrap();
        assert_eq!(plan.len(), 1);
        let tags: Vec<u8> = plan[0].instructions.iter().map(|ix| ix.data[0]).collect();
        assert_eq!(tags, [27, 29]);
    }

    #[test]
    fn program_id_and_priority_fee() {
        let v = Vault::new(16);
        let mut input = v.input(TrackerStatus::Absent, false);
        input.vault_program_id = addr(9);
        input.compute_unit_price = Some(1_000);
        let plan = plan_vault_update(&input).unwrap();
        check(&input, &plan);
        let ixs = &plan[0].instructions;
        assert_eq!(ixs[0].program_id, COMPUTE_BUDGET_PROGRAM_ID);
        assert_eq!(ixs[0].data[0], 2);
        let limit = u32::from_le_bytes(ixs[0].data[1..5].try_into().unwrap());
        assert_eq!(limit as u64, plan[0].compute_units);
        assert_eq!(ixs[1].data, [&[3u8][..], &1_000u64.to_le_bytes()].concat());
        assert!(ixs[2..].iter().all(|ix| ix.program_id == addr(9)));
        // The tracker is the PDA under the given program id.
        assert_eq!(
            ixs[2].accounts[2].pubkey,
            tracker_address(&addr(9), &addr(2), 701)
        );
        assert_ne!(
            ixs[2].accounts[2].pubkey,
            tracker_address(&crate::ID, &addr(2), 701)
        );
        // The batch lists the delegations after config, vault and tracker, writable.
        let batch = &ixs[3];
        assert_eq!(batch.data, [34]);
        assert_eq!(batch.accounts.len(), 3 + 16);
        let start = 701 % 16;
        for (i, meta) in batch.accounts[3..].iter().enumerate() {
            assert_eq!(meta.pubkey, v.delegations[(start + i) % 16]);
            assert!(meta.is_writable && !meta.is_signer);
        }
    }

    #[test]
    fn wrong_delegation_count() {
        let v = Vault::new(3);
        let mut input = v.input(TrackerStatus::Absent, false);
        input.operator_count = 4;
        assert_eq!(
            plan_vault_update(&input),
            Err(PlanError::DelegationCount {
                expected: 4,
                got: 3
            })
        );
    }

    /// The vault tags of each transaction of `plan`.
    fn vault_tags(input: &VaultUpdateInput, plan: &[PlannedTransaction]) -> Vec<Vec<u8>> {
        plan.iter()
            .map(|tx| {
                tx.instructions
                    .iter()
                    .filter(|ix| ix.program_id == input.vault_program_id)
                    .map(|ix| ix.data[0])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tags_per_numbering() {
        let v = Vault::new(32);
        let mut input = v.input(TrackerStatus::Absent, false);
        input.compute_unit_price = Some(5);
        let master = plan_vault_update(&input).unwrap();
        assert_eq!(
            plan_vault_update_numbered(&input, VaultNumbering::Master).unwrap(),
            master
        );
        let legacy = plan_vault_update_numbered(&input, VaultNumbering::Legacy).unwrap();
        assert_eq!(vault_tags(&input, &master), [vec![27, 34], vec![34, 29]]);
        assert_eq!(vault_tags(&input, &legacy), [vec![26, 34], vec![34, 28]]);
        // Only the vault tags differ: same packing, accounts, arguments, compute-budget
        // instructions.
        assert_eq!(legacy.len(), master.len());
        for (l, m) in legacy.iter().zip(&master) {
            assert_eq!(
                (&l.operators, l.size, l.account_locks, l.compute_units),
                (&m.operators, m.size, m.account_locks, m.compute_units)
            );
            assert_eq!(l.instructions.len(), m.instructions.len());
            for (li, mi) in l.instructions.iter().zip(&m.instructions) {
                assert_eq!((li.program_id, &li.accounts), (mi.program_id, &mi.accounts));
                assert_eq!(li.data[1..], mi.data[1..]);
                let expected = if mi.program_id == input.vault_program_id {
                    VaultNumbering::Legacy.tag(mi.data[0])
                } else {
                    mi.data[0]
                };
                assert_eq!(li.data[0], expected);
            }
        }
        // A resumed update (close only) in legacy numbering.
        let input = v.input(
            TrackerStatus::Open {
                last_updated_index: 28,
            },
            true,
        );
        let plan = plan_vault_update_numbered(&input, VaultNumbering::Legacy).unwrap();
        assert_eq!(vault_tags(&input, &plan), [vec![28]]);
    }

    /// A GetNumbering simulation answering `answer` (`None`: failed), counting the calls.
    fn answering(
        answer: Option<u8>,
        asked: &mut u32,
    ) -> impl FnMut(&Instruction) -> Result<Option<(Address, Vec<u8>)>, String> + '_ {
        move |ix| {
            *asked += 1;
            assert_eq!(ix.data, [crate::numbering::GET_NUMBERING_TAG]);
            Ok(answer.map(|byte| (ix.program_id, vec![byte])))
        }
    }

    #[test]
    fn checked_plan_refuses_a_mismatch_both_ways() {
        let v = Vault::new(8);
        let input = v.input(TrackerStatus::Absent, false);
        for (program, client) in [
            (VaultNumbering::Legacy, VaultNumbering::Master),
            (VaultNumbering::Master, VaultNumbering::Legacy),
        ] {
            let mut cache = NumberingCache::new();
            let mut asked = 0;
            let mut simulate = answering(Some(program as u8), &mut asked);
            assert_eq!(
                plan_vault_update_checked(&input, client, &mut cache, &mut simulate),
                Err(CheckedPlanError::Mismatch(NumberingMismatch {
                    client,
                    program
                }))
            );
            // The matching numbering plans, from the cached answer.
            let plan =
                plan_vault_update_checked(&input, program, &mut cache, &mut simulate).unwrap();
            assert_eq!(plan, plan_vault_update_numbered(&input, program).unwrap());
            drop(simulate);
            assert_eq!(asked, 1);
        }
    }

    #[test]
    fn checked_plan_unknown_goes_by_the_requested_numbering() {
        let v = Vault::new(8);
        let input = v.input(TrackerStatus::Absent, false);
        // No answer (an original binary rejects tag 36), or an answer that is no numbering.
        for answer in [None, Some(7)] {
            for client in [VaultNumbering::Master, VaultNumbering::Legacy] {
                let mut cache = NumberingCache::new();
                let mut asked = 0;
                let plan = plan_vault_update_checked(
                    &input,
                    client,
                    &mut cache,
                    answering(answer, &mut asked),
                )
                .unwrap();
                assert_eq!(plan, plan_vault_update_numbered(&input, client).unwrap());
                assert_eq!(
                    vault_tags(&input, &plan)[0][0],
                    client.tag(27),
                    "{answer:?} {client:?}"
                );
                assert_eq!(asked, 1);
            }
        }
        // A simulation that cannot run plans nothing and is not cached.
        let mut cache = NumberingCache::new();
        let down = |_: &Instruction| Err::<Option<(Address, Vec<u8>)>, _>("rpc down".to_string());
        assert_eq!(
            plan_vault_update_checked(&input, VaultNumbering::Legacy, &mut cache, down),
            Err(CheckedPlanError::Simulate("rpc down".to_string()))
        );
        let mut asked = 0;
        plan_vault_update_checked(
            &input,
            VaultNumbering::Legacy,
            &mut cache,
            answering(Some(1), &mut asked),
        )
        .unwrap();
        assert_eq!(asked, 1);
    }

    #[test]
    fn compact_lengths() {
        assert_eq!(compact_len(0), 1);
        assert_eq!(compact_len(127), 1);
        assert_eq!(compact_len(128), 2);
        assert_eq!(compact_len(16_383), 2);
        assert_eq!(compact_len(16_384), 3);
    }
}
