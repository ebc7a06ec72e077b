//! The IDLs extracted from the interface crates against the original programs' IDLs
//! (facts in `scripts/codegen/reference-facts.json`, made by `reference-facts.mjs`):
//! instruction names, tags, argument types, account order and flags; account types' fields,
//! offsets and sizes; the types they use; error codes and names (every error has a message sentence).
//!
//! Instructions appended after the original's (a tag above its highest, a name it does not
//! use; see docs/COMPATIBILITY.md) are accepted; every original instruction must still be
//! present unchanged.
//!
//! Each test lists every difference it finds before failing. `idl-deviations.json` lists the
//! account flags that may deliberately differ (original annotation bugs); either value passes.

use std::collections::BTreeMap;

use jito_shank_idl::{build_idl, repo_root, PROGRAMS};
use serde_json::{json, Value};

fn load(path: &str) -> Value {
    let path = repo_root().unwrap().join(path);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn reference() -> Value {
    load("scripts/codegen/reference-facts.json")
}

fn ours(name: &str) -> Value {
    let (_, dir) = PROGRAMS.iter().find(|(n, _)| *n == name).unwrap();
    serde_json::to_value(build_idl(&repo_root().unwrap(), name, dir).unwrap()).unwrap()
}

/// Canonical type string, as in reference-facts.mjs.
fn type_string(t: &Value) -> String {
    if let Some(s) = t.as_str() {
        return s.to_string();
    }
    if let Some(d) = t.get("defined") {
        return d.as_str().unwrap().to_string();
    }
    if let Some(a) = t.get("array") {
        return format!("[{}; {}]", type_string(&a[0]), a[1]);
    }
    if let Some(o) = t.get("option") {
        return format!("Option<{}>", type_string(o));
    }
    if let Some(v) = t.get("vec") {
        return format!("Vec<{}>", type_string(v));
    }
    panic!("unsupported type {t}");
}

struct Facts<'a> {
    defs: BTreeMap<&'a str, &'a Value>,
}

impl<'a> Facts<'a> {
    fn size_of(&self, t: &Value) -> Option<u64> {
        if let Some(s) = t.as_str() {
            return match s {
                "bool" | "u8" | "i8" => Some(1),
                "u16" | "i16" => Some(2),
                "u32" | "i32" => Some(4),
                "u64" | "i64" => Some(8),
                "u128" | "i128" => Some(16),
                "publicKey" => Some(32),
                _ => None,
            };
        }
        if let Some(d) = t.get("defined") {
            let def = self.defs.get(d.as_str().unwrap())?;
            let ty = &def["type"];
            if ty["kind"] == "enum" {
                let fieldless = ty["variants"]
                    .as_array()?
                    .iter()
                    .all(|v| v.get("fields").is_none());
                return fieldless.then_some(1);
            }
            return ty["fields"]
                .as_array()?
                .iter()
                .map(|f| self.size_of(&f["type"]))
                .sum();
        }
        if let Some(a) = t.get("array") {
            return Some(self.size_of(&a[0])? * a[1].as_u64()?);
        }
        None
    }

    fn fields(&self, list: &Value) -> Vec<Value> {
        let mut offset = Some(0u64);
        let empty = vec![];
        list.as_array()
            .unwrap_or(&empty)
            .iter()
            .map(|f| {
                let size = self.size_of(&f["type"]);
                let out = json!({ "name": f["name"], "type": type_string(&f["type"]), "offset": offset, "size": size });
                offset = offset.zip(size).map(|(o, s)| o + s);
                out
            })
            .collect()
    }
}

