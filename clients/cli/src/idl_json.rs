//! Accounts as JSON, decoded with the programs' IDLs (`idl/*.json`, the same files the clients
//! are generated from): every field by its IDL name, integers as numbers (u128 as strings),
//! addresses in base58; `reserved*` fields only when asked for.
use std::sync::OnceLock;

use anyhow::{anyhow, bail, Result};
use serde_json::{Map, Value};

const RESTAKING_IDL: &str = include_str!("../../../idl/jito_restaking.json");
const VAULT_IDL: &str = include_str!("../../../idl/jito_vault.json");

fn idls() -> &'static [Value; 2] {
    static IDLS: OnceLock<[Value; 2]> = OnceLock::new();
    IDLS.get_or_init(|| {
        [RESTAKING_IDL, VAULT_IDL].map(|text| serde_json::from_str(text).expect("IDL is JSON"))
    })
}

/// The IDL entry of an account or type called `name` (restaking first, then vault; a `vault.`
/// prefix looks in the vault IDL only, e.g. `vault.Config`).
fn lookup(section: &str, name: &str) -> Option<&'static Value> {
    let (skip, name) = match name.strip_prefix("vault.") {
        Some(rest) => (1, rest),
        None => (0, name),
    };
    idls().iter().skip(skip).find_map(|idl| {
        idl[section]
            .as_array()?
            .iter()
            .find(|entry| entry["name"] == name)
    })
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self.at + n;
        let bytes = self
            .data
            .get(self.at..end)
            .ok_or_else(|| anyhow!("account data ends at byte {}", self.data.len()))?;
        self.at = end;
        Ok(bytes)
    }

    fn uint(&mut self, n: usize) -> Result<u128> {
        let mut buf = [0u8; 16];
        buf[..n].copy_from_slice(self.take(n)?);
        Ok(u128::from_le_bytes(buf))
    }
}

fn decode(ty: &Value, r: &mut Reader, reserves: bool) -> Result<Value> {
    if let Some(name) = ty.as_str() {
        return Ok(match name {
            "u8" => r.uint(1)?.into_json_u64(),
            "u16" => r.uint(2)?.into_json_u64(),
            "u32" => r.uint(4)?.into_json_u64(),
            "u64" => r.uint(8)?.into_json_u64(),
            "u128" => Value::String(r.uint(16)?.to_string()),
            "bool" => Value::Bool(r.uint(1)? != 0),
            "publicKey" => Value::String(bs58::encode(r.take(32)?).into_string()),
            other => bail!("IDL type {other} is not supported"),
        });
    }
    if let Some([inner, len]) = ty["array"].as_array().map(Vec::as_slice) {
        let len = len
            .as_u64()
            .ok_or_else(|| anyhow!("bad IDL array length"))?;
        if inner == "u8" {
            // Byte arrays (reserved space, names) as one hex-free list is noisy: base58.
            return Ok(Value::String(
                bs58::encode(r.take(len as usize)?).into_string(),
            ));
        }
        return (0..len)
            .map(|_| decode(inner, r, reserves))
            .collect::<Result<Vec<_>>>()
            .map(Value::Array);
    }
    if let Some(name) = ty["defined"].as_str() {
        let def = lookup("types", name).ok_or_else(|| anyhow!("IDL type {name} not found"))?;
        return decode_def(&def["type"], r, reserves);
    }
    bail!("IDL type {ty} is not supported")
}

fn decode_def(def: &Value, r: &mut Reader, reserves: bool) -> Result<Value> {
    match def["kind"].as_str() {
        Some("struct") => {
            let mut object = Map::new();
            for field in def["fields"].as_array().into_iter().flatten() {
                let name = field["name"].as_str().unwrap_or_default();
                let value = decode(&field["type"], r, reserves)?;
                if reserves || !name.starts_with("reserved") {
                    object.insert(name.to_string(), value);
                }
            }
            Ok(Value::Object(object))
        }
        Some("enum") => {
            let index = r.uint(1)? as usize;
            let variant = def["variants"][index]["name"]
                .as_str()
                .ok_or_else(|| anyhow!("enum variant {index} not in the IDL"))?;
            Ok(Value::String(variant.to_string()))
        }
        _ => bail!("IDL definition {def} is not supported"),
    }
}

