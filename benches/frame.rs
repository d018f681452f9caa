//! GUI frame time on a 1 MB article with 10,000 annotations while scrolling (target:
//! < 8 ms of CPU per frame), and the first frame of such an article when it is opened
//! (target: < 30 ms). The real `App` runs in a headless `egui::Context`; each iteration
//! is one frame (input, layout, painting, tessellation). Run: `cargo bench --bench frame`.
//!
//! Two articles: the mixed-script one (mostly English, a few Arabic words: most paragraphs
//! go through the bidi layout) and a right-to-left one (Persian/Arabic with Latin names and
//! numbers, language `fa`: every paragraph right-aligned and reordered).

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, MouseWheelUnit, RawInput, Rect, pos2, vec2};
use factdesk::ui::dialogs::ScriptedDialogs;
use factdesk::ui::{App, StartOptions};
use factdesk::{store, synthetic};

struct Headless {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    time: f64,
}

impl Headless {
    fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1400.0, 900.0))),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let out = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prims);
    }
}

fn bench(c: &mut Criterion) {
    first_frame(c);
    scrolling(
        c,
        "frame_scrolling_1MB_article_10k_annotations",
        synthetic::project(11, 1, 1_000_000, 10_000),
    );
    scrolling(
        c,
        "frame_scrolling_1MB_rtl_article_10k_annotations",
        synthetic::rtl_project(11, 1, 1_000_000, 10_000),
    );
}

fn scrolling(c: &mut Criterion, name: &str, project: factdesk::model::Project) {
    let text_bytes = project.articles[0].text.len();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    store::save(&path, &project).unwrap();
    eprintln!(
        "article: {:.2} MB, {} code points, {} annotations",
        text_bytes as f64 / 1e6,
        factdesk::model::text::char_len(&project.articles[0].text),
        project.annotation_count()
    );

    let mut h = Headless::open(path, dir.path());
    let over_reader = pos2(700.0, 450.0);
    let t0 = std::time::Instant::now();
    h.frame(vec![Event::PointerMoved(over_reader)]);
    h.frame(vec![]);
    eprintln!("first frames: {:.0} ms", t0.elapsed().as_secs_f64() * 1e3);
    h.settle();

    // Check that the wheel events really scroll the reader before timing them.
    let top = h.app.char_rect(0).map(|r| r.top());
    for _ in 0..5 {
        h.frame(vec![
            Event::PointerMoved(over_reader),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, -120.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ]);
    }
    let scrolled = h.app.char_rect(0).map(|r| r.top());
    assert!(
        scrolled < top,
        "the reader did not scroll: {top:?} → {scrolled:?}"
    );

    let layouts = h.app.reader_layouts();
    let mut down = true;
    let mut n = 0u32;
    c.bench_function(name, |b| {
        b.iter(|| {
            n += 1;
            if n.is_multiple_of(400) {
                down = !down;
            }
            let dy = if down { -120.0 } else { 120.0 };
            h.frame(vec![
                Event::PointerMoved(over_reader),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: vec2(0.0, dy),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: Modifiers::NONE,
                },
            ]);
        })
    });
    assert_eq!(
        h.app.reader_layouts(),
        layouts,
        "scrolling must not lay the article out again"
    );
}

/// The first frame after switching between two 1 MB articles (N / P): all the reader
/// does to show an article it has not shown yet.
fn first_frame(c: &mut Criterion) {
    let project = synthetic::project(7, 2, 1_000_000, 20_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.ron");
    store::save(&path, &project).unwrap();
    let mut h = Headless::open(path, dir.path());
    h.frame(vec![]);
    h.frame(vec![]);
    h.settle();
    let key = |k: egui::Key| Event::Key {
        key: k,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    let mut forward = true;
    let before = h.app.reader_layouts();
    c.bench_function("first_frame_of_a_1MB_article_10k_annotations", |b| {
        b.iter(|| {
            let k = if forward { egui::Key::N } else { egui::Key::P };
            forward = !forward;
            h.frame(vec![key(k)]);
        })
    });
    assert!(
        h.app.reader_layouts() > before + 2,
        "each switch lays the new article out"
    );
}

impl Headless {
    fn open(path: std::path::PathBuf, data: &std::path::Path) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let options = StartOptions {
            project: Some(path),
            dialogs: Box::new(ScriptedDialogs::default()),
            annotator: Some("alice".into()),
            data_dir: Some(data.to_owned()),
            autosave_seconds: 1e9,
        };
        let app = App::new(&cc, options);
        Headless {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        }
    }

    /// Run frames until the background suggestions are in, so they do not compete with
    /// what is measured (or change the marks half-way).
    fn settle(&mut self) {
        for _ in 0..3000 {
            if self.app.workbench().assist_progress().is_none()
                && self.app.workbench().suggestions().is_some()
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            self.frame(vec![]);
        }
        self.frame(vec![]);
        self.frame(vec![]);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
