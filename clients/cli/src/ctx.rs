//! What every command shares: the RPC client, the signer, program ids, sending (or printing)
//! transactions, reading and printing accounts, and turning failures into sentences.
use std::{path::Path, str::FromStr};

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use jito_restaking_client::errors::JitoRestakingError;
use jito_vault_client::{
    errors::JitoVaultError, fetch::RpcClient, Address, Instruction, ProgramIds,
};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_rpc_client::api::{
    config::{RpcAccountInfoConfig, RpcProgramAccountsConfig, UiAccountEncoding},
    filter::{Memcmp, RpcFilterType},
};
use solana_signer::Signer;
use solana_transaction::Message;
use solana_transaction::Transaction;

use crate::{args::Cli, idl_json};

/// An account type of either client (each client has its own `ProgramAccount` trait).
pub trait ProgramAccount: Sized {
    const NAME: &'static str;
    const DISCRIMINATOR: u64;
    const LEN: usize;
    fn from_bytes(data: &[u8]) -> Result<Self, std::io::Error>;
}

macro_rules! program_accounts {
    ($client:ident: $($ty:ident),*) => {$(
        impl ProgramAccount for $client::accounts::$ty {
            const NAME: &'static str = <Self as $client::ProgramAccount>::NAME;
            const DISCRIMINATOR: u64 = <Self as $client::ProgramAccount>::DISCRIMINATOR;
            const LEN: usize = <Self as $client::ProgramAccount>::LEN;
            fn from_bytes(data: &[u8]) -> Result<Self, std::io::Error> {
                <Self as $client::ProgramAccount>::from_bytes(data)
            }
        }
    )*};
}
program_accounts!(jito_restaking_client: Config, Ncn, Operator, NcnOperatorState, NcnVaultTicket, OperatorVaultTicket, NcnVaultSlasherTicket);
program_accounts!(jito_vault_client: Config, Vault, VaultNcnTicket, VaultOperatorDelegation, VaultStakerWithdrawalTicket, VaultUpdateStateTracker, VaultNcnSlasherTicket, VaultNcnSlasherOperatorTicket);

pub const DEFAULT_RPC_URL: &str = "https://api.mainnet-beta.solana.com";

pub struct Ctx {
    pub rpc: RpcClient,
    pub url: String,
    signer: Option<Keypair>,
    signer_path: Option<String>,
    pub ids: ProgramIds,
    pub print_tx: bool,
    pub print_json: bool,
    pub with_reserves: bool,
    pub verbose: bool,
}

/// The three settings the Solana CLI config file holds that this tool uses.
#[derive(Default)]
struct FileConfig {
    json_rpc_url: Option<String>,
    keypair_path: Option<String>,
    commitment: Option<String>,
}

/// Reads a Solana CLI config file (a flat YAML map; only `key: value` lines are needed).
fn read_config_file(path: &Path) -> Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the config file {}", path.display()))?;
    let mut config = FileConfig::default();
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string();
        match key.trim() {
            "json_rpc_url" => config.json_rpc_url = Some(value),
            "keypair_path" => config.keypair_path = Some(value),
            "commitment" => config.commitment = Some(value),
            _ => {}
        }
    }
    Ok(config)
}

pub fn read_keypair(path: &str) -> Result<Keypair> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the keypair file {path}"))?;
    let bytes: Vec<u8> = serde_json::from_str(&text)
        .with_context(|| format!("the keypair file {path} is not a JSON array of 64 bytes"))?;
    Keypair::try_from(bytes.as_slice())
        .map_err(|e| anyhow!("the keypair file {path} does not hold a keypair: {e}"))
}

impl Ctx {
    pub fn new(cli: &Cli) -> Result<Self> {
        // Explicit flags win over the config file, which wins over the Solana CLI's default file.
        let file = match &cli.config_file {
            Some(path) => read_config_file(path)?,
            None => std::env::var_os("HOME")
                .map(|home| Path::new(&home).join(".config/solana/cli/config.yml"))
                .filter(|p| p.exists())
                .map(|p| read_config_file(&p))
                .transpose()?
                .unwrap_or_default(),
        };
        let url = cli
            .rpc_url
            .clone()
            .or(file.json_rpc_url)
            .unwrap_or_else(|| DEFAULT_RPC_URL.to_string());
        let commitment = match cli.commitment.clone().or(file.commitment) {
            Some(c) => CommitmentConfig::from_str(&c).map_err(|_| {
                anyhow!("unknown commitment `{c}` (processed, confirmed, finalized)")
            })?,
            None => CommitmentConfig::confirmed(),
        };
        let signer_path = cli.signer.clone().or(file.keypair_path);
        let signer = signer_path.as_deref().map(read_keypair).transpose()?;
        let defaults = ProgramIds::default();
        Ok(Self {
            rpc: RpcClient::new_with_commitment(url.clone(), commitment),
            url,
            signer,
            signer_path,
            ids: ProgramIds {
                restaking: cli.restaking_program_id.unwrap_or(defaults.restaking),
                vault: cli.vault_program_id.unwrap_or(defaults.vault),
            },
            print_tx: cli.print_tx,
            print_json: cli.print_json || cli.print_json_with_reserves,
            with_reserves: cli.print_json_with_reserves,
            verbose: cli.verbose,
        })
    }

