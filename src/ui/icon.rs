//! The window icon: the 256 px application icon, embedded in the binary.
//!
//! The PNG is rendered from `assets/icon/factdesk.svg` by `scripts/render-icons.sh`; the
//! same files are installed into the freedesktop icon theme by the packages, named after
//! [`crate::app_id::APP_ID`]. Use with
//! `egui::ViewportBuilder::default().with_app_id(APP_ID).with_icon(window_icon())`.

/// The embedded 256 × 256 PNG.
const ICON_PNG: &[u8] =
    include_bytes!("../../assets/icon/hicolor/256x256/apps/org.factdesk.Factdesk.png");

/// The application icon as RGBA pixels for `ViewportBuilder::with_icon`.
///
/// Never panics: if the embedded PNG cannot be decoded (it always can, see the test) the
/// result is `IconData::default()`, an empty icon, and the window manager shows its own.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_icon_decodes() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: some pixels are opaque, the corners are transparent.
        assert!(icon.rgba.chunks_exact(4).any(|p| p[3] == 255));
        assert_eq!(icon.rgba[3], 0);
    }
}
