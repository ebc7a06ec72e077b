//! The Rust clients end to end, as an app uses them:
//!
//! * [`lifecycle_at_other_program_ids`]: both programs deployed at non-default ids (nothing at
//!   the original ids), the whole vault lifecycle (configs, NCN, operator, vault, opt-ins and
//!   warm-ups on both sides, deposit, delegation, epoch updates, withdrawal) built only with
//!   `try_instruction_with_program_ids` and the clients' id-taking PDA helpers, the token
//!   accounts of each flow created by `jito_vault_client::token_accounts` through the real
//!   Associated Token Account program. No built instruction may carry an original id.
//! * [`logging_build_names_check_and_account`]: the `logging` builds
//!   (`scripts/build-sbf.sh --logging`) log the failed check and the account index.

use jito_restaking_client::{
    accounts as rc, instructions as ri, ProgramIds, DEFAULT_RESTAKING_PROGRAM_ID,
    DEFAULT_VAULT_PROGRAM_ID,
};
use jito_vault_client::{
    accounts as vc, instructions as vi, pdas as vp, token_accounts,
    types::WithdrawalAllocationMethod,
};
use mollusk_tests::{
    mollusk_with_programs, sbf_out_dir,
    scenarios::bench::{key, slot_at, World, EPOCH_LENGTH},
    system_account, Instruction, Pubkey, TOKEN_PROGRAM_ID,
};

/// A built instruction that names no original program id anywhere.
#[track_caller]
fn built<E: std::fmt::Display>(result: Result<Instruction, E>) -> Instruction {
    let ix = result.unwrap_or_else(|e| panic!("{e}"));
    for default in [DEFAULT_RESTAKING_PROGRAM_ID, DEFAULT_VAULT_PROGRAM_ID] {
        assert_ne!(
            ix.program_id, default,
            "fell back to an original program id"
        );
        assert!(
            ix.accounts.iter().all(|m| m.pubkey != default),
            "an account fell back to an original program id"
        );
    }
    ix
}

/// Clients' `ProgramIds` (both crates define the same struct; the vault's is used for its
/// builders).
fn vault_ids(ids: &ProgramIds) -> jito_vault_client::ProgramIds {
    jito_vault_client::ProgramIds {
        restaking: ids.restaking,
        vault: ids.vault,
    }
}

