//! Bundled fonts: a serif reading font, plus fallbacks for Arabic, Hebrew and CJK, so all
//! machines (and the snapshot tests) render article text the same way.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The family used for article text.
pub fn reading() -> FontFamily {
    FontFamily::Name("reading".into())
}

/// The bundled Arabic-script font (Arabic, Persian, Urdu).
pub(super) const ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
/// The bundled Hebrew font.
pub(super) const HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");

/// A family with only the Arabic face: a right-to-left run laid out in it is shaped as one
/// piece (egui shapes each same-face run on its own, in storage order).
pub(super) fn arabic_only() -> FontFamily {
    FontFamily::Name("only-arabic".into())
}

/// A family with only the Hebrew face (see [`arabic_only`]).
pub(super) fn hebrew_only() -> FontFamily {
    FontFamily::Name("only-hebrew".into())
}

pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let add = |fonts: &mut FontDefinitions, name: &str, bytes: &'static [u8]| {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    };
    add(
        &mut fonts,
        "NotoSerif",
        include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf"),
    );
    add(
        &mut fonts,
        "NotoSans",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    );
    add(&mut fonts, "NotoSansArabic", ARABIC);
    add(&mut fonts, "NotoSansHebrew", HEBREW);
    add(
        &mut fonts,
        "DroidSansFallback",
        include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
    );
    // Noto Sans covers the Latin, Greek and Cyrillic letters egui's UI font lacks (ẞ, ơ …).
    let fallbacks = [
        "NotoSans",
        "NotoSansArabic",
        "NotoSansHebrew",
        "DroidSansFallback",
    ]
    .map(String::from);

    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.extend(fallbacks.iter().cloned());
    let mut reading = vec!["NotoSerif".to_owned()];
    reading.extend(fallbacks.iter().cloned());
    // egui's emoji fonts come after, from the proportional list.
    reading.extend(
        fonts.families[&FontFamily::Proportional]
            .iter()
            .filter(|f| !fallbacks.contains(f))
            .cloned(),
    );
    fonts.families.insert(reading_family_key(), reading);
    fonts
        .families
        .insert(arabic_only(), vec!["NotoSansArabic".to_owned()]);
    fonts
        .families
        .insert(hebrew_only(), vec!["NotoSansHebrew".to_owned()]);
    ctx.set_fonts(fonts);
}

fn reading_family_key() -> FontFamily {
    reading()
}
