//! Names and conventions shared by the exporters (`crate::export`) and the importers of
//! other tools' formats (`crate::import::foreign`), so that neither reaches into the other:
//! how kinds, fields and relations are named in foreign formats, and how brat type names
//! are made and read back.

pub mod brat;
pub mod names;
