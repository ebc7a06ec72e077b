//! The compute benchmark behind `compute_reports/`: every instruction of both
//! programs, run once successfully in a realistic state, recorded with
//! [`record_cu`] (the only test that records; `scripts/compute-report.sh`).
//!
//! Reproducible to the unit: every key comes from a fixed label
//! ([`scenarios::bench::key`]), every slot is fixed, and each test builds its own
//! ledger from scratch by running the programs' instructions (built by the
//! generated clients), so test order and threads cannot change a figure.
//!
//! * [`lifecycle`]: one NCN, three operators, one slasher and a vault with
//!   deposits, delegations and non-zero fees (deposit, withdrawal and reward fees
//!   of the vault, and the program fee) over four epochs: creation, opt-ins and
//!   warm-ups, deposits and delegations, epoch updates, a withdrawal through
//!   enqueue, owner change and burn, a reward, cool-downs, then the admin
//!   changes. A second vault without vault fees gives the `/no-fees` variants.
//! * [`crank_scaling`]: the full epoch update of vaults with 1, 8 and 64
//!   delegated operators after withdrawals and delegation cool-downs; each
//!   records its costliest crank (`CrankVaultUpdateStateTracker/<n>-operators`).
//! * [`batch_crank_scaling`]: the same update of vaults with 1, 8, 32 and 64
//!   operators with one BatchCrankVaultUpdateStateTracker (an addition) over
//!   all of them (`BatchCrankVaultUpdateStateTracker/<n>-operators`, the
//!   instruction's total).

