//! Replays the oracle corpus (`mollusk_tests/corpus/*.bin.zst`, recorded from
//! the ORIGINAL binaries by `scripts/record-corpus.sh`) on the project's `.so`
//! files: every case must give the original's result, return data and account
//! state (lamports, owner, data of every account), or be one of the deliberate
//! differences in [`DEVIATIONS`] (docs/COMPATIBILITY.md). An unlisted
//! difference fails, and so does a table entry that no case uses.

use std::collections::BTreeMap;

use jito_core::account::AccountType;

use mollusk_tests::{
    oracle::{read_corpus, replay_mollusk, Case, Outcome},
    Account, ProgramError, Pubkey, RESTAKING_PROGRAM_ID, TOKEN_2022_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// One case's two runs, for the deviation matchers.
struct Diff<'a> {
    case: &'a Case,
    inputs: &'a [(Pubkey, Account)],
    /// The original's result.
    original: &'a Outcome,
    /// The project's result.
    project: &'a Outcome,
}

impl Diff<'_> {
    fn original_is(&self, e: ProgramError) -> bool {
        *self.original == Outcome::Error(u64::from(e))
    }
    fn project_is(&self, e: ProgramError) -> bool {
        *self.project == Outcome::Error(u64::from(e))
    }
    fn uses(&self, key: &Pubkey) -> bool {
        self.case
            .instruction
            .accounts
            .iter()
            .any(|m| m.pubkey == *key)
    }
    /// The same account twice among the instruction's accounts.
    fn has_duplicate_account(&self) -> bool {
        let metas = &self.case.instruction.accounts;
        metas
            .iter()
            .enumerate()
            .any(|(i, m)| metas[..i].iter().any(|n| n.pubkey == m.pubkey))
    }
    /// An account of the Token-2022 program among the inputs.
    fn has_token_2022_account(&self) -> bool {
        self.inputs
            .iter()
            .any(|(_, a)| a.owner == TOKEN_2022_PROGRAM_ID)
    }
    /// A program account whose address is not the canonical PDA of its stored
    /// seeds and bump (a forged account: the programs create every account at
    /// the canonical PDA of the fields they store): the configs here, every
    /// other type by `negative::off_canonical_pda`.
    fn has_forged_pda_fields(&self) -> bool {
        use jito_restaking_interface::state as r;
        use jito_vault_interface::state as v;
        self.inputs.iter().any(|(key, a)| {
            let check = |seeds: &[&[u8]], stored: u8, program: &Pubkey| {
                let (address, bump) = Pubkey::find_program_address(seeds, program);
                address != *key || bump != stored
            };
            (match (a.owner, a.data.first()) {
                (o, Some(&d)) if o == RESTAKING_PROGRAM_ID && d == r::Config::DISCRIMINATOR => {
                    r::Config::from_bytes(&a.data)
                        .is_ok_and(|c| check(&r::Config::seeds(), c.bump, &o))
                }
                (o, Some(&d)) if o == RESTAKING_PROGRAM_ID && d == r::Ncn::DISCRIMINATOR => {
                    r::Ncn::from_bytes(&a.data)
                        .is_ok_and(|n| check(&r::Ncn::seeds(&n.base), n.bump, &o))
                }
                (o, Some(&d)) if o == RESTAKING_PROGRAM_ID && d == r::Operator::DISCRIMINATOR => {
                    r::Operator::from_bytes(&a.data)
                        .is_ok_and(|n| check(&r::Operator::seeds(&n.base), n.bump, &o))
                }
                (o, Some(4)) if o == RESTAKING_PROGRAM_ID => {
                    r::NcnOperatorState::from_bytes(&a.data).is_ok_and(|t| {
                        check(&r::NcnOperatorState::seeds(&t.ncn, &t.operator), t.bump, &o)
                    })
                }
                (o, Some(&d))
                    if o == RESTAKING_PROGRAM_ID && d == r::NcnVaultTicket::DISCRIMINATOR =>
                {
                    r::NcnVaultTicket::from_bytes(&a.data).is_ok_and(|t| {
                        check(&r::NcnVaultTicket::seeds(&t.ncn, &t.vault), t.bump, &o)
                    })
                }
                (o, Some(6)) if o == RESTAKING_PROGRAM_ID => {
                    r::OperatorVaultTicket::from_bytes(&a.data).is_ok_and(|t| {
                        check(
                            &r::OperatorVaultTicket::seeds(&t.operator, &t.vault),
                            t.bump,
                            &o,
                        )
                    })
                }
                (o, Some(&d)) if o == VAULT_PROGRAM_ID && d == v::Config::DISCRIMINATOR => {
                    v::Config::from_bytes(&a.data)
                        .is_ok_and(|c| check(&v::Config::seeds(), c.bump, &o))
                }
                (o, Some(&d)) if o == VAULT_PROGRAM_ID && d == v::Vault::DISCRIMINATOR => {
                    v::Vault::from_bytes(&a.data)
                        .is_ok_and(|n| check(&v::Vault::seeds(&n.base), n.bump, &o))
                }
                _ => false,
            }) || mollusk_tests::negative::off_canonical_pda(key, a)
        })
    }
}

