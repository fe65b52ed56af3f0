//! The whole per-keystroke step of the card number field: detect + format + validate.
//! Budget: under 1 µs native (the frame's budget in wasm is 50 µs).

use checkout_card::{format_number, number::validate_digits, Edit};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn keystroke(c: &mut Criterion) {
    c.bench_function("keystroke: 16th digit of a Visa", |b| {
        b.iter(|| {
            let f = format_number(
                black_box("4111 1111 1111 111"),
                black_box("4111 1111 1111 1111"),
                black_box(19),
                Edit::Insert,
            );
            black_box(validate_digits(&f.digits))
        })
    });
    c.bench_function("keystroke: paste of a formatted Amex", |b| {
        b.iter(|| {
            let f = format_number("", black_box("3782-822463-10005"), 17, Edit::Insert);
            black_box(validate_digits(&f.digits))
        })
    });
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