use jito_restaking_client::{
    accounts as rc, instructions as ri,
    types::{NcnAdminRole, OperatorAdminRole},
};
use jito_vault_client::{
    instructions as vi,
    types::{ConfigAdminRole, VaultAdminRole},
};
use mollusk_tests::{
    owned_account, record_cu, scenarios::bench::*, token_account_data, Instruction,
    InstructionResult, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

/// The epoch the world is created in (an arbitrary, realistic mainnet-like epoch).
const E0: u64 = 700;
/// Supported tokens (9 decimals) given to the vault at creation and to each depositor.
const INITIAL_ST: u64 = 10_000_000_000;
const DEPOSIT: u64 = 1_000_000_000_000;
/// Vault fees of the main vault: deposit, withdrawal, reward (bps); program fee (bps).
const VAULT_FEES: (u16, u16, u16) = (10, 10, 1_000);
const PROGRAM_FEE_BPS: u16 = 10;

#[track_caller]
fn restaking(name: &str, result: &InstructionResult) {
    record_cu("restaking", name, result);
}

#[track_caller]
fn vault(name: &str, result: &InstructionResult) {
    record_cu("vault", name, result);
}

/// Both configs, funded admins and payer, and the supported-token mint.
fn genesis(ledger: &mut World, g: &Globals) -> (InstructionResult, InstructionResult) {
    for k in [
        &g.restaking_admin,
        &g.vault_config_admin,
        &g.payer,
        &g.program_fee_wallet,
    ] {
        ledger.fund(k);
    }
    ledger.put_mint(&g.st_mint, &g.st_mint_authority, 0, 9);
    let restaking_config = ledger.exec(
        &ri::InitializeConfig {
            config: g.restaking_config,
            admin: g.restaking_admin,
            vault_program: VAULT_PROGRAM_ID,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    let vault_config = ledger.exec(
        &vi::InitializeConfig {
            config: g.vault_config,
            admin: g.vault_config_admin,
            restaking_program: RESTAKING_PROGRAM_ID,
            program_fee_wallet: g.program_fee_wallet,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(vi::InitializeConfigInstructionArgs {
            program_fee_bps: PROGRAM_FEE_BPS,
        }),
    );
    (restaking_config, vault_config)
}

fn initialize_operator(ledger: &mut World, g: &Globals, op: &OperatorKeys) -> InstructionResult {
    ledger.fund(&op.admin);
    ledger.exec(&restaking_initialize_operator(g, op, 100))
}

/// NCN ↔ operator handshake accounts (restaking): (ncn, operator) state address.
fn ncn_operator_state(ncn: &NcnKeys, op: &OperatorKeys) -> Pubkey {
    rc::NcnOperatorState::find_pda(&ncn.address, &op.address).0
}

fn ncn_operator_toggle(tag: u8, g: &Globals, ncn: &NcnKeys, op: &OperatorKeys) -> Instruction {
    let (config, state) = (g.restaking_config, ncn_operator_state(ncn, op));
    match tag {
        9 => ri::NcnWarmupOperator {
            config,
            ncn: ncn.address,
            operator: op.address,
            ncn_operator_state: state,
            admin: ncn.admin,
        }
        .instruction(),
        10 => ri::NcnCooldownOperator {
            config,
            ncn: ncn.address,
            operator: op.address,
            ncn_operator_state: state,
            admin: ncn.admin,
        }
        .instruction(),
        11 => ri::OperatorWarmupNcn {
            config,
            ncn: ncn.address,
            operator: op.address,
            ncn_operator_state: state,
            admin: op.admin,
        }
        .instruction(),
        12 => ri::OperatorCooldownNcn {
            config,
            ncn: ncn.address,
            operator: op.address,
            ncn_operator_state: state,
            admin: op.admin,
        }
        .instruction(),
        _ => unreachable!(),
    }
}

/// Metadata instruction (`CreateTokenMetadata` or `UpdateTokenMetadata`) of a vault's VRT.
fn metadata_ix(
    create: bool,
    g: &Globals,
    v: &VaultKeys,
    strings: (&str, &str, &str),
) -> Instruction {
    let metadata = Pubkey::find_program_address(
        &[b"metadata", METAPLEX_ID.as_ref(), v.vrt_mint.as_ref()],
        &METAPLEX_ID,
    )
    .0;
    let (name, symbol, uri) = (
        strings.0.to_string(),
        strings.1.to_string(),
        strings.2.to_string(),
    );
    if create {
        vi::CreateTokenMetadata {
            vault: v.address,
            admin: v.admin,
            vrt_mint: v.vrt_mint,
            payer: g.payer,
            metadata,
            mpl_token_metadata_program: METAPLEX_ID,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(vi::CreateTokenMetadataInstructionArgs { name, symbol, uri })
    } else {
        vi::UpdateTokenMetadata {
            vault: v.address,
            admin: v.admin,
            vrt_mint: v.vrt_mint,
            metadata,
            mpl_token_metadata_program: METAPLEX_ID,
        }
        .instruction(vi::UpdateTokenMetadataInstructionArgs { name, symbol, uri })
    }
}

/// A token account of `owner` (a PDA of the programs) for a mint other than the
/// vault's supported token, as delegated by the `*DelegateTokenAccount` instructions.
fn put_other_token_account(ledger: &mut World, owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    ledger.put_ata(owner, mint, 5_000_000)
}

/// Adds `amount` supported tokens to the vault's account, as a reward sent to it.
fn send_reward(ledger: &mut World, g: &Globals, v: &VaultKeys, amount: u64) {
    let balance = ledger.token_amount(&v.vault_st_ata);
    ledger.set(
        v.vault_st_ata,
        owned_account(
            &TOKEN_PROGRAM_ID,
            token_account_data(&g.st_mint, &v.address, balance + amount),
        ),
    );
}

#[test]
fn lifecycle() {
    let mut ledger = World::new();
    let g = Globals::new();
    let l = &mut ledger;

    // ---- Epoch E0: creation --------------------------------------------------
    l.warp(slot_at(E0, 1_000));
    let (restaking_config, vault_config) = genesis(l, &g);
    restaking("InitializeConfig", &restaking_config);
    vault("InitializeConfig", &vault_config);

    let ncn = NcnKeys::labelled("main");
    l.fund(&ncn.admin);
    let r = l.exec(
        &ri::InitializeNcn {
            config: g.restaking_config,
            ncn: ncn.address,
            admin: ncn.admin,
            base: ncn.base,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    restaking("InitializeNcn", &r);

    let ops: Vec<OperatorKeys> = (0..3)
        .map(|i| OperatorKeys::labelled(&i.to_string()))
        .collect();
    for (i, op) in ops.iter().enumerate() {
        let r = initialize_operator(l, &g, op);
        if i == 0 {
            restaking("InitializeOperator", &r);
        }
    }

    let a = VaultKeys::labelled("main", &g.st_mint);
    let r = create_vault(l, &g, &a, VAULT_FEES, INITIAL_ST);
    vault("InitializeVault", &r);
    let z = VaultKeys::labelled("no-fees", &g.st_mint);
    create_vault(l, &g, &z, (0, 0, 0), INITIAL_ST);

    let r = l.exec(&vi::InitializeVaultWithMint {}.instruction());
    vault("InitializeVaultWithMint", &r);

    // Restaking opt-ins of the vault, the operators and a slasher.
    let ncn_vault_ticket = rc::NcnVaultTicket::find_pda(&ncn.address, &a.address).0;
    let r = l.exec(
        &ri::InitializeNcnVaultTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            ncn_vault_ticket,
            admin: ncn.admin,
            payer: g.payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    restaking("InitializeNcnVaultTicket", &r);
    for (i, op) in ops.iter().enumerate() {
        let r = l.exec(&initialize_operator_vault_ticket(&g, op, &a));
        if i == 0 {
            restaking("InitializeOperatorVaultTicket", &r);
        }
        let r = l.exec(
            &ri::InitializeNcnOperatorState {
                config: g.restaking_config,
                ncn: ncn.address,
                operator: op.address,
                ncn_operator_state: ncn_operator_state(&ncn, op),
                admin: ncn.admin,
                payer: g.payer,
                system_program: SYSTEM_PROGRAM_ID,
            }
            .instruction(),
        );
        if i == 0 {
            restaking("InitializeNcnOperatorState", &r);
        }
    }
    let slasher = key("slasher");
    let ncn_slasher_ticket =
        rc::NcnVaultSlasherTicket::find_pda(&ncn.address, &a.address, &slasher).0;
    let r = l.exec(
        &ri::InitializeNcnVaultSlasherTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            slasher,
            ncn_vault_ticket,
            ncn_vault_slasher_ticket: ncn_slasher_ticket,
            admin: ncn.admin,
            payer: g.payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(ri::InitializeNcnVaultSlasherTicketInstructionArgs {
            max_slashable_per_epoch: 1_000_000_000,
        }),
    );
    restaking("InitializeNcnVaultSlasherTicket", &r);

    // The vault's side of the opt-ins.
    let vault_ncn_ticket =
        jito_vault_client::accounts::VaultNcnTicket::find_pda(&a.address, &ncn.address).0;
    let r = l.exec(
        &vi::InitializeVaultNcnTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            ncn_vault_ticket,
            vault_ncn_ticket,
            admin: a.admin,
            payer: g.payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("InitializeVaultNcnTicket", &r);
    for (i, op) in ops.iter().enumerate() {
        let r = l.exec(&initialize_vault_operator_delegation(&g, &a, op));
        if i == 0 {
            vault("InitializeVaultOperatorDelegation", &r);
        }
    }
    let vault_slasher_ticket = jito_vault_client::accounts::VaultNcnSlasherTicket::find_pda(
        &a.address,
        &ncn.address,
        &slasher,
    )
    .0;
    let r = l.exec(
        &vi::InitializeVaultNcnSlasherTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            slasher,
            ncn_slasher_ticket,
            vault_slasher_ticket,
            admin: a.admin,
            payer: g.payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("InitializeVaultNcnSlasherTicket", &r);
    let r = l.exec(
        &vi::InitializeVaultNcnSlasherOperatorTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            slasher,
            operator: ops[0].address,
            vault_ncn_slasher_ticket: vault_slasher_ticket,
            vault_ncn_slasher_operator_ticket:
                jito_vault_client::accounts::VaultNcnSlasherOperatorTicket::find_pda(
                    &a.address,
                    &ncn.address,
                    &slasher,
                    &ops[0].address,
                    E0,
                )
                .0,
            payer: g.payer,
            system_program: SYSTEM_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("InitializeVaultNcnSlasherOperatorTicket", &r);

    // Deposits and delegations.
    let d1 = add_depositor(l, &g, &a, "depositor-1", DEPOSIT);
    let d2 = add_depositor(l, &g, &a, "depositor-2", DEPOSIT);
    l.exec(&mint_to(&g, &a, &d1, DEPOSIT / 2));
    l.exec(&mint_to(&g, &a, &d2, DEPOSIT / 2));
    let dz = add_depositor(l, &g, &z, "depositor-no-fees", DEPOSIT);
    l.exec(&mint_to(&g, &z, &dz, DEPOSIT / 2));
    let r = l.exec(&mint_to(&g, &z, &dz, DEPOSIT / 4));
    vault("MintTo/no-fees", &r);
    for (i, op) in ops.iter().enumerate() {
        let r = l.exec(&add_delegation(&g, &a, op, DEPOSIT / 4));
        if i == 0 {
            vault("AddDelegation", &r);
        }
    }

    // ---- Epoch E0, later: warm-ups and non-destructive admin -----------------
    l.warp(slot_at(E0, 2_000));
    let r = l.exec(
        &ri::WarmupNcnVaultTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            ncn_vault_ticket,
            admin: ncn.admin,
        }
        .instruction(),
    );
    restaking("WarmupNcnVaultTicket", &r);
    for (i, op) in ops.iter().enumerate() {
        let r = l.exec(&warmup_operator_vault_ticket(&g, op, &a));
        if i == 0 {
            restaking("WarmupOperatorVaultTicket", &r);
        }
        let r = l.exec(&ncn_operator_toggle(9, &g, &ncn, op));
        if i == 0 {
            restaking("NcnWarmupOperator", &r);
        }
        let r = l.exec(&ncn_operator_toggle(11, &g, &ncn, op));
        if i == 0 {
            restaking("OperatorWarmupNcn", &r);
        }
    }
    let r = l.exec(
        &ri::WarmupNcnVaultSlasherTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            slasher,
            ncn_vault_ticket,
            ncn_vault_slasher_ticket: ncn_slasher_ticket,
            admin: ncn.admin,
        }
        .instruction(),
    );
    restaking("WarmupNcnVaultSlasherTicket", &r);
    let r = l.exec(
        &vi::WarmupVaultNcnTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            vault_ncn_ticket,
            admin: a.admin,
        }
        .instruction(),
    );
    vault("WarmupVaultNcnTicket", &r);
    let r = l.exec(
        &vi::WarmupVaultNcnSlasherTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            slasher,
            vault_slasher_ticket,
            admin: a.admin,
        }
        .instruction(),
    );
    vault("WarmupVaultNcnSlasherTicket", &r);

    let r = l.exec(
        &vi::SetDepositCapacity {
            config: g.vault_config,
            vault: a.address,
            admin: a.admin,
        }
        .instruction(vi::SetDepositCapacityInstructionArgs {
            amount: 1_000_000_000_000_000,
        }),
    );
    vault("SetDepositCapacity", &r);
    let r = l.exec(
        &ri::OperatorSetFee {
            config: g.restaking_config,
            operator: ops[0].address,
            admin: ops[0].admin,
        }
        .instruction(ri::OperatorSetFeeInstructionArgs { new_fee_bps: 150 }),
    );
    restaking("OperatorSetFee", &r);

    // Token delegations of assets other than the supported token.
    let other_mint = key("other-mint");
    l.put_mint(&other_mint, &key("other-mint-authority"), 0, 6);
    let delegate = key("token-delegate");
    let vault_other = put_other_token_account(l, &a.address, &other_mint);
    let r = l.exec(
        &vi::DelegateTokenAccount {
            config: g.vault_config,
            vault: a.address,
            delegate_asset_admin: a.admin,
            token_mint: other_mint,
            token_account: vault_other,
            delegate,
            token_program: TOKEN_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("DelegateTokenAccount", &r);
    let r = l.exec(
        &vi::RevokeDelegateTokenAccount {
            config: g.vault_config,
            vault: a.address,
            delegate_asset_admin: a.admin,
            token_mint: other_mint,
            token_account: vault_other,
            token_program: TOKEN_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("RevokeDelegateTokenAccount", &r);
    let ncn_other = put_other_token_account(l, &ncn.address, &other_mint);
    let r = l.exec(
        &ri::NcnDelegateTokenAccount {
            ncn: ncn.address,
            delegate_admin: ncn.admin,
            token_mint: other_mint,
            token_account: ncn_other,
            delegate,
            token_program: TOKEN_PROGRAM_ID,
        }
        .instruction(),
    );
    restaking("NcnDelegateTokenAccount", &r);
    let op_other = put_other_token_account(l, &ops[0].address, &other_mint);
    let r = l.exec(
        &ri::OperatorDelegateTokenAccount {
            operator: ops[0].address,
            delegate_admin: ops[0].admin,
            token_mint: other_mint,
            token_account: op_other,
            delegate,
            token_program: TOKEN_PROGRAM_ID,
        }
        .instruction(),
    );
    restaking("OperatorDelegateTokenAccount", &r);

    // VRT metadata: realistic strings, then the longest Metaplex allows (on the
    // fee-less vault, whose metadata account is still free).
    let realistic = (
        "Jito Restaked SOL",
        "JRSOL",
        "https://vault.jito.network/metadata/jrsol.json",
    );
    let r = l.exec(&metadata_ix(true, &g, &a, realistic));
    vault("CreateTokenMetadata", &r);
    let r = l.exec(&metadata_ix(false, &g, &a, realistic));
    vault("UpdateTokenMetadata", &r);
    let long_uri = format!(
        "https://vault.jito.network/metadata/{}",
        "x".repeat(200 - 36)
    );
    let longest = ("N".repeat(32), "S".repeat(10), long_uri);
    let longest = (longest.0.as_str(), longest.1.as_str(), longest.2.as_str());
    let r = l.exec(&metadata_ix(true, &g, &z, longest));
    vault("CreateTokenMetadata/max-strings", &r);
    let r = l.exec(&metadata_ix(false, &g, &z, longest));
    vault("UpdateTokenMetadata/max-strings", &r);

    // ---- Epoch E0 + 1: update, deposit, withdrawal request, cool-down -------
    l.warp(slot_at(E0 + 1, 1_000));
    let op_refs: Vec<&OperatorKeys> = ops.iter().collect();
    full_update(l, &g, &a, &op_refs);
    full_update(l, &g, &z, &[]);
    let r = l.exec(&mint_to(&g, &a, &d1, DEPOSIT / 4));
    vault("MintTo", &r);
    vault("MintTo/with-fees", &r);

    let ticket_base = key("ticket-1-base");
    let vrt = l.token_amount(&ata(&d1, &a.vrt_mint));
    let ix = enqueue_withdrawal(l, &g, &a, &d1, &ticket_base, vrt / 2);
    let r = l.exec(&ix);
    vault("EnqueueWithdrawal", &r);
    let r = l.exec(
        &vi::ChangeWithdrawalTicketOwner {
            config: g.vault_config,
            vault: a.address,
            vault_staker_withdrawal_ticket: a.ticket(&ticket_base),
            old_owner: d1,
            new_owner: d2,
        }
        .instruction(),
    );
    vault("ChangeWithdrawalTicketOwner", &r);
    let r = l.exec(&cooldown_delegation(&g, &a, &ops[1], DEPOSIT / 16));
    vault("CooldownDelegation", &r);

    let ticket_z = key("ticket-no-fees-base");
    let vrt = l.token_amount(&ata(&dz, &z.vrt_mint));
    let ix = enqueue_withdrawal(l, &g, &z, &dz, &ticket_z, vrt / 2);
    l.exec(&ix);

    // ---- Epoch E0 + 2: the update that starts the withdrawal's cool-down ----
    l.warp(slot_at(E0 + 2, 1_000));
    let update = full_update(l, &g, &a, &op_refs);
    vault("InitializeVaultUpdateStateTracker", &update.initialize);
    vault(
        "CrankVaultUpdateStateTracker",
        update.costliest_crank().unwrap(),
    );
    vault("CloseVaultUpdateStateTracker", &update.close);
    full_update(l, &g, &z, &[]);
    let r = l.exec(
        &vi::SetFees {
            config: g.vault_config,
            vault: a.address,
            admin: a.admin,
        }
        .instruction(vi::SetFeesInstructionArgs {
            deposit_fee_bps: Some(VAULT_FEES.0 + 5),
            withdrawal_fee_bps: Some(VAULT_FEES.1 + 5),
            reward_fee_bps: Some(VAULT_FEES.2),
        }),
    );
    vault("SetFees", &r);

    // ---- Epoch E0 + 3: burn, reward, cool-downs, admin changes --------------
    l.warp(slot_at(E0 + 3, 1_000));
    full_update(l, &g, &a, &op_refs);
    full_update(l, &g, &z, &[]);
    let r = l.exec(&burn_withdrawal_ticket(&g, &a, &d2, &ticket_base));
    vault("BurnWithdrawalTicket", &r);
    vault("BurnWithdrawalTicket/with-fees", &r);
    let r = l.exec(&burn_withdrawal_ticket(&g, &z, &dz, &ticket_z));
    vault("BurnWithdrawalTicket/no-vault-fees", &r);

    send_reward(l, &g, &a, 2_000_000_000);
    let r = l.exec(
        &vi::UpdateVaultBalance {
            config: g.vault_config,
            vault: a.address,
            vault_token_account: a.vault_st_ata,
            vrt_mint: a.vrt_mint,
            vault_fee_token_account: a.fee_vrt_ata(),
            token_program: TOKEN_PROGRAM_ID,
        }
        .instruction(),
    );
    vault("UpdateVaultBalance", &r);

    // Cool-downs of tickets active since E0 + 2 (the last operator's).
    let last = &ops[2];
    let r = l.exec(
        &ri::CooldownNcnVaultTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            ncn_vault_ticket,
            admin: ncn.admin,
        }
        .instruction(),
    );
    restaking("CooldownNcnVaultTicket", &r);
    let r = l.exec(
        &ri::CooldownOperatorVaultTicket {
            config: g.restaking_config,
            operator: last.address,
            vault: a.address,
            operator_vault_ticket: rc::OperatorVaultTicket::find_pda(&last.address, &a.address).0,
            admin: last.admin,
        }
        .instruction(),
    );
    restaking("CooldownOperatorVaultTicket", &r);
    let r = l.exec(&ncn_operator_toggle(10, &g, &ncn, last));
    restaking("NcnCooldownOperator", &r);
    let r = l.exec(&ncn_operator_toggle(12, &g, &ncn, last));
    restaking("OperatorCooldownNcn", &r);
    let r = l.exec(
        &ri::CooldownNcnVaultSlasherTicket {
            config: g.restaking_config,
            ncn: ncn.address,
            vault: a.address,
            slasher,
            ncn_vault_slasher_ticket: ncn_slasher_ticket,
            admin: ncn.admin,
        }
        .instruction(),
    );
    restaking("CooldownNcnVaultSlasherTicket", &r);
    let r = l.exec(
        &vi::CooldownVaultNcnTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            vault_ncn_ticket,
            admin: a.admin,
        }
        .instruction(),
    );
    vault("CooldownVaultNcnTicket", &r);
    let r = l.exec(
        &vi::CooldownVaultNcnSlasherTicket {
            config: g.vault_config,
            vault: a.address,
            ncn: ncn.address,
            slasher,
            vault_ncn_slasher_ticket: vault_slasher_ticket,
            admin: a.admin,
        }
        .instruction(),
    );
    vault("CooldownVaultNcnSlasherTicket", &r);

    // Program fee and admin changes, last (they hand roles to new keys).
    let r = l.exec(
        &vi::SetProgramFee {
            config: g.vault_config,
            admin: g.vault_config_admin,
        }
        .instruction(vi::SetProgramFeeInstructionArgs {
            new_fee_bps: PROGRAM_FEE_BPS + 5,
        }),
    );
    vault("SetProgramFee", &r);
    let r = l.exec(
        &vi::SetProgramFeeWallet {
            config: g.vault_config,
            program_fee_admin: g.vault_config_admin,
            new_fee_wallet: key("program-fee-wallet-2"),
        }
        .instruction(),
    );
    vault("SetProgramFeeWallet", &r);
    let r = l.exec(
        &vi::SetIsPaused {
            config: g.vault_config,
            vault: a.address,
            admin: a.admin,
        }
        .instruction(vi::SetIsPausedInstructionArgs { is_paused: true }),
    );
    vault("SetIsPaused", &r);
    let r = l.exec(
        &vi::SetSecondaryAdmin {
            config: g.vault_config,
            vault: a.address,
            admin: a.admin,
            new_admin: key("vault-delegation-admin-2"),
        }
        .instruction(vi::SetSecondaryAdminInstructionArgs {
            vault_admin_role: VaultAdminRole::DelegationAdmin,
        }),
    );
    vault("SetSecondaryAdmin", &r);
    let r = l.exec(
        &vi::SetAdmin {
            config: g.vault_config,
            vault: a.address,
            old_admin: a.admin,
            new_admin: key("vault-admin-2"),
        }
        .instruction(),
    );
    vault("SetAdmin", &r);
    let r = l.exec(
        &vi::SetConfigSecondaryAdmin {
            config: g.vault_config,
            admin: g.vault_config_admin,
            new_admin: key("vault-config-fee-admin-2"),
        }
        .instruction(vi::SetConfigSecondaryAdminInstructionArgs {
            config_admin_role: ConfigAdminRole::FeeAdmin,
        }),
    );
    vault("SetConfigSecondaryAdmin", &r);
    let r = l.exec(
        &vi::SetConfigAdmin {
            config: g.vault_config,
            old_admin: g.vault_config_admin,
            new_admin: key("vault-config-admin-2"),
        }
        .instruction(),
    );
    vault("SetConfigAdmin", &r);

    let r = l.exec(
        &ri::NcnSetSecondaryAdmin {
            ncn: ncn.address,
            admin: ncn.admin,
            new_admin: key("ncn-operator-admin-2"),
        }
        .instruction(ri::NcnSetSecondaryAdminInstructionArgs {
            ncn_admin_role: NcnAdminRole::OperatorAdmin,
        }),
    );
    restaking("NcnSetSecondaryAdmin", &r);
    let r = l.exec(
        &ri::NcnSetAdmin {
            ncn: ncn.address,
            old_admin: ncn.admin,
            new_admin: key("ncn-admin-2"),
        }
        .instruction(),
    );
    restaking("NcnSetAdmin", &r);
    let r = l.exec(
        &ri::OperatorSetSecondaryAdmin {
            operator: ops[0].address,
            admin: ops[0].admin,
            new_admin: key("operator-ncn-admin-2"),
        }
        .instruction(ri::OperatorSetSecondaryAdminInstructionArgs {
            operator_admin_role: OperatorAdminRole::NcnAdmin,
        }),
    );
    restaking("OperatorSetSecondaryAdmin", &r);
    let r = l.exec(
        &ri::OperatorSetAdmin {
            operator: ops[0].address,
            old_admin: ops[0].admin,
            new_admin: key("operator-admin-2"),
        }
        .instruction(),
    );
    restaking("OperatorSetAdmin", &r);
    let r = l.exec(
        &ri::SetConfigAdmin {
            config: g.restaking_config,
            old_admin: g.restaking_admin,
            new_admin: key("restaking-admin-2"),
        }
        .instruction(),
    );
    restaking("SetConfigAdmin", &r);
}

/// One vault with `n` delegated operators: deposits, delegations, some
/// delegation cool-downs and a withdrawal request in epoch `E0`, then the full
/// update of epoch `E0 + 1`. Records the costliest crank, or with `batched`
/// the one BatchCrankVaultUpdateStateTracker over all operators, and returns
/// its CU.
fn crank_world(n: usize, batched: bool) -> u64 {
    let mut ledger = World::new();
    let g = Globals::new();
    let l = &mut ledger;
    l.warp(slot_at(E0, 1_000));
    genesis(l, &g);
    let v = VaultKeys::labelled(&format!("crank-{n}"), &g.st_mint);
    create_vault(l, &g, &v, VAULT_FEES, INITIAL_ST);
    let ops: Vec<OperatorKeys> = (0..n)
        .map(|i| OperatorKeys::labelled(&i.to_string()))
        .collect();
    for op in &ops {
        initialize_operator(l, &g, op);
        l.exec(&initialize_operator_vault_ticket(&g, op, &v));
        l.exec(&initialize_vault_operator_delegation(&g, &v, op));
    }
    let depositor = add_depositor(l, &g, &v, "crank-depositor", DEPOSIT);
    l.exec(&mint_to(&g, &v, &depositor, DEPOSIT));
    // Most of the deposit delegated evenly, every other operator cooling some down.
    let per_operator = DEPOSIT * 3 / 4 / n as u64;
    for (i, op) in ops.iter().enumerate() {
        l.exec(&add_delegation(&g, &v, op, per_operator));
        if i % 2 == 1 {
            l.exec(&cooldown_delegation(&g, &v, op, per_operator / 10));
        }
    }
    // A withdrawal larger than what is undelegated, so the cranks must cool
    // delegations down.
    let vrt = l.token_amount(&ata(&depositor, &v.vrt_mint));
    let ix = enqueue_withdrawal(l, &g, &v, &depositor, &key("crank-ticket-base"), vrt / 2);
    l.exec(&ix);

    l.warp(slot_at(E0 + 1, 1_000));
    let refs: Vec<&OperatorKeys> = ops.iter().collect();
    let suffix = if n == 1 {
        "1-operator".to_string()
    } else {
        format!("{n}-operators")
    };
    if batched {
        let (_, batch, _) = full_update_batched(l, &g, &v, &refs);
        vault(
            &format!("BatchCrankVaultUpdateStateTracker/{suffix}"),
            &batch,
        );
        return batch.compute_units_consumed;
    }
    let update = full_update(l, &g, &v, &refs);
    let crank = update.costliest_crank().unwrap();
    vault(&format!("CrankVaultUpdateStateTracker/{suffix}"), crank);
    crank.compute_units_consumed
}

#[test]
fn crank_scaling() {
    for n in [1, 8, 64] {
        crank_world(n, false);
    }
}

/// The same vaults updated with one BatchCrankVaultUpdateStateTracker (an
/// addition) over all their operators: 1, 8, 32 and 64 operators.
#[test]
fn batch_crank_scaling() {
    let totals: Vec<(u64, u64)> = [1u64, 8, 32, 64]
        .into_iter()
        .map(|n| (n, crank_world(n as usize, true)))
        .collect();
    let first = totals[0].1;
    for &(n, total) in &totals[1..] {
        let per_operator = (total - first) / (n - 1);
        println!(
            "BENCH vault BatchCrankVaultUpdateStateTracker operators={n} total={total} per-operator-after-the-first={per_operator} mean={}",
            total / n
        );
        // The target (<= 350 CU per further operator) is a benchmark figure, read from
        // this line and the report; the budgets gate each total. Here only: more operators cost more.
        assert!(
            total > first,
            "{n} operators: {total} CU, not above one operator's {first}"
        );
    }
}

/// GetNumbering (an addition, tag 36): the read-only numbering query, built by the client.
#[test]
fn get_numbering() {
    let ix = vi::GetNumberingBuilder::new().instruction();
    let result =
        mollusk_tests::mollusk().process_instruction(&mollusk_tests::for_vault_build(&ix), &[]);
    vault("GetNumbering", &result);
}
