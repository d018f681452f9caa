//! Which colour each other annotator's layer gets: one of [`LAYER_COLORS`] slots, chosen
//! from the layer's name (so it does not change when your own layer or another layer
//! appears in the project), the next free slot when an earlier layer already has it.

use crate::model::{ADJUDICATED, Layer, LayerRole};

/// How many layer colours the window has (`ui::theme` holds the colours themselves).
pub const LAYER_COLORS: usize = 6;

/// FNV-1a: the same slot for the same name on every machine and run (the std hasher
/// promises neither).
fn name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The colour slot of `layer` among the project's other annotators' layers (yours and
/// the adjudicated layer are not coloured this way). Slots are given in project order,
/// each layer its name's slot unless an earlier layer took it.
pub fn layer_color_slot(layers: &[Layer], me: &str, layer: &str) -> usize {
    let mut taken = [false; LAYER_COLORS];
    let others = layers.iter().filter(|l| {
        l.annotator != me && l.annotator != ADJUDICATED && l.role != LayerRole::Adjudicated
    });
    for l in others {
        let mut slot = (name_hash(&l.annotator) % LAYER_COLORS as u64) as usize;
        for _ in 0..LAYER_COLORS {
            if !taken[slot] {
                break;
            }
            slot = (slot + 1) % LAYER_COLORS;
        }
        taken[slot] = true;
        if l.annotator == layer {
            return slot;
        }
    }
    (name_hash(layer) % LAYER_COLORS as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(names: &[&str]) -> Vec<Layer> {
        names
            .iter()
            .map(|n| Layer::new(*n, LayerRole::Annotator))
            .collect()
    }

    #[test]
    fn a_slot_depends_on_the_name_not_on_which_layers_are_there() {
        let two = project(&["sample", "zahra"]);
        let three = project(&["lena", "sample", "zahra"]);
        for name in ["sample", "zahra"] {
            assert_eq!(
                layer_color_slot(&two, "lena", name),
                layer_color_slot(&three, "lena", name)
            );
        }
        assert_ne!(
            layer_color_slot(&two, "lena", "sample"),
            layer_color_slot(&two, "lena", "zahra")
        );
    }

    #[test]
    fn layers_whose_names_collide_still_get_different_slots() {
        let names: Vec<String> = (0..LAYER_COLORS).map(|i| format!("annotator{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let p = project(&refs);
        let mut slots: Vec<usize> = refs.iter().map(|n| layer_color_slot(&p, "me", n)).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), LAYER_COLORS);
    }
}
