//! SQLite's and PostgreSQL's migrations kept in step: the same files, and once run, the same
//! tables, columns (type family and nullability) and indexes.

mod common;

use std::collections::BTreeSet;

use checkout_sandbox::store::Store;
use common::*;
use sqlx::Row;

#[test]
fn every_migration_has_its_postgresql_twin() {
    let names = |dir: &str| -> BTreeSet<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(dir);
        std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names("sqlite"), names("postgres"));
}

/// SQLite's declared type as the family PostgreSQL's twin must have.
fn family(sqlite_type: &str) -> &'static str {
    match sqlite_type {
        "INTEGER" => "bigint",
        "TEXT" => "text",
        "BLOB" => "bytea",
        "REAL" => "double precision",
        other => panic!("a SQLite column type the PostgreSQL migrations have no twin for: {other}"),
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL: the PostgreSQL layer of npm test runs it"]
async fn the_two_schemas_have_the_same_tables_columns_and_indexes() {
    assert!(on_postgres().is_some(), "CW_TEST_POSTGRES names no server");
    let dir = data_dir();
    let sqlite = Store::connect(&format!("sqlite://{}/schema.db", dir.path().display()))
        .await
        .unwrap();
    let postgres = Store::connect(&postgres_url(dir.path()).unwrap())
        .await
        .unwrap();
    let (sqlite, postgres) = (pool(&sqlite), pool(&postgres));

    let columns = |rows: Vec<sqlx::any::AnyRow>, map: fn(&str) -> String| -> BTreeSet<String> {
        rows.iter()
            .map(|r| {
                let (t, c, ty, null): (String, String, String, bool) =
                    (r.get(0), r.get(1), r.get(2), r.get::<i64, _>(3) != 0);
                format!(
                    "{t}.{c} {} {}",
                    map(&ty),
                    if null { "NULL" } else { "NOT NULL" }
                )
            })
            .collect()
    };
    let in_sqlite = columns(
        sqlx::query(
            "SELECT m.name, p.name, p.type, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 0 ELSE 1 END
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
        )
        .fetch_all(sqlite)
        .await
        .unwrap(),
        |t| family(t).to_owned(),
    );
    let in_postgres = columns(
        sqlx::query(
            "SELECT table_name::text, column_name::text, data_type::text,
                    CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
        )
        .fetch_all(postgres)
        .await
        .unwrap(),
        str::to_owned,
    );
    assert_eq!(in_sqlite, in_postgres, "columns differ");

    let names = |rows: Vec<sqlx::any::AnyRow>| -> BTreeSet<String> {
        rows.iter().map(|r| r.get::<String, _>(0)).collect()
    };
    // Named indexes (the ones the migrations create; not those behind keys and constraints).
    let sqlite_indexes = names(
        sqlx::query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .fetch_all(sqlite)
            .await
            .unwrap(),
    );
    let postgres_indexes = names(
        sqlx::query(
            "SELECT i.relname::text FROM pg_index x
             JOIN pg_class i ON i.oid = x.indexrelid
             JOIN pg_class t ON t.oid = x.indrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'public'
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        )
        .fetch_all(postgres)
        .await
        .unwrap(),
    );
    assert_eq!(sqlite_indexes, postgres_indexes, "indexes differ");
    assert!(sqlite_indexes.contains("payments_one_success"));

    // What every index (named or behind a UNIQUE constraint) enforces: its table, columns in
    // order, uniqueness and whether it is partial. Primary keys aside (SQLite's integer ones
    // have no index).
    let signatures = |rows: Vec<sqlx::any::AnyRow>| -> BTreeSet<String> {
        rows.iter()
            .map(|r| {
                let (table, columns, unique, partial): (String, String, i64, i64) =
                    (r.get(0), r.get(1), r.get(2), r.get(3));
                format!("{table}({columns}) unique={unique} partial={partial}")
            })
            .collect()
    };
    let in_sqlite = signatures(
        sqlx::query(
            "SELECT m.name, (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)),
                    il.\"unique\", il.partial
             FROM sqlite_master m JOIN pragma_index_list(m.name) il
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'
               AND il.origin <> 'pk'",
        )
        .fetch_all(sqlite)
        .await
        .unwrap(),
    );
    let in_postgres = signatures(
        sqlx::query(
            "SELECT t.relname::text,
                    (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                     FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum),
                    CASE WHEN x.indisunique THEN 1 ELSE 0 END,
                    CASE WHEN x.indpred IS NULL THEN 0 ELSE 1 END
             FROM pg_index x
             JOIN pg_class t ON t.oid = x.indrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'public' AND NOT x.indisprimary AND t.relname <> '_sqlx_migrations'",
        )
        .fetch_all(postgres)
        .await
        .unwrap(),
    );
    assert_eq!(in_sqlite, in_postgres, "what the indexes enforce differs");
    assert!(
        in_sqlite.contains("payments(session_id) unique=1 partial=1"),
        "{in_sqlite:?}"
    );
    assert!(in_sqlite.contains("payments(account_id,idempotency_key) unique=1 partial=0"));
}

fn pool(store: &Store) -> &sqlx::AnyPool {
    store.pool()
}
