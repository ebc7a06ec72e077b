//! End to end over JSON-RPC on a real agave test validator (`solana-test-validator` 4.2.2, installed
//! once per machine by scripts/validator.sh; JITO_TEST_VALIDATOR overrides the path).
//! Run by scripts/test-validator.sh (`--ignored`: a plain `cargo test` does not build a
//! validator); run that way, a missing validator FAILS the test, it never skips.
//!
//! Both programs come from target/deploy. The validator's genesis carries SPL Token,
//! Token-2022 and ATA (checked below). Jito's epoch length is fixed at initialization
//! (432,000 slots), so the run goes in two validator sessions: the first initializes both configs
//! through the CLI; the second starts from those two accounts with only `epoch_length` set to
//! EPOCH_LENGTH slots (`--account`), so that warm-up and cool-down pass in seconds.
//! A third session runs at non-default program ids.
mod common;

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use common::{printed_address, printed_transaction, Cli, TempDir};
use jito_vault_client::{
    fetch::RpcClient, token_accounts, AccountMeta, Address, Instruction,
    DEFAULT_RESTAKING_PROGRAM_ID, DEFAULT_VAULT_PROGRAM_ID,
};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// Jito epoch length of the e2e configs, in slots (~50 s on the test validator): long enough
/// for a dozen CLI calls between two updates, short enough for warm-ups to pass in a minute or two.
const EPOCH_LENGTH: u64 = 120;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator_binary() -> PathBuf {
    let path = std::env::var_os("JITO_TEST_VALIDATOR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let out = Command::new(repo().join("scripts/validator.sh"))
                .arg("--path")
                .output()
                .expect("scripts/validator.sh runs");
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        });
    assert!(
        path.exists(),
        "no test validator at {}: run scripts/validator.sh (scripts/test.sh does)",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running validator, killed when dropped.
struct Validator {
    child: Child,
    url: String,
    _ledger: TempDir,
}

impl Drop for Validator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Validator {
    fn start(mint: &Address, ids: (Address, Address), accounts: &[(Address, PathBuf)]) -> Self {
        let ledger = TempDir::new("ledger");
        let deploy = repo().join("target/deploy");
        let rpc_port = free_port();
        // A port range for the validator's other sockets, away from the RPC port.
        let base = 20_000 + (std::process::id() % 400) as u16 * 100;
        let mut command = Command::new(validator_binary());
        command
            .arg("--ledger")
            .arg(&ledger.0)
            .args(["--reset", "--quiet", "--bind-address", "127.0.0.1"])
            .args(["--rpc-port", &rpc_port.to_string()])
            .args(["--faucet-port", &free_port().to_string()])
            .args(["--gossip-port", &free_port().to_string()])
            .args(["--dynamic-port-range", &format!("{}-{}", base, base + 99)])
            .args(["--mint", &mint.to_string()])
            .arg("--bpf-program")
            .arg(ids.0.to_string())
            .arg(deploy.join("jito_restaking_program.so"))
            .arg("--bpf-program")
            .arg(ids.1.to_string())
            .arg(deploy.join("jito_vault_program.so"));
        for (address, file) in accounts {
            command.arg("--account").arg(address.to_string()).arg(file);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the validator starts");
        let validator = Validator {
            child,
            url: format!("http://127.0.0.1:{rpc_port}"),
            _ledger: ledger,
        };
        let rpc = validator.rpc();
        let started = Instant::now();
        while rpc.get_slot().map_or(true, |slot| slot < 2) {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the validator at {} did not answer within 120 s",
                validator.url
            );
            std::thread::sleep(Duration::from_millis(250));
        }
        eprintln!(
            "validator up at {} in {:?}",
            validator.url,
            started.elapsed()
        );
        validator
    }

    fn rpc(&self) -> RpcClient {
        RpcClient::new_with_commitment(self.url.clone(), CommitmentConfig::confirmed())
    }
}

fn send(rpc: &RpcClient, payer: &Keypair, ixs: &[Instruction], extra: &[&Keypair]) {
    let mut signers = vec![payer];
    signers.extend_from_slice(extra);
    let tx = Transaction::new_signed_with_payer(
        ixs,
        Some(&payer.pubkey()),
        &signers,
        rpc.get_latest_blockhash().unwrap(),
    );
    rpc.send_and_confirm_transaction(&tx).unwrap();
}

/// A fresh SPL Token mint with `amount` tokens in the payer's associated account. (SPL Token
/// and system instructions written out: they are not this project's programs.)
fn spl_mint(rpc: &RpcClient, payer: &Keypair, decimals: u8, amount: u64) -> Address {
    let mint = Keypair::new();
    let token = token_accounts::TOKEN_PROGRAM_ID;
    let lamports = rpc.get_minimum_balance_for_rent_exemption(82).unwrap();
    let mut create = vec![0u8, 0, 0, 0];
    create.extend_from_slice(&lamports.to_le_bytes());
    create.extend_from_slice(&82u64.to_le_bytes());
    create.extend_from_slice(token.as_ref());
    let mut init = vec![20u8, decimals];
    init.extend_from_slice(payer.pubkey().as_ref());
    init.push(0);
    let ata = token_accounts::associated_token_address(&payer.pubkey(), &mint.pubkey(), &token);
    let mut mint_to = vec![7u8];
    mint_to.extend_from_slice(&amount.to_le_bytes());
    send(
        rpc,
        payer,
        &[
            Instruction {
                program_id: Address::default(),
                accounts: vec![
                    AccountMeta::new(payer.pubkey(), true),
                    AccountMeta::new(mint.pubkey(), true),
                ],
                data: create,
            },
            Instruction {
                program_id: token,
                accounts: vec![AccountMeta::new(mint.pubkey(), false)],
                data: init,
            },
            token_accounts::create_associated_token_account_idempotent(
                &payer.pubkey(),
                &payer.pubkey(),
                &mint.pubkey(),
                &token,
            ),
            Instruction {
                program_id: token,
                accounts: vec![
                    AccountMeta::new(mint.pubkey(), false),
                    AccountMeta::new(ata, false),
                    AccountMeta::new_readonly(payer.pubkey(), true),
                ],
                data: mint_to,
            },
        ],
        &[&mint],
    );
    mint.pubkey()
}

fn token_balance(rpc: &RpcClient, account: &Address) -> u64 {
    let data = rpc.get_account(account).unwrap().data;
    u64::from_le_bytes(data[64..72].try_into().unwrap())
}

/// Waits until the NCN epoch (slot / EPOCH_LENGTH) reaches `epoch`.
fn wait_epoch(rpc: &RpcClient, epoch: u64) {
    let started = Instant::now();
    while rpc.get_slot().unwrap() / EPOCH_LENGTH < epoch {
        assert!(
            // 120 slots take ~50 s; a loaded machine slows the validator's slots.
            started.elapsed() < Duration::from_secs(600),
            "epoch {epoch} never came within 600 s (slot {})",
            rpc.get_slot().unwrap()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Waits for the next epoch unless `slots` are left in this one: vault instructions need the
/// vault updated in the current epoch, so a block of them must not straddle a boundary.
fn room(rpc: &RpcClient, slots: u64) {
    let slot = rpc.get_slot().unwrap();
    if EPOCH_LENGTH - slot % EPOCH_LENGTH < slots {
        wait_epoch(rpc, slot / EPOCH_LENGTH + 1);
    }
}

/// Waits until the confirmed slot passes the current one: a ticket cannot be warmed up in the
/// slot it was created in, and the CLI's preflight simulates on the confirmed bank.
fn next_slot(rpc: &RpcClient) {
    let slot = rpc.get_slot().unwrap();
    while rpc.get_slot().unwrap() <= slot {
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn epoch(rpc: &RpcClient) -> u64 {
    rpc.get_slot().unwrap() / EPOCH_LENGTH
}

/// Writes an account as the validator's `--account` JSON file.
fn account_file(
    dir: &Path,
    name: &str,
    address: &Address,
    account: &solana_account::Account,
) -> PathBuf {
    use base64::Engine;
    let path = dir.join(format!("{name}.json"));
    let json = serde_json::json!({
        "pubkey": address.to_string(),
        "account": {
            "lamports": account.lamports,
            "data": [base64::engine::general_purpose::STANDARD.encode(&account.data), "base64"],
            "owner": account.owner.to_string(),
            "executable": false,
            "rentEpoch": 0,
            "space": account.data.len(),
        }
    });
    std::fs::write(&path, json.to_string()).unwrap();
    path
}

#[test]
#[ignore = "needs the agave test validator: scripts/test-validator.sh"]
fn cli_end_to_end_on_a_test_validator() {
    let dir = TempDir::new("e2e");
    let admin = Keypair::new();
    let started = Instant::now();
    let restaking_config =
        jito_restaking_client::pdas::find_config(&DEFAULT_RESTAKING_PROGRAM_ID).0;
    let vault_config = jito_vault_client::pdas::find_config(&DEFAULT_VAULT_PROGRAM_ID).0;
    let fee_wallet = Keypair::new().pubkey();

    // Session 1: both configs through the CLI.
    let (restaking_account, vault_account) = {
        let validator = Validator::start(
            &admin.pubkey(),
            (DEFAULT_RESTAKING_PROGRAM_ID, DEFAULT_VAULT_PROGRAM_ID),
            &[],
        );
        let rpc = validator.rpc();
        for program in [
            token_accounts::TOKEN_PROGRAM_ID,
            token_accounts::TOKEN_2022_PROGRAM_ID,
            token_accounts::ASSOCIATED_TOKEN_PROGRAM_ID,
        ] {
            assert!(
                rpc.get_account(&program).unwrap().executable,
                "{program} in genesis"
            );
        }
        let cli = Cli::new(&validator.url, &dir.0, &admin);
        let out = cli.ok(&["restaking", "config", "initialize"]);
        assert!(out.contains(&restaking_config.to_string()), "{out}");
        cli.ok(&[
            "vault",
            "config",
            "initialize",
            "10",
            &fee_wallet.to_string(),
        ]);
        let config = cli.json(&["restaking", "config", "get"]);
        assert_eq!(config["address"], restaking_config.to_string());
        assert_eq!(config["admin"], admin.pubkey().to_string());
        assert_eq!(config["vaultProgram"], DEFAULT_VAULT_PROGRAM_ID.to_string());
        assert_eq!(config["epochLength"], 432_000);
        assert!(config.get("reserved").is_none());
        let with_reserves = cli.ok(&["restaking", "config", "get", "--print-json-with-reserves"]);
        assert!(with_reserves.contains("\"reserved\""));
        let vconfig = cli.json(&["vault", "config", "get"]);
        assert_eq!(vconfig["programFeeBps"], 10);
        assert_eq!(vconfig["programFeeWallet"], fee_wallet.to_string());
        // A second initialize fails with the program's error and changes nothing.
        let before = rpc.get_account(&restaking_config).unwrap();
        let run = cli.run(&["restaking", "config", "initialize"]);
        assert!(!run.ok);
        assert!(run.stderr.contains("failed"), "{}", run.stderr);
        assert_eq!(rpc.get_account(&restaking_config).unwrap(), before);
        (
            rpc.get_account(&restaking_config).unwrap(),
            rpc.get_account(&vault_config).unwrap(),
        )
    };

    // Session 2: the configs with a short epoch length.
    let mut restaking_account = restaking_account;
    let mut vault_account = vault_account;
    // epochLength: restaking Config offset 8+32+32+8+8 = 88; vault Config offset 8+32+32 = 72.
    restaking_account.data[88..96].copy_from_slice(&EPOCH_LENGTH.to_le_bytes());
    vault_account.data[72..80].copy_from_slice(&EPOCH_LENGTH.to_le_bytes());
    let files = [
        (
            restaking_config,
            account_file(&dir.0, "rconfig", &restaking_config, &restaking_account),
        ),
        (
            vault_config,
            account_file(&dir.0, "vconfig", &vault_config, &vault_account),
        ),
    ];
    let validator = Validator::start(
        &admin.pubkey(),
        (DEFAULT_RESTAKING_PROGRAM_ID, DEFAULT_VAULT_PROGRAM_ID),
        &files,
    );
    let rpc = validator.rpc();
    let cli = Cli::new(&validator.url, &dir.0, &admin);
    assert_eq!(
        cli.json(&["vault", "config", "get"])["epochLength"],
        EPOCH_LENGTH
    );

    let ncn = printed_address(
        &cli.ok(&["restaking", "ncn", "initialize"]),
        "NCN initialized: ",
    );
    let op1 = printed_address(
        &cli.ok(&["restaking", "operator", "initialize", "100"]),
        "Operator initialized: ",
    );
    let op2 = printed_address(
        &cli.ok(&["restaking", "operator", "initialize", "200"]),
        "Operator initialized: ",
    );
    let st_mint = spl_mint(&rpc, &admin, 9, 1_000_000);
    let out = cli.ok(&[
        "vault",
        "vault",
        "initialize",
        &st_mint.to_string(),
        "0",
        "0",
        "0",
        "9",
        "1000",
    ]);
    let vault = printed_address(&out, "Vault initialized: ");
    let (n, v, o1, o2) = (
        ncn.to_string(),
        vault.to_string(),
        op1.to_string(),
        op2.to_string(),
    );

    // The opt-in handshake, every ticket warmed up.
    for op in [&o1, &o2] {
        cli.ok(&["restaking", "ncn", "initialize-ncn-operator-state", &n, op]);
        next_slot(&rpc);
        cli.ok(&["restaking", "ncn", "ncn-warmup-operator", &n, op]);
        cli.ok(&["restaking", "operator", "operator-warmup-ncn", op, &n]);
        cli.ok(&[
            "restaking",
            "operator",
            "initialize-operator-vault-ticket",
            op,
            &v,
        ]);
        next_slot(&rpc);
        cli.ok(&[
            "restaking",
            "operator",
            "warmup-operator-vault-ticket",
            op,
            &v,
        ]);
    }
    cli.ok(&["restaking", "ncn", "initialize-ncn-vault-ticket", &n, &v]);
    next_slot(&rpc);
    cli.ok(&["restaking", "ncn", "warmup-ncn-vault-ticket", &n, &v]);
    room(&rpc, 20);
    let out = cli.ok(&["vault", "vault", "update", &v]);
    assert!(
        out.contains("already updated") || out.contains("update transaction 1/1"),
        "{out}"
    );
    cli.ok(&["vault", "vault", "initialize-vault-ncn-ticket", &v, &n]);
    next_slot(&rpc);
    cli.ok(&["vault", "vault", "warmup-vault-ncn-ticket", &v, &n]);

    // A second warm-up fails with the decoded program error and changes nothing.
    let ticket = jito_restaking_client::pdas::find_operator_vault_ticket(
        &DEFAULT_RESTAKING_PROGRAM_ID,
        &op1,
        &vault,
    )
    .0;
    let before = rpc.get_account(&ticket).unwrap();
    let run = cli.run(&[
        "restaking",
        "operator",
        "warmup-operator-vault-ticket",
        &o1,
        &v,
    ]);
    assert!(!run.ok, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("instruction 0: restaking: OperatorVaultTicketFailedWarmup (2006)"),
        "a decoded restaking error: {}",
        run.stderr
    );
    assert_eq!(rpc.get_account(&ticket).unwrap(), before);

    // Warming up: the status says so; two epochs later everything is active.
    let status = cli.ok(&["restaking", "ncn", "status", &n]);
    assert!(status.contains("warming up"), "{status}");
    let warmed = epoch(&rpc) + 2;
    wait_epoch(&rpc, warmed);
    room(&rpc, 80);
    let status = cli.ok(&["restaking", "ncn", "status", &n]);
    assert!(
        !status.contains("warming up") && status.contains("active"),
        "{status}"
    );

    // The vault needs its update before anything else in this epoch.
    let status = cli.ok(&["vault", "vault", "status", &v]);
    assert!(status.contains("UPDATE NEEDED"), "{status}");
    let out = cli.ok(&["vault", "vault", "update", &v]);
    assert!(out.contains("update transaction 1/1"), "{out}");
    for op in [&o1, &o2] {
        cli.ok(&["vault", "vault", "initialize-operator-delegation", &v, op]);
    }
    cli.ok(&["vault", "vault", "mint-vrt", &v, "100000", "0"]);
    let vrt_mint: Address = cli.json(&["vault", "vault", "get", &v])["vrtMint"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let my_vrt = token_accounts::associated_token_address(
        &admin.pubkey(),
        &vrt_mint,
        &token_accounts::TOKEN_PROGRAM_ID,
    );
    assert_eq!(token_balance(&rpc, &my_vrt), 100_000);

    // --print-tx sends nothing.
    let before = rpc.get_account(&vault).unwrap();
    let tx = printed_transaction(&cli.ok(&[
        "vault",
        "vault",
        "delegate-to-operator",
        &v,
        &o1,
        "5000",
        "--print-tx",
    ]));
    assert_eq!(
        tx.message.account_keys[tx.message.instructions[0].program_id_index as usize],
        DEFAULT_VAULT_PROGRAM_ID
    );
    assert_ne!(
        tx.message.recent_blockhash,
        Default::default(),
        "a live blockhash"
    );
    assert_eq!(rpc.get_account(&vault).unwrap(), before);

    cli.ok(&["vault", "vault", "delegate-to-operator", &v, &o1, "5000"]);
    cli.ok(&["vault", "vault", "delegate-to-operator", &v, &o2, "3000"]);
    let delegations = cli.json(&["vault", "vault", "get-operator-delegations", &v]);
    let staked: Vec<u64> = delegations
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["delegationState"]["stakedAmount"].as_u64().unwrap())
        .collect();
    assert_eq!(staked.len(), 2);
    assert_eq!(staked.iter().sum::<u64>(), 8000);
    cli.ok(&[
        "vault",
        "vault",
        "cooldown-operator-delegation",
        &v,
        &o1,
        "1000",
    ]);
    let d1 = cli.json(&["vault", "vault", "get-operator-delegation", &v, &o1]);
    assert_eq!(d1["delegationState"]["enqueuedForCooldownAmount"], 1000);
    cli.ok(&["vault", "vault", "enqueue-withdrawal", &v, "20000"]);
    let ticket = cli.json(&["vault", "vault", "get-withdrawal-ticket", &v]);
    assert_eq!(ticket["vrtAmount"], 20000);
    assert_eq!(ticket["staker"], admin.pubkey().to_string());

    // One update across an epoch boundary cranks both operators.
    wait_epoch(&rpc, epoch(&rpc) + 1);
    room(&rpc, 40);
    let out = cli.ok(&["vault", "vault", "update", "--all"]);
    assert!(out.contains("crank operators"), "{out}");
    let out = cli.ok(&["vault", "vault", "update", &v]);
    assert!(out.contains("already updated"), "{out}");
    let d1 = cli.json(&["vault", "vault", "get-operator-delegation", &v, &o1]);
    assert_eq!(d1["delegationState"]["enqueuedForCooldownAmount"], 0);
    assert_eq!(d1["delegationState"]["coolingDownAmount"], 1000);
    let run = cli.run(&["vault", "vault", "get-vault-update-state-tracker", &v]);
    assert!(
        !run.ok && run.stderr.contains("VaultUpdateStateTracker account"),
        "{}",
        run.stderr
    );

    // The ticket matures two epochs after enqueueing; then it burns.
    let status = cli.ok(&["vault", "vault", "status", &v]);
    assert!(
        status.contains("matures in epoch") || status.contains("ready to burn"),
        "{status}"
    );
    wait_epoch(&rpc, epoch(&rpc) + 1);
    room(&rpc, 20);
    cli.ok(&["vault", "vault", "update", &v]);
    let st = token_accounts::associated_token_address(
        &admin.pubkey(),
        &st_mint,
        &token_accounts::TOKEN_PROGRAM_ID,
    );
    let st_before = token_balance(&rpc, &st);
    let out = cli.ok(&["vault", "vault", "burn-withdrawal-ticket", &v]);
    assert!(out.contains("withdrawal ticket burned"), "{out}");
    assert!(token_balance(&rpc, &st) > st_before);
    assert!(!cli.run(&["vault", "vault", "get-withdrawal-ticket", &v]).ok);

    // Every get and list.
    assert_eq!(
        cli.json(&["restaking", "ncn", "get", &n])["admin"],
        admin.pubkey().to_string()
    );
    assert_eq!(
        cli.json(&["restaking", "ncn", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        cli.json(&["restaking", "ncn", "list-ncn-operator-state", &n])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        cli.json(&["restaking", "ncn", "list-ncn-vault-ticket", &n])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        cli.json(&["restaking", "operator", "get", &o2])["operatorFeeBps"],
        200
    );
    assert_eq!(
        cli.json(&["restaking", "operator", "list"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        cli.json(&["restaking", "operator", "list-operator-vault-ticket", &o1])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        cli.json(&["restaking", "operator", "list-ncn-operator-state", &o1])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let vaults = cli.json(&["vault", "vault", "list"]);
    assert_eq!(vaults.as_array().unwrap().len(), 1);
    assert_eq!(vaults[0]["operatorCount"], 2);
    assert_eq!(vaults[0]["supportedMint"], st_mint.to_string());
    let human = cli.ok(&["vault", "vault", "get", &v]);
    assert!(human.starts_with(&format!("Vault {v}")), "{human}");
    drop(validator);

    // Session 3: other program ids.
    let (other_restaking, other_vault) = (Keypair::new().pubkey(), Keypair::new().pubkey());
    let validator = Validator::start(&admin.pubkey(), (other_restaking, other_vault), &[]);
    let mut cli = Cli::new(&validator.url, &dir.0, &admin);
    cli.extra = vec![
        "--restaking-program-id".into(),
        other_restaking.to_string(),
        "--vault-program-id".into(),
        other_vault.to_string(),
    ];
    cli.ok(&["restaking", "config", "initialize"]);
    cli.ok(&[
        "vault",
        "config",
        "initialize",
        "0",
        &fee_wallet.to_string(),
    ]);
    let config = cli.json(&["restaking", "config", "get"]);
    assert_eq!(
        config["address"],
        jito_restaking_client::pdas::find_config(&other_restaking)
            .0
            .to_string()
    );
    assert_eq!(config["vaultProgram"], other_vault.to_string());
    let ncn = printed_address(
        &cli.ok(&["restaking", "ncn", "initialize"]),
        "NCN initialized: ",
    );
    let list = cli.json(&["restaking", "ncn", "list"]);
    assert_eq!(list[0]["address"], ncn.to_string());
    eprintln!("end-to-end run: {:?}", started.elapsed());
}
