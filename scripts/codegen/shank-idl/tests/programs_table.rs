//! `scripts/codegen/programs.json` is the one table of account type ids and PDA seeds the
//! Codama visitors use. These tests hold it to the interface crates: every discriminator equals
//! the account type's `DISCRIMINATOR`, every PDA's seeds equal what the type's `seeds(..)`
//! function produces (with distinct sample values per seed name, so a swapped seed shows), and
//! every account size in the committed Codama trees equals the type's `LEN`.

use jito_core::account::AccountType;
use jito_ncn_interface::{pda as np, state as n};
use jito_restaking_interface::state as r;
use jito_shank_idl::repo_root;
use jito_vault_interface::state as v;
use serde_json::Value;
use solana_address::Address;

fn load(path: &str) -> Value {
    let path = repo_root().unwrap().join(path);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A distinct sample key per seed name.
fn key(name: &str) -> Address {
    let mut bytes = [0xa5u8; 32];
    for (i, b) in name.bytes().enumerate() {
        bytes[i % 32] ^= b.rotate_left(i as u32);
    }
    Address::new_from_array(bytes)
}

/// A distinct sample integer per seed name.
fn number(name: &str) -> u64 {
    name.bytes().fold(0x0102_0304_0506_0708, |acc, b| {
        acc.rotate_left(7) ^ u64::from(b)
    })
}

/// The seeds of PDA `pda` of `program` per programs.json, filled with the sample values.
fn table_seeds(table: &Value, program: &str, pda: &str) -> Vec<Vec<u8>> {
    let seeds = table["programs"][program]["pdas"][pda]
        .as_array()
        .unwrap_or_else(|| panic!("programs.json: no PDA {program}.{pda}"));
    seeds
        .iter()
        .map(|seed| match seed {
            Value::String(constant) => constant.as_bytes().to_vec(),
            _ => {
                let name = seed["name"].as_str().unwrap();
                match seed["type"].as_str().unwrap() {
                    "publicKey" => key(name).as_ref().to_vec(),
                    "u64" => number(name).to_le_bytes().to_vec(),
                    other => panic!("unsupported seed type {other}"),
                }
            }
        })
        .collect()
}

fn owned<const N: usize>(seeds: [&[u8]; N]) -> Vec<Vec<u8>> {
    seeds.iter().map(|s| s.to_vec()).collect()
}

/// One account type (or plain PDA): name in programs.json, type id and size when it is an
/// account type, and the seeds its interface produces.
struct Row {
    name: &'static str,
    account: Option<(u8, usize)>,
    seeds: Vec<Vec<u8>>,
}

fn account<T: AccountType>(name: &'static str, seeds: Vec<Vec<u8>>) -> Row {
    Row {
        name,
        account: Some((T::DISCRIMINATOR, T::LEN)),
        seeds,
    }
}

fn restaking_rows() -> Vec<Row> {
    let (base, ncn, operator, vault, slasher) = (
        key("base"),
        key("ncn"),
        key("operator"),
        key("vault"),
        key("slasher"),
    );
    vec![
        account::<r::Config>("config", owned(r::Config::seeds())),
        account::<r::Ncn>("ncn", owned(r::Ncn::seeds(&base))),
        account::<r::Operator>("operator", owned(r::Operator::seeds(&base))),
        account::<r::NcnOperatorState>(
            "ncnOperatorState",
            owned(r::NcnOperatorState::seeds(&ncn, &operator)),
        ),
        account::<r::OperatorVaultTicket>(
            "operatorVaultTicket",
            owned(r::OperatorVaultTicket::seeds(&operator, &vault)),
        ),
        account::<r::NcnVaultTicket>(
            "ncnVaultTicket",
            owned(r::NcnVaultTicket::seeds(&ncn, &vault)),
        ),
        account::<r::NcnVaultSlasherTicket>(
            "ncnVaultSlasherTicket",
            owned(r::NcnVaultSlasherTicket::seeds(&ncn, &vault, &slasher)),
        ),
    ]
}

fn vault_rows() -> Vec<Row> {
    let (base, ncn, operator, vault, slasher) = (
        key("base"),
        key("ncn"),
        key("operator"),
        key("vault"),
        key("slasher"),
    );
    let epoch = number("epoch").to_le_bytes();
    let ncn_epoch = number("ncnEpoch").to_le_bytes();
    vec![
        account::<v::Config>("config", owned(v::Config::seeds())),
        account::<v::Vault>("vault", owned(v::Vault::seeds(&base))),
        Row {
            name: "burnVault",
            account: None,
            seeds: owned(v::BurnVault::seeds(&base)),
        },
        account::<v::VaultNcnTicket>(
            "vaultNcnTicket",
            owned(v::VaultNcnTicket::seeds(&vault, &ncn)),
        ),
        account::<v::VaultOperatorDelegation>(
            "vaultOperatorDelegation",
            owned(v::VaultOperatorDelegation::seeds(&vault, &operator)),
        ),
        account::<v::VaultNcnSlasherTicket>(
            "vaultNcnSlasherTicket",
            owned(v::VaultNcnSlasherTicket::seeds(&vault, &ncn, &slasher)),
        ),
        account::<v::VaultNcnSlasherOperatorTicket>(
            "vaultNcnSlasherOperatorTicket",
            owned(v::VaultNcnSlasherOperatorTicket::seeds(
                &vault, &ncn, &slasher, &operator, &epoch,
            )),
        ),
        account::<v::VaultStakerWithdrawalTicket>(
            "vaultStakerWithdrawalTicket",
            owned(v::VaultStakerWithdrawalTicket::seeds(&vault, &base)),
        ),
        account::<v::VaultUpdateStateTracker>(
            "vaultUpdateStateTracker",
            owned(v::VaultUpdateStateTracker::seeds(&vault, &ncn_epoch)),
        ),
    ]
}

/// The template hashes the NCN twice into the epoch marker and account payer seeds; the table
/// names the second one `ncnAgain` (a distinct sample value here), so swap it in after checking
/// that the interface repeats the NCN.
fn ncn_again(mut seeds: Vec<Vec<u8>>, ncn: &Address) -> Vec<Vec<u8>> {
    let last = seeds.last_mut().unwrap();
    assert_eq!(last.as_slice(), ncn.as_ref(), "the NCN again");
    *last = key("ncnAgain").as_ref().to_vec();
    seeds
}

fn ncn_rows() -> Vec<Row> {
    let (ncn, operator) = (key("ncn"), key("operator"));
    let epoch = number("epoch").to_le_bytes();
    vec![
        account::<n::Config>("config", owned(n::Config::seeds(&ncn))),
        account::<n::VaultRegistry>("vaultRegistry", owned(n::VaultRegistry::seeds(&ncn))),
        account::<n::EpochState>("epochState", owned(n::EpochState::seeds(&ncn, &epoch))),
        account::<n::WeightTable>("weightTable", owned(n::WeightTable::seeds(&ncn, &epoch))),
        account::<n::EpochSnapshot>(
            "epochSnapshot",
            owned(n::EpochSnapshot::seeds(&ncn, &epoch)),
        ),
        account::<n::OperatorSnapshot>(
            "operatorSnapshot",
            owned(n::OperatorSnapshot::seeds(&operator, &ncn, &epoch)),
        ),
        account::<n::BallotBox>("ballotBox", owned(n::BallotBox::seeds(&ncn, &epoch))),
        account::<n::ConsensusResult>(
            "consensusResult",
            owned(n::ConsensusResult::seeds(&ncn, &epoch)),
        ),
        account::<n::NcnRewardRouter>(
            "ncnRewardRouter",
            owned(n::NcnRewardRouter::seeds(&ncn, &epoch)),
        ),
        Row {
            name: "ncnRewardReceiver",
            account: None,
            seeds: owned(np::ncn_reward_receiver_seeds(&ncn, &epoch)),
        },
        account::<n::OperatorVaultRewardRouter>(
            "operatorVaultRewardRouter",
            owned(n::OperatorVaultRewardRouter::seeds(&operator, &ncn, &epoch)),
        ),
        Row {
            name: "operatorVaultRewardReceiver",
            account: None,
            seeds: owned(np::operator_vault_reward_receiver_seeds(
                &operator, &ncn, &epoch,
            )),
        },
        account::<n::EpochMarker>(
            "epochMarker",
            ncn_again(owned(n::EpochMarker::seeds(&ncn, &epoch)), &ncn),
        ),
        Row {
            name: "accountPayer",
            account: None,
            seeds: ncn_again(owned(np::account_payer_seeds(&ncn)), &ncn),
        },
    ]
}

fn check(program: &str, rows: Vec<Row>) {
    let table = load("scripts/codegen/programs.json");
    let entry = &table["programs"][program];
    let tree = load(&format!(
        "idl/codama/{}.json",
        entry["idl"].as_str().unwrap()
    ));
    let tree_accounts = tree["program"]["accounts"].as_array().unwrap();

    let table_accounts = entry["accounts"].as_object().unwrap();
    let table_pdas = entry["pdas"].as_object().unwrap();
    assert_eq!(
        table_accounts.len(),
        rows.iter().filter(|r| r.account.is_some()).count(),
        "{program}: account types in programs.json"
    );
    assert_eq!(
        table_pdas.len(),
        rows.len(),
        "{program}: PDAs in programs.json"
    );

    for row in rows {
        assert_eq!(
            table_seeds(&table, program, row.name),
            row.seeds,
            "{program}.{}: PDA seeds",
            row.name
        );
        let Some((discriminator, len)) = row.account else {
            continue;
        };
        let account = &table_accounts[row.name];
        assert_eq!(
            account["discriminator"],
            u64::from(discriminator),
            "{program}.{}: type id",
            row.name
        );
        assert_eq!(account["pda"], row.name, "{program}.{}: PDA link", row.name);
        let in_tree = tree_accounts
            .iter()
            .find(|a| a["name"] == row.name)
            .unwrap_or_else(|| panic!("{program}.{}: not in the Codama tree", row.name));
        assert_eq!(
            in_tree["size"], len as u64,
            "{program}.{}: size in the Codama tree",
            row.name
        );
    }

    // PDAs of the other program taken by this one's instructions must exist there.
    for (name, owner) in entry["externalPdas"].as_object().unwrap() {
        let owner = owner.as_str().unwrap();
        assert!(
            table["programs"][owner]["pdas"].get(name).is_some(),
            "{program}: external PDA {owner}.{name}"
        );
    }
}

#[test]
fn restaking_table_matches_interface() {
    check("restaking", restaking_rows());
}

#[test]
fn vault_table_matches_interface() {
    check("vault", vault_rows());
}

#[test]
fn ncn_table_matches_interface() {
    check("ncn", ncn_rows());
}
