//! SQLite conversions for the typed ids, so they go straight into `params!` and out of rows.

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlResult, ToSqlOutput, ValueRef};

use crate::domain::ids::{CustomerId, DocumentId};

macro_rules! sql_id {
    ($id:ty) => {
        impl ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }
        impl FromSql for $id {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map(Self)
            }
        }
    };
}

sql_id!(CustomerId);
sql_id!(DocumentId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let back: (CustomerId, DocumentId) = conn
            .query_row("SELECT ?1, ?2", (CustomerId(7), DocumentId(9)), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(back, (CustomerId(7), DocumentId(9)));
    }
}
