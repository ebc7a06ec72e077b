//! The CLI tests' shared harness: keypair files, running the built binary, decoding its
//! `--print-tx` and `--print-json` output.
#![allow(dead_code)]
use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
};

use base64::Engine;
use solana_keypair::Keypair;
use solana_signer::Signer;
use solana_transaction::Transaction;

pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "jito-cli-{tag}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `keypair` as a Solana keypair file (a JSON array of 64 bytes).
pub fn write_keypair(dir: &Path, name: &str, keypair: &Keypair) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    let bytes: Vec<u8> = keypair.to_bytes().to_vec();
    std::fs::write(&path, serde_json::to_string(&bytes).unwrap()).unwrap();
    path
}

pub struct Cli {
    pub rpc_url: String,
    pub signer: PathBuf,
    pub pubkey: jito_vault_client::Address,
    pub extra: Vec<String>,
}

pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Cli {
    pub fn new(rpc_url: &str, dir: &Path, keypair: &Keypair) -> Self {
        Self {
            rpc_url: rpc_url.to_string(),
            signer: write_keypair(dir, "signer", keypair),
            pubkey: keypair.pubkey(),
            extra: Vec::new(),
        }
    }

    /// Runs the CLI with `args` plus --rpc-url, --signer and `self.extra`.
    pub fn run(&self, args: &[&str]) -> Run {
        let output: Output = Command::new(env!("CARGO_BIN_EXE_jito-restaking-cli"))
            .args(args)
            .args(["--rpc-url", &self.rpc_url, "--commitment", "confirmed"])
            .arg("--signer")
            .arg(&self.signer)
            .args(&self.extra)
            .env("HOME", std::env::temp_dir())
            .output()
            .expect("the CLI binary runs");
        Run {
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs and asserts success, returning stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert!(
            run.ok,
            "jito-restaking-cli {} failed:\nstdout: {}\nstderr: {}",
            args.join(" "),
            run.stdout,
            run.stderr
        );
        run.stdout
    }

    /// Runs with --print-json and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--print-json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }
}

/// The transaction printed by --print-tx: base58 and base64 lines, which must agree.
pub fn printed_transaction(stdout: &str) -> Transaction {
    let line = |prefix: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no `{prefix}` line in {stdout}"))
            .trim()
            .to_string()
    };
    let from58 = bs58::decode(line("base58: ")).into_vec().unwrap();
    let from64 = base64::engine::general_purpose::STANDARD
        .decode(line("base64: "))
        .unwrap();
    assert_eq!(from58, from64, "base58 and base64 encode the same bytes");
    bincode::deserialize(&from64).expect("a wire-format transaction")
}

/// The address the CLI printed after `prefix` (e.g. "NCN initialized: ").
pub fn printed_address(stdout: &str, prefix: &str) -> jito_vault_client::Address {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no `{prefix}` in {stdout}"))
        .parse()
        .unwrap()
}
