//! v14: what the payment habits are made of, kept by month. Risk scores, the worklist,
//! the analytics and the Dashboard read a year of settled items per customer; on a book
//! of a million invoices that was eight hundred thousand items and a third of a second
//! for every `owed overview`. The sums below are the same figures added up as each item
//! settles, so a read takes the year's whole months from here and only a few edge days
//! from the items themselves (`store/habits.rs`).

/// `settled_by_month`: per customer and month of `settled_on` ('YYYY-MM'), the items
/// settled then, in minor units: their count, amounts, amounts × days from invoice to
/// settlement, amounts × days late (0 when on time) and amounts settled on or before
/// their due date. Every item counts, whatever its document: the readers take out the
/// few the habits leave out (refunds, voided documents). Kept in the transaction that
/// settles an item or opens it again (`store/habits/kept.rs`: the only two writers of
/// `settled_on`), filled here from the items already settled; `owed check` compares it
/// with the items.
///
/// No foreign key to `customers`: a derived table checked as a whole, and a lookup per
/// settled item would cost the bank import's commit. SQLite turns an integer sum past 64
/// bits into a float; readers meeting one go back to the items (a test holds this).
pub const V14: &str = r#"
    CREATE TABLE settled_by_month (
        month       TEXT NOT NULL,
        customer_id INTEGER NOT NULL,
        items       INTEGER NOT NULL,
        amount      INTEGER NOT NULL,
        to_pay      INTEGER NOT NULL,
        late        INTEGER NOT NULL,
        on_time     INTEGER NOT NULL,
        PRIMARY KEY (month, customer_id)
    ) WITHOUT ROWID;

    -- Item by item, as the writers add them (a sum past 64 bits becomes a float here
    -- too, where SUM() would stop the upgrade).
    INSERT INTO settled_by_month (month, customer_id, items, amount, to_pay, late, on_time)
        SELECT substr(settled_on, 1, 7), customer_id, 1, amount,
               amount * ((unixepoch(settled_on) - unixepoch(doc_date)) / 86400),
               CASE WHEN settled_on > due_date
                    THEN amount * ((unixepoch(settled_on) - unixepoch(due_date)) / 86400)
                    ELSE 0 END,
               CASE WHEN settled_on <= due_date THEN amount ELSE 0 END
        FROM items WHERE settled_on IS NOT NULL
        ON CONFLICT DO UPDATE SET items = items + 1, amount = amount + excluded.amount,
            to_pay = to_pay + excluded.to_pay, late = late + excluded.late,
            on_time = on_time + excluded.on_time;
"#;
