//! The application id, `org.factdesk.Factdesk` (reverse-DNS).
//!
//! The desktop integration files all use this exact string, so change them together:
//! - the window's app id (Wayland `app_id`, X11 `WM_CLASS`), set in the GUI with
//!   `egui::ViewportBuilder::with_app_id(APP_ID)`; desktops match it against
//!   `StartupWMClass` and the `.desktop` file name to show the right icon and name;
//! - `packaging/linux/org.factdesk.Factdesk.desktop` (file name, `Icon=`, `StartupWMClass=`),
//! - `packaging/linux/org.factdesk.Factdesk.metainfo.xml` (`<id>`, `<launchable>`),
//! - `packaging/linux/org.factdesk.Factdesk.xml` (shared-mime-info definition),
//! - the icon files `assets/icon/hicolor/*/apps/org.factdesk.Factdesk.{png,svg}`,
//! - the Flatpak manifest `packaging/flatpak/org.factdesk.Factdesk.yml` and the
//!   `identifier` of `[package.metadata.packager]` in `Cargo.toml`.

/// Reverse-DNS application id shared by the window, the `.desktop` file, the icons, the
/// AppStream metadata and the Flatpak/macOS/Windows packages.
pub const APP_ID: &str = "org.factdesk.Factdesk";

#[cfg(test)]
mod tests {
    use super::APP_ID;

    /// The packaging files are named after the id; a rename must move them too.
    #[test]
    fn packaging_files_match_app_id() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for path in [
            format!("packaging/linux/{APP_ID}.desktop"),
            format!("packaging/linux/{APP_ID}.metainfo.xml"),
            format!("packaging/linux/{APP_ID}.xml"),
            format!("packaging/flatpak/{APP_ID}.yml"),
            format!("assets/icon/hicolor/256x256/apps/{APP_ID}.png"),
        ] {
            assert!(root.join(&path).is_file(), "missing {path}");
        }
        let desktop =
            std::fs::read_to_string(root.join(format!("packaging/linux/{APP_ID}.desktop")))
                .unwrap();
        assert!(desktop.contains(&format!("\nIcon={APP_ID}\n")));
        assert!(desktop.contains(&format!("\nStartupWMClass={APP_ID}\n")));
        let metainfo =
            std::fs::read_to_string(root.join(format!("packaging/linux/{APP_ID}.metainfo.xml")))
                .unwrap();
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
    }
}