/// A deliberate difference: its kind, why (docs/COMPATIBILITY.md), and which cases it covers.
struct Deviation {
    kind: &'static str,
    reason: &'static str,
    matches: fn(&Diff) -> bool,
}

/// The exact size of every program-owned account type, by program and discriminator.
fn expected_len(owner: &Pubkey, data: &[u8]) -> Option<usize> {
    use jito_restaking_interface::state as r;
    use jito_vault_interface::state as v;
    let d = *data.first()?;
    let restaking = [
        (r::Config::DISCRIMINATOR, r::Config::LEN),
        (r::Ncn::DISCRIMINATOR, r::Ncn::LEN),
        (r::Operator::DISCRIMINATOR, r::Operator::LEN),
        (r::NcnOperatorState::DISCRIMINATOR, r::NcnOperatorState::LEN),
        (r::NcnVaultTicket::DISCRIMINATOR, r::NcnVaultTicket::LEN),
        (
            r::OperatorVaultTicket::DISCRIMINATOR,
            r::OperatorVaultTicket::LEN,
        ),
        (
            r::NcnVaultSlasherTicket::DISCRIMINATOR,
            r::NcnVaultSlasherTicket::LEN,
        ),
    ];
    let vault = [
        (v::Config::DISCRIMINATOR, v::Config::LEN),
        (v::Vault::DISCRIMINATOR, v::Vault::LEN),
        (v::VaultNcnTicket::DISCRIMINATOR, v::VaultNcnTicket::LEN),
        (
            v::VaultOperatorDelegation::DISCRIMINATOR,
            v::VaultOperatorDelegation::LEN,
        ),
        (
            v::VaultNcnSlasherTicket::DISCRIMINATOR,
            v::VaultNcnSlasherTicket::LEN,
        ),
        (
            v::VaultNcnSlasherOperatorTicket::DISCRIMINATOR,
            v::VaultNcnSlasherOperatorTicket::LEN,
        ),
        (
            v::VaultStakerWithdrawalTicket::DISCRIMINATOR,
            v::VaultStakerWithdrawalTicket::LEN,
        ),
        (
            v::VaultUpdateStateTracker::DISCRIMINATOR,
            v::VaultUpdateStateTracker::LEN,
        ),
    ];
    let table: &[(u8, usize)] = if *owner == RESTAKING_PROGRAM_ID {
        &restaking
    } else if *owner == VAULT_PROGRAM_ID {
        &vault
    } else {
        return None;
    };
    table
        .iter()
        .find(|(disc, _)| *disc == d)
        .map(|(_, len)| *len)
}

const DEVIATIONS: &[Deviation] = &[
    Deviation {
        kind: "malformed-data",
        reason: "malformed instruction data fails with InvalidInstructionData; the original's Borsh decoding fails with BorshIoError",
        matches: |d| {
            d.original_is(ProgramError::BorshIoError)
                && d.project_is(ProgramError::InvalidInstructionData)
        },
    },
    Deviation {
        kind: "token-2022",
        reason: "Token-2022 vaults and token accounts are an addition: the original refuses the Token-2022 program",
        matches: |d| {
            (d.uses(&TOKEN_2022_PROGRAM_ID) || d.has_token_2022_account())
                && *d.original != Outcome::Success
        },
    },
    Deviation {
        kind: "forged-pda-fields",
        reason: "a program account not at the canonical PDA of its stored seeds and bump (forged: unreachable on chain, the programs create every account there; jito_core::account): these programs prove an existing account by its owner, type and stored fields without hashing and act on it as on the account its fields name; the original hashes some of them (InvalidAccountData, InvalidSeeds where it uses the stored bump) and not others",
        matches: |d| d.has_forged_pda_fields(),
    },
    Deviation {
        kind: "pda-checked-first",
        reason: "InitializeVault with a vault that is not the canonical PDA of the base fails with InvalidSeeds before any CPI; the original derives the address itself and its create-account CPI fails (NotEnoughAccountKeys: that address is not among the accounts)",
        matches: |d| {
            d.original_is(ProgramError::NotEnoughAccountKeys)
                && d.project_is(ProgramError::InvalidSeeds)
        },
    },
    Deviation {
        kind: "account-size",
        reason: "every program account must have exactly its type's size (InvalidAccountData); the original checks the size only where it deserialises",
        matches: |d| {
            d.project_is(ProgramError::InvalidAccountData)
                && d.inputs.iter().any(|(_, a)| {
                    expected_len(&a.owner, &a.data).is_some_and(|len| len != a.data.len())
                })
        },
    },
    Deviation {
        kind: "too-few-accounts",
        reason: "MintTo / EnqueueWithdrawal / BurnWithdrawalTicket with too few accounts fail with NotEnoughAccountKeys; the original panics in split_at",
        matches: |d| {
            matches!(d.original, Outcome::Other(_))
                && d.project_is(ProgramError::NotEnoughAccountKeys)
        },
    },
    Deviation {
        kind: "duplicate-account-panic",
        reason: "one account passed in two roles: the original panics on the second borrow (`already mutably borrowed`, ProgramFailedToComplete); these programs fail with an error code and change nothing",
        matches: |d| {
            matches!(d.original, Outcome::Other(s) if s.contains("ProgramFailedToComplete"))
                && matches!(d.project, Outcome::Error(_))
                && d.has_duplicate_account()
        },
    },
];

