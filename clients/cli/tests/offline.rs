//! CLI tests that need no validator: argument parsing, --print-tx output (decoded and checked
//! against the generated clients' PDAs), missing-signer and RPC errors as sentences. The RPC
//! URL points at a closed port, so nothing can be sent.
mod common;

use common::{printed_transaction, Cli, TempDir};
use jito_vault_client::{Address, DEFAULT_RESTAKING_PROGRAM_ID, DEFAULT_VAULT_PROGRAM_ID};
use solana_keypair::Keypair;

const CLOSED: &str = "http://127.0.0.1:1";

fn cli(dir: &TempDir) -> (Cli, Keypair) {
    let keypair = Keypair::new();
    (Cli::new(CLOSED, &dir.0, &keypair), keypair)
}

#[test]
fn print_tx_restaking_config_initialize_default_and_other_ids() {
    let dir = TempDir::new("offline-config");
    let (mut cli, _) = cli(&dir);
    let out = cli.ok(&["restaking", "config", "initialize", "--print-tx"]);
    assert!(out.contains("not sent"), "{out}");
    let tx = printed_transaction(&out);
    assert!(
        tx.signatures.iter().all(|s| *s == Default::default()),
        "unsigned"
    );
    let keys = &tx.message.account_keys;
    assert_eq!(keys[0], cli.pubkey, "the signer pays");
    assert_eq!(tx.message.instructions.len(), 1);
    let ix = &tx.message.instructions[0];
    assert_eq!(
        keys[ix.program_id_index as usize],
        DEFAULT_RESTAKING_PROGRAM_ID
    );
    assert_eq!(ix.data, vec![0u8], "InitializeConfig tag 0, no arguments");
    let accounts: Vec<Address> = ix.accounts.iter().map(|i| keys[*i as usize]).collect();
    let config = jito_restaking_client::pdas::find_config(&DEFAULT_RESTAKING_PROGRAM_ID).0;
    assert_eq!(
        accounts,
        vec![
            config,
            cli.pubkey,
            DEFAULT_VAULT_PROGRAM_ID,
            Address::default()
        ]
    );

    let restaking = Address::new_unique();
    let vault = Address::new_unique();
    cli.extra = vec![
        "--restaking-program-id".into(),
        restaking.to_string(),
        "--vault-program-id".into(),
        vault.to_string(),
    ];
    let tx = printed_transaction(&cli.ok(&["restaking", "config", "initialize", "--print-tx"]));
    let keys = &tx.message.account_keys;
    let ix = &tx.message.instructions[0];
    assert_eq!(keys[ix.program_id_index as usize], restaking);
    let accounts: Vec<Address> = ix.accounts.iter().map(|i| keys[*i as usize]).collect();
    assert_eq!(
        accounts,
        vec![
            jito_restaking_client::pdas::find_config(&restaking).0,
            cli.pubkey,
            vault,
            Address::default()
        ]
    );
}

#[test]
fn print_tx_vault_config_initialize_and_delegation() {
    let dir = TempDir::new("offline-vault");
    let (cli, _) = cli(&dir);
    let wallet = Address::new_unique();
    let tx = printed_transaction(&cli.ok(&[
        "vault",
        "config",
        "initialize",
        "150",
        &wallet.to_string(),
        "--print-tx",
    ]));
    let keys = &tx.message.account_keys;
    let ix = &tx.message.instructions[0];
    assert_eq!(keys[ix.program_id_index as usize], DEFAULT_VAULT_PROGRAM_ID);
    assert_eq!(
        ix.data,
        vec![0u8, 150, 0],
        "InitializeConfig tag 0, program_fee_bps 150 LE"
    );
    let accounts: Vec<Address> = ix.accounts.iter().map(|i| keys[*i as usize]).collect();
    assert_eq!(
        accounts,
        vec![
            jito_vault_client::pdas::find_config(&DEFAULT_VAULT_PROGRAM_ID).0,
            cli.pubkey,
            DEFAULT_RESTAKING_PROGRAM_ID,
            wallet,
            Address::default()
        ]
    );

    let (vault, operator) = (Address::new_unique(), Address::new_unique());
    let tx = printed_transaction(&cli.ok(&[
        "vault",
        "vault",
        "delegate-to-operator",
        &vault.to_string(),
        &operator.to_string(),
        "1000",
        "--print-tx",
    ]));
    let keys = &tx.message.account_keys;
    let ix = &tx.message.instructions[0];
    let mut data = vec![jito_vault_client::instructions::ADD_DELEGATION_DISCRIMINATOR];
    data.extend_from_slice(&1000u64.to_le_bytes());
    assert_eq!(ix.data, data);
    let accounts: Vec<Address> = ix.accounts.iter().map(|i| keys[*i as usize]).collect();
    assert_eq!(
        accounts,
        vec![
            jito_vault_client::pdas::find_config(&DEFAULT_VAULT_PROGRAM_ID).0,
            vault,
            operator,
            jito_vault_client::pdas::find_vault_operator_delegation(
                &DEFAULT_VAULT_PROGRAM_ID,
                &vault,
                &operator
            )
            .0,
            cli.pubkey,
        ]
    );
}

