//! The book's schema as append-only migrations. `PRAGMA user_version` says how many have
//! run; a migration, once released, is never edited — later changes are new entries.

mod settled;

/// `PRAGMA application_id` of every Owed book: "OWED" in ASCII.
pub const APPLICATION_ID: i32 = 0x4F57_4544;

/// The migrations, in order; `MIGRATIONS[n]` takes a book from version n to n + 1.
pub const MIGRATIONS: &[&str] = &[
    // v1: the ledger.
    r#"
    CREATE TABLE book (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE customers (
        id           INTEGER PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name         TEXT NOT NULL,
        contact      TEXT,
        email        TEXT,
        phone        TEXT,
        address      TEXT,
        terms        TEXT NOT NULL,
        credit_limit INTEGER,
        tier         TEXT CHECK (tier IN ('A', 'B', 'C')),
        on_hold      INTEGER NOT NULL DEFAULT 0 CHECK (on_hold IN (0, 1)),
        archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at   TEXT NOT NULL
    );

    -- Amounts are INTEGER minor units (cents), always positive; `side` gives the sign.
    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL REFERENCES customers(id),
        kind         TEXT NOT NULL CHECK (kind IN ('invoice', 'fee', 'refund', 'payment', 'credit', 'writeoff', 'void')),
        side         INTEGER NOT NULL CHECK (side IN (1, -1)),
        number       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount       INTEGER NOT NULL CHECK (amount > 0),
        reference    TEXT,
        memo         TEXT,
        terms        TEXT,
        voids_id     INTEGER REFERENCES documents(id),
        refund_of_id INTEGER REFERENCES documents(id),
        posted_at    TEXT NOT NULL,
        -- Credits only. Derived from allocations and kept for speed; `owed check` recomputes.
        unapplied    INTEGER,
        exhausted_on TEXT,
        CHECK ((side = -1) = (unapplied IS NOT NULL))
    );
    CREATE INDEX documents_by_customer ON documents(customer_id, date, id);
    CREATE UNIQUE INDEX documents_voided_once ON documents(voids_id) WHERE voids_id IS NOT NULL;
    CREATE INDEX credits_by_exhausted ON documents(exhausted_on) WHERE side = -1;

    -- What a debit document falls due as: one row per installment.
    CREATE TABLE items (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        seq         INTEGER NOT NULL,
        doc_date    TEXT NOT NULL,
        due_date    TEXT NOT NULL,
        amount      INTEGER NOT NULL CHECK (amount > 0),
        -- Derived from allocations and kept for speed; `owed check` recomputes.
        open        INTEGER NOT NULL,
        settled_on  TEXT,
        UNIQUE (document_id, seq)
    );
    CREATE INDEX items_open_by_customer ON items(customer_id, due_date) WHERE open <> 0;
    CREATE INDEX items_by_settled ON items(settled_on);

    -- Append-only: a freed allocation is a new row with the negative amount.
    CREATE TABLE allocations (
        id          INTEGER PRIMARY KEY,
        credit_id   INTEGER NOT NULL REFERENCES documents(id),
        item_id     INTEGER NOT NULL REFERENCES items(id),
        date        TEXT NOT NULL,
        amount      INTEGER NOT NULL CHECK (amount <> 0)
    );
    CREATE INDEX allocations_by_item ON allocations(item_id, date);
    CREATE INDEX allocations_by_credit ON allocations(credit_id, date);
    "#,
    // v2: collection notes, and guards that keep posted history unedited.
    r#"
    CREATE TABLE notes (
        id             INTEGER PRIMARY KEY,
        customer_id    INTEGER NOT NULL REFERENCES customers(id),
        document_id    INTEGER REFERENCES documents(id),
        at             TEXT NOT NULL,
        channel        TEXT NOT NULL CHECK (channel IN ('call', 'email', 'letter', 'visit', 'message', 'other')),
        direction      TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        summary        TEXT NOT NULL,
        outcome        TEXT,
        promise_date   TEXT,
        promise_amount INTEGER CHECK (promise_amount > 0),
        follow_up      TEXT,
        CHECK ((promise_date IS NULL) = (promise_amount IS NULL))
    );
    CREATE INDEX notes_by_customer ON notes(customer_id, at);
    CREATE INDEX notes_by_follow_up ON notes(follow_up) WHERE follow_up IS NOT NULL;

    CREATE TRIGGER notes_are_append_only_u BEFORE UPDATE ON notes
        BEGIN SELECT RAISE(ABORT, 'collection notes are append-only'); END;
    CREATE TRIGGER notes_are_append_only_d BEFORE DELETE ON notes
        BEGIN SELECT RAISE(ABORT, 'collection notes are append-only'); END;
    CREATE TRIGGER documents_are_not_deleted BEFORE DELETE ON documents
        BEGIN SELECT RAISE(ABORT, 'posted documents are never deleted; void them'); END;
    CREATE TRIGGER documents_are_not_edited
        BEFORE UPDATE OF customer_id, kind, side, number, date, amount, reference, memo, terms, voids_id, refund_of_id, posted_at ON documents
        BEGIN SELECT RAISE(ABORT, 'posted documents are never edited; void them'); END;
    CREATE TRIGGER allocations_are_append_only_u BEFORE UPDATE ON allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are append-only'); END;
    CREATE TRIGGER allocations_are_append_only_d BEFORE DELETE ON allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are append-only'); END;
    CREATE TRIGGER items_are_not_deleted BEFORE DELETE ON items
        BEGIN SELECT RAISE(ABORT, 'open items are never deleted'); END;
    CREATE TRIGGER items_are_not_edited
        BEFORE UPDATE OF document_id, customer_id, seq, doc_date, due_date, amount ON items
        BEGIN SELECT RAISE(ABORT, 'open items are never edited'); END;
    "#,
    // v3: covering indexes, so aging reads only index pages: an item open on day D has
    // doc_date <= D < settled_on (or is still open).
    r#"
    DROP INDEX items_by_settled;
    CREATE INDEX items_alive ON items(settled_on, doc_date, customer_id, due_date, amount, seq, open);
    DROP INDEX credits_by_exhausted;
    CREATE INDEX credits_alive ON documents(exhausted_on, date) WHERE side = -1;
    DROP INDEX allocations_by_item;
    CREATE INDEX allocations_by_item ON allocations(item_id, date, amount);
    -- Tells at once whether anything is allocated after a date; if not, the kept
    -- open and unapplied amounts are already the amounts as of that date.
    CREATE INDEX allocations_by_date ON allocations(date);
    "#,
    // v4: bank import. Every bank row read is kept with its fingerprint, so importing the
    // same file again adds nothing; a batch remembers the file it came from, and undoing
    // it voids its payments and frees its fingerprints (history stays).
    r#"
    CREATE TABLE import_batches (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        detected    TEXT NOT NULL,
        rows_read   INTEGER NOT NULL,
        rows_new    INTEGER NOT NULL,
        duplicates  INTEGER NOT NULL,
        payments    INTEGER NOT NULL,
        unmatched   INTEGER NOT NULL,
        undone_at   TEXT,
        undo_reason TEXT
    );

    CREATE TABLE bank_rows (
        id           INTEGER PRIMARY KEY,
        batch_id     INTEGER NOT NULL REFERENCES import_batches(id),
        fingerprint  TEXT NOT NULL,
        occurrence   INTEGER NOT NULL,
        line         INTEGER NOT NULL,
        date         TEXT NOT NULL,
        -- Exact signed decimal in the row's own currency (which may not be the book's):
        -- positive is money in. Written canonically (no trailing zeros) so it compares.
        amount       TEXT NOT NULL,
        currency     TEXT,
        description  TEXT NOT NULL,
        reference    TEXT,
        counterparty TEXT,
        account      TEXT,
        status       TEXT NOT NULL CHECK (status IN ('posted', 'unmatched', 'skipped', 'money-out', 'foreign', 'neutral')),
        customer_id  INTEGER REFERENCES customers(id),
        document_id  INTEGER REFERENCES documents(id),
        confidence   TEXT,
        reason       TEXT,
        undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
    );
    -- A fingerprint is taken once among live batches; undoing a batch frees its rows.
    CREATE UNIQUE INDEX bank_rows_fingerprint ON bank_rows(fingerprint, occurrence) WHERE undone = 0;
    CREATE INDEX bank_rows_by_batch ON bank_rows(batch_id);
    CREATE INDEX bank_rows_by_date_amount ON bank_rows(date, amount) WHERE undone = 0;
    CREATE TRIGGER bank_rows_are_kept BEFORE DELETE ON bank_rows
        BEGIN SELECT RAISE(ABORT, 'imported bank rows are never deleted; undo the batch'); END;

    -- Payer names and accounts learned from accepted matches.
    CREATE TABLE payer_aliases (
        key         TEXT PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        batch_id    INTEGER REFERENCES import_batches(id),
        learned_at  TEXT NOT NULL
    ) WITHOUT ROWID;

    -- What was learned about each bank's file layout, found again by the header's signature.
    CREATE TABLE bank_profiles (
        signature  TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        settings   TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // v5: the company as printed on statements and letters, and the letters' texts and
    // thresholds. Settings may be edited (they are not posted documents); the company's
    // name stays in `book`. Unset keys mean the defaults.
    r#"
    CREATE TABLE company_settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE company_logo (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        format     TEXT NOT NULL CHECK (format IN ('PNG', 'JPEG')),
        width      INTEGER NOT NULL CHECK (width > 0),
        height     INTEGER NOT NULL CHECK (height > 0),
        bytes      BLOB NOT NULL,
        updated_at TEXT NOT NULL
    );

    -- Only the templates changed from the default texts are kept.
    CREATE TABLE letter_templates (
        level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
        lang       TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
        title      TEXT NOT NULL,
        -- A JSON array of paragraphs.
        paragraphs TEXT NOT NULL,
        closing    TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (level, lang)
    ) WITHOUT ROWID;
    "#,
    // v6: statements and letters as issued: the exact PDF bytes and their sha256, never
    // edited, so a re-print is the document that was sent.
    r#"
    CREATE TABLE issued (
        id             INTEGER PRIMARY KEY,
        kind           TEXT NOT NULL CHECK (kind IN ('statement', 'letter')),
        customer_id    INTEGER NOT NULL REFERENCES customers(id),
        date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        period         TEXT,
        statement_kind TEXT CHECK (statement_kind IN ('open-item', 'balance-forward', 'activity')),
        level          INTEGER CHECK (level BETWEEN 1 AND 4),
        -- Minor units: the amount due now (statement) or overdue (letter).
        amount         INTEGER NOT NULL,
        file_name      TEXT NOT NULL,
        pdf            BLOB NOT NULL,
        sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
        issued_at      TEXT NOT NULL,
        CHECK ((kind = 'letter') = (level IS NOT NULL)),
        CHECK ((kind = 'statement') = (statement_kind IS NOT NULL))
    );
    CREATE INDEX issued_by_customer ON issued(customer_id, kind, date);
    CREATE TRIGGER issued_is_kept_u BEFORE UPDATE ON issued
        BEGIN SELECT RAISE(ABORT, 'issued statements and letters are never edited'); END;
    CREATE TRIGGER issued_is_kept_d BEFORE DELETE ON issued
        BEGIN SELECT RAISE(ABORT, 'issued statements and letters are never deleted'); END;
    "#,
    // v7: the audit log: every change of master data, settings and letter texts, every
    // override, restore and import undo, one row per changed field, with old and new
    // values as text. Append-only, like the documents.
    r#"
    CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        action      TEXT NOT NULL,
        customer_id INTEGER REFERENCES customers(id),
        field       TEXT,
        old         TEXT,
        new         TEXT,
        reason      TEXT
    );
    CREATE INDEX audit_by_customer ON audit_log(customer_id, id);
    CREATE TRIGGER audit_is_kept_u BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is never edited'); END;
    CREATE TRIGGER audit_is_kept_d BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is never deleted'); END;
    "#,
    // v8: disputes and pauses. A dispute holds an invoice (item_seq NULL) or one of its
    // installments out of dunning and interest until resolved; it is opened once and
    // resolved once (the triggers allow an update only from open to resolved, and
    // nothing after). A pause holds a customer's letters until a date; the latest row
    // counts, and a resume is a row with no date. Both are kept, never edited.
    r#"
    CREATE TABLE disputes (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        item_seq    INTEGER,
        reason      TEXT NOT NULL,
        opened_at   TEXT NOT NULL,
        resolved_at TEXT,
        outcome     TEXT,
        credit_id   INTEGER REFERENCES documents(id),
        CHECK ((resolved_at IS NULL) = (outcome IS NULL)),
        CHECK (credit_id IS NULL OR resolved_at IS NOT NULL)
    );
    CREATE INDEX disputes_open ON disputes(customer_id, document_id) WHERE resolved_at IS NULL;
    CREATE TRIGGER disputes_resolve_once BEFORE UPDATE ON disputes
        WHEN OLD.resolved_at IS NOT NULL
          OR NEW.resolved_at IS NULL
          OR NEW.id IS NOT OLD.id
          OR NEW.customer_id IS NOT OLD.customer_id
          OR NEW.document_id IS NOT OLD.document_id
          OR NEW.item_seq IS NOT OLD.item_seq
          OR NEW.reason IS NOT OLD.reason
          OR NEW.opened_at IS NOT OLD.opened_at
        BEGIN SELECT RAISE(ABORT, 'a dispute is only ever resolved, once; it is never edited'); END;
    CREATE TRIGGER disputes_are_kept BEFORE DELETE ON disputes
        BEGIN SELECT RAISE(ABORT, 'disputes are never deleted'); END;

    CREATE TABLE customer_pauses (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        until       TEXT CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        reason      TEXT,
        at          TEXT NOT NULL
    );
    CREATE INDEX pauses_by_customer ON customer_pauses(customer_id, id);
    CREATE TRIGGER pauses_are_kept_u BEFORE UPDATE ON customer_pauses
        BEGIN SELECT RAISE(ABORT, 'customer pauses are never edited; pause or resume again'); END;
    CREATE TRIGGER pauses_are_kept_d BEFORE DELETE ON customer_pauses
        BEGIN SELECT RAISE(ABORT, 'customer pauses are never deleted; resume instead'); END;
    "#,
    // v9: repayment plans. A note's promise is one or more parts (part 1, 2, … in date
    // order), each a date and an amount; a single promise is one part. The note's own
    // promise_date and promise_amount stay written (the last part's date and the total)
    // for readers that predate plans. Existing promises become one part each. Kept like
    // the notes: never edited or deleted. Dates are not CHECKed here, so a malformed old
    // date cannot stop the upgrade; `owed check` reports one.
    r#"
    CREATE TABLE promise_parts (
        note_id INTEGER NOT NULL REFERENCES notes(id),
        part    INTEGER NOT NULL CHECK (part >= 1),
        date    TEXT NOT NULL,
        amount  INTEGER NOT NULL CHECK (amount > 0),
        PRIMARY KEY (note_id, part)
    ) WITHOUT ROWID;
    CREATE INDEX promise_parts_by_date ON promise_parts(date, note_id);
    INSERT INTO promise_parts (note_id, part, date, amount)
        SELECT id, 1, promise_date, promise_amount FROM notes
        WHERE promise_date IS NOT NULL AND promise_amount IS NOT NULL;
    CREATE TRIGGER promise_parts_are_kept_u BEFORE UPDATE ON promise_parts
        BEGIN SELECT RAISE(ABORT, 'promises are append-only, like their notes'); END;
    CREATE TRIGGER promise_parts_are_kept_d BEFORE DELETE ON promise_parts
        BEGIN SELECT RAISE(ABORT, 'promises are append-only, like their notes'); END;
    "#,
    // v10: the payment reminder before the due date (level 0) is a letter like the others
    // and is archived: the archive's letters take levels 0–4. SQLite cannot change a
    // CHECK in place, so the table is rebuilt with the same columns, rows and ids (no
    // table refers to it), and its index and keep-it triggers are made again.
    r#"
    CREATE TABLE issued_v10 (
        id             INTEGER PRIMARY KEY,
        kind           TEXT NOT NULL CHECK (kind IN ('statement', 'letter')),
        customer_id    INTEGER NOT NULL REFERENCES customers(id),
        date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        period         TEXT,
        statement_kind TEXT CHECK (statement_kind IN ('open-item', 'balance-forward', 'activity')),
        level          INTEGER CHECK (level BETWEEN 0 AND 4),
        -- Minor units: the amount due now (statement), overdue (letters 1-4) or falling
        -- due (the level-0 payment reminder).
        amount         INTEGER NOT NULL,
        file_name      TEXT NOT NULL,
        pdf            BLOB NOT NULL,
        sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
        issued_at      TEXT NOT NULL,
        CHECK ((kind = 'letter') = (level IS NOT NULL)),
        CHECK ((kind = 'statement') = (statement_kind IS NOT NULL))
    );
    INSERT INTO issued_v10 (id, kind, customer_id, date, period, statement_kind, level,
                            amount, file_name, pdf, sha256, issued_at)
        SELECT id, kind, customer_id, date, period, statement_kind, level,
               amount, file_name, pdf, sha256, issued_at FROM issued;
    DROP TABLE issued;
    ALTER TABLE issued_v10 RENAME TO issued;
    CREATE INDEX issued_by_customer ON issued(customer_id, kind, date);
    CREATE TRIGGER issued_is_kept_u BEFORE UPDATE ON issued
        BEGIN SELECT RAISE(ABORT, 'issued statements and letters are never edited'); END;
    CREATE TRIGGER issued_is_kept_d BEFORE DELETE ON issued
        BEGIN SELECT RAISE(ABORT, 'issued statements and letters are never deleted'); END;
    "#,
    // v11: credit control. An early-payment discount is a document of its own (kind
    // 'discount': a credit allocated to the invoice it was earned on), so the documents
    // are rebuilt with the wider CHECK, same columns, rows and ids, their indexes and
    // keep-them triggers made again (the migration runs with foreign keys off and checks
    // them before it commits). Each customer gets the date of its next credit review: a
    // year after it was created, six months for tier C. `risk_seen` keeps the risk band
    // last acknowledged per customer, so the worklist warns once when a customer's risk
    // rises into a higher band (a derived marker, replaced on acknowledgement; the
    // acknowledgement itself goes to the audit log).
    r#"
    CREATE TABLE documents_v11 (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL REFERENCES customers(id),
        kind         TEXT NOT NULL CHECK (kind IN ('invoice', 'fee', 'refund', 'payment', 'credit', 'writeoff', 'void', 'discount')),
        side         INTEGER NOT NULL CHECK (side IN (1, -1)),
        number       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        amount       INTEGER NOT NULL CHECK (amount > 0),
        reference    TEXT,
        memo         TEXT,
        terms        TEXT,
        voids_id     INTEGER REFERENCES documents(id),
        refund_of_id INTEGER REFERENCES documents(id),
        posted_at    TEXT NOT NULL,
        unapplied    INTEGER,
        exhausted_on TEXT,
        CHECK ((side = -1) = (unapplied IS NOT NULL))
    );
    INSERT INTO documents_v11 (id, customer_id, kind, side, number, date, amount, reference,
                               memo, terms, voids_id, refund_of_id, posted_at, unapplied,
                               exhausted_on)
        SELECT id, customer_id, kind, side, number, date, amount, reference,
               memo, terms, voids_id, refund_of_id, posted_at, unapplied,
               exhausted_on FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_v11 RENAME TO documents;
    CREATE INDEX documents_by_customer ON documents(customer_id, date, id);
    CREATE UNIQUE INDEX documents_voided_once ON documents(voids_id) WHERE voids_id IS NOT NULL;
    CREATE INDEX credits_alive ON documents(exhausted_on, date) WHERE side = -1;
    CREATE TRIGGER documents_are_not_deleted BEFORE DELETE ON documents
        BEGIN SELECT RAISE(ABORT, 'posted documents are never deleted; void them'); END;
    CREATE TRIGGER documents_are_not_edited
        BEFORE UPDATE OF customer_id, kind, side, number, date, amount, reference, memo, terms, voids_id, refund_of_id, posted_at ON documents
        BEGIN SELECT RAISE(ABORT, 'posted documents are never edited; void them'); END;

    ALTER TABLE customers ADD COLUMN next_review TEXT
        CHECK (next_review IS NULL OR next_review GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
    UPDATE customers SET next_review = date(substr(created_at, 1, 10),
        CASE WHEN tier = 'C' THEN '+6 months' ELSE '+12 months' END)
        WHERE date(substr(created_at, 1, 10)) IS NOT NULL;

    CREATE TABLE risk_seen (
        customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
        band        TEXT NOT NULL CHECK (band IN ('low', 'medium', 'high', 'severe')),
        score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        at          TEXT NOT NULL
    );
    "#,
    // v12: the allocations by date carry their item and amount, so the trend reads what
    // was allocated after a day from the index alone (a read by date that looked each
    // row up in the table took six times as long on a book of a million invoices). It
    // still answers "is anything allocated after this day?".
    r#"
    DROP INDEX allocations_by_date;
    CREATE INDEX allocations_by_date ON allocations(date, item_id, amount);
    "#,
    // v13: the few debits that are neither invoices nor fees (refunds and voids of
    // credits), which the payment habits leave out, read from a partial index of their
    // own instead of a scan of every document (a quarter of a second on a book of a
    // million invoices, paid by analytics, the risk scores, the worklist and the
    // Dashboard). The query's WHERE must repeat this one word for word to use it.
    r#"
    CREATE INDEX documents_paid_back ON documents(id)
        WHERE side = 1 AND kind NOT IN ('invoice', 'fee');
    "#,
    // v14: the payment habits' sums by customer and month, kept where items settle
    // (in a file of its own, with why).
    settled::V14,
    // v15: each customer's payments from an index alone, for judging promises (the
    // worklist's note rows and week's promises, the risk scores' broken promises): a read
    // by `documents_by_customer` looked up every document of the range, invoices too, in
    // the table (a tenth of an `owed overview` on a book of a million invoices). Only a
    // query that says both `kind = 'payment'` and `side = -1` (always so of a payment)
    // uses it, so the reads of payments by date (a bank import's) keep their plans.
    r#"
    CREATE INDEX payments_by_customer ON documents(customer_id, date, posted_at, amount)
        WHERE kind = 'payment' AND side = -1;
    "#,
    // v16: why a bank row was kept, as its parts in JSON beside the English `reason`,
    // so the import screen and `owed import unmatched` say it in the language chosen.
    // Rows kept before keep their English only.
    r#"
    ALTER TABLE bank_rows ADD COLUMN said TEXT;
    "#,
    // v17: email. A customer says how it wants its statements and letters (`send_by`;
    // its `email` may hold several addresses). Each email goes into the outbox in the
    // transaction that archives its PDF, and is delivered from there: it is marked sent
    // only once the server has accepted it, and a sent email is never changed again.
    // The subject and bodies are fixed when queued, as are the Message-ID and Date, so
    // a message sent twice (a kill between the server's yes and the mark) is the same
    // message, which mail readers show once. Nothing is ever deleted from the outbox.
    r#"
    ALTER TABLE customers ADD COLUMN send_by TEXT NOT NULL DEFAULT 'email'
        CHECK (send_by IN ('email', 'post', 'both'));
    CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        issued_id   INTEGER NOT NULL REFERENCES issued(id),
        kind        TEXT NOT NULL CHECK (kind IN ('statement', 'letter')),
        level       INTEGER CHECK (level BETWEEN 0 AND 4),
        to_addrs    TEXT NOT NULL CHECK (to_addrs <> ''),
        subject     TEXT NOT NULL,
        body_text   TEXT NOT NULL,
        body_html   TEXT NOT NULL,
        message_id  TEXT NOT NULL UNIQUE,
        date        TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'queued'
            CHECK (status IN ('queued', 'sent', 'failed', 'cancelled')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        failure     TEXT CHECK (failure IN ('unreachable', 'tls', 'login', 'refused', 'rejected', 'other')),
        last_error  TEXT,
        next_try    TEXT,
        queued_at   TEXT NOT NULL,
        sent_at     TEXT,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((kind = 'letter') = (level IS NOT NULL))
    );
    CREATE INDEX outbox_waiting ON outbox(next_try, id) WHERE status IN ('queued', 'failed');
    CREATE INDEX outbox_by_issued ON outbox(issued_id);
    CREATE TRIGGER outbox_sent_is_kept BEFORE UPDATE ON outbox WHEN OLD.status = 'sent'
        BEGIN SELECT RAISE(ABORT, 'a sent email is never changed'); END;
    CREATE TRIGGER outbox_is_kept BEFORE DELETE ON outbox
        BEGIN SELECT RAISE(ABORT, 'nothing is deleted from the outbox; cancel it'); END;
    "#,
];

/// The schema version this build writes and reads.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;
