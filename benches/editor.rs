//! The note editor's per-key work on a 5,000-character note: one key's
//! edit, and the edit plus drawing the editor, as the event loop does for
//! every key press. See docs/performance.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rungs::tui::editor::{Edit, Editor};

/// A note of 5,000 characters: paragraphs and bullets, as meetings write.
fn note() -> String {
    let line = "- Led the model-card rollout with three teams, PR #412, reviewed monthly.";
    let mut s = String::new();
    while s.chars().count() < 5_000 {
        s.push_str(line);
        s.push('\n');
    }
    s.chars().take(5_000).collect()
}

fn bench(c: &mut Criterion) {
    let text = note();
    let mut editor = Editor::note(&text);
    // The cursor in the middle, where a typo gets fixed.
    for _ in 0..30 {
        editor.apply(Edit::Up);
    }
    c.bench_function("editor/type_and_delete_5000", |b| {
        b.iter(|| {
            editor.type_char(black_box('x'));
            editor.apply(black_box(Edit::DeleteBack));
        });
    });
    let area = Rect::new(0, 0, 46, 8);
    let mut buf = Buffer::empty(area);
    c.bench_function("editor/key_and_draw_5000", |b| {
        b.iter(|| {
            editor.type_char(black_box('x'));
            editor.render(area, &mut buf);
            editor.apply(Edit::DeleteBack);
        });
    });
    c.bench_function("editor/text_5000", |b| b.iter(|| black_box(editor.text())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
