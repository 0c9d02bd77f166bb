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
/// few the habits leave out (refunds, voided documents), which keeps the triggers to
/// the item's own row. Maintained only by the triggers on `items` — the one place
/// `settled_on` changes — so every write path (posting, voids, imports)
/// keeps it right in its own transaction; `owed check` compares it with the items.
///
/// No foreign key to `customers`: a derived table checked as a whole, and a lookup per
/// settled item would cost the bank import's commit (as would parsing the dates of an
/// item settled on time for its days late: zero, by the text order of the dates). SQLite turns an integer sum past 64
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

    -- Item by item, as the triggers add them (a sum past 64 bits becomes a float here
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

    CREATE TRIGGER items_settled_counted AFTER UPDATE OF settled_on ON items
        WHEN NEW.settled_on IS NOT NULL AND NEW.settled_on IS NOT OLD.settled_on
    BEGIN
        INSERT INTO settled_by_month (month, customer_id, items, amount, to_pay, late, on_time)
            VALUES (substr(NEW.settled_on, 1, 7), NEW.customer_id, 1, NEW.amount,
                    NEW.amount * ((unixepoch(NEW.settled_on) - unixepoch(NEW.doc_date)) / 86400),
                    CASE WHEN NEW.settled_on > NEW.due_date
                         THEN NEW.amount * ((unixepoch(NEW.settled_on) - unixepoch(NEW.due_date)) / 86400)
                         ELSE 0 END,
                    CASE WHEN NEW.settled_on <= NEW.due_date THEN NEW.amount ELSE 0 END)
            ON CONFLICT DO UPDATE SET items = items + 1, amount = amount + excluded.amount,
                to_pay = to_pay + excluded.to_pay, late = late + excluded.late,
                on_time = on_time + excluded.on_time;
    END;

    -- A settled item opened again (a void freeing its payment) leaves its month.
    CREATE TRIGGER items_settled_uncounted AFTER UPDATE OF settled_on ON items
        WHEN OLD.settled_on IS NOT NULL AND NEW.settled_on IS NOT OLD.settled_on
    BEGIN
        UPDATE settled_by_month SET items = items - 1, amount = amount - OLD.amount,
            to_pay = to_pay - OLD.amount * ((unixepoch(OLD.settled_on) - unixepoch(OLD.doc_date)) / 86400),
            late = late - CASE WHEN OLD.settled_on > OLD.due_date
                THEN OLD.amount * ((unixepoch(OLD.settled_on) - unixepoch(OLD.due_date)) / 86400)
                ELSE 0 END,
            on_time = on_time - CASE WHEN OLD.settled_on <= OLD.due_date THEN OLD.amount ELSE 0 END
        WHERE month = substr(OLD.settled_on, 1, 7) AND customer_id = OLD.customer_id;
        DELETE FROM settled_by_month
        WHERE month = substr(OLD.settled_on, 1, 7) AND customer_id = OLD.customer_id AND items = 0;
    END;

    -- The library inserts items open; a writer that inserts one already settled is
    -- counted too.
    CREATE TRIGGER items_settled_inserted AFTER INSERT ON items
        WHEN NEW.settled_on IS NOT NULL
    BEGIN
        INSERT INTO settled_by_month (month, customer_id, items, amount, to_pay, late, on_time)
            VALUES (substr(NEW.settled_on, 1, 7), NEW.customer_id, 1, NEW.amount,
                    NEW.amount * ((unixepoch(NEW.settled_on) - unixepoch(NEW.doc_date)) / 86400),
                    CASE WHEN NEW.settled_on > NEW.due_date
                         THEN NEW.amount * ((unixepoch(NEW.settled_on) - unixepoch(NEW.due_date)) / 86400)
                         ELSE 0 END,
                    CASE WHEN NEW.settled_on <= NEW.due_date THEN NEW.amount ELSE 0 END)
            ON CONFLICT DO UPDATE SET items = items + 1, amount = amount + excluded.amount,
                to_pay = to_pay + excluded.to_pay, late = late + excluded.late,
                on_time = on_time + excluded.on_time;
    END;
"#;