    pub fn signer(&self) -> Result<&Keypair> {
        self.signer.as_ref().ok_or_else(|| {
            anyhow!(
                "no signer: pass --signer <KEYPAIR_FILE> or set keypair_path in the config file{}",
                self.signer_path
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default()
            )
        })
    }

    pub fn rpc_error(&self, what: &str, e: impl std::fmt::Display) -> anyhow::Error {
        anyhow!("RPC request to {} failed ({what}): {e}", self.url)
    }

    /// The raw account, `None` when it does not exist.
    pub fn raw_account(&self, address: &Address) -> Result<Option<solana_account::Account>> {
        let accounts = self
            .rpc
            .get_multiple_accounts(&[*address])
            .map_err(|e| self.rpc_error("getMultipleAccounts", e))?;
        Ok(accounts.into_iter().next().flatten())
    }

    /// The decoded account; a missing account is an error naming it.
    pub fn account<T: ProgramAccount>(&self, address: &Address) -> Result<T> {
        self.maybe_account(address)?
            .ok_or_else(|| anyhow!("the {} account {address} does not exist", T::NAME))
    }

    pub fn maybe_account<T: ProgramAccount>(&self, address: &Address) -> Result<Option<T>> {
        match self.raw_account(address)? {
            None => Ok(None),
            Some(account) => T::from_bytes(&account.data)
                .map(Some)
                .map_err(|e| anyhow!("account {address}: {e}")),
        }
    }

    /// Accounts of type `T` owned by `program`, filtered on the discriminator and, when given,
    /// on a 32-byte key at `offset` (getProgramAccounts).
    pub fn list<T: ProgramAccount>(
        &self,
        program: &Address,
        key: Option<(usize, &Address)>,
    ) -> Result<Vec<(Address, Vec<u8>, T)>> {
        let mut filters = vec![
            RpcFilterType::DataSize(T::LEN as u64),
            RpcFilterType::Memcmp(Memcmp::new_base58_encoded(
                0,
                &T::DISCRIMINATOR.to_le_bytes(),
            )),
        ];
        if let Some((offset, key)) = key {
            filters.push(RpcFilterType::Memcmp(Memcmp::new_base58_encoded(
                offset,
                key.as_ref(),
            )));
        }
        let config = RpcProgramAccountsConfig {
            filters: Some(filters),
            account_config: RpcAccountInfoConfig {
                encoding: Some(UiAccountEncoding::Base64),
                ..RpcAccountInfoConfig::default()
            },
            ..RpcProgramAccountsConfig::default()
        };
        let accounts = self
            .rpc
            .get_program_ui_accounts_with_config(program, config)
            .map_err(|e| self.rpc_error("getProgramAccounts", e))?;
        let mut out = Vec::new();
        for (address, ui) in accounts {
            let data = ui
                .data
                .decode()
                .ok_or_else(|| anyhow!("account {address}: undecodable data"))?;
            let decoded = T::from_bytes(&data).map_err(|e| anyhow!("account {address}: {e}"))?;
            out.push((address, data, decoded));
        }
        out.sort_by_key(|(a, _, _)| a.to_string());
        Ok(out)
    }

    /// Prints one account: JSON (`--print-json`) or `field: value` lines, decoded with the IDL.
    pub fn print_account(&self, idl_account: &str, address: &Address, data: &[u8]) -> Result<()> {
        let value = idl_json::decode_account(idl_account, data, self.with_reserves)?;
        let idl_account = idl_account.trim_start_matches("vault.");
        if self.print_json {
            let mut object = serde_json::Map::new();
            object.insert("address".into(), address.to_string().into());
            object.insert("type".into(), idl_account.into());
            if let serde_json::Value::Object(fields) = value {
                object.extend(fields);
            }
            println!("{}", serde_json::to_string_pretty(&object)?);
        } else {
            println!("{idl_account} {address}");
            idl_json::print_fields(&value, 1);
        }
        Ok(())
    }

    /// Fetches and prints one account.
    pub fn get_and_print(&self, idl_account: &str, address: &Address) -> Result<()> {
        let account = self.raw_account(address)?.ok_or_else(|| {
            anyhow!(
                "the {} account {address} does not exist",
                idl_account.trim_start_matches("vault.")
            )
        })?;
        self.print_account(idl_account, address, &account.data)
    }

