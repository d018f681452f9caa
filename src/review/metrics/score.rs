//! A statistic that may be undefined, with the reason: never NaN, never a made-up 1.0.

use std::fmt;

/// Why a statistic has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum NotAvailable {
    #[error("no items to compare")]
    NoItems,
    #[error("only one category was used, so chance agreement is 1")]
    SingleCategory,
    #[error("no unit has two values to pair")]
    NoPairableValues,
    #[error("neither layer has annotations")]
    NoAnnotations,
}

/// The value of a statistic, or why it has none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Score {
    Value(f64),
    NotAvailable(NotAvailable),
}

impl Score {
    pub fn value(self) -> Option<f64> {
        match self {
            Self::Value(v) => Some(v),
            Self::NotAvailable(_) => None,
        }
    }

    pub fn reason(self) -> Option<NotAvailable> {
        match self {
            Self::Value(_) => None,
            Self::NotAvailable(r) => Some(r),
        }
    }
}

impl From<NotAvailable> for Score {
    fn from(r: NotAvailable) -> Self {
        Self::NotAvailable(r)
    }
}

impl fmt::Display for Score {
    /// Three decimals, or `n/a (reason)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value(v) => write!(f, "{v:.3}"),
            Self::NotAvailable(r) => write!(f, "n/a ({r})"),
        }
    }
}