#[test]
fn replay_the_original_corpus() {
    let dir = mollusk_tests::oracle::corpus_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no corpus at {} ({e})", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".bin.zst"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "empty corpus directory {}",
        dir.display()
    );

    let start = std::time::Instant::now();
    let mut mollusk = replay_mollusk();
    let mut total = 0usize;
    let mut identical = 0usize;
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_source: BTreeMap<String, usize> = BTreeMap::new();
    let mut unlisted: Vec<String> = Vec::new();
    let mut unlisted_count = 0usize;
    let mut bytes = 0u64;

    for file in &files {
        let compressed = std::fs::read(file).unwrap();
        bytes += compressed.len() as u64;
        let (blobs, cases) = read_corpus(&compressed);
        for case in &cases {
            total += 1;
            *by_source.entry(case.source.clone()).or_default() += 1;
            let inputs = case.accounts(&blobs);
            case.apply_clock(&mut mollusk);
            let result = mollusk.process_instruction(&case.instruction, &inputs);
            let project = Outcome::of(&result.program_result);

            // The original's state of every account after the instruction.
            let mut expected: Vec<(u64, Pubkey, &[u8])> = inputs
                .iter()
                .map(|(_, a)| (a.lamports, a.owner, a.data.as_slice()))
                .collect();
            for w in &case.written {
                expected[w.index as usize] =
                    (w.lamports, w.owner, blobs[w.data as usize].as_slice());
            }
            let mut differences = Vec::new();
            if project != case.outcome {
                differences.push(format!(
                    "result: original {}, project {}",
                    case.outcome.describe(),
                    project.describe()
                ));
            }
            if result.return_data != case.return_data {
                differences.push(format!(
                    "return data: original {:?}, project {:?}",
                    case.return_data, result.return_data
                ));
            }
            for ((key, after), (lamports, owner, data)) in
                result.resulting_accounts.iter().zip(&expected)
            {
                if after.lamports != *lamports || after.owner != *owner || after.data != *data {
                    differences.push(format!("account {key} differs"));
                }
            }
            if differences.is_empty() {
                identical += 1;
                continue;
            }
            let diff = Diff {
                case,
                inputs: &inputs,
                original: &case.outcome,
                project: &project,
            };
            match DEVIATIONS.iter().find(|d| (d.matches)(&diff)) {
                Some(d) => *by_kind.entry(d.kind).or_default() += 1,
                None => {
                    unlisted_count += 1;
                    if unlisted.len() < 60 {
                        let shapes: Vec<String> = inputs
                            .iter()
                            .map(|(k, a)| {
                                format!(
                                    "{}..:{}..:{}",
                                    &k.to_string()[..4],
                                    &a.owner.to_string()[..4],
                                    a.data.len()
                                )
                            })
                            .collect();
                        unlisted.push(format!(
                            "[{}] program {} data {:?}: {}\n    accounts {}",
                            case.source,
                            case.instruction.program_id,
                            case.instruction.data,
                            differences.join("; "),
                            shapes.join(" ")
                        ));
                    }
                }
            }
        }
    }

    println!(
        "ORACLE replay: {total} cases ({bytes} bytes in {} files), {identical} identical, {} listed deviations, {unlisted_count} unlisted, in {:.1}s",
        files.len(),
        by_kind.values().sum::<usize>(),
        start.elapsed().as_secs_f64()
    );
    for (source, n) in &by_source {
        println!("  source {source}: {n} cases");
    }
    for d in DEVIATIONS {
        println!(
            "  deviation {:<24} {:>6}  ({})",
            d.kind,
            by_kind.get(d.kind).copied().unwrap_or(0),
            d.reason
        );
    }
    let unused: Vec<_> = DEVIATIONS
        .iter()
        .filter(|d| !by_kind.contains_key(d.kind))
        .map(|d| d.kind)
        .collect();
    assert!(
        unlisted.is_empty(),
        "{unlisted_count} differences from the original not in the deviation table:\n{}",
        unlisted.join("\n")
    );
    assert!(
        unused.is_empty(),
        "deviation table entries no case uses: {unused:?}"
    );
}