    /// Prints listed accounts: a JSON array, or one block each.
    pub fn print_list<T>(&self, idl_account: &str, list: &[(Address, Vec<u8>, T)]) -> Result<()> {
        if self.print_json {
            let mut array = Vec::new();
            for (address, data, _) in list {
                let mut object = serde_json::Map::new();
                object.insert("address".into(), address.to_string().into());
                object.insert(
                    "type".into(),
                    idl_account.trim_start_matches("vault.").into(),
                );
                if let serde_json::Value::Object(fields) =
                    idl_json::decode_account(idl_account, data, self.with_reserves)?
                {
                    object.extend(fields);
                }
                array.push(serde_json::Value::Object(object));
            }
            println!("{}", serde_json::to_string_pretty(&array)?);
        } else {
            if list.is_empty() {
                println!("no {idl_account} accounts");
            }
            for (address, data, _) in list {
                self.print_account(idl_account, address, data)?;
            }
        }
        Ok(())
    }

    /// Sends `instructions` in one transaction paid and signed by the signer (plus `extra`), or
    /// with `--print-tx` prints it unsigned and sends nothing.
    pub fn send(
        &self,
        label: &str,
        instructions: &[Instruction],
        extra: &[&Keypair],
    ) -> Result<()> {
        let payer = self.signer()?;
        if self.print_tx {
            return self.print_unsigned(label, instructions, &payer.pubkey());
        }
        let blockhash = self
            .rpc
            .get_latest_blockhash()
            .map_err(|e| self.rpc_error("getLatestBlockhash", e))?;
        let mut signers: Vec<&Keypair> = vec![payer];
        signers.extend(extra.iter().copied());
        let tx = Transaction::new_signed_with_payer(
            instructions,
            Some(&payer.pubkey()),
            &signers,
            blockhash,
        );
        match self.rpc.send_and_confirm_transaction(&tx) {
            Ok(signature) => {
                // The label first (scripts read e.g. the address after "NCN initialized: "),
                // then the signature.
                println!("{label} (signature {signature})");
                Ok(())
            }
            Err(e) => Err(self.transaction_error(label, instructions, &e)),
        }
    }

    /// Prints the transaction, unsigned, as base58 and base64 (the wire format, signatures
    /// zeroed); the blockhash is the latest one, or zeros when the RPC does not answer.
    fn print_unsigned(
        &self,
        label: &str,
        instructions: &[Instruction],
        payer: &Address,
    ) -> Result<()> {
        let mut message = Message::new(instructions, Some(payer));
        match self.rpc.get_latest_blockhash() {
            Ok(hash) => message.recent_blockhash = hash,
            Err(e) => eprintln!(
                "note: no blockhash from {} ({e}); the printed transaction has a zero blockhash",
                self.url
            ),
        }
        let tx = Transaction::new_unsigned(message);
        let bytes = bincode::serialize(&tx)?;
        println!(
            "{label}: unsigned transaction ({} instructions), not sent",
            instructions.len()
        );
        println!("base58: {}", bs58::encode(&bytes).into_string());
        println!(
            "base64: {}",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        );
        Ok(())
    }

    /// A failed transaction as a sentence: the program's error by name and message when it is
    /// one of the two programs', the program logs with --verbose.
    fn transaction_error(
        &self,
        label: &str,
        instructions: &[Instruction],
        e: &solana_rpc_client::api::client_error::Error,
    ) -> anyhow::Error {
        use solana_rpc_client::api::{
            client_error::ErrorKind,
            request::{RpcError, RpcResponseErrorData},
        };
        let logs = match e.kind() {
            ErrorKind::RpcError(RpcError::RpcResponseError {
                data: RpcResponseErrorData::SendTransactionPreflightFailure(sim),
                ..
            }) => sim.logs.clone().unwrap_or_default(),
            _ => Vec::new(),
        };
        if self.verbose && !logs.is_empty() {
            eprintln!("program logs:");
            for line in &logs {
                eprintln!("  {line}");
            }
        }
        let Some(tx_error) = e.get_transaction_error() else {
            return anyhow!("{label} failed: RPC request to {} failed: {e}", self.url);
        };
        let text = tx_error.to_string();
        if let solana_transaction::TransactionError::InstructionError(index, ref ix_error) =
            tx_error
        {
            let program = instructions.get(index as usize).map(|ix| ix.program_id);
            if let solana_transaction::InstructionError::Custom(code) = ix_error {
                let described = if program == Some(self.ids.vault) {
                    JitoVaultError::from_code(*code).map(|err| err.describe())
                } else if program == Some(self.ids.restaking) {
                    JitoRestakingError::from_code(*code).map(|err| err.describe())
                } else {
                    None
                };
                if let Some(described) = described {
                    return anyhow!("{label} failed: instruction {index}: {described}");
                }
            }
            return anyhow!(
                "{label} failed: instruction {index} ({}): {ix_error}",
                program.map(|p| p.to_string()).unwrap_or_default()
            );
        }
        anyhow!("{label} failed: {text}")
    }
}

/// Fails unless exactly one of a group of role flags is set.
pub fn one_role<T: Copy>(roles: &[(bool, T)], what: &str) -> Result<Vec<T>> {
    let chosen: Vec<T> = roles
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, r)| *r)
        .collect();
    if chosen.is_empty() {
        bail!("choose at least one {what} flag (--set-…)");
    }
    Ok(chosen)
}