#[test]
fn lifecycle_at_other_program_ids() {
    let ids = ProgramIds {
        restaking: key("other restaking program id"),
        vault: key("other vault program id"),
    };
    let vids = vault_ids(&ids);
    let mut l = World::with_program_ids(&ids.restaking, &ids.vault);
    let e0 = 500;
    l.warp(slot_at(e0, 10));

    let [restaking_admin, vault_config_admin, payer, program_fee_wallet] = [
        "restaking-admin",
        "vault-config-admin",
        "payer",
        "program-fee-wallet",
    ]
    .map(key);
    let [ncn_base, ncn_admin, op_base, op_admin] =
        ["ncn-base", "ncn-admin", "operator-base", "operator-admin"].map(key);
    let [vault_base, vault_admin, vrt_mint, depositor] =
        ["vault-base", "vault-admin", "vrt-mint", "depositor"].map(key);
    let (st_mint, st_authority) = (key("st-mint"), key("st-authority"));
    for k in [
        &restaking_admin,
        &vault_config_admin,
        &payer,
        &program_fee_wallet,
        &ncn_admin,
        &op_admin,
        &vault_admin,
        &depositor,
    ] {
        l.fund(k);
    }
    l.put_mint(&st_mint, &st_authority, 0, 9);

    // Configs: each learns the other program's id from the builder's default.
    let rconfig = rc::Config::find_pda_with_program_id(&ids.restaking).0;
    let vconfig = vc::Config::find_pda_with_program_id(&ids.vault).0;
    assert_ne!(rconfig, rc::Config::find_pda().0);
    l.exec(&built(
        ri::InitializeConfigBuilder::new()
            .config(rconfig)
            .admin(restaking_admin)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        vi::InitializeConfigBuilder::new()
            .config(vconfig)
            .admin(vault_config_admin)
            .program_fee_wallet(program_fee_wallet)
            .program_fee_bps(10)
            .try_instruction_with_program_ids(&vids),
    ));
    assert_eq!(
        rc::Config::from_bytes(&l.get(&rconfig).data)
            .unwrap()
            .vault_program,
        ids.vault
    );
    assert_eq!(
        vc::Config::from_bytes(&l.get(&vconfig).data)
            .unwrap()
            .restaking_program,
        ids.restaking
    );

    // NCN and operator.
    let ncn = rc::Ncn::find_pda_with_program_id(&ids.restaking, &ncn_base).0;
    let operator = rc::Operator::find_pda_with_program_id(&ids.restaking, &op_base).0;
    l.exec(&built(
        ri::InitializeNcnBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .admin(ncn_admin)
            .base(ncn_base)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::InitializeOperatorBuilder::new()
            .config(rconfig)
            .operator(operator)
            .admin(op_admin)
            .base(op_base)
            .operator_fee_bps(100)
            .try_instruction_with_program_ids(&ids),
    ));

    // Vault: its token accounts first (the helper), the admin funds its own.
    let vault = vc::Vault::find_pda_with_program_id(&ids.vault, &vault_base).0;
    let burn_vault = vp::find_burn_vault(&ids.vault, &vault_base).0;
    let ata = |owner: &Pubkey, mint: &Pubkey| {
        token_accounts::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
    };
    for ix in token_accounts::for_initialize_vault(
        &payer,
        &vault_admin,
        &vault,
        &st_mint,
        &TOKEN_PROGRAM_ID,
    ) {
        l.exec(&ix);
    }
    assert_eq!(
        l.token_amount(&ata(&vault, &st_mint)),
        0,
        "created by the helper"
    );
    // Idempotent: running them again changes nothing and does not fail.
    for ix in token_accounts::for_initialize_vault(
        &payer,
        &vault_admin,
        &vault,
        &st_mint,
        &TOKEN_PROGRAM_ID,
    ) {
        l.exec(&ix);
    }
    let initial = 10_000_000_000;
    l.put_ata(&vault_admin, &st_mint, initial);
    l.exec(&built(
        vi::InitializeVaultBuilder::new()
            .config(vconfig)
            .vault(vault)
            .vrt_mint(vrt_mint)
            .st_mint(st_mint)
            .admin_st_token_account(ata(&vault_admin, &st_mint))
            .vault_st_token_account(ata(&vault, &st_mint))
            .burn_vault(burn_vault)
            .burn_vault_vrt_token_account(ata(&burn_vault, &vrt_mint))
            .admin(vault_admin)
            .base(vault_base)
            .deposit_fee_bps(10)
            .withdrawal_fee_bps(10)
            .reward_fee_bps(0)
            .decimals(9)
            .initialize_token_amount(initial)
            .try_instruction_with_program_ids(&vids),
    ));
    let vault_state = vc::Vault::from_bytes(&l.get(&vault).data).unwrap();
    assert_eq!(vault_state.tokens_deposited, initial);

    // Opt-ins: restaking side, then the vault side (which takes the restaking tickets).
    let ncn_vault_ticket =
        rc::NcnVaultTicket::find_pda_with_program_id(&ids.restaking, &ncn, &vault).0;
    let operator_vault_ticket =
        rc::OperatorVaultTicket::find_pda_with_program_id(&ids.restaking, &operator, &vault).0;
    let ncn_operator_state =
        rc::NcnOperatorState::find_pda_with_program_id(&ids.restaking, &ncn, &operator).0;
    assert_eq!(
        vp::find_ncn_vault_ticket(&ids.restaking, &ncn, &vault).0,
        ncn_vault_ticket,
        "the vault client derives the restaking PDAs with the restaking id given"
    );
    l.exec(&built(
        ri::InitializeNcnVaultTicketBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .vault(vault)
            .ncn_vault_ticket(ncn_vault_ticket)
            .admin(ncn_admin)
            .payer(payer)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::InitializeOperatorVaultTicketBuilder::new()
            .config(rconfig)
            .operator(operator)
            .vault(vault)
            .operator_vault_ticket(operator_vault_ticket)
            .admin(op_admin)
            .payer(payer)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::InitializeNcnOperatorStateBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .operator(operator)
            .ncn_operator_state(ncn_operator_state)
            .admin(ncn_admin)
            .payer(payer)
            .try_instruction_with_program_ids(&ids),
    ));
    let vault_ncn_ticket = vc::VaultNcnTicket::find_pda_with_program_id(&ids.vault, &vault, &ncn).0;
    let delegation =
        vc::VaultOperatorDelegation::find_pda_with_program_id(&ids.vault, &vault, &operator).0;
    l.exec(&built(
        vi::InitializeVaultNcnTicketBuilder::new()
            .config(vconfig)
            .vault(vault)
            .ncn(ncn)
            .ncn_vault_ticket(ncn_vault_ticket)
            .vault_ncn_ticket(vault_ncn_ticket)
            .admin(vault_admin)
            .payer(payer)
            .try_instruction_with_program_ids(&vids),
    ));
    l.exec(&built(
        vi::InitializeVaultOperatorDelegationBuilder::new()
            .config(vconfig)
            .vault(vault)
            .operator(operator)
            .operator_vault_ticket(operator_vault_ticket)
            .vault_operator_delegation(delegation)
            .admin(vault_admin)
            .payer(payer)
            .try_instruction_with_program_ids(&vids),
    ));

    // Warm-ups, not in the tickets' creation slot.
    l.warp(slot_at(e0, 20));
    l.exec(&built(
        ri::WarmupNcnVaultTicketBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .vault(vault)
            .ncn_vault_ticket(ncn_vault_ticket)
            .admin(ncn_admin)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::WarmupOperatorVaultTicketBuilder::new()
            .config(rconfig)
            .operator(operator)
            .vault(vault)
            .operator_vault_ticket(operator_vault_ticket)
            .admin(op_admin)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::NcnWarmupOperatorBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .operator(operator)
            .ncn_operator_state(ncn_operator_state)
            .admin(ncn_admin)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        ri::OperatorWarmupNcnBuilder::new()
            .config(rconfig)
            .ncn(ncn)
            .operator(operator)
            .ncn_operator_state(ncn_operator_state)
            .admin(op_admin)
            .try_instruction_with_program_ids(&ids),
    ));
    l.exec(&built(
        vi::WarmupVaultNcnTicketBuilder::new()
            .config(vconfig)
            .vault(vault)
            .ncn(ncn)
            .vault_ncn_ticket(vault_ncn_ticket)
            .admin(vault_admin)
            .try_instruction_with_program_ids(&vids),
    ));

    // Deposit: the flow's token accounts from the helper, then MintTo.
    let deposit = 1_000_000_000_000;
    for ix in
        token_accounts::for_mint_to(&payer, &depositor, &vault, &vault_state, &TOKEN_PROGRAM_ID)
    {
        l.exec(&ix);
    }
    l.put_ata(&depositor, &st_mint, deposit);
    l.exec(&built(
        vi::MintToBuilder::new()
            .config(vconfig)
            .vault(vault)
            .vrt_mint(vrt_mint)
            .depositor(depositor)
            .depositor_token_account(ata(&depositor, &st_mint))
            .vault_token_account(ata(&vault, &st_mint))
            .depositor_vrt_token_account(ata(&depositor, &vrt_mint))
            .vault_fee_token_account(ata(&vault_admin, &vrt_mint))
            .amount_in(deposit)
            .min_amount_out(0)
            .try_instruction_with_program_ids(&vids),
    ));
    let vrt = l.token_amount(&ata(&depositor, &vrt_mint));
    assert_eq!(vrt, deposit - deposit / 1_000, "10 bps deposit fee");
    assert_eq!(
        l.token_amount(&ata(&vault_admin, &vrt_mint)),
        deposit / 1_000
    );
    l.exec(&built(
        vi::AddDelegationBuilder::new()
            .config(vconfig)
            .vault(vault)
            .operator(operator)
            .vault_operator_delegation(delegation)
            .admin(vault_admin)
            .amount(deposit / 4)
            .try_instruction_with_program_ids(&vids),
    ));

    // Each epoch: update the vault (tracker, crank, close), all through the client.
    let update = |l: &mut World| {
        let epoch = l.epoch();
        let tracker =
            vc::VaultUpdateStateTracker::find_pda_with_program_id(&ids.vault, &vault, epoch).0;
        l.exec(&built(
            vi::InitializeVaultUpdateStateTrackerBuilder::new()
                .config(vconfig)
                .vault(vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
                .try_instruction_with_program_ids(&vids),
        ));
        l.exec(&built(
            vi::CrankVaultUpdateStateTrackerBuilder::new()
                .config(vconfig)
                .vault(vault)
                .operator(operator)
                .vault_operator_delegation(delegation)
                .vault_update_state_tracker(tracker)
                .try_instruction_with_program_ids(&vids),
        ));
        l.exec(&built(
            vi::CloseVaultUpdateStateTrackerBuilder::new()
                .config(vconfig)
                .vault(vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .ncn_epoch(epoch)
                .try_instruction_with_program_ids(&vids),
        ));
    };
    l.warp(slot_at(e0 + 1, 10));
    update(&mut l);

    // Withdrawal: enqueue (ticket token account from the helper), two epochs, burn.
    let ticket_base = key("ticket-base");
    let ticket =
        vc::VaultStakerWithdrawalTicket::find_pda_with_program_id(&ids.vault, &vault, &ticket_base)
            .0;
    for ix in token_accounts::for_enqueue_withdrawal(
        &payer,
        &depositor,
        &ticket,
        &vault_state,
        &TOKEN_PROGRAM_ID,
    ) {
        l.exec(&ix);
    }
    l.exec(&built(
        vi::EnqueueWithdrawalBuilder::new()
            .config(vconfig)
            .vault(vault)
            .vault_staker_withdrawal_ticket(ticket)
            .vault_staker_withdrawal_ticket_token_account(ata(&ticket, &vrt_mint))
            .staker(depositor)
            .staker_vrt_token_account(ata(&depositor, &vrt_mint))
            .base(ticket_base)
            .amount(vrt / 2)
            .try_instruction_with_program_ids(&vids),
    ));
    assert_eq!(l.token_amount(&ata(&ticket, &vrt_mint)), vrt / 2);
    for epoch in [e0 + 2, e0 + 3] {
        l.warp(slot_at(epoch, 10));
        update(&mut l);
    }
    let config_state = vc::Config::from_bytes(&l.get(&vconfig).data).unwrap();
    for ix in token_accounts::for_burn_withdrawal_ticket(
        &payer,
        &depositor,
        &vault,
        &vault_state,
        &config_state,
        &TOKEN_PROGRAM_ID,
    ) {
        l.exec(&ix);
    }
    let st_before = l.token_amount(&ata(&depositor, &st_mint));
    l.exec(&built(
        vi::BurnWithdrawalTicketBuilder::new()
            .config(vconfig)
            .vault(vault)
            .vault_token_account(ata(&vault, &st_mint))
            .vrt_mint(vrt_mint)
            .staker(depositor)
            .staker_token_account(ata(&depositor, &st_mint))
            .vault_staker_withdrawal_ticket(ticket)
            .vault_staker_withdrawal_ticket_token_account(ata(&ticket, &vrt_mint))
            .vault_fee_token_account(ata(&vault_admin, &vrt_mint))
            .program_fee_token_account(ata(&program_fee_wallet, &vrt_mint))
            .try_instruction_with_program_ids(&vids),
    ));
    let received = l.token_amount(&ata(&depositor, &st_mint)) - st_before;
    assert!(
        received > 0 && received < vrt / 2,
        "paid out {received} for {} VRT less fees",
        vrt / 2
    );
    assert!(
        l.token_amount(&ata(&program_fee_wallet, &vrt_mint)) > 0,
        "program fee"
    );
    assert_eq!(l.get(&ticket).lamports, 0, "ticket closed");
    assert_eq!(EPOCH_LENGTH, 432_000);
}

/// Runs `ix` on the logging builds (at the default ids) and returns the error and the logs.
fn run_logging(
    ix: &Instruction,
    accounts: &[(Pubkey, mollusk_tests::Account)],
) -> (String, String) {
    // Missing or stale logging builds fail here, naming the command (`read_built_program`).
    let dir = sbf_out_dir().join("logging");
    let mut mollusk = mollusk_with_programs(
        &DEFAULT_RESTAKING_PROGRAM_ID,
        &DEFAULT_VAULT_PROGRAM_ID,
        &dir,
    );
    let logs = std::rc::Rc::new(std::cell::RefCell::new(
        solana_svm_log_collector::LogCollector::default(),
    ));
    mollusk.logger = Some(logs.clone());
    let result = mollusk.process_instruction(ix, accounts);
    let text = logs.borrow().get_recorded_content().join("\n");
    (format!("{:?}", result.program_result), text)
}

#[test]
fn logging_build_names_check_and_account() {
    let admin = key("admin");
    let config = rc::Config::find_pda().0;
    let system = mollusk_svm::program::keyed_account_for_system_program();
    let accounts = |config: Pubkey| {
        vec![
            (config, system_account(0)),
            (admin, system_account(1_000_000_000)),
            (DEFAULT_VAULT_PROGRAM_ID, system_account(0)),
            system.clone(),
        ]
    };
    // The admin (account 1) does not sign.
    let mut ix = ri::InitializeConfigBuilder::new()
        .config(config)
        .admin(admin)
        .try_instruction()
        .unwrap();
    ix.accounts[1].is_signer = false;
    let (result, logs) = run_logging(&ix, &accounts(config));
    assert!(result.contains("MissingRequiredSignature"), "{result}");
    assert!(
        logs.contains("check failed: load_signer (not a signer) on account 1"),
        "{logs}"
    );
    // MissingRequiredSignature as a u64 (8 << 32), whole.
    assert!(
        logs.contains("restaking instruction 0 failed: error 34359738368\n"),
        "{logs}"
    );

    // The config (account 0) is not at the canonical PDA.
    let wrong = key("not the config pda");
    let mut ix = ix.clone();
    ix.accounts[1].is_signer = true;
    ix.accounts[0].pubkey = wrong;
    let (_, logs) = run_logging(&ix, &accounts(wrong));
    assert!(
        logs.contains("check failed: verify_canonical_pda (not the canonical PDA) on account 0"),
        "{logs}"
    );

    // Vault: the system program (account 4) is another program.
    let config = jito_vault_client::accounts::Config::find_pda().0;
    let mut ix = vi::InitializeConfigBuilder::new()
        .config(config)
        .admin(admin)
        .program_fee_wallet(admin)
        .program_fee_bps(0)
        .try_instruction()
        .unwrap();
    ix.accounts[4].pubkey = TOKEN_PROGRAM_ID;
    let (result, logs) = run_logging(
        &ix,
        &[
            (config, system_account(0)),
            (admin, system_account(1_000_000_000)),
            (DEFAULT_RESTAKING_PROGRAM_ID, system_account(0)),
            mollusk_svm_programs_token::token::keyed_account(),
        ],
    );
    assert!(result.contains("IncorrectProgramId"), "{result}");
    assert!(
        logs.contains("check failed: load_program (wrong program) on account 4"),
        "{logs}"
    );
    assert!(
        logs.contains("vault instruction 0 failed: error "),
        "{logs}"
    );
}