trait IntoJsonU64 {
    fn into_json_u64(self) -> Value;
}

impl IntoJsonU64 for u128 {
    fn into_json_u64(self) -> Value {
        Value::from(self as u64)
    }
}

/// The account `name` (IDL account name) decoded from its whole data (discriminator first).
pub fn decode_account(name: &str, data: &[u8], reserves: bool) -> Result<Value> {
    let account =
        lookup("accounts", name).ok_or_else(|| anyhow!("IDL account {name} not found"))?;
    let mut r = Reader { data, at: 8 };
    let mut value = decode_def(&account["type"], &mut r, reserves)?;
    if r.at != data.len() {
        bail!(
            "{name}: the IDL describes {} bytes, the account has {}",
            r.at,
            data.len()
        );
    }
    if let Value::Object(object) = &mut value {
        let discriminator = u64::from_le_bytes(data[..8].try_into()?);
        let mut with_header = Map::new();
        with_header.insert("discriminator".into(), discriminator.into());
        with_header.extend(std::mem::take(object));
        *object = with_header;
    }
    Ok(value)
}

/// `field: value` lines, nested objects indented.
pub fn print_fields(value: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    if let Value::Object(object) = value {
        for (key, v) in object {
            match v {
                Value::Object(_) => {
                    println!("{pad}{key}:");
                    print_fields(v, depth + 1);
                }
                Value::String(s) => println!("{pad}{key}: {s}"),
                other => println!("{pad}{key}: {other}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Account bytes with the discriminator and a byte pattern after it (bools kept 0/1).
    fn pattern(discriminator: u64, len: usize) -> Vec<u8> {
        let mut data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        data[..8].copy_from_slice(&discriminator.to_le_bytes());
        data
    }

    #[test]
    fn idl_decoding_agrees_with_the_generated_clients() {
        use jito_restaking_client::accounts as r;
        use jito_vault_client::accounts as v;
        let data = pattern(1, v::Config::LEN);
        let decoded = v::Config::from_bytes(&data).unwrap();
        let json = decode_account("vault.Config", &data, false).unwrap();
        assert_eq!(json["epochLength"], decoded.epoch_length);
        assert_eq!(json["programFeeBps"], decoded.program_fee_bps);
        assert_eq!(
            json["restakingProgram"],
            decoded.restaking_program.to_string()
        );
        assert_eq!(json["feeAdmin"], decoded.fee_admin.to_string());
        assert!(json.get("reserved").is_none());
        assert!(decode_account("vault.Config", &data, true).unwrap()["reserved"].is_string());

        let data = pattern(1, r::Config::LEN);
        let decoded = r::Config::from_bytes(&data).unwrap();
        let json = decode_account("Config", &data, false).unwrap();
        assert_eq!(json["epochLength"], decoded.epoch_length);
        assert_eq!(json["vaultProgram"], decoded.vault_program.to_string());

        let mut data = pattern(2, v::Vault::LEN);
        let decoded = {
            // is_paused is a bool: find it by decoding once and zeroing its byte.
            let mut probe = v::Vault::from_bytes_unchecked(&data);
            while probe.is_err() {
                let at = data.iter().rposition(|b| *b > 1).unwrap();
                data[at] = 0;
                probe = v::Vault::from_bytes_unchecked(&data);
            }
            probe.unwrap()
        };
        let json = decode_account("Vault", &data, false).unwrap();
        assert_eq!(json["vrtSupply"], decoded.vrt_supply);
        assert_eq!(
            json["lastStartStateUpdateSlot"],
            decoded.last_start_state_update_slot
        );
        assert_eq!(
            json["delegationState"]["coolingDownAmount"],
            decoded.delegation_state.cooling_down_amount
        );
        assert_eq!(json["isPaused"], decoded.is_paused);
        assert_eq!(json["bump"], decoded.bump);
        // A wrong size is refused.
        assert!(decode_account("Vault", &data[..100], false).is_err());
    }
}