#[test]
fn errors_are_sentences() {
    let dir = TempDir::new("offline-errors");
    let (cli, _) = cli(&dir);
    // A read needs the RPC: the URL is named.
    let run = cli.run(&["restaking", "config", "get"]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("RPC request to http://127.0.0.1:1 failed"),
        "{}",
        run.stderr
    );
    // No signer.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_jito-restaking-cli"))
        .args(["restaking", "config", "initialize", "--rpc-url", CLOSED])
        .env("HOME", &dir.0)
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no signer: pass --signer"));
    // Parsing: update needs a vault or --all; an unknown command is refused.
    assert!(!cli.run(&["vault", "vault", "update"]).ok);
    assert!(!cli.run(&["vault", "vault", "frobnicate"]).ok);
    // A secondary-admin command without a role flag.
    let run = cli.run(&[
        "vault",
        "vault",
        "set-secondary-admin",
        &Address::new_unique().to_string(),
        &Address::new_unique().to_string(),
        "--print-tx",
    ]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("choose at least one vault role flag"),
        "{}",
        run.stderr
    );
}

#[test]
fn print_tx_delegate_token_account_and_delegated_transfer() {
    let dir = TempDir::new("offline-delegate");
    let (cli, _) = cli(&dir);
    let (vault, delegate, mint, account) = (
        Address::new_unique(),
        Address::new_unique(),
        Address::new_unique(),
        Address::new_unique(),
    );
    let out = cli.ok(&[
        "vault",
        "vault",
        "delegate-token-account",
        &vault.to_string(),
        &delegate.to_string(),
        &mint.to_string(),
        &account.to_string(),
        "--print-tx",
    ]);
    let tx = printed_transaction(&out);
    let keys = &tx.message.account_keys;
    let ix = &tx.message.instructions[0];
    assert_eq!(keys[ix.program_id_index as usize], DEFAULT_VAULT_PROGRAM_ID);
    assert_eq!(
        ix.data,
        vec![jito_vault_client::instructions::DELEGATE_TOKEN_ACCOUNT_DISCRIMINATOR]
    );
    let accounts: Vec<Address> = ix.accounts.iter().map(|i| keys[*i as usize]).collect();
    assert_eq!(
        accounts,
        vec![
            jito_vault_client::pdas::find_config(&DEFAULT_VAULT_PROGRAM_ID).0,
            vault,
            cli.pubkey,
            mint,
            account,
            delegate,
            jito_vault_client::token_accounts::TOKEN_PROGRAM_ID,
        ]
    );

    let recipient = Address::new_unique();
    let tx = printed_transaction(&cli.ok(&[
        "vault",
        "vault",
        "delegated-token-transfer",
        &account.to_string(),
        &recipient.to_string(),
        "7",
        "--print-tx",
    ]));
    let ix = &tx.message.instructions[0];
    let keys = &tx.message.account_keys;
    assert_eq!(
        keys[ix.program_id_index as usize],
        jito_vault_client::token_accounts::TOKEN_PROGRAM_ID
    );
    assert_eq!(ix.data, [vec![3u8], 7u64.to_le_bytes().to_vec()].concat());
}

