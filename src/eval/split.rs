//! The fixed rule that splits a labelled set into `dev` (tune on it) and
//! `test` (report it): by source, so that every message from one website or
//! repository lands on the same side.
//!
//! A message's *source key* is the host of its source URL without `www.`,
//! or `github.com/owner/repo` for GitHub; sets without sources use each
//! message's id. The key's 64-bit FNV-1a hash modulo 100 puts it in `dev`
//! below 60 and in `test` from 60 up: about 60% / 40%, and never changed by
//! adding messages.

use std::fmt;
use std::str::FromStr;

/// One side of the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Dev,
    Test,
}

/// Which messages an evaluation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SplitChoice {
    #[default]
    All,
    Dev,
    Test,
}

impl SplitChoice {
    /// Whether a message on `side` is read.
    #[must_use]
    pub fn keeps(self, side: Side) -> bool {
        match self {
            SplitChoice::All => true,
            SplitChoice::Dev => side == Side::Dev,
            SplitChoice::Test => side == Side::Test,
        }
    }

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SplitChoice::All => "all",
            SplitChoice::Dev => "dev",
            SplitChoice::Test => "test",
        }
    }
}

impl fmt::Display for SplitChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SplitChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Ok(SplitChoice::All),
            "dev" => Ok(SplitChoice::Dev),
            "test" => Ok(SplitChoice::Test),
            other => Err(format!("unknown split `{other}` (expected all, dev or test)")),
        }
    }
}

/// The side a source key falls on.
#[must_use]
pub fn side(key: &str) -> Side {
    if fnv1a(key.as_bytes()) % 100 < 60 { Side::Dev } else { Side::Test }
}

/// The source key of a `source` field: a URL's host, or
/// `github.com/owner/repo`; anything else as it is, trimmed and lowercased.
#[must_use]
pub fn source_key(source: &str) -> String {
    let source = source.trim();
    let rest = source.split_once("://").map_or(source, |(_, rest)| rest);
    let rest = rest.split([' ', '?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    if host == "github.com" {
        let owner = parts.next().unwrap_or_default().to_ascii_lowercase();
        let repo = parts.next().unwrap_or_default().to_ascii_lowercase();
        return format!("github.com/{owner}/{repo}");
    }
    host
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_group_a_site_and_a_repository() {
        assert_eq!(source_key("https://www.Example.com/a/b?x=1"), "example.com");
        assert_eq!(source_key("https://github.com/Owner/Repo (issues/12)"), "github.com/owner/repo");
        assert_eq!(source_key("https://github.com/owner/repo/blob/main/README.md"), "github.com/owner/repo");
        assert_eq!(source_key("my-id-7"), "my-id-7");
    }

    #[test]
    fn the_split_is_fixed_and_about_sixty_forty() {
        // Known values pin the rule: changing the hash would move messages.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let dev = (0..10_000).filter(|i| side(&format!("host{i}.example")) == Side::Dev).count();
        assert!((5_700..6_300).contains(&dev), "{dev}");
    }
}
