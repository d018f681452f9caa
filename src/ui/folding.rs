//! Which side panels are shown, and how wide they may be. Narrow windows fold them so the
//! reading column keeps a readable width; the user's own choice holds until the window
//! changes size class, and the panels come back at their width when it grows (they were
//! hidden, not squeezed).

/// Below this width only one side panel is shown at a time.
const NARROW: f32 = 820.0;
/// Below this width the article list starts folded.
const MEDIUM: f32 = 1100.0;
/// The reading column never gets less than this share of a narrow window from a panel.
const NARROW_PANEL_SHARE: f32 = 0.45;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

#[derive(Debug, Default)]
pub struct Folding {
    /// Window width class last seen: 0 narrow, 1 medium, 2 wide.
    class: Option<u8>,
    /// The window is in review mode (last seen).
    review: bool,
    left: bool,
    right: bool,
}

impl Folding {
    /// Fit the panels to the window's width; entering review opens the panel (the two
    /// versions are shown there), folding the article list on a narrow window.
    pub fn fit(&mut self, width: f32, review: bool) {
        let class = if width < NARROW {
            0
        } else if width < MEDIUM {
            1
        } else {
            2
        };
        if self.class != Some(class) {
            self.class = Some(class);
            self.left = class == 2;
            self.right = class >= 1;
        }
        if review && !self.review {
            self.set(Side::Right, true);
        }
        self.review = review;
    }

    pub fn is_open(&self, side: Side) -> bool {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// Open or close one panel; on a narrow window opening one closes the other.
    pub fn set(&mut self, side: Side, open: bool) {
        let narrow = self.class == Some(0);
        match side {
            Side::Left => {
                self.left = open;
                if open && narrow {
                    self.right = false;
                }
            }
            Side::Right => {
                self.right = open;
                if open && narrow {
                    self.left = false;
                }
            }
        }
    }

    /// The widest a side panel may be in a window this wide (`max` on a wide one).
    pub fn max_width(width: f32, min: f32, max: f32) -> f32 {
        if width < NARROW {
            (width * NARROW_PANEL_SHARE).clamp(min, max)
        } else {
            max
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_window_shows_one_side_panel_at_a_time() {
        let mut f = Folding::default();
        f.fit(640.0, false);
        assert!(!f.is_open(Side::Left) && !f.is_open(Side::Right));
        f.set(Side::Left, true);
        f.set(Side::Right, true);
        assert!(f.is_open(Side::Right) && !f.is_open(Side::Left));
        f.set(Side::Left, true);
        assert!(f.is_open(Side::Left) && !f.is_open(Side::Right));
        // Wide: both may be open.
        f.fit(1400.0, false);
        f.set(Side::Right, true);
        assert!(f.is_open(Side::Left) && f.is_open(Side::Right));
    }

    #[test]
    fn entering_review_opens_the_panel_once() {
        let mut f = Folding::default();
        f.fit(800.0, false);
        f.set(Side::Left, true);
        f.fit(800.0, true);
        assert!(f.is_open(Side::Right) && !f.is_open(Side::Left));
        // The user may still close it while reviewing.
        f.set(Side::Right, false);
        f.fit(800.0, true);
        assert!(!f.is_open(Side::Right));
    }
}