/// Every difference between our IDL and the reference facts of one program.
fn differences(name: &str) -> Vec<String> {
    let reference = reference();
    let want = &reference[name];
    let deviations = load("scripts/codegen/idl-deviations.json");
    let idl = ours(name);
    let empty = vec![];
    let arr = |v: &'_ Value| v.as_array().cloned().unwrap_or_default();
    let facts = Facts {
        defs: idl["types"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .map(|t| (t["name"].as_str().unwrap(), t))
            .collect(),
    };
    let mut diffs = Vec::new();

    if idl["metadata"]["address"] != want["address"] {
        diffs.push(format!(
            "program address {} != {}",
            idl["metadata"]["address"], want["address"]
        ));
    }

    // Instructions, matched by tag.
    let our_ixs: BTreeMap<u64, &Value> = idl["instructions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|ix| (ix["discriminant"]["value"].as_u64().unwrap(), ix))
        .collect();
    for w in arr(&want["instructions"]) {
        let tag = w["tag"].as_u64().unwrap();
        let wname = w["name"].as_str().unwrap();
        let Some(ix) = our_ixs.get(&tag) else {
            diffs.push(format!("instruction {tag} {wname}: missing"));
            continue;
        };
        if ix["name"] != w["name"] {
            diffs.push(format!("instruction {tag}: name {} != {wname}", ix["name"]));
        }
        let args: Vec<Value> = arr(&ix["args"])
            .iter()
            .map(|a| json!({ "name": a["name"], "type": type_string(&a["type"]) }))
            .collect();
        if args != arr(&w["args"]) {
            diffs.push(format!(
                "instruction {tag} {wname}: args {} != {}",
                Value::from(args),
                w["args"]
            ));
        }
        let accounts: Vec<Value> = arr(&ix["accounts"])
            .iter()
            .map(|a| {
                json!({
                    "name": a["name"],
                    "writable": a["isMut"],
                    "signer": a["isSigner"],
                    "optional": a.get("isOptional").cloned().unwrap_or(Value::Bool(false)),
                })
            })
            .collect();
        let mut want_accounts = arr(&w["accounts"]);
        // Accepted deviations: where ours has the listed value, expect it instead of the original.
        for dev in arr(&deviations[name])
            .iter()
            .filter(|d| d["instruction"] == w["name"])
        {
            let field = dev["field"].as_str().unwrap();
            let ours = accounts.iter().find(|a| a["name"] == dev["account"]);
            let theirs = want_accounts
                .iter_mut()
                .find(|a| a["name"] == dev["account"]);
            match (ours, theirs) {
                (Some(ours), Some(theirs)) if ours[field] == dev["value"] => {
                    eprintln!("{name}: instruction {tag} {wname}: accepted deviation {dev}");
                    theirs[field] = dev["value"].clone();
                }
                (_, None) => {
                    diffs.push(format!("deviation {dev}: no such account in the original"))
                }
                _ => {}
            }
        }
        for i in 0..accounts.len().max(want_accounts.len()) {
            match (accounts.get(i), want_accounts.get(i)) {
                (Some(a), Some(b)) if a != b => {
                    diffs.push(format!("instruction {tag} {wname}: account {i} {a} != {b}"))
                }
                (Some(a), None) => {
                    diffs.push(format!("instruction {tag} {wname}: extra account {i} {a}"))
                }
                (None, Some(b)) => diffs.push(format!(
                    "instruction {tag} {wname}: missing account {i} {b}"
                )),
                _ => {}
            }
        }
    }
    // Additions are appended: a tag above every original tag, a name the original does not
    // use. Anything else not in the original (a gap filled, a renumbering) is a difference.
    let last_original_tag = arr(&want["instructions"])
        .iter()
        .filter_map(|w| w["tag"].as_u64())
        .max()
        .unwrap_or(0);
    for (tag, ix) in &our_ixs {
        if arr(&want["instructions"]).iter().any(|w| w["tag"] == *tag) {
            continue;
        }
        let name_taken = arr(&want["instructions"])
            .iter()
            .any(|w| w["name"] == ix["name"]);
        if *tag > last_original_tag && !name_taken {
            eprintln!(
                "{name}: instruction {tag} {}: appended addition",
                ix["name"]
            );
        } else {
            diffs.push(format!(
                "instruction {tag} {}: not in the original",
                ix["name"]
            ));
        }
    }

    // Account types, matched by name.
    let our_accounts = arr(&idl["accounts"]);
    for w in arr(&want["accounts"]) {
        let wname = w["name"].as_str().unwrap();
        let Some(acc) = our_accounts.iter().find(|a| a["name"] == w["name"]) else {
            diffs.push(format!("account {wname}: missing"));
            continue;
        };
        let fields = facts.fields(&acc["type"]["fields"]);
        let size = fields
            .last()
            .and_then(|f| Some(8 + f["offset"].as_u64()? + f["size"].as_u64()?));
        if size != w["size"].as_u64() {
            diffs.push(format!("account {wname}: size {size:?} != {}", w["size"]));
        }
        let want_fields = arr(&w["fields"]);
        for i in 0..fields.len().max(want_fields.len()) {
            match (fields.get(i), want_fields.get(i)) {
                (Some(a), Some(b)) if a != b => {
                    diffs.push(format!("account {wname}: field {i} {a} != {b}"))
                }
                (Some(a), None) => diffs.push(format!("account {wname}: extra field {a}")),
                (None, Some(b)) => diffs.push(format!("account {wname}: missing field {b}")),
                _ => {}
            }
        }
    }
    for acc in &our_accounts {
        if !arr(&want["accounts"])
            .iter()
            .any(|w| w["name"] == acc["name"])
        {
            diffs.push(format!("account {}: not in the original", acc["name"]));
        }
    }

    // Types used by instructions and accounts, matched by name.
    for w in arr(&want["types"]) {
        let wname = w["name"].as_str().unwrap();
        let Some(def) = facts.defs.get(wname) else {
            diffs.push(format!("type {wname}: missing"));
            continue;
        };
        let ty = &def["type"];
        let got = if ty["kind"] == "enum" {
            let variants: Vec<Value> = arr(&ty["variants"])
                .iter()
                .map(|v| v["name"].clone())
                .collect();
            json!({ "name": wname, "kind": "enum", "variants": variants })
        } else {
            json!({ "name": wname, "kind": "struct", "fields": facts.fields(&ty["fields"]) })
        };
        if got != w {
            diffs.push(format!("type {wname}: {got} != {w}"));
        }
    }

    // Errors, matched by code.
    let our_errors = arr(&idl["errors"]);
    for w in arr(&want["errors"]) {
        let code = w["code"].as_u64().unwrap();
        match our_errors.iter().find(|e| e["code"] == w["code"]) {
            None => diffs.push(format!("error {code} {}: missing", w["name"])),
            Some(e) => {
                // Messages are sentences written here (the original's repeat the name): only
                // the name is compared, and every error must have a message.
                if e["name"] != w["name"] {
                    diffs.push(format!("error {code}: {} != {}", e["name"], w["name"]));
                }
                if e["msg"]
                    .as_str()
                    .is_none_or(|m| m.is_empty() || m == e["name"])
                {
                    diffs.push(format!("error {code} {}: no message sentence", e["name"]));
                }
            }
        }
    }
    for e in &our_errors {
        if !arr(&want["errors"]).iter().any(|w| w["code"] == e["code"]) {
            diffs.push(format!(
                "error {} {}: not in the original",
                e["code"], e["name"]
            ));
        }
    }
    diffs
}

fn check(name: &str) {
    let diffs = differences(name);
    for d in &diffs {
        eprintln!("{name}: {d}");
    }
    assert!(
        diffs.is_empty(),
        "{name}: {} difference(s) from the original IDL, listed above",
        diffs.len()
    );
}

#[test]
fn restaking_idl_matches_original() {
    check("jito_restaking");
}

#[test]
fn vault_idl_matches_original() {
    check("jito_vault");
}

/// The legacy vault IDL: the master IDL's instructions under the legacy tags, written out here
/// from the deployed 32-instruction enum (not from the interface's mapping function).
#[test]
fn vault_legacy_idl_numbering() {
    let master = ours("jito_vault");
    let legacy = serde_json::to_value(jito_shank_idl::vault_legacy_idl(
        &serde_json::from_value(master.clone()).unwrap(),
    ))
    .unwrap();
    let names = |idl: &Value| -> Vec<(u64, String)> {
        idl["instructions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|ix| {
                (
                    ix["discriminant"]["value"].as_u64().unwrap(),
                    ix["name"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let moved = [
        (21, "SetAdmin"),
        (22, "SetSecondaryAdmin"),
        (23, "AddDelegation"),
        (24, "CooldownDelegation"),
        (25, "UpdateVaultBalance"),
        (26, "InitializeVaultUpdateStateTracker"),
        (27, "CrankVaultUpdateStateTracker"),
        (28, "CloseVaultUpdateStateTracker"),
        (29, "CreateTokenMetadata"),
        (30, "UpdateTokenMetadata"),
        (31, "SetConfigAdmin"),
        (32, "RevokeDelegateTokenAccount"),
        (33, "SetConfigSecondaryAdmin"),
    ];
    let mut want: Vec<(u64, String)> = names(&master)
        .into_iter()
        .filter(|(tag, _)| *tag <= 20 || *tag >= 34)
        .chain(moved.iter().map(|(t, n)| (*t, n.to_string())))
        .collect();
    want.sort();
    assert_eq!(names(&legacy), want);
    // Everything but the tags is the master IDL's.
    let strip = |idl: &Value| -> Value {
        let mut idl = idl.clone();
        let mut ixs: Vec<Value> = idl["instructions"].as_array().unwrap().clone();
        for ix in &mut ixs {
            ix.as_object_mut().unwrap().remove("discriminant");
        }
        ixs.sort_by_key(|ix| ix["name"].as_str().unwrap().to_string());
        idl["instructions"] = Value::from(ixs);
        idl
    };
    assert_eq!(strip(&legacy), strip(&master));
    // The committed file is this IDL, with the instruction docs shank-idl adds.
    let (_, dir) = PROGRAMS.iter().find(|(n, _)| *n == "jito_vault").unwrap();
    let docs = jito_shank_idl::instruction_docs(&repo_root().unwrap(), dir).unwrap();
    let json = jito_shank_idl::json_with_docs(
        &serde_json::from_value(legacy).unwrap(),
        &docs,
        "jito_vault_legacy",
        dir,
    )
    .unwrap();
    assert_eq!(
        load("idl/jito_vault_legacy.json"),
        serde_json::from_str::<Value>(&json).unwrap()
    );
}
