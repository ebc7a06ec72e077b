//! The one instruction-argument reader of both programs: little-endian values
//! with the Borsh rules of the originals (exact length, `Option` flag 0/1,
//! `bool` 0/1), every failure `InvalidInstructionData`. `data` is what follows
//! the instruction's tag.

use pinocchio::{error::ProgramError, ProgramResult};

use crate::unlikely;

/// An instruction without arguments: the original's Borsh decoding refuses
/// trailing bytes.
#[inline(always)]
pub fn no_args(data: &[u8]) -> ProgramResult {
    if unlikely(!data.is_empty()) {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}

/// `data` is exactly one little-endian `u16`.
#[inline(always)]
pub fn u16_exact(data: &[u8]) -> Result<u16, ProgramError> {
    match data {
        [a, b] => Ok(u16::from_le_bytes([*a, *b])),
        _ => Err(ProgramError::InvalidInstructionData),
    }
}

/// `data` is exactly one little-endian `u64`.
#[inline(always)]
pub fn u64_exact(data: &[u8]) -> Result<u64, ProgramError> {
    let bytes: [u8; 8] = data
        .try_into()
        .map_err(|_| ProgramError::InvalidInstructionData)?;
    Ok(u64::from_le_bytes(bytes))
}

/// `data` is exactly one byte.
#[inline(always)]
pub fn u8_exact(data: &[u8]) -> Result<u8, ProgramError> {
    match data {
        [a] => Ok(*a),
        _ => Err(ProgramError::InvalidInstructionData),
    }
}

/// `data` is exactly one Borsh `bool` (0 or 1).
#[inline(always)]
pub fn bool_exact(data: &[u8]) -> Result<bool, ProgramError> {
    match data {
        [0] => Ok(false),
        [1] => Ok(true),
        _ => Err(ProgramError::InvalidInstructionData),
    }
}

/// Reads a Borsh `Option<u16>` at the front of `data`; returns it and the rest.
#[inline(always)]
pub fn option_u16(data: &[u8]) -> Result<(Option<u16>, &[u8]), ProgramError> {
    match data {
        [0, rest @ ..] => Ok((None, rest)),
        [1, a, b, rest @ ..] => Ok((Some(u16::from_le_bytes([*a, *b])), rest)),
        _ => Err(ProgramError::InvalidInstructionData),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: ProgramError = ProgramError::InvalidInstructionData;

    #[test]
    fn exact_lengths_only() {
        assert_eq!(no_args(&[]), Ok(()));
        assert_eq!(no_args(&[0]), Err(BAD));
        assert_eq!(u8_exact(&[7]), Ok(7));
        assert_eq!(u8_exact(&[7, 0]), Err(BAD));
        assert_eq!(u16_exact(&[1, 2]), Ok(0x0201));
        assert_eq!(u16_exact(&[1]), Err(BAD));
        assert_eq!(u64_exact(&5u64.to_le_bytes()), Ok(5));
        assert_eq!(u64_exact(&[0; 9]), Err(BAD));
        assert_eq!(bool_exact(&[1]), Ok(true));
        assert_eq!(bool_exact(&[2]), Err(BAD));
    }

    #[test]
    fn option_u16_flags() {
        assert_eq!(option_u16(&[0, 9]), Ok((None, &[9u8][..])));
        assert_eq!(option_u16(&[1, 1, 0]), Ok((Some(1), &[][..])));
        assert_eq!(option_u16(&[1, 1]), Err(BAD));
        assert_eq!(option_u16(&[2, 0, 0]), Err(BAD));
        assert_eq!(option_u16(&[]), Err(BAD));
    }
}