/// Every command of the original CLI (jito-foundation/restaking `cli/src/{restaking,vault}.rs` at
/// 8109c879), by path; each must exist here under the same name.
const ORIGINAL_COMMANDS: &[&str] = &[
    "restaking config initialize",
    "restaking config get",
    "restaking config set-admin",
    "restaking ncn initialize",
    "restaking ncn initialize-ncn-operator-state",
    "restaking ncn ncn-warmup-operator",
    "restaking ncn ncn-cooldown-operator",
    "restaking ncn initialize-ncn-vault-ticket",
    "restaking ncn warmup-ncn-vault-ticket",
    "restaking ncn cooldown-ncn-vault-ticket",
    "restaking ncn ncn-delegate-token-account",
    "restaking ncn get",
    "restaking ncn list",
    "restaking ncn list-ncn-operator-state",
    "restaking ncn list-ncn-vault-ticket",
    "restaking ncn ncn-set-admin",
    "restaking ncn ncn-set-secondary-admin",
    "restaking operator initialize",
    "restaking operator initialize-operator-vault-ticket",
    "restaking operator warmup-operator-vault-ticket",
    "restaking operator cooldown-operator-vault-ticket",
    "restaking operator operator-warmup-ncn",
    "restaking operator operator-cooldown-ncn",
    "restaking operator operator-set-admin",
    "restaking operator operator-set-secondary-admin",
    "restaking operator operator-set-fees",
    "restaking operator operator-delegate-token-account",
    "restaking operator get",
    "restaking operator list",
    "restaking operator list-operator-vault-ticket",
    "restaking operator list-ncn-operator-state",
    "vault config initialize",
    "vault config get",
    "vault config set-admin",
    "vault config set-secondary-admin",
    "vault config set-program-fee",
    "vault config set-program-fee-wallet",
    "vault vault initialize",
    "vault vault create-token-metadata",
    "vault vault update-token-metadata",
    "vault vault initialize-vault-update-state-tracker",
    "vault vault crank-vault-update-state-tracker",
    "vault vault close-vault-update-state-tracker",
    "vault vault mint-vrt",
    "vault vault initialize-operator-delegation",
    "vault vault delegate-to-operator",
    "vault vault cooldown-operator-delegation",
    "vault vault initialize-vault-ncn-ticket",
    "vault vault warmup-vault-ncn-ticket",
    "vault vault cooldown-vault-ncn-ticket",
    "vault vault enqueue-withdrawal",
    "vault vault change-withdrawal-ticket-owner",
    "vault vault burn-withdrawal-ticket",
    "vault vault get-vault-update-state-tracker",
    "vault vault get-operator-delegations",
    "vault vault get-operator-delegation",
    "vault vault get-withdrawal-ticket",
    "vault vault get",
    "vault vault list",
    "vault vault set-admin",
    "vault vault set-capacity",
    "vault vault set-fees",
    "vault vault set-is-paused",
    "vault vault set-secondary-admin",
    "vault vault update-vault-balance",
    "vault vault delegate-token-account",
    "vault vault delegated-token-transfer",
];

#[test]
fn every_original_command_exists_and_markdown_help_lists_it() {
    let dir = TempDir::new("offline-markdown");
    let (cli, _) = cli(&dir);
    let markdown = cli.ok(&["--markdown-help"]);
    assert_eq!(ORIGINAL_COMMANDS.len(), 67);
    let added = [
        "restaking ncn status",
        "vault vault update",
        "vault vault status",
    ];
    for path in ORIGINAL_COMMANDS.iter().chain(&added) {
        assert!(
            markdown.contains(&format!("## `jito-restaking-cli {path}`\n")),
            "no section for `{path}` in --markdown-help"
        );
        // Each one parses: --help of the command succeeds.
        let mut args: Vec<&str> = path.split(' ').collect();
        args.push("--help");
        let help = cli.ok(&args);
        assert!(help.contains("Usage: jito-restaking-cli"), "{path}: {help}");
    }
    // Leaves plus the groups (root, restaking, its 3 groups, vault, its 2 groups).
    let sections = markdown.matches("\n## `").count() + usize::from(markdown.starts_with("## "));
    assert_eq!(sections, ORIGINAL_COMMANDS.len() + added.len() + 8);
    assert!(
        markdown.contains("* `--print-tx` — "),
        "global flags listed"
    );
}
