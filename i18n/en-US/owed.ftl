# Owed: every string a person sees, in English (the fallback language).

this-book-is-damaged-found-nothing = This book is damaged ({ $found }); nothing more will be written to it. Settings → Restore… puts a backup back.
this-book-is-open-only-for = This book is open only for reading: { $why }.
ctrl-f-search-ctrl-n-invoice = Ctrl+F search · Ctrl+N invoice
ctrl-p-payment-ctrl-l-note = Ctrl+P payment · Ctrl+L note
open-another-book = Open another book…
no-file-was-chosen-or-this = No file was chosen (or this desktop has no file dialog): type the path instead.
wrote-the-pdf-to-path = Wrote the PDF to { $path }
exported-rows-rows-to-path = Exported { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
} to { $path }
aging = Aging
open-ledger = Open ledger
shows-a-customer-s-items-double = ▶ shows a customer's items · double-click or Enter opens the ledger
loading = Loading…
current = Current
unapplied = Unapplied
owed-to-you = Owed to you
overdue = Overdue
overdue-share = Overdue share
as-of-by-due-date = As of, by due date
as-of-by-invoice-date = As of, by invoice date
as-of = As of
today = Today
end-of-last-month = End of last month
n-1-month = −1 month
buckets-days = Buckets (days)
by-due-date = By due date
by-invoice-date = By invoice date
exporting = Exporting…
export-to = Export to
file-to-write = File to write
choose = Choose…
export-csv = Export CSV
save-pdf = Save PDF
could-not-write-path-error = Could not write { $path }: { $error }
that-is-a-folder-not-a = that is a folder, not a file name
nothing-is-owed-as-of-date = Nothing is owed as of { $date }.
code = Code
name = Name
balance = Balance
days-days-late = { $days ->
    [one] { $days } day late
   *[other] { $days } days late
}
due-today = due today
due-in-days-days = due in { $days ->
    [one] { $days } day
   *[other] { $days } days
}
date-due-due-lateness = { $date } · due { $due } · { $lateness }
count-customers = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}
total = Total
must-not-be-negative = must not be negative
edit-customer = Edit customer
new-customer = New customer
credit-limit = Credit limit
picking-a-tier-fills-terms-and = Picking a tier fills terms and limit from its policy. The first credit review is set a year on (six months for tier C).
on-hold-warn-before-new-invoices = On hold: warn before new invoices
save-enter = Save (Enter)
cancel = Cancel
hold = hold
over = over
on-hold = on hold
all = All
follow-up-due = Follow-up due
on-hold-2 = On hold
search-name-or-code = Search name or code
select-enter-or-double-click-opens = ↑↓ select · Enter or double-click opens the ledger · click a header to sort
customers = Customers
no-customers-yet-new-customer-adds = No customers yet. New customer adds one; `owed load` brings in a spreadsheet.
all-customers-count = { $all ->
    [one] { $all } customer
   *[other] { $all } customers
}
shown-of-all-customers = { $shown } of { $all ->
    [one] { $all } customer
   *[other] { $all } customers
}
code-name-why = { $code } · { $name }: { $why }
code-risk-score-loading = { $code } · risk score loading…
the-riskiest-customers = The riskiest customers
band-score-balance-a-click-opens = band (score) · balance; a click opens the ledger
no-customer-has-anything-against-it = No customer has anything against it.
no-tier = no tier
tier-tier = tier { $tier }
no-limit = no limit
limit-amount = limit { $amount }
credit-reviews-due-count = Credit reviews due ({ $count })
since-tier-limit = since · tier · limit
no-credit-review-is-due = No credit review is due.
pp = {" "}pp
change-since-last-month = { $change } since last month
no-figure-last-month = no figure last month
days-days = { $days } days
dso-days-right = DSO (days, right)
overdue-by-age-and-dso-month = Overdue by age and DSO, month by month
expected = expected
promised = promised
low-to-high = low to high
total-amount = total { $amount }
expected-in-the-next-weeks-weeks = Expected in, the next { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
dashboard = Dashboard
as-of-date-dso-cei-and = as of { $date } · DSO, CEI and ADD over the last { $days ->
    [one] { $days } day
   *[other] { $days } days
}
refresh = Refresh
year-is-not-a-year = '{ $year }' is not a year
choose-a-bank-statement = Choose a bank statement
bank-statements = Bank statements
n-confident-matches-accepted = { $n ->
    [one] 1 confident match accepted
   *[other] { $n } confident matches accepted
}
number-posted-for-code-amount = { $number } posted for { $code }: { $amount }
n-1-movement = 1 movement
rows-movements = { $rows ->
    [one] { $rows } movement
   *[other] { $rows } movements
}
the-file-is-in-code-the = the file is in { $code }, the book in { $book }: { $movements } set aside
movements-in-another-currency-set-aside = { $movements } in another currency set aside: the book is in { $book }
movements-in-codes-set-aside-the = { $movements } in { $codes } set aside: the book is in { $book }
import-id-file-undone-n-payments = Import { $id } ({ $file }) undone: { $n ->
    [one] { $n } payment
   *[other] { $n } payments
} voided
imported-as-batch-id-posted-payments = Imported as batch { $id }: { $posted ->
    [one] { $posted } payment
   *[other] { $posted } payments
} posted, { $unmatched } kept unmatched, { $dups ->
    [one] { $dups } duplicate
   *[other] { $dups } duplicates
} left out
line-line-not-posted-why = ; line { $line } not posted: { $why }
nothing-new-all-n-rows-were = Nothing new: { $n ->
    [one] the { $n } row was
   *[other] all { $n } rows were
} imported before
detect = Detect
comma = comma ,
semicolon = semicolon ;
tab = tab
pipe = pipe |
point-1-50 = point 1.50
comma-1-50 = comma 1,50
all-rows = All rows
money-in = Money in
to-decide = To decide
duplicates = Duplicates
out-foreign-other = Out, foreign, other
no-header = no header
line-line = line { $line }
is-a-purchase-a-positive-or = Is a purchase a positive or a negative number?
purchases-are-positive-card-statement = Purchases are positive (card statement)
purchases-are-negative = Purchases are negative
amounts-money-in-is-positive = Amounts: money in is positive
amounts-purchases-are-positive-card-statement = Amounts: purchases are positive (card statement)
flip-sign = Flip sign
amount-column = Amount column
header-line = Header line
choose-a-statement = Choose a statement…
or-type-a-path-and-press = or type a path and press Enter
or-drop-a-file-on-the = or drop a file on the window
bank-import = Bank import
reading-and-matching = Reading and matching…
writing-row-done-of-total = writing row { $done } of { $total }
choose-your-bank-s-export-csv = Choose your bank's export (CSV, XLSX, XLS, ODS, OFX or CAMT.053). Nothing is written until you press Import.
detect-2 = detect
if-none = if none
header-line-line-layout = header line { $line } · { $layout }
which-is-it = Which is it?
day-first-31-12-2026 = Day first (31/12/2026)
month-first-12-31-2026 = Month first (12/31/2026)
the-dates-have-no-year-type = The dates have no year: type the statement's year above.
pays-invoice-amount = pays { $invoice }: { $amount }
discount-on-invoice-amount = discount on { $invoice }: { $amount }
kept-as-credit-amount = kept as credit: { $amount }
import-n-payments-rows-rows = Import { $n ->
    [one] { $n } payment
   *[other] { $n } payments
} · { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
money-out = Money out
foreign = Foreign
already-in-the-book = Already in the book
confident-matches = Confident matches
accept-all-confident-ctrl-enter = Accept all confident (Ctrl+Enter)
nothing-to-import-the-file-holds = Nothing to import: the file holds no new money in.
no-rows-match-this-filter = No rows match this filter.
already-imported = already imported
probable-duplicate = probable duplicate
cannot-be-posted = cannot be posted
new = new
money-out-2 = money out
foreign-currency = foreign currency
no-money-moved = no money moved
pending = pending
pay-code = pay { $code }
keep-unmatched = keep unmatched
skip = skip
dash = —
line-line-2 = Line { $line }
accept-enter = Accept (Enter)
keep-unmatched-2 = Keep unmatched
skip-2 = Skip
select-a-row-to-accept-its = Select a row to accept its match, assign it to a customer, or skip it.
past-imports = Past imports
none-yet = None yet.
id-file-when-payments-payments-unmatched = #{ $id } { $file } · { $when } · { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
}, { $unmatched } unmatched, { $dups ->
    [one] { $dups } duplicate
   *[other] { $dups } duplicates
}
undone-when = undone { $when }
void-its-payments = Void its payments?
undo-import = Undo import
keep = Keep
n-statements-or-letters-already-issued = { $n ->
    [one] { $n } statement or letter
   *[other] { $n } statements or letters
} already issued counted these payments:
undo = Undo…
money-in-left-unmatched-n = Money in left unmatched ({ $n })
none-every-payment-found-its-customer = None: every payment found its customer.
left-unmatched-earlier = Left unmatched earlier
pay-as-suggested = Pay as suggested
assign-to-customer-code-or-name = Assign to customer: code or name
number-must-not-be-negative = { $number }: must not be negative
nothing = nothing
number-posted-amount-applied-applied-unapplied = { $number } posted: { $amount }; applied { $applied }; unapplied { $unapplied }.
discount-number-of-amount-taken-on = Discount { $number } of { $amount } taken on { $invoice } ({ $terms }).
credit-note = Credit note
write-off = Write off
record-payment = Record payment
amount = Amount
date = Date
reference = Reference
memo = Memo
number-blank-next = Number (blank: next)
invoice = Invoice
due = Due
open = Open
apply = Apply
nothing-is-open-all-of-it = Nothing is open: all of it becomes unapplied credit.
applies-applied-unapplied-left-as-unapplied = Applies { $applied }; { $unapplied } left as unapplied credit.
earns-a-discount-of-amount-on = Earns a discount of { $amount } on { $invoice }.
allocation = Allocation
oldest-due-first = oldest due first
as-you-set-it = as you set it
oldest-first = Oldest first
keep-all-unapplied = Keep all unapplied
post-enter = Post (Enter)
tier-tier-s-policy-pct-down = Tier { $tier }'s policy: { $pct }% down
n-2-to-120-installments = 2 to 120 installments
this-customer-is-on-hold = This customer is on hold.
the-balance-would-be-after-over = The balance would be { $after }, over the credit limit of { $limit }.
it-earns-no-early-payment-discount = It earns no early-payment discount: only an invoice due in one item does.
not-posted-customer-is-on-hold = Not posted: { $customer } is on hold.
not-posted-customer-is-over-its = Not posted: { $customer } is over its credit limit: limit { $limit }, balance { $balance }, this document { $amount } would take it { $over } over.
new-fee-late-fee-or-interest = New fee (late fee or interest)
new-invoice = New invoice
one-item-due-on-the-terms = One item, due on the terms.
installments = Installments
deposit = Deposit %
override = Override…
reason-for-the-override = Reason for the override…
post-with-override = Post with override
terms = Terms
falls-due = Falls due
schedule = Schedule
and-n-more = … and { $n } more
fill-in-amount-date-and-terms = Fill in amount, date and terms to see it.
pick-a-customer-on-the-customers = Pick a customer on the Customers screen (Ctrl+1) and press Enter.
ledger = Ledger
limit-used-used = { $limit } ({ $used }% used)
none = none
on-hold-3 = ON HOLD
credit-review = Credit review…
terms-terms-credit-limit-limit = Terms { $terms } · credit limit { $limit }
unapplied-credit = Unapplied credit
risk-band-score = Risk { $band } ({ $score })
new-invoice-ctrl-n = New invoice (Ctrl+N)
record-payment-ctrl-p = Record payment (Ctrl+P)
fee = Fee
void = Void…
log-a-note-ctrl-l = Log a note (Ctrl+L)
from = From
to = To
n-documents = { $n ->
    [one] { $n } document
   *[other] { $n } documents
}
opening-balance = Opening balance
closing-balance = Closing balance
due-date-n-days-late = due { $date } · { $n ->
    [one] { $n } day late
   *[other] { $n } days late
}
due-date = due { $date }
in-dispute = in dispute
pay-pay-by-date-percent-discount = pay { $pay } by { $date }: { $percent }% discount of { $discount }
nothing-open = Nothing open.
promised-amount-by-date = promised { $amount } by { $date }
repayment-plan-of-n-parts = repayment plan of { $n ->
    [one] { $n } part
   *[other] { $n } parts
}
follow-up-date = follow up { $date }
no-notes-yet-ctrl-l-logs = No notes yet. Ctrl+L logs one.
reason-reason = Reason: { $reason }
no-changes-recorded = No changes recorded.
open-items-n = Open items ({ $n })
notes-n = Notes ({ $n })
history-n = History ({ $n })
yes = yes
no = no
customer-added = Customer added
field-old-new = { $field }: { $old } → { $new }
letters-paused-until-date = Letters paused until { $date }
letters-resumed = Letters resumed
name-the-document-to-void = name the document to void
already-voided-by-void = already voided by { $void }
a-void-cannot-itself-be-voided = a void cannot itself be voided
void-posted-number-is-void = { $void } posted: { $number } is void.
its-discount-number-is-void-too = Its discount { $number } is void too.
must-be-on-or-after-the = must be on or after the document's date, { $date }
say-why = say why
kind-number-of-date-amount = { $kind } { $number } of { $date }, { $amount }
void-number-a-reversal-is-added = Void { $number }? A reversal is added and its allocations are freed; the document stays in the ledger.
yes-void-it-enter = Yes, void it (Enter)
back = Back
void-a-document = Void a document
document-number = Document number
reason = Reason
void-date = Void date
letter-preview-code-name-level-level = Letter preview — { $code } { $name } · level { $level }
open-pdf = Open PDF
send-this-letter = Send this letter
close = Close
not-sent-nothing-is-archived-or = Not sent: nothing is archived or logged until you send it. Esc closes.
preview-not-sent-path = Preview, not sent: { $path }
promise-due = Promise due
promise-broken = Promise broken
all-channels = All channels
that-is-code-s-not-this = that is { $code }'s, not this customer's
no-document-has-this-number = no document has this number
a-plan-gives-each-part-s = a plan gives each part's amount; leave this empty
a-promise-needs-an-amount-too = a promise needs an amount too
a-promise-needs-a-date-too = a promise needs a date too
enter-the-customer-s-code = enter the customer's code
no-customer-has-the-code-code = no customer has the code { $code }
required = required
channel = Channel
outgoing = outgoing
incoming = incoming
optional = optional
log-a-note = Log a note
customer = Customer
customer-code = Customer code
summary = Summary
what-was-said-or-done = What was said or done
outcome = Outcome
promise-date = Promise date
yyyy-mm-dd-or-a-plan = or a plan: date:amount, date:amount…
promise-amount = Promise amount
next-follow-up = Next follow-up
customer-code-or-name = Customer code or name
no-notes-yet-ctrl-l-logs-one = No notes yet. Ctrl+L logs one for the customer in hand.
no-notes-match-these-filters = No notes match these filters.
shown-of-all-notes = { $shown } of { $all ->
    [one] { $all } note
   *[other] { $all } notes
}
double-click-a-note-to-open = double-click a note to open its ledger · Ctrl+L logs a note
collection-notes = Collection notes
broken = broken
due-2 = due
kept = kept
click-a-note-to-read-all = Click a note to read all of it.
invoice-number = invoice { $number }
amount-by-date-paid-paid-since = { $amount } by { $date } · { $paid } paid since the note · { $standing }
n-parts-amount-in-all-paid = { $n ->
    [one] { $n } part
   *[other] { $n } parts
}, { $amount } in all · { $paid } paid since the note · { $status }
n-amount-by-date-paid-paid = { $n }. { $amount } by { $date } · { $paid } paid · { $status }
superseded-by-a-later-note = superseded by a later note
open-2 = open
partly-kept = partly kept
band-share-paid-on-time-tier = { $band }, { $share } paid on time: tier { $tier }
n-a = n/a
limit-factor-the-highest-balance-in = limit { $factor } × the highest balance in 12 months ({ $highest }), rounded up: { $limit }
severe-risk-no-more-credit-than = severe risk: no more credit than the balance it owes ({ $balance })
severe-risk-the-limit-stays-at = severe risk: the limit stays at { $limit }, below what it owes
no-balance-in-12-months-the = no balance in 12 months: the tier's default limit ({ $limit })
no-balance-in-12-months-and = no balance in 12 months and no default limit for the tier: no limit
credit-review-code-name = Credit review — { $code } { $name }
tier = Tier
next-review = Next review
days-to-pay = Days to pay
on-time = On time
promises-kept = Promises kept
overdue-now = Overdue now
highest-balance = Highest balance
risk-score = Risk score
nothing-counts-against-it = Nothing counts against it.
suggested-tier = Suggested tier
suggested-limit = Suggested limit
as-of-date-payments-and-promises = As of { $date }; payments and promises over the last 12 months, the highest balance net of credit from the book.
now = Now
record = Record
suggestion = Suggestion
accept-suggestion = Accept suggestion
keep-as-is = Keep as is
either-way-the-review-counts-as = Either way the review counts as done: the next review moves on (12 months, 6 for tier C) and the audit log keeps it. Esc closes.
low = low
medium = medium
high = high
severe = severe
pays-1-day-late-on-average = pays 1 day late on average
pays-days-days-late-on-average = pays { $days ->
    [one] { $days } day late
   *[other] { $days } days late
} on average
n-1-broken-promise-in-6 = 1 broken promise in 6 months
count-broken-promises-in-6-months = { $count } broken promises in 6 months
percent-of-limit-used = { $percent } % of limit used
percent-of-its-balance-over-60 = { $percent } % of its balance over 60 days
nothing-counts-against-it-2 = nothing counts against it
list-separator = ;{" "}
a4-210-297-mm = A4 (210 × 297 mm)
us-letter-8-5-11-in = US Letter (8.5 × 11 in)
english-iso-dates = English, ISO dates
english-us = English (US)
english-uk = English (UK)
restored-from-backup-the-replaced-book = Restored from { $backup }; the replaced book is kept as { $replaced }.
the-automatic-backup-was-not-made = The automatic backup was not made: { $error }
settings-saved = Settings saved.
company-name = Company name
email = Email
letter-n-problem = Letter { $n }: { $problem }
payment-reminder-before-due = Payment reminder (before due)
interval-between-letters = Interval between letters
small-balance-tolerance = Small-balance tolerance
english = English
chinese = Chinese
must-be-less-than-letter-n = must be less than letter { $n }'s { $days ->
    [one] { $days } day
   *[other] { $days } days
}
letter-n = letter { $n }
a-whole-number-of-days-from = a whole number of days from 1 to { $max }, or empty for the book-wide value
interval = interval
tier-tier-letter-n-s-days = Tier { $tier }: letter { $n }'s { $days ->
    [one] { $days } day
   *[other] { $days } days
} must be more than letter { $previous }'s { $previous_days ->
    [one] { $previous_days } day
   *[other] { $previous_days } days
} (an empty cell has the book-wide value)
tier-tier-column-problem = Tier { $tier }, { $column }: { $problem }
a-whole-number-of-days-from-1 = a whole number of days from 1 to { $max }
must-be-more-than-letter-n = must be more than letter { $n }'s { $days ->
    [one] { $days } day
   *[other] { $days } days
}
merge-fields-fields-a-paragraph-that = Merge fields: { $fields }. A paragraph that is only { $items } becomes the table of the items falling due; { $total_due } is their total and { $due_date } the first due date.
unsaved-changes = Unsaved changes
printed-on-statements-and-demand-letters = Printed on statements and demand letters
settings = Settings
revert = Revert
save = Save
company = Company
address = Address
phone = Phone
tax-registration-no = Tax / registration no.
payment-instructions = Payment instructions
printed-at-the-foot-of-statements = Printed at the foot of statements
no-logo = No logo
path-of-a-png-or-jpeg = Path of a PNG or JPEG file
load = Load
remove = Remove
png-or-jpeg-16-to-4000 = PNG or JPEG, 16 to 4000 pixels a side, at most 2 MB; kept inside the book
logo = Logo
last-backup-time-path = Last backup: { $time } ({ $path })
no-backup-yet-one-is-made = No backup yet: one is made after the first change of each day
automatic = automatic
manual = manual
before-upgrade = before upgrade
restore = Restore…
restore-from-another-file = Restore from another file…
put-backup-in-place-of-this = Put { $backup } in place of this book? The book as it is now is kept beside it as …replaced-<time>.
restore-2 = Restore
backups = Backups
paper-and-locale = Paper and locale
paper = Paper
dates-and-numbers = Dates and numbers
payment-reminder = Payment reminder
reminder = Reminder
second-notice = Second notice
final-demand = Final demand
legal-notice = Legal notice
the-default-text = The default text
changed-from-the-default-text = Changed from the default text
demand-letters = Demand letters
language = Language
title = Title
paragraphs = Paragraphs
a-blank-line-starts-a-new = A blank line starts a new paragraph
closing = Closing
reset-to-default = Reset to default
on = On
days-past-due = Days past due
each-customer-gets-the-next-level = Each customer gets the next level switched on once its oldest overdue item is that many days past due, never two letters closer than the interval.
days-before-due = days before due
also-send-it-as-a-letter = Also send it as a letter
days = days
less-than-this-overdue-net-of = Less than this overdue, net of credit, is not chased
dunning-ladder = Dunning ladder
credit-policy-per-tier = Credit policy per tier
what-a-new-customer-of-the = What a new customer of the tier gets when its terms or limit are left empty, and the deposit a new invoice requires; an empty cell is no default. A change never touches existing customers or posted invoices.
level-n = Level { $n }
interval-2 = Interval
ladder-per-tier = Ladder per tier
days-past-due-per-level-and = Days past due per level and the interval for customers of each tier; an empty cell follows the book-wide value shown in grey.
every-customer = Every customer
customers-with-a-balance = With a balance
customers-overdue = Customers overdue
these-customers = These customers:
open-items = Open items
balance-forward = Balance forward
activity = Activity
p-is-not-a-month-like = '{ $p }' is not a month like 2026-10
d-is-not-a-date-like = '{ $d }' is not a date like 2026-12-15
type-the-customer-codes-e-g = Type the customer codes, e.g. C001, C002
folder-for-statements-and-letters = Folder for statements and letters
the-document-as-issued-byte-for = The document as issued, byte for byte: { $path }
n-statements-written-for-period-skipped = { $n ->
    [one] { $n } statement
   *[other] { $n } statements
} written for { $period }, { $skipped ->
    [one] { $skipped } customer
   *[other] { $skipped } customers
} with nothing to say; all of them in { $combined }
no-letter-to-customer-the-ladder = No letter to { $customer }: the ladder holds it ({ $reason }).
letter-written-path = Letter written: { $path }
removed-n-unfinished-files-left-by = { $n ->
    [one] Removed 1 unfinished file left by an earlier run that was stopped.{" "}
   *[other] Removed { $n } unfinished files left by an earlier run that was stopped.{" "}
}
program-was-not-found = { $program } was not found
could-not-open-path-e = could not open { $path }: { $e }
n-level = { $n } × { $level }
send-n-letters-counts = Send { $n ->
    [one] { $n } letter
   *[other] { $n } letters
}: { $counts }?
n-unmatched-bank-payments-in-reconcile = { $n } unmatched bank payments in: reconcile first, so nobody is chased for money already received (Import: assign each row to its customer).
date-amount-text-row-row = { $date } · { $amount } · { $text } · row { $row }
and-n-more-payments = … and { $n } more payments
n-letters-written-to-folder-each = { $n ->
    [one] { $n } letter
   *[other] { $n } letters
} written to { $folder }; each logged as a collection note. All of them, each from a new page, in { $combined } to print in one go.
level-number-name = level { $number } ({ $name })
paused-until-until-reason = Paused until { $until }: { $reason }
every-overdue-item-is-in-dispute = Every overdue item is in dispute
unapplied-credit-covers-what-is-overdue = Unapplied credit covers what is overdue
below-the-small-balance-tolerance-net = Below the small-balance tolerance ({ $net } net overdue, tolerance { $tolerance })
promised-to-pay-by-until = Promised to pay by { $until }
not-yet-threshold-days-overdue-for = Not yet { $threshold ->
    [one] { $threshold } day
   *[other] { $threshold } days
} overdue for { $level } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} now)
interval-not-passed-last-letter-last = Interval not passed: last letter { $last }, next possible { $next }
the-next-rung-level-is-switched = The next rung, { $level }, is switched off
the-last-rung-level-was-already = The last rung, { $level }, was already sent on { $sent }
folder = Folder
where-the-pdfs-go = where the PDFs go
open-folder = Open folder
done-of-total = { $done } of { $total }
statements-and-letters = Statements and letters
month-end-statements = Month-end statements
period-yyyy-mm = Period (YYYY-MM)
kind = Kind
codes = Codes
one-pdf-per-customer-file = One PDF per customer ({ $file }) and one with all of them ({ $all }), each from a new page, ready to print. Every statement issued is kept in the book's archive.
write-statements = Write statements
no-letters-are-due-today = No letters are due today.
level-n-2 = { $level } ({ $n })
level-n-3 = { $level }: { $n }
each-letter-is-archived-and-logged = Each letter is archived and logged as a collection note; nothing is written before you confirm.
confirm = Confirm
send-n-letters = Send { $n ->
    [one] { $n } letter
   *[other] { $n } letters
}…
every-letter-to-print-in-one = Every letter, to print in one go: { $path }
due-today-n = Due today ({ $n })
deadline-optional = Deadline (optional)
write-the-letter = Write the letter
one-letter = One letter
without-a-deadline-14-days-from = Without a deadline: 14 days from today (a payment reminder: its first due date).
level-number-name-2 = Level { $number } { $name }
preparing = Preparing…
preview = Preview
held-n = Held ({ $n })
hide = Hide
show = Show
overdue-but-no-letter-today-click = Overdue, but no letter today; click one to open its ledger.
amount-overdue = { $amount } overdue
nothing-issued-yet = Nothing issued yet.
statement-period = statement { $period }
statement = statement
save-a-copy = Save a copy
issued-n = Issued ({ $n })
working = Working…
log-a-call = Log a call
apply-credit = Apply credit
open-a-dispute = Open a dispute
resolve-dispute = Resolve dispute
pause-letters = Pause letters
preview-letter = Preview letter
send-letter = Send letter
acknowledge-risk = Acknowledge risk
match-on-bank-import = Match on Bank import
applied-amount-of-name-s-credit = Applied { $amount } of { $name }'s credit to { $count ->
    [one] { $count } item
   *[other] { $count } items
}, oldest first.
acknowledged-name-s-risk-at-band = Acknowledged { $name }'s risk at { $band } ({ $score }); the list warns again if it rises.
name-has-nothing-open-to-dispute = { $name } has nothing open to dispute.
number-whole-invoice = { $number } (whole invoice)
number-seq-due-due-open-open = { $number } #{ $seq } · due { $due } · { $open } open
number-due-due-open-open = { $number } · due { $due } · { $open } open
choose-the-invoice-in-dispute = Choose the invoice in dispute.
dispute-id-opened-on-invoice-for = Dispute { $id } opened on { $invoice } for { $name }: its letters leave it out until it is resolved.
letters-to-name-paused-until-until = Letters to { $name } paused until { $until }.
dispute-id-resolved-with-credit-note = Dispute { $id } resolved with credit note { $number } for { $amount }.
dispute-id-resolved = Dispute { $id } resolved.
nothing-to-charge-today = Nothing to charge today.
set-the-folder-on-statements-letters = Set the folder on Statements & letters first.
level-level-letter-to-name-written = Level { $level } letter to { $name } written and archived: { $path }
the-book-changed-since-the-preview = The book changed since the preview: { $count ->
    [one] { $count } charge
   *[other] { $count } charges
} posted, { $amount } in all, on { $customers ->
    [one] { $customers } fee document
   *[other] { $customers } fee documents
}.
interest-and-fees-charged-amount-on = Interest and fees charged: { $amount } on { $customers ->
        [one] { $customers } fee document
       *[other] { $customers } fee documents
    }.
the-pause-must-last-until-today = The pause must last until today ({ $today }) or later.
credit = Credit
a-credit-note-must-be-more = A credit note must be more than zero.
broken-promises = Broken promises
promises-due-today = Promises due today
follow-ups-due = Follow-ups due
credit-to-apply = Credit to apply
letters-due = Letters due
reminders-before-the-due-date = Reminders before the due date
open-disputes = Open disputes
pauses-that-have-ended = Pauses that have ended
credit-reviews-due = Credit reviews due
risk-warnings = Risk warnings
bank-money-not-matched = Bank money not matched
no-customer = (no customer)
promised-by-date-amount-still-short = promised by { $date }; { $amount } still short
promise-falls-due-today-amount-still = promise falls due today; { $amount } still to come
follow-up-set-for-date = follow up set for { $date }
unapplied-credit-beside-overdue-items-apply = unapplied credit beside overdue items: apply { $amount }
level-level-name-oldest-due-date = level { $level } · { $name }; oldest due { $date }
falls-due-date-a-reminder-before = falls due { $date }: a reminder before the due date
in-dispute-since-date = in dispute since { $date }
letters-were-paused-until-date-they = letters were paused until { $date }; they resume now
credit-review-due-since-date = credit review due since { $date }
risk-rose-to-band-score-why = risk rose to { $band } ({ $score }): { $why }
money-in-that-matches-no-customer = money in that matches no customer
charge-interest-due = Charge interest due…
promised-this-week = Promised this week
in-dispute-2 = In dispute
to-do = To do
nothing-to-do-today-nobody-is = Nothing to do today: nobody is late, no promise is due, no money waits to be matched.
choose-a-row-enter-does-its = ↑↓ choose a row · Enter does its first action · the letter keys do the others
choose-a-row-to-see-what = Choose a row to see what can be done about it.
what-the-customer-disputes = what the customer disputes
open-dispute = Open dispute
no-letter-goes-to-name-until = No letter goes to { $name } until the day after this date.
until = Until
why-the-letters-wait = why the letters wait
pause = Pause
what-was-agreed = what was agreed
resolve = Resolve
leave-the-credit-note-empty-when = Leave the credit note empty when the customer owes the amount after all.
nothing-to-charge-today-no-item = Nothing to charge today: no item is past its grace with days left to charge, or no rate or fixed fee is set (Settings, fee.annual_rate).
count-charges-for-customers-customers-amount = { $count ->
    [one] { $count } charge
   *[other] { $count } charges
} for { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}, { $amount } in all, one fee document per customer:
customer-item-seq-from-to-to = { $customer } { $item }/{ $seq }: { $from } to { $to }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} on { $principal }: { $amount }
charge-interest-due-2 = Charge interest due
charge = Charge
send-the-level-level-letter-title = Send the level { $level } letter ({ $title }) to { $name }? It is written to { $folder }, archived and logged as a collection note.
send = Send
decimals-must-be-a-whole-number = decimals must be a whole number, like 2 (or 0 for JPY)
between-1-and-20000 = between 1 and 20000
path-is-not-a-file = { $path } is not a file.
this-book-could-not-be-opened = This book could not be opened
nothing-in-it-was-changed-open = Nothing in it was changed. Open another book or start a new one below.
start-an-empty-book = Start an empty book
currency = Currency
decimals = Decimals
the-book-is-written-to-path = The book is written to { $path }
done-of-total-invoices = { $done } of { $total ->
    [one] { $total } invoice
   *[other] { $total } invoices
}
explore-with-sample-data = Explore with sample data
n-18-months-of-invoices-payments = 18 months of invoices, payments and notes for made-up customers, in a separate file.
choose-a-file = Choose a file…
or-type-its-path = or type its path:
book-file = Book file
owed = Owed
who-owes-you-what-since-when = Who owes you what, since when, and what you did about it.
close-esc = Close (Esc)
level-name-payment-reminder = payment reminder
level-name-friendly-reminder = friendly reminder
level-name-second-notice = second notice
level-name-final-demand = final demand
level-name-notice-before-legal-action = notice before legal action
code-oldest-item-due-due-days-overdue = { $code } · oldest item due { $due }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
code-first-item-falls-due-due = { $code } · first item falls due { $due }
encoding = Encoding
delimiter = Delimiter
decimal = Decimal
dates = Dates
year = Year
line = Line
payer-and-details = Payer and details
status = Status
suggested-customer = Suggested customer
decision = Decision
letter = letter
dso-days = DSO (days)
cei = CEI
add-days = ADD (days)
low-risk = low risk
medium-risk = medium risk
high-risk = high risk
severe-risk = severe risk
credit-review-of-code-recorded-kept = Credit review of { $code } recorded, kept as is; next review { $date }.
credit-review-of-code-recorded-now = Credit review of { $code } recorded: now { $tier }, limit { $limit }; next review { $date }.
letter-n-language-problem = Letter { $n } ({ $language }): { $problem }
payment-reminder-letter-language-problem = Payment reminder letter ({ $language }): { $problem }
merge-fields-table-of-overdue-items = Merge fields: { $fields }. A paragraph that is only { $items } becomes the table of overdue items.
next-credit-review = Next credit review
contact-person = Contact person
terms-net-30-eom-15-receipt = Terms (net 30, eom 15, receipt, 2/10 net 30)
tier-a-b-or-c = Tier (A, B or C)
days-late = Days late
last-contact = Last contact
credit-used = Credit used
risk = Risk
number-posted-with-an-override-amount = { $number } posted with an override: { $amount } in { $count ->
    [one] { $count } item
   *[other] { $count } items
}, first due { $due }.
number-posted-amount-in-count-items = { $number } posted: { $amount } in { $count ->
    [one] { $count } item
   *[other] { $count } items
}, first due { $due }.
one-item = One item
deposit-balance = Deposit + balance
number = Number
debit = Debit
contact = Contact
archived = Archived
field = Field
kind-invoice = invoice
kind-fee = fee
kind-refund = refund
kind-payment = payment
kind-credit = credit
kind-writeoff = writeoff
kind-void = void
kind-discount = discount
channel-call = call
channel-email = email
channel-letter = letter
channel-visit = visit
channel-message = message
channel-other = other
direction-out = out
direction-in = in
when = When
promise = Promise
follow-up = Follow-up
repayment-plan = Repayment plan
ledger-pick-a-customer = Ledger (pick a customer)
statements-letters = Statements & letters
what = What
screen-language = Screen language
screen-language-hint = Applies at once, for you on this computer (not saved in the book).
owed-lang-overrides-this = OWED_LANG={ $value } is set and chooses the language instead.
follow-the-system = Follow the system
the-language-could-not-be-saved = The language could not be saved in { $path }: { $error }
# Errors: import
error-import-not-a-statement = { $file }: { $message }
error-import-empty = { $file }, line 1: the file is empty
error-import-undecodable = { $file }, line { $line }: bytes that are not { $encoding } text; pass --encoding with the file's encoding
error-import-hint = { $file }: { $message }
error-import-no-transactions = { $file }, line { $line }: no transactions found (no row has both a date and an amount)
error-import-no-amount-column = { $file }, line { $line }: no amount column found
error-import-ambiguous-dates = { $file }, line { $line }, column { $column }: '{ $text }' could be day-first or month-first and no date in the file decides it; pass { $choices }
error-import-missing-year = { $file }, line { $line }, column { $column }: the date '{ $text }' has no year; pass --year with the statement's year
error-import-bad-date = { $file }, line { $line }, column { $column }: '{ $text }' is not a date ({ $format })
error-import-ambiguous-decimal = { $file }, line { $line }, column { $column }: '{ $text }' could have a decimal point or a point grouping thousands, and no amount in the file decides it; pass --decimal-mark . if the point is the decimal mark, --decimal-mark , if it groups thousands
error-import-split-amount = { $file }, line { $line }, column { $column }: '{ $text }' looks like one amount cut in two by the delimiter (a decimal comma written without quotes): the row has more cells than the header; write the amount quoted ("12,50") or with a point
error-import-bad-amount = { $file }, line { $line }, column { $column }: '{ $text }' is not an amount
error-import-missing-amount = { $file }, line { $line }, column { $column }: no amount in a row with a date
error-import-bad-direction = { $file }, line { $line }, column { $column }: '{ $text }' does not say whether money came in or went out
error-import-markup = { $file }, line { $line }: { $message }
error-import-bad-value = { $file }, line { $line }, <{ $field }>: '{ $text }' is not { $expected }
error-import-missing-field = { $file }, line { $line }: { $what } has no <{ $field }>
error-import-ambiguous-sign = { $file }, line { $line }: { $why }, but no row shows whether a purchase is a positive or a negative number; pass --sign inverted if purchases are positive, --sign normal if they are negative
error-import-both-sides = { $file }, line { $line }: both the debit column { $debit } and the credit column { $credit } hold an amount
error-run-invalid = { $reason }
error-load-unknown-kind = '{ $kind }' is not a kind of load; use customers, invoices or payments
error-load-io = { $file }: { $error }; nothing was loaded
error-load-refused = { $file }: { $message }; nothing was loaded
error-load-too-big = { $file }: the file is { $size }; a spreadsheet is read up to { $most }; nothing was loaded
error-load-empty = { $file }: the file is empty; its first line must name the columns; nothing was loaded
error-load-unknown-column = { $file }: line 1: unknown column '{ $column }'; { $kind } columns are: { $known }; nothing was loaded
error-load-duplicate-column = { $file }: line 1: the column '{ $column }' appears twice; nothing was loaded
error-load-missing-column = { $file }: line 1: the required column '{ $column }' is missing; nothing was loaded
error-load-row = { $file }: line { $line }: { $message }; nothing was loaded
error-load-field = { $file }: line { $line }, column '{ $column }': { $message }; nothing was loaded
error-load-store = { $file }: nothing was loaded: { $error }
error-read-too-big = the file is { $size }, more than is read
error-read-io = { $error }
error-whole-io = { $error }
# Errors: reports
error-report-empty-range = the range is empty: --from { $from } is after --to { $to }
error-report-too-far-back = { $days ->
    [one] 1 day
   *[other] { $days } days
} before { $date } is outside the calendar
error-statement-io = { $path }: { $error }
error-statement-bad-selection = customers are all, with-balance, overdue or codes like C001,C002 — not '{ $selection }'
error-statement-nothing-overdue = { $customer } has nothing overdue on that date; there is nothing to demand
error-statement-nothing-falling-due = { $customer } has nothing open falling due within the payment reminder's days (letter.0.days_before); there is nothing to remind of
error-statement-ladder-holds = no letter to { $customer }: the ladder holds it ({ $reason }); --force writes it anyway
error-statement-does-not-tie = the statement of { $code } does not tie: ledger closing { $ledger } but aging balance { $aging }; run `owed check`
error-pdf-font = the PDF font: { $error }
error-pdf-empty = there is nothing to print
error-pdf-write = { $error }
error-pdf-assemble = the PDF could not be put together: { $error }
error-aging-pdf-write = could not write { $path }: { $error }
error-aging-pdf-folder = could not write { $path }: that is a folder, not a file name
error-export-unknown-kind = '{ $kind }' is not something to export; use customers, documents, notes, allocations, items or journal
error-export-write = could not write the export: { $error }
error-export-format-not-for-csv = --format is for `owed export journal` only; { $kind } is written as CSV
error-journal-unknown-format = --format: '{ $format }' is not a journal format; use hledger, ledger or beancount
error-journal-write = could not write the journal: { $error }
error-demo-not-empty = the book already has customers; the demo only fills a new, empty book (start one with another --book)
error-demo-no-customers = the demo needs at least one customer
error-demo-bad-today = { $date } is too early a date to build 18 months of history before it
error-demo-import = the demo's bank statement: { $error }

# Errors: domain
error-date-not-a-date = '{ $text }' is not a date of the form YYYY-MM-DD
error-date-out-of-range = '{ $text }' is outside the dates a book keeps (1900-01-01 to 2199-12-31)
error-text-blank = { $field }: must not be blank
error-text-control = { $field }: contains a control character ({ $code }) at position { $position }; remove it
error-text-new-line = { $field }: contains a new line at position { $position }; it must be one line
error-text-bidi = { $field }: contains a bidirectional override ({ $code }) at position { $position }, which makes text read differently from what it is; remove it
error-text-too-long = { $field }: is { $length ->
        [one] { $length } character
       *[other] { $length } characters
    } long; at most { $max } are accepted
error-letter-unknown-field = unknown merge field { $field }; the fields are { $fields }
error-letter-unclosed = a '{"{"}' without its '{"}"}': write merge fields like {"{customer}"}
error-letter-empty-title = the title is empty
error-letter-no-paragraphs = the letter has no paragraphs
error-letter-items-inline = {"{items}"} (the table of overdue items) must be a paragraph on its own
error-letter-bad-days = level { $level }: '{ $text }' is not a whole number of days from 1 to { $max }
error-letter-not-increasing = level { $level } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) must come after level { $previous } ({ $previous_days ->
        [one] { $previous_days } day
       *[other] { $previous_days } days
    }): the thresholds must increase
error-company-empty-name = the company name is empty
error-company-bad-email = '{ $text }' is not an email address
error-company-not-an-image = the logo must be a PNG or JPEG image; this file is { $kind }
error-company-bad-image = the logo is a damaged or truncated { $format } image: { $reason }
error-company-bad-size = the logo is { $width } × { $height } pixels; use one between 16 and { $max } pixels a side
error-company-too-large = the logo file is { $kb } KB; use one of at most { $max } KB
error-customer-empty-code = the customer code must not be empty
error-customer-bad-code = the customer code '{ $code }' must be at most 32 characters with no spaces
error-customer-empty-name = the customer name must not be empty
error-customer-bad-tier = tier must be A, B or C, not '{ $tier }'
error-customer-bad-email = '{ $text }' is not an email address
error-customer-negative-credit-limit = the credit limit must not be negative
error-aging-bad-buckets = buckets must be rising whole numbers of days like 30,60,90, not '{ $text }'
error-aging-bad-basis = aging is by 'due' or 'invoice', not '{ $text }'
error-money-not-an-amount = '{ $text }' is not an amount; write it like { $example }
error-money-not-an-amount-either = '{ $text }' is not an amount; write it like { $grouped } or { $plain }
error-money-too-precise = '{ $text }' has more decimals than { $code } allows ({ $minor_units })
error-money-not-positive = '{ $text }' must be more than zero
error-money-too-large = '{ $text }' is too large; one amount can be at most 999,999,999,999 and its decimals
error-money-bad-currency-code = currency code '{ $code }' must be three letters, like USD
error-money-bad-minor-units = minor units must be 0 to 4, not { $units }
error-note-bad-channel = channel must be one of call, email, letter, visit, message, other — not '{ $text }'
error-note-bad-direction = direction must be out or in, not '{ $text }'
error-note-empty-summary = the summary must not be empty
error-note-bad-promise = a promise is DATE:AMOUNT or a plan DATE:AMOUNT,DATE:AMOUNT,… (`;` also separates parts), like 2026-12-10:300,2027-01-10:300 — not '{ $text }': { $why }
error-allocation-bad-request = '{ $text }' is not an allocation list (write it like INV-1001:300.00,INV-1002)
error-allocation-nothing-open = { $number } has nothing open for this customer
error-allocation-more-than-open = { $number } has { $open } open; { $asked } cannot be applied to it
error-allocation-more-than-credit = the allocations add up to more than the { $available } available
error-terms-unknown = '{ $text }' is not a payment term (use 'net 30', 'eom 10', 'due on receipt', or with an early-payment discount '2/10 net 30' or '1/15 eom 30')
error-terms-bad-discount-percent = the discount must be more than 0% and less than 100%, with at most 2 decimals, not { $percent }%
error-terms-discount-past-net = the discount days ({ $days }) must not be more than the net days ({ $net }), as in '2/10 net 30'
error-terms-bad-installment-count = installments must be between 2 and 120, not { $count }
error-terms-bad-deposit-percent = the deposit must be more than 0% and less than 100%, not { $percent }%
error-terms-schedule-sum-mismatch = the installments add up to { $got } but the invoice is { $expected }
error-terms-due-before-date = an installment is due { $due }, before the invoice date { $date }
error-terms-empty-installment = each installment must be more than zero
error-terms-bad-explicit-list = '{ $text }' is not an installment list (write it like 2026-10-31:400.00,2026-11-30:800.00)
error-terms-out-of-range = the due date falls outside the calendar
error-unknown-kind = '{ $text }' is not a document kind
# Errors: store
error-store-not-a-book = { $path }: this is { $what }, not an Owed book; nothing was changed. Pass --book with an Owed book, or a new file name to start one
error-store-newer = { $path } was written by a newer Owed (book version { $found }; this Owed reads up to { $supported }); nothing was changed. Upgrade Owed to open it
error-store-locked = { $path } is open for writing in another Owed window or command{ $holder }; close that one and try again
error-store-locked-process = { $path } is open for writing in another Owed window or command (process { $process }); close that one and try again
error-store-locked-this-window = { $path } is open for writing in another Owed window or command (this window only reads it); close that one and try again
error-store-no-book = { $path }: there is no book here; `owed init` starts one (or pass --book with an existing book)
error-store-needs-upgrade = { $path } is a book of an earlier Owed (version { $found }) and must be upgraded before it can be read; run any writing command on it or open it in the app (a copy is kept aside first)
error-store-read-only = { $path }: { $why }; nothing was written
error-store-damaged = { $path } is damaged ({ $found }); nothing was written. { $advice }
error-store-bad-backup = { $path } cannot be restored: { $why }; nothing was changed
error-store-already-exists = { $path } already exists ({ $company }, { $currency }); nothing was changed
error-store-io = { $path }: { $error }
error-store-sqlite = the book: { $error }
error-store-disk-full = the disk holding the book is full: this change was not written and the book is as it was; free some space and try again
error-store-corrupt = the book holds a value it cannot read: { $what }
error-store-file-changed = { $what }; nothing of the file was written
error-store-unknown-customer = no customer with code '{ $code }'
error-store-duplicate-customer = a customer with code '{ $code }' already exists
error-store-unknown-issued = no issued statement or letter with id { $id }; `owed issued list` shows them
error-store-unknown-document = no document numbered '{ $number }'
error-store-duplicate-number = a document numbered '{ $number }' already exists
error-store-already-voided = { $number } is already voided
error-store-void-of-void = { $number } is itself a void and cannot be voided
error-store-void-too-early = the void of { $number } must be dated on or after { $earliest }
error-store-date-before-allocation = { $number } is dated after the allocations of it; date it { $earliest } or later
error-store-refund-too-large = the refund of { $asked } is more than the { $available } of unapplied credit{ $source_doc }
error-store-refund-too-large-on = the refund of { $asked } is more than the { $available } of unapplied credit on { $document }
error-store-refund-too-large-of = the refund of { $asked } is more than the { $available } of unapplied credit of { $customer }
error-store-not-a-credit = { $number } is not a payment or credit of this customer
error-store-not-refundable = { $number } is a { $kind }, not money the customer paid in; a refund pays back a payment or a credit note
error-store-refund-more-than-paid = the refund of { $asked } is more than { $customer } has paid in ({ $paid }, less earlier refunds); a refund only pays back money received
error-store-minor-units-locked = the book's currency has { $from ->
    [one] { $from } decimal
   *[other] { $from } decimals
} and amounts are already stored ({ $what }); changing it to { $to } would rescale them, so nothing was changed
error-store-minor-units-locked-credit-limits = credit limits: { $n }
error-store-minor-units-locked-promised-amounts = promised amounts: { $n }
error-store-minor-units-locked-imported-bank-rows = imported bank rows: { $n }
error-store-minor-units-locked-separator = { ", " }
error-store-date-out-of-range = { $what } would be { $date }, outside the dates a book keeps (1900-01-01 to 2199-12-31); nothing was posted
error-store-date-out-of-range-the-date = the date
error-store-date-out-of-range-the-due-date = the due date
error-store-date-out-of-range-the-next-review = the next review
error-store-currency-locked = the currency cannot change once the book has documents
error-store-unknown-batch = no import batch { $id }; `owed import list` shows them
error-store-batch-undone = import batch { $id } was already undone on { $when }
error-store-unknown-bank-row = no kept bank row { $id }; `owed import unmatched` lists them
error-store-bank-row-not-open = bank row { $id } is { $status }, not unmatched
error-store-bank-row-not-open-posted = posted
error-store-bank-row-not-open-unmatched = unmatched
error-store-bank-row-not-open-skipped = skipped
error-store-bank-row-not-open-money-out = money-out
error-store-bank-row-not-open-foreign = foreign
error-store-bank-row-not-open-neutral = neutral
error-store-bad-setting = { $key }: { $message }
error-store-unknown-dispute = no dispute with id { $id }; `owed dispute list` shows them
error-store-dispute-refused = { $reason }; nothing was changed
error-store-credit-refused = { $message }
error-store-credit-refused-on-hold = { $customer } { $name } is on hold: this { $what } of { $amount } was not posted; post it with --override REASON
error-store-credit-refused-over-limit = { $customer } { $name } is over its credit limit: limit { $limit }, balance { $balance }, this { $what } { $amount } would take it { $over } over; post it with --override REASON
error-store-credit-refused-on-hold-over-limit = { $customer } { $name } is on hold and over its credit limit: limit { $limit }, balance { $balance }, this { $what } { $amount } would take it { $over } over; post it with --override REASON
error-store-credit-refused-fee = fee
error-store-credit-refused-invoice = invoice
error-store-credit-refused-open-part = invoice's open part
error-store-invariant = invariant broken: { $what }
the-range-is-empty = the range is empty: { $from } is after { $to }
could-not-start-a-worker-thread = could not start a worker thread: { $error }
the-background-work-stopped-unexpectedly = the background work stopped unexpectedly
a-worker-reading-the-book-stopped = a worker reading the book stopped
could-not-replace-path = could not replace { $path }: { $error }
owed-book = Owed book
png-or-jpeg = PNG or JPEG
note-logged-for-customer = Note saved for { $customer }.
number-posted = { $number } posted.

## cli
cli-error-input = { $field }: { $message }
cli-error-no-default-book = there is no default book folder on this system; pass --book PATH
cli-error-file = { $path }: { $message }
cli-error-output = could not write the output: { $message }
cli-error-check-failed = the book has { $count } problem(s)
cli-error-app = the window could not be opened: { $message }
cli-installments-neither = '{ $text }' is neither a count nor DATE:AMOUNT pairs
cli-fees-say-due = say --due to charge the interest and fees due by the policy (add --dry-run to only see them)
cli-out-is-for-pdf = is for --format pdf; table, csv and json are printed
cli-backup-what = give a new FILE to copy the book to, `now` or `list`
cli-restore-say-yes = this puts { $backup } in place of { $book } (which is kept aside as { $book }.replaced-<time>); nothing was changed — run again with --yes
cli-pdf-needs-out = --format pdf needs --out FILE.pdf, the file to write
cli-undo-issued-counted = { $count } issued document(s) counted these payments; run `owed import undo { $batch } --yes` to undo it anyway
cli-import-name-file = name the bank's export to import (CSV, XLSX, XLS, ODS, OFX or CAMT.053; or use list, undo, unmatched, assign)
cli-threshold-not-0-1 = { $value } is not between 0 and 1
cli-reset-not-a-level = '{ $level }' is not a level; use 0, 1, 2, 3 or 4
cli-reset-not-a-language = '{ $text }' is not a language; use en or zh
cli-lang-en-or-zh = the language is en or zh, not '{ $text }'
cli-period-yyyy-mm = a month is written YYYY-MM, like 2026-10, not '{ $text }'
cli-statement-kind = the kind is open-item, balance-forward or activity, not '{ $text }'
cli-letter-level = the level is 0 (payment reminder), 1, 2, 3 or 4, not { $level }
cli-letters-need-out = the folder to write the letters to (or --dry-run to list them)
cli-backtest-too-recent = a backtest compares the forecast with what was received in the { $weeks } weeks after { $as_of }, and they have not all passed by today ({ $today }); choose { $latest }
cli-warning = warning: { $warning }
cli-started-a-new-book = started a new book at { $path } ({ $currency }); `owed init` sets the company and currency
cli-init-ready = book { $path } ready: { $company }, { $currency } with { $decimals ->
    [one] { $decimals } decimal
   *[other] { $decimals } decimals
}
cli-customer-added = added customer { $code } { $name }
cli-terms-are = terms { $terms }
cli-credit-limit-is = credit limit { $limit }
cli-no-credit-limit = no credit limit
cli-from-tier-policy = { $what } from tier { $tier }'s policy
cli-next-credit-review = next credit review { $date }
cli-state-on-hold = { " " }(on hold)
cli-state-archived = { " " }(archived)
cli-customer-updated = updated { $code } { $name }{ $state }
cli-voided = voided { $number } with { $reversal } for { $customer }
cli-voided-discount-too = voided its discount { $discount } too
cli-nothing-to-apply = nothing to apply
cli-applied-to = applied { $amount } to { $item }
cli-note-logged = logged note { $id } for { $customer } at { $at }
cli-loaded = { $file }: added { $added }, already in the book { $present }
cli-demo-progress = demo: { $percent }% ({ $done } of { $total } invoices)
cli-demo-ready = demo book ready: { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}, { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
} in { $elapsed }
cli-wrote-rows = wrote { $count ->
    [one] { $count } row
   *[other] { $count } rows
} to { $path }
cli-wrote-transactions = wrote { $count ->
    [one] { $count } transaction
   *[other] { $count } transactions
} to { $path }
cli-check-ok = ok
cli-deposit-required = a { $pct }% deposit, as tier { $tier }'s policy requires (tier.{ $tier }.deposit_pct); --deposit 0 posts a single item, --deposit P or --installments another plan
cli-posted = posted { $kind } { $number } for { $customer }: { $amount }
cli-installment-due = installment { $seq } due { $due }: { $amount }
cli-due-on = due { $due }
cli-discount-taken = discount { $number } taken on { $invoice } ({ $terms }): { $amount }
cli-unapplied-credit = unapplied credit { $amount }
cli-customers-count = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}
cli-col-code = code
cli-col-name = name
cli-col-terms = terms
cli-col-balance = balance
cli-col-overdue = overdue
cli-col-oldest = oldest
cli-col-limit = limit
cli-col-used = used
cli-col-tier = tier
cli-col-status = status
cli-col-unapplied = unapplied
cli-col-date = date
cli-col-kind = kind
cli-col-number = number
cli-col-debit = debit
cli-col-credit = credit
cli-col-memo = memo
cli-col-customer = customer
cli-col-amount = amount
cli-col-reason = reason
cli-status-on-hold = on hold
cli-status-over-limit = over limit
cli-status-archived = archived
cli-days-short = { $days }d
cli-aging-item = { $item } due { $due } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
}){ $disputed }
cli-aging-item-disputed = { ", " }in dispute
cli-aging-title-due = Aging as of { $as_of } by due date ({ $currency })
cli-aging-title-invoice = Aging as of { $as_of } by invoice date ({ $currency })
cli-ledger-opening = opening
cli-ledger-closing = closing
cli-ledger-title = { $code } { $name } — terms { $terms }
cli-worklist-nothing = nothing to do on { $date }
cli-worklist-title = { $count ->
    [one] { $count } thing
   *[other] { $count } things
} to do on { $date }, most pressing first:
cli-overview-book = { $company } — { $path } ({ $currency })
cli-overview-owed = { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}; owed to you { $currency } { $balance }, overdue { $overdue }
cli-overview-most-overdue = Most overdue:
cli-overview-to-contact = To contact today ({ $count ->
    [one] { $count } thing
   *[other] { $count } things
} to do; `owed worklist` lists them all):
cli-overview-help = Run `owed --help` for every command.
cli-undo-issued-list = These statements and letters were issued with the payments of import { $batch }; undoing it changes what they say:
cli-import-undone = import { $batch } ({ $file }) undone: { $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
} voided, { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
} freed
cli-assigned = { $number } posted for { $customer } ({ $amount })
cli-import-detected = { $file }: { $encoding }, { $delimiter }, header line { $line }, dates { $dates }, decimal mark { $mark }, { $layout }
cli-import-amount-column = { ", " }amounts from column { $column }
cli-import-sign = { ", " }sign { $sign } ({ $why })
cli-import-profile = { ", " }profile { $profile }
cli-col-line = line
cli-col-confidence = confidence
cli-col-applied = applied
cli-import-tally = money in { $money_in } ({ $money_in_total }), money out { $money_out } ({ $money_out_total }), foreign { $foreign }, duplicates { $duplicates }, matched { $matched }, unmatched { $unmatched }, skipped lines { $skipped }
cli-import-not-posted = line { $line }: not posted, kept unmatched: { $reason }
cli-import-nothing-new = nothing to import: the file holds no new money in
cli-import-nothing-new-in-currency = nothing to import: the file holds no new money in the book's currency ({ $currency })
cli-nothing-would-be-written = nothing would be written
cli-nothing-was-written = nothing was written
cli-imported-as-batch = imported as batch { $batch }; `owed import undo { $batch }` reverses it
cli-dry-run-nothing-written = dry run: nothing was written
cli-nothing-new-imported-before = nothing new: every row was imported before; nothing was written
cli-row-unmatched = unmatched
cli-row-posted = posted
cli-row-will-post = will post
cli-goes-discount = discount { $invoice } { $amount }
cli-goes-unapplied = unapplied { $amount }
cli-col-batch = batch
cli-col-file = file
cli-col-imported = imported
cli-col-rows = rows
cli-col-new = new
cli-col-duplicates = duplicates
cli-col-payments = payments
cli-col-unmatched = unmatched
cli-col-undone = undone
cli-col-row = row
cli-col-payer = payer
cli-col-description = description
cli-col-suggestion = suggestion
cli-no-imports-yet = no imports yet
cli-no-unmatched-money = no unmatched money in
cli-writing-row = writing row { $done } of { $all }
cli-stale-removed = removed { $count ->
    [one] { $count } unfinished file
   *[other] { $count } unfinished files
} that an earlier run, stopped before it finished, left in { $folder }
cli-statements-progress = statements: { $done } of { $total }
cli-letters-progress = letters: { $done } of { $total }
cli-statements-written = { $count } { $kind } { $count ->
    [one] statement
   *[other] statements
} for { $period } written to { $out } ({ $skipped } skipped with nothing to say); due now in all: { $currency } { $amount }
cli-statement-kind-open-item = open-item
cli-statement-kind-balance-forward = balance-forward
cli-statement-kind-activity = activity
cli-statements-all-in-one = all in one: { $path }
cli-statements-preview = preview: nothing was archived
cli-statements-archived = archived as issued: { $count }
cli-letter-archived = { "; " }archived as issued #{ $id }, note logged
cli-letter-preview = { "; " }preview, not archived
cli-letter-written-overdue = letter level { $level } ({ $name }) to { $customer } written to { $path }: { $currency } { $amount } overdue, pay by { $deadline }{ $archived }
cli-letter-written-falling-due = letter level { $level } ({ $name }) to { $customer } written to { $path }: { $currency } { $amount } falling due, pay by { $deadline }{ $archived }
cli-letters-due-title = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
} due a letter on { $date }, { $held } held
cli-letters-due-reminder = { $customer } level 0 ({ $name }): { $reason }
cli-letters-due-rung = { $customer } level { $level } ({ $name }): { $net } net overdue, oldest due { $oldest }; { $reason }
cli-letters-held = held:
cli-letters-written = { $count ->
    [one] { $count } letter
   *[other] { $count } letters
} written to { $out } and archived, { $held } held
cli-letters-reminders-too = { $count ->
    [one] { $count } payment reminder
   *[other] { $count } payment reminders
} before the due date written and archived too
cli-days-overdue = { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
cli-first-falling-due = first falling due { $date }
cli-letters-written-one = { $customer } level { $level } ({ $when }): { $path }
cli-letters-combined = all of them, each from a new page, to print in one go (not archived itself): { $path }
cli-reconcile-first = warning: { $count ->
    [one] { $count } payment
   *[other] { $count } payments
} in on the bank are not matched to a customer yet; reconcile first, so nobody is chased for money already received:
cli-col-id = id
cli-col-what = what
cli-col-bytes = bytes
cli-col-sha256 = sha256
cli-issued-written = issued #{ $id } ({ $kind } { $customer } { $date }) written to { $out }: { $bytes } bytes, sha256 { $sha256 }
cli-issued-what-letter = level { $level } { $name }
cli-issued-what-statement = { $kind } { $period }
cli-dispute-opened = opened dispute { $id } on { $item } for { $customer }
cli-dispute-credit-note = { ", " }credit note { $number } for { $amount }
cli-dispute-resolved = resolved dispute { $id } on { $item }{ $credit }
cli-dispute-installment = { $invoice } installment { $seq }
cli-paused = paused letters to { $code } until { $until }
cli-resumed = resumed letters to { $code }
cli-col-invoice = invoice
cli-col-item = item
cli-col-outcome = outcome
cli-col-credit-note = credit
cli-dispute-open = open
cli-dispute-resolved-state = resolved
cli-no-disputes = no disputes
cli-fees-history = note: { $count } charges reach back to { $earliest }, as no fee.from is set; to charge only days from the policy's start: owed settings set fee.from YYYY-MM-DD
cli-fees-none-due = no interest or fees due on { $date }
cli-col-from = from
cli-col-to = to
cli-col-days = days
cli-col-principal = principal
cli-fees-dry-run = dry run: nothing posted
cli-fee-posted = posted { $number } to { $customer } for { $amount }
cli-backed-up = backed up to { $path }
cli-col-made-at = made at
cli-col-check = ok
cli-col-path = path
cli-backup-ok = ok
cli-backup-damaged = DAMAGED
cli-no-backups = no backups of { $book } yet; one is made after the first day's writes, or now with `owed backup now`
cli-restored = restored { $book } from { $from }
cli-restored-replaced-kept = { "; " }the replaced book is kept as { $path }
cli-col-at = at
cli-col-action = action
cli-col-field = field
cli-col-old = old
cli-col-new-value = new
cli-audit-nothing = nothing recorded yet
cli-col-channel = channel
cli-col-direction = dir
cli-col-summary = summary
cli-col-promise = promise
cli-col-follow-up = follow-up
cli-promise-parts-next = { $parts } parts, next { $date } { $amount }
cli-promise-parts-status = { $parts } parts, { $status }
cli-promise-parts = { $parts } parts
cli-promise-one = { $amount } on { $date }
cli-col-score = score
cli-col-band = band
cli-col-suggested = suggested
cli-col-why = why
cli-risk-title = risk as of { $as_of }, highest first:
cli-risk-acknowledged = { $code } { $name }: risk { $band } ({ $score }) acknowledged as of { $date }; the worklist warns again once it rises above { $band }
cli-not-available = n/a
cli-col-as-of = as of
cli-col-credit-sales = credit sales
cli-col-dso = DSO
cli-col-best-dso = best DSO
cli-col-add = ADD
cli-col-cei = CEI %
cli-analytics-trend-title = Trend over { $days } days to each month-end:
cli-analytics-title = Analytics as of { $as_of } over { $days } days
cli-analytics-credit-sales = credit sales
cli-analytics-dso = DSO
cli-analytics-best-dso = best possible DSO
cli-analytics-add = ADD
cli-analytics-cei = CEI
cli-col-days-to-pay = days to pay
cli-col-days-late = days late
cli-col-on-time = on time %
cli-col-promises-kept = promises kept %
cli-col-risk = risk
cli-col-suggested-tier = suggested tier
cli-analytics-by-customer = By customer (items settled and promises due in the 365 days to that day):
cli-an-earlier-date = an earlier date
cli-date-or-earlier = { $date } or earlier
cli-col-week = week
cli-col-expected = expected
cli-col-promised = promised
cli-col-total = total
cli-col-low = low
cli-col-high = high
cli-forecast-title = Cash forecast as of { $as_of }, { $weeks } weeks (week 1 starts the day after)
cli-forecast-open = Open on { $as_of }: { $open }; in dispute (left out): { $disputed }; unapplied credit: { $credit }; at most { $collectible } to collect.
cli-forecast-band = low/high: an 80 % band for each week on its own (the weeks' lows and highs do not add up).
cli-col-forecast = forecast
cli-col-received = received
cli-col-error = error %
cli-backtest-title = Backtest: the forecast as the book stood on { $as_of } next to what was received for the invoices and fees open that day
cli-backtest-error = Weekly error (mean of |forecast − received| / received, weeks with nothing received left out): { $mape }
cli-backtest-open = Open on { $as_of }: { $open }; in dispute (left out): { $disputed }; unapplied credit: { $credit }.
cli-letter-reset-english = letter { $level } ({ $name }) in English is the default text again
cli-letter-reset-chinese = letter { $level } ({ $name }) in Chinese is the default text again
cli-col-key = key
cli-col-source = source
cli-col-value = value
cli-setting-default = default
cli-setting-book = book
cli-review-next = { $code } { $name }: next credit review { $date }
cli-review-accepted = suggestion accepted
cli-review-kept = kept as is
cli-review-recorded = { $code } { $name }: credit review recorded ({ $what }): { $tier }, { $limit }; next review { $next }
cli-none = none
cli-no-tier = no tier
cli-tier-is = tier { $tier }
cli-limit-is = limit { $limit }
cli-because = because { $why }
cli-review-none-due = no credit review due on { $date }
cli-review-no-dates = no customer has a review date
cli-col-credit-limit = credit limit
cli-col-next-review = next review
cli-col-review-due = due
cli-review-due-cell = due
cli-review-title = credit review of { $code } { $name } on { $date }
cli-review-now = now: { $tier }, { $limit }, next review { $next }
cli-review-days-to-pay = days to pay: { $value }
cli-review-on-time = on time: { $value }
cli-review-promises-kept = promises kept: { $value }
cli-review-overdue-now = overdue now: { $amount }
cli-review-balance-now = balance now: { $amount }
cli-review-highest = highest balance, last 12 months: { $amount }
cli-review-risk = risk: { $score } ({ $band }): { $why }
cli-review-suggested = suggested: tier { $tier }, { $limit }
cli-review-how = `owed review accept { $code }` takes it; `owed review keep { $code }` keeps things as they are
cli-pdf-is-a-folder = that is a folder; give a file name such as aging.pdf
cli-aging-pdf-written = Wrote the aging as of { $as_of } ({ $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}) to { $path }
search-issued = Search: customer, month, date
nothing-issued-matches = Nothing issued matches the search.
recent-books = Recent books

## dates
date-today = Today
date-previous-month = Previous month
date-next-month = Next month
date-mon = Mo
date-tue = Tu
date-wed = We
date-thu = Th
date-fri = Fr
date-sat = Sa
date-sun = Su
date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December
date-month-title = { $month } { $year }
## reasons
reason-and = { "; " }
reason-list-and = { ", " }
reason-quoted = '{ $name }'
reason-invoices-named = { $numbers } named in the text
reason-settles-open = amount equals its open amount
reason-settles-with-discount = amount settles it with its early-payment discount of { $discount }
reason-settles-through = amount settles it through { $through }
reason-part-payment = a part payment
reason-pays-more = pays more than it has open
reason-known-payer = known payer
reason-known-payer-only = known payer from an earlier import
reason-name-exact = name '{ $name }' in the text
reason-name-core = name '{ $name }' in the text, legal form or word order aside
reason-name-close = name close to '{ $name }' (the text has '{ $seen }')
reason-name-partly = name '{ $name }' partly in the text
reason-equals-item = amount equals { $item } open
reason-equals-item-discounted = amount equals { $item } open less its early-payment discount
reason-equals-balance = amount equals the whole balance
reason-equals-oldest = amount equals the oldest { $count } open items
reason-equals-items = amount equals { $items }
reason-only-item-of-amount = amount equals { $item } open, the only open item of that amount
reason-only-discounted-item = amount equals { $item } open less its early-payment discount, the only such item
reason-only-balance = amount equals this customer's whole balance, and no other's
reason-twins = { $count } customers share the name: { $listed }
reason-twin = { $code } (balance { $balance }, { $items })
reason-twin-no-items = no open items
reason-twin-one-item = 1 open item
reason-twin-items = { $count } open items
reason-twins-more = and { $more } more
reason-chosen-by-amount = { $code } chosen: only its open items fit the amount
reason-chosen-by-legal-form = { $code } chosen: its legal form is the one in the text
reason-twins-alike = nothing in the row tells them apart: check before accepting
reason-others-in-text = { $others } also in the text, but only { $code }'s open items fit the amount
reason-due-first-of-spell = { $days } days overdue, first letter of this spell
reason-due-next-rung = { $days } days overdue, level { $level } sent { $sent }
reason-reminder-on = { $items } item(s) falling due { $first }: payment reminder before the due date
reason-reminder-from-to = { $items } item(s) falling due { $first } to { $last }: payment reminder before the due date
reason-same-as-bank-row = same date and amount as line { $line } of { $file } (import { $batch }), with other text
reason-same-as-payment = same date and amount as { $number } of { $customer }, entered by hand
reason-unpostable = { $amount } has more decimals than { $currency } allows ({ $decimals }): kept unmatched
reason-paid-by-line = { $number } was paid by line { $line } of this file
reason-partly-paid-by-line = { $number } was partly paid by line { $line } of this file
reason-nothing-open = { $number } has nothing open
reason-redirect-applied-to = { $why }: applied to { $names }
reason-redirect-oldest-first = { $why }: applied to its other open items, oldest first
reason-redirect-unapplied = { $why }: kept as unapplied credit
reason-redirect-unapplied-left = { $why }: { $amount } kept as unapplied credit
reason-sign-hint = --sign { $sign }
reason-sign-shape = unsigned amounts are money out, '+' marks money in
reason-card-title = line { $line } says '{ $text }'
reason-card-column = the column '{ $name }'
reason-sign-card-row-positive = a card statement ({ $card }) whose line { $line } shows purchases positive
reason-sign-card-row-negative = a card statement ({ $card }) whose line { $line } shows purchases negative
reason-sign-card-balance-positive = a card statement ({ $card }) whose balance moves with the amounts and is positive, so purchases are positive
reason-sign-card-balance-negative = a card statement ({ $card }) whose balance moves with the amounts and is negative, so purchases are negative
reason-sign-card-mostly-positive = a card statement ({ $card }) with { $count } of { $total } amounts positive
reason-sign-card-mostly-negative = a card statement ({ $card }) with { $count } of { $total } amounts negative
layout-signed-amount = signed amount
layout-card-statement = card statement: a positive amount is money out, a negative or '+' one money in
layout-direction-column = amount with a direction column
layout-debit-credit = debit and credit columns
warning-no-discount = { $number } earns no early-payment discount ({ $terms }): only an invoice due in one item does
warning-posted-with-override = posted with an override ({ $reason }): { $refused }

## Why a bank row was kept (import screen, owed import unmatched)
kept-suggested = { $code }: { $why }
kept-probable-duplicate = probable duplicate: { $why }

## Why the sign of a card statement's amounts must be asked for
reason-sign-doubt = the file looks like a card statement ({ $card })
reason-sign-doubt-row = the file looks like a card statement ({ $card }) and line { $line } reads like a card's purchase or repayment
reason-sign-doubt-disagree = the file looks like a card statement ({ $card }) and its rows disagree

## A damaged book: the warning when only reading it, and the way back
damage-when-reading = { $path } is damaged ({ $found }); what it shows may be wrong or incomplete. { $advice }
way-back-restore = Put the newest good backup back with `owed restore { $backup }`
way-back-no-good-backup = No good backup was found; `owed restore PATH` puts back a copy from elsewhere, and `owed check` lists the damage

## Why the ladder holds a customer, as the command line says it; a letter by hand's warning
held-paused = paused until { $until }: { $reason }
held-all-disputed = all overdue items in dispute
held-credit-covers = credit covers it
held-below-tolerance = below the tolerance ({ $net } net overdue, tolerance { $tolerance })
held-promise = promise until { $until }
held-threshold = threshold not yet reached (level { $level } at { $threshold } days, { $days } days overdue)
held-interval = interval not passed (last letter { $last }, next from { $next })
held-switched-off = level { $level } switched off
held-top-sent = level { $level } already sent { $sent }
hand-warning-other-level = warning: the ladder would send { $customer } level { $would } ({ $would_name }) today, not level { $asked } ({ $asked_name })
hand-warning-nothing-today = warning: the ladder sends { $customer } no letter today ({ $reason }); writing level { $asked } by hand
hand-warning-forced = warning: written despite the ladder holding { $customer } ({ $reason }): --force

## What owed check finds wrong
check-integrity = integrity: { $line }
check-foreign-key = foreign key: { $table } row { $row } points at a missing { $parent }
check-malformed-date = malformed date (YYYY-MM-DD, 1900-01-01..2199-12-31) in { $table }.{ $column } of { $who }: '{ $value }'
check-malformed-timestamp = malformed timestamp (RFC 3339) in { $table }.{ $column } of { $who }: '{ $value }'
check-broken = { $rule }: { $what }
check-customer-id = customer #{ $id }
check-habit-sums = payment-habit sums of { $who } for { $month } differ from the items settled then ({ $kept } kept, { $settled } settled)
check-habit-sums-none-kept = payment-habit sums of { $who } for { $month } differ from the items settled then (none kept, { $settled } settled)
check-stopped = the ledger's own checks stopped at what is listed above: { $error }
check-aging-does-not-tie = aging does not tie for { $code } as of { $date }: aging { $aging }, recomputed { $recomputed }, documents { $documents }
check-rule-open-differs = item's open amount differs from its allocations
check-rule-item-over-allocated = item over-allocated or allocated below zero
check-rule-settle-date = item's settle date is wrong
check-rule-unapplied-differs = credit's unapplied amount differs from its allocations
check-rule-credit-over-allocated = credit over-allocated or allocated below zero
check-rule-exhausted-date = credit's exhausted date is wrong
check-rule-item-over-allocated-on-date = item over-allocated as of some date
check-rule-credit-over-allocated-on-date = credit over-allocated as of some date
check-rule-items-do-not-add-up = debit document's items do not add up to it
check-rule-credit-has-items = credit document has items
check-rule-between-customers = allocation between two customers
check-rule-from-non-credit = allocation from a document that is not a credit
check-rule-allocation-too-early = allocation dated before its credit or its item
check-rule-bad-void = void on the wrong side, of the wrong amount, or of a void
check-rule-promise-parts-order = promise parts not numbered 1, 2, … in date order
check-rule-promise-differs = note's promise date or amount differs from its promise parts (last date, total)
check-rule-discount-misplaced = discount allocated to something other than an invoice or its own void
check-rule-discount-stranded = discount standing without its payment (missing, of another customer, or voided) or left unapplied
check-rule-void-of-nothing = void that voids nothing
check-rule-item-differs-from-document = item's customer or date differs from its document's

## The command line's --help (src/cli/help.rs): clap's own words, then each command's and
## argument's text, by its path (help-owed is `owed`, help-invoice-add--amount is
## `owed invoice add --amount`). The English texts are the doc comments word for word.
clap-usage = Usage:
clap-commands = Commands:
clap-arguments = Arguments:
clap-options = Options:
clap-print-help = Print help
clap-print-help-more = Print help (see more with '--help')
clap-print-help-summary = Print help (see a summary with '-h')
clap-print-version = Print version
clap-help-command = Print this message or the help of the given subcommand(s)
clap-help-command-subcommand = Print help for the subcommand(s)
clap-env = env
clap-default = default
clap-possible-values = possible values
help-owed = Who owes you what, since when, and what you did about it.
help-owed--book = The book file (default: book.owed in the OS data folder). A missing book is created by commands that write; reading commands say it is missing
help-init = Start a book (or change the settings of one with no documents yet)
help-init--minor-units = Decimals of the currency (USD 2, JPY 0, HUF 0, BHD 3)
help-customer = Add, edit and list customers
help-customer-add = Add a customer
help-customer-add--contact = The person to ask for
help-customer-add--terms = `net 30`, `eom 10` or `due on receipt` (default: the tier's policy, else net 30)
help-customer-add--credit-limit = An amount, or `none` for no limit (default: the tier's policy, else none)
help-customer-add--tier = A, B or C
help-customer-add--hold = Put the customer on credit hold
help-customer-edit = Change a customer's details, hold or archive it
help-customer-edit--contact = The person to ask for
help-customer-edit--credit-limit = An amount, or `none` to remove the limit
help-customer-edit--tier = A, B, C or `none`
help-customer-edit--reason = Why (kept in the audit log with each change)
help-customer-list = List customers with balances
help-customer-list--as-of = Balances as of this date (default today)
help-customer-pause = Hold a customer's demand letters by hand until a date
help-customer-pause--until = The last day letters are held
help-customer-resume = End a customer's pause
help-invoice = Post an invoice (with installments or a deposit if asked)
help-invoice-add = Post one
help-invoice-add--customer = The customer's code
help-invoice-add--number = The document number (given automatically if left out)
help-invoice-add--date = YYYY-MM-DD (default today)
help-invoice-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-invoice-add--reference = E.g. the customer's order number or the bank's reference
help-invoice-add--terms = Overrides the customer's terms: `net 30`, `eom 10`, `due on receipt`
help-invoice-add--due = An explicit due date
help-invoice-add--installments = N equal installments a month apart, or explicit `DATE:AMOUNT,DATE:AMOUNT`
help-invoice-add--deposit = A deposit due at once, e.g. `30%`; the rest on the terms
help-invoice-add--override-reason = Post it even though the customer is on hold or it takes the balance over the credit limit; the reason is recorded in the audit log
help-fee = Post a late fee or interest charge (its own document)
help-fee-add = Post one
help-fee-add--customer = The customer's code
help-fee-add--number = The document number (given automatically if left out)
help-fee-add--date = YYYY-MM-DD (default today)
help-fee-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-fee-add--reference = E.g. the customer's order number or the bank's reference
help-fee-add--terms = Overrides the customer's terms: `net 30`, `eom 10`, `due on receipt`
help-fee-add--due = An explicit due date
help-fee-add--installments = N equal installments a month apart, or explicit `DATE:AMOUNT,DATE:AMOUNT`
help-fee-add--deposit = A deposit due at once, e.g. `30%`; the rest on the terms
help-fee-add--override-reason = Post it even though the customer is on hold or it takes the balance over the credit limit; the reason is recorded in the audit log
help-fees = Charge late interest and fees by policy (`--due`): one fee document per customer
help-fees--due = Charge the interest and fees due by the policy (`fee.*` settings)
help-fees--date = The run date: interest counts through it (default today)
help-fees--dry-run = Show what would be charged; post nothing
help-fees--format = table or json
help-payment = Record a payment and allocate it (oldest due first unless --apply); it takes the early-payment discounts it earns unless --no-discount
help-payment-add = Post one and allocate it; it takes the early-payment discounts it earns
help-payment-add--customer = The customer's code
help-payment-add--number = The document number (given automatically if left out)
help-payment-add--date = YYYY-MM-DD (default today)
help-payment-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-payment-add--reference = E.g. the customer's order number or the bank's reference
help-payment-add--apply = `INV-1001:300.00,INV-1002` (default: oldest due first)
help-payment-add--unapplied = Keep it all as unapplied credit
help-payment-add--no-discount = Take no early-payment discount, even where the invoice's terms offer one (`2/10 net 30`) and the payment is inside the window
help-credit = Issue a credit note and allocate it
help-credit-add = Post one and allocate it
help-credit-add--customer = The customer's code
help-credit-add--number = The document number (given automatically if left out)
help-credit-add--date = YYYY-MM-DD (default today)
help-credit-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-credit-add--reference = E.g. the customer's order number or the bank's reference
help-credit-add--apply = `INV-1001:300.00,INV-1002` (default: oldest due first)
help-credit-add--unapplied = Keep it all as unapplied credit
help-writeoff = Write off bad debt
help-writeoff-add = Post one and allocate it
help-writeoff-add--customer = The customer's code
help-writeoff-add--number = The document number (given automatically if left out)
help-writeoff-add--date = YYYY-MM-DD (default today)
help-writeoff-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-writeoff-add--reference = E.g. the customer's order number or the bank's reference
help-writeoff-add--apply = `INV-1001:300.00,INV-1002` (default: oldest due first)
help-writeoff-add--unapplied = Keep it all as unapplied credit
help-refund = Pay back unapplied credit to a customer
help-refund-add = Post one
help-refund-add--customer = The customer's code
help-refund-add--number = The document number (given automatically if left out)
help-refund-add--date = YYYY-MM-DD (default today)
help-refund-add--amount = Exact, in the book's number format: 1200.00 or 1,200.00 (1.200,00 where the locale writes a decimal comma)
help-refund-add--reference = E.g. the customer's order number or the bank's reference
help-refund-add--of = The payment or credit note refunded (default: oldest unapplied credit)
help-void = Void a posted document: adds its reversal and frees its allocations
help-void--number = The number of the document to void
help-void--date = Date of the void (default today)
help-apply = Apply a customer's unapplied credit to its open items, oldest first
help-note = Log and list collection notes
help-note-add = Log a contact with a customer
help-note-add--channel = call, email, letter, visit, message or other
help-note-add--direction = out (we contacted them) or in (they contacted us)
help-note-add--promise = A promise to pay: `DATE:AMOUNT`, or a repayment plan of parts separated by `,` or `;`: `2026-12-10:300,2027-01-10:300,2027-02-10:400` (dates strictly increasing, amounts in the book's number format, at most 60 parts)
help-note-list = List notes, newest first
help-note-list--due = Only customers whose latest note's follow-up or promise date has come
help-dispute = Open, resolve and list disputes: disputed items are held from letters and interest
help-dispute-open = Dispute an invoice (or one installment of it): held from letters and interest until resolved
help-dispute-open--item = The installment disputed (default: the whole invoice)
help-dispute-resolve = Resolve a dispute, with a credit note when the customer was right
help-dispute-resolve--id = The dispute's id (`owed dispute list`)
help-dispute-resolve--credit = Post a credit note for this amount against the disputed items
help-dispute-resolve--date = The credit note's date (default today)
help-dispute-list = Every dispute, oldest first
help-dispute-list--open = Only the disputes not yet resolved
help-ledger = A customer's ledger with running balance
help-aging = Aging as of any date
help-aging--as-of = YYYY-MM-DD (default today)
help-aging--buckets = Upper bounds of the buckets in days
help-aging--by = Age by days past `due` date or days since `invoice` date
help-aging--detail = List every open item under its customer
help-aging--format = table, csv, json, or pdf (with --out)
help-aging--out = The file to write with --format pdf (written whole or not at all)
help-load = Bring in a spreadsheet (CSV) of customers, invoices or payments
help-load--kind = customers, invoices or payments
help-load--override-reason = Post invoices for customers on hold or over their credit limit anyway, recording this reason for each in the audit log (without it such a row refuses the file)
help-import = Import a bank statement (CSV, any bank) and post the customer payments in it
help-import--file = The bank's export: CSV (any bank, any layout), XLSX, XLS or ODS, OFX or CAMT.053
help-import--dry-run = Show what would be imported; write nothing
help-import--format = table, csv (the money-in rows: status, match, where the money goes) or json
help-import--date-format = The date format when the file cannot tell, e.g. %d/%m/%Y
help-import--encoding = The file's encoding when detection is wrong, e.g. windows-1250, gbk
help-import--year = The year for dates written without one
help-import--sign = normal: money in is positive (a bank account); inverted: purchases are positive and repayments negative (a card statement written from the card issuer's side)
help-import--amount-column = The amount column to read when the file has several: a header name or a column number (e.g. "Amount in account currency" or 5)
help-import--decimal-mark = The amounts' decimal mark, `.` or `,`, when no amount in the file shows it (`1.005` is 1.005 with `.`, 1,005 with `,`)
help-import--header-line = The line of the header row, when a preamble line was taken for it (0: no header)
help-import--profile = A remembered bank profile to read with (saved under this name after the import)
help-import--accept-threshold = Post matches at least this confident (0 to 1); others are kept unmatched
help-import--max-size = The largest file read, e.g. 512MB, 1GB or bytes (default 256MB)
help-import-undo = Undo an import: void its payments as of their own dates, free its rows (history stays). Asks for --yes when statements or letters already issued counted them
help-import-undo--yes = Undo even though statements or letters issued since counted these payments
help-import-list = Past imports, newest first
help-import-unmatched = Money in left unmatched, to come back to
help-import-assign = Post an unmatched row as this customer's payment
help-import-assign--row = The row id from `owed import unmatched`
help-import-assign--apply = Invoices to apply to, e.g. INV-1001:300.00,INV-1002 (default oldest first)
help-demo = Fill a new book with realistic sample data
help-demo--today = The day the sample history ends (default today)
help-export = Write customers, documents or notes as CSV (customers in the columns `load` reads)
help-export--kind = customers, documents, notes, allocations or items (CSV), or journal (the whole book for hledger, ledger or beancount)
help-export--out = The file to write (default: standard output)
help-export--format = For `journal` only: hledger (the default), ledger or beancount
help-export--as-of = Items open and allocations dated up to this date (default today)
help-check = Check the book: SQLite integrity and the ledger's invariants
help-check--as-of = Also check that aging ties to balances as of this date (default today)
help-backup = Copy the book to a new file (safe while it is open); `backup now` into the backups/ folder; `backup list` every backup
help-backup--dest = A new file to copy the book to (safe while the book is open). A file named `list` or `now` is written as `./list`, `./now`
help-backup-list = Every backup of the book, newest first, each checked: automatic, manual and the copies kept before upgrades
help-backup-list--format = table or json
help-backup-now = Make a manual backup in the book's backups/ folder now
help-restore = Put a backup in place of the book (the current file is kept aside)
help-restore--path = The backup to put in place of the book (e.g. from `owed backup list`)
help-restore--yes = Replace the book; without it, what would happen is shown and nothing changes
help-statements = Statements for a month as PDF: one per customer and one combined
help-statements--period = The month, YYYY-MM; the statement date is its last day
help-statements--kind = open-item, balance-forward or activity
help-statements--customers = all, with-balance, overdue or codes like C001,C002
help-statements--out = The folder to write the PDFs to
help-statements--lang = en or zh (default: the company's locale)
help-statements--preview = Write the PDFs without archiving them as issued
help-statements--email = Email each statement to the customers who want email (queued in the outbox with the archived PDF, then sent); the others are listed as to print
help-letter = One demand letter as PDF
help-letter--level = 0 payment reminder before the due date, 1 reminder, 2 second notice, 3 final demand, 4 notice before legal action
help-letter--date = Letter date (default today)
help-letter--deadline = Pay-by date (default 14 days after the letter date; level 0: the first due date)
help-letter--lang = en or zh (default: the company's locale)
help-letter--preview = Write the PDF without archiving it or logging a note
help-letter--force = Write it even though the ladder holds the customer (paused, all overdue disputed, credit covers it, below the tolerance, an open promise)
help-letter--email = Also email it when the customer wants email (queued in the outbox with the archived PDF, then sent)
help-letters = Demand letters for every customer due one (`--due`)
help-letters--due = Every customer due a letter: one rung up the ladder at a time, net of credit, held by open promises and the interval between letters
help-letters--date = Letter date (default today)
help-letters--out = The folder the letters are written to (not needed with --dry-run)
help-letters--lang = en or zh (default: the company's locale)
help-letters--dry-run = List who is due which letter, and who is held and why, without writing any
help-letters--format = table or json
help-letters--email = Also email each letter to the customers who want email (queued in the outbox with the archived PDF, then sent); the others are listed as to print
help-issued = Statements and letters issued: list them, or write one back byte for byte
help-issued-list = Statements and letters issued, newest first
help-issued-show = Write an issued document back, byte for byte as stored
help-issued-show--id = The id `owed issued list` shows
help-outbox = The emails queued with statements and letters: list, send or cancel them
help-outbox-list = The emails in the outbox, newest first, with where each is
help-outbox-list--format = table or json
help-outbox-send = Deliver what is waiting (queued, or failed and due another try)
help-outbox-send--now = Try the failed ones now too, without waiting their turn
help-outbox-cancel = Cancel an email that is still waiting: it is never sent
help-outbox-cancel--id = The id `owed outbox list` shows
help-issued-show--out = The file to write
help-overview = What is owed and overdue, and whom to contact today, as text
help-settings = Company details, paper, locale, and the demand letters' texts and thresholds
help-settings-show = Every setting and its value (texts with \n for new lines)
help-settings-set = Change one setting, e.g. `company.address "1 Main St\nSpringfield"`, `paper letter`, `company.logo logo.png`, `letter.2.days 20`, `letter.1.zh.title 付款提醒`
help-settings-set--key = company.name, company.address, company.phone, company.email, company.tax_id, company.payment_instructions, company.logo, paper, locale, letter.N.days, letter.N.en|zh.title|paragraphs|closing (N = 0 to 4), letter.0.send, tier.A|B|C.letter.N.days, tier.A|B|C.letter.interval_days
help-settings-set--value = The new value: `\n` is a new line; letter paragraphs are separated by a blank line (`\n\n`); for company.logo the path of a PNG or JPEG file ("" removes it)
help-settings-reset-letter = Put a level's letter back to the default text
help-settings-reset-letter--level = The level: 0 payment reminder before the due date, 1 reminder, 2 second notice, 3 final demand, 4 before legal action
help-settings-reset-letter--lang = en or zh (default: both)
help-settings-password = Keep the mail server's password in the system keyring (read from standard input, one line), for email.username at email.smtp_host; never in the book
help-settings-password--forget = Remove the password kept in the keyring instead
help-audit = The audit log: changes of master data and settings, overrides, restores, import undos
help-audit-list = Every recorded change, oldest first
help-audit-list--customer = Only this customer's changes
help-worklist = Everything to do today about getting paid, most pressing first: broken promises, letters and reminders due, follow-ups, credit to apply, money to match
help-worklist--date = The day to plan for (default today)
help-worklist--format = table or json
help-review = Credit reviews: who is due, a customer's record, and recording a review
help-review-list = Every customer's next review, soonest first (`--due`: only those that have come)
help-review-list--due = Only the reviews due: next review on or before --date
help-review-list--date = The day (default today)
help-review-list--format = table or json
help-review-show = A customer's record as the review form shows it
help-review-show--code = The customer's code
help-review-show--date = The day of the review (default today)
help-review-show--format = table or json
help-review-set = Move a customer's next review to DATE
help-review-set--code = The customer's code
help-review-set--date = The next review, YYYY-MM-DD
help-review-set--reason = Why (kept in the audit log)
help-review-accept = Take the tier and limit the review suggests (audited, reason "credit review"); the next review moves on by the new tier's interval from --date
help-review-accept--code = The customer's code
help-review-accept--date = The day of the review (default today)
help-review-keep = Record a review that keeps the tier and limit as they are; the next review moves on by the tier's interval (12 months, 6 for tier C) from --date
help-review-keep--code = The customer's code
help-review-keep--date = The day of the review (default today)
help-analytics = DSO, best possible DSO, ADD, CEI and each customer's payment habits (`--trend`: month by month)
help-analytics--as-of = The last day of the period (default today)
help-analytics--period-days = The period's length in days, ending on and including --as-of (1 to 3650)
help-analytics--trend = The headline figures as of each of the last 12 month-ends (the last is --as-of)
help-analytics--format = table or json
help-risk = Every customer's risk score (0-100), band and reasons, highest first; `risk ack CODE` acknowledges a customer's band so the worklist stops warning of it
help-risk--as-of = The day the scores are as of (default today)
help-risk--format = table or json
help-risk-ack = Acknowledge the customer's risk band now: the worklist stops warning of it until the band rises above it (audited as `risk-ack`)
help-risk-ack--code = The customer's code
help-risk-ack--date = The day its score is worked out as of (default today)
help-forecast = The cash expected week by week from what is owed (`--backtest`: the forecast made on a past day next to what was received)
help-forecast--as-of = The day the forecast is made on (default today); week 1 starts the day after
help-forecast--weeks = How many weeks (1 to 104)
help-forecast--backtest = The forecast the book would have made on --as-of (a past day) next to what was received in the weeks after it, for the items open on that day
help-forecast--format = table or json
help-app = Open the desktop app (what `owed` with no command does)

## What an audit entry records (owed audit list's table; JSON and CSV keep the key)
audit-customer-add = customer-add
audit-customer-edit = customer-edit
audit-settings = settings
audit-override = override
audit-restore = restore
audit-import-undo = import-undo
audit-pause = pause
audit-dispute = dispute
audit-risk-ack = risk-ack

## The ledger's history: an override, a dispute, an acknowledged risk band
history-posted-on-hold = Override: { $number } posted while on hold
history-posted-over-limit = Override: { $number } ({ $amount }) posted over the limit; the balance of { $balance } would be { $would_be }, { $over } over
history-dispute-open = Dispute { $id } opened on { $number }
history-dispute-open-installment = Dispute { $id } opened on { $number }, installment { $seq }
history-dispute-resolved = Dispute { $id } resolved
history-risk-seen = Risk band acknowledged: { $band } ({ $score })

## The note (and credit note memo) the book writes for a dispute, as read back
dispute-on-installment = { $number } installment { $seq }
note-dispute-opened = Dispute { $id } opened on { $on }: { $reason }
note-dispute-resolved = Dispute { $id } on { $on } resolved
note-dispute-resolved-credit = Dispute { $id } on { $on } resolved, credit note { $number } for { $amount }
note-dispute-credit-memo = Dispute { $id } on { $on }: { $outcome }

## The command line's --help, continued: the arguments that had no text before
help-init--currency = The currency's code: three letters, e.g. USD, EUR or CNY
help-init--company = The company's name, printed on statements and letters
help-customer-add--code = The customer's code, unique in the book: at most 32 characters, no spaces (e.g. C001)
help-customer-add--name = The customer's name
help-customer-add--email = The billing email: one address or several, separated by commas
help-customer-add--send-by = How statements and letters go to it: email (when it has an address; else printed), post, or both
help-customer-add--phone = The phone number
help-customer-add--address = The postal address, printed on statements and letters (it may run over several lines)
help-customer-edit--code = The customer's code
help-customer-edit--name = The new name
help-customer-edit--email = The billing email: one address or several, separated by commas
help-customer-edit--send-by = How statements and letters go to it: email (when it has an address; else printed), post, or both
help-customer-edit--phone = The phone number
help-customer-edit--address = The postal address, printed on statements and letters (it may run over several lines)
help-customer-edit--terms = `net 30`, `eom 10` or `due on receipt`, for invoices posted from now on
help-customer-edit--hold = Put the customer on credit hold
help-customer-edit--release = Take the customer off credit hold
help-customer-edit--archive = Archive the customer: left out of the customers screen, credit reviews and bank matching; its documents stay
help-customer-edit--unarchive = Bring an archived customer back
help-customer-list--format = table, csv or json
help-customer-pause--code = The customer's code
help-customer-pause--reason = Why (kept in the audit log)
help-customer-resume--code = The customer's code
help-invoice-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-fee-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-payment-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-credit-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-writeoff-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-refund-add--memo = A note kept with the document, shown in the ledger and on balance-forward and activity statements
help-void--reason = Why (kept as the reversal's memo)
help-apply--customer = The customer's code
help-apply--date = Date of the allocations (default today)
help-note-add--customer = The customer's code
help-note-add--summary = What was said or done
help-note-add--outcome = What came of it
help-note-add--invoice = The number of the customer's invoice the note is about
help-note-add--follow-up = The day to follow up, YYYY-MM-DD: from then on, while this is the customer's latest note, the worklist and `note list --due` show it
help-note-list--customer = Only this customer's notes
help-note-list--format = table, csv or json
help-dispute-open--invoice = The number of the invoice (or fee) disputed
help-dispute-open--reason = What the customer disputes (logged as a collection note too)
help-dispute-resolve--outcome = How it was resolved (logged as a collection note too)
help-dispute-list--format = table, csv or json
help-ledger--code = The customer's code
help-ledger--from = The first day, YYYY-MM-DD; what came before is the opening balance (default: from the first document)
help-ledger--to = The last day, YYYY-MM-DD (default: through the last document)
help-ledger--format = table, csv or json
help-load--file = The CSV file (comma- or semicolon-separated); its first line names the columns
help-import-undo--batch = The import's batch number (`owed import list`)
help-import-list--format = table, csv or json
help-import-unmatched--format = table, csv or json
help-import-assign--customer = The code of the customer who paid (the payer is remembered for later imports)
help-demo--customers = How many customers to make
help-demo--invoices = How many invoices in all, spread unevenly over the customers
help-demo--seed = The random seed: the same seed always builds the same book
help-letter--customer = The customer's code
help-letter--out = The folder to write the PDF to
help-issued-list--customer = Only this customer's statements and letters
help-issued-list--format = table, csv or json
help-settings-show--format = table, csv or json
help-audit-list--format = table, csv or json

## A fee run's memo, its first line as read back (the lines after it stay as written)
fee-memo-header = Late interest by policy (owed fees --due), run { $run }; per item: period, amount, installment, invoice

## The command line's argument errors (src/cli/parse_errors.rs; English is clap's own)
clap-error = error: { $what }
clap-error-unknown-argument = unexpected argument '{ $arg }' found
clap-error-unknown-subcommand = unrecognized subcommand '{ $name }'
clap-error-value-missing = a value is required for '{ $arg }' but none was supplied
clap-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-error-possible-values = { "" } [possible values: { $values }]
clap-error-value-validation = invalid value '{ $value }' for '{ $arg }': { $why }
clap-error-missing-required = the following required arguments were not provided: { $args }
clap-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-error-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
clap-error-used-twice = the argument '{ $arg }' cannot be used multiple times
clap-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-error-number-of-values = '{ $arg }' was given the wrong number of values
clap-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-error-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-error-did-you-mean = tip: a similar one exists: '{ $suggested }'
clap-error-try-help = For more information, try '--help'.

## The file dialog that picks a backup to restore
owed-book-or-backup = Owed book or backup

## The reasons the book gives itself in the audit log, as read
audit-reason-credit-review = credit review
audit-reason-risk-seen = risk band acknowledged

## Why a dispute was not opened or resolved
dispute-refused-empty-reason = the reason must not be empty
dispute-refused-empty-outcome = the outcome must not be empty
dispute-refused-not-disputable = { $number } is a { $kind }; only an invoice or a fee can be disputed
dispute-refused-no-installment = { $number } has no installment { $seq }; `owed ledger` shows its installments
dispute-refused-nothing-open = { $on } has nothing open (paid, credited or voided); there is nothing left to dispute
dispute-refused-already-open = { $on } is already in open dispute { $id }; resolve that one first
dispute-refused-already-resolved = dispute { $id } was already resolved at { $at }; a resolved dispute is never changed
dispute-refused-credit-not-positive = --credit must be more than zero (leave it out for no credit note)
dispute-refused-credit-too-large = the credit of { $credit } is more than the { $open } still open on { $on }

## Why a setting's value is refused (owed settings set, the settings screen)
setting-not-days = '{ $text }' is not a whole number of days from 0 to { $max }
setting-negative-tolerance = the tolerance cannot be negative
setting-negative-fee = the amount cannot be negative
setting-negative-credit-limit = the credit limit cannot be negative
setting-not-a-rate = '{ $text }' is not a yearly rate in percent from 0 to 100 (e.g. 12 or 12.5)
setting-not-a-fee-date = '{ $text }' is not a date (YYYY-MM-DD, the first day interest may be charged; empty: no limit)
setting-not-a-percentage = '{ $text }' is not a percentage from 0 up to (not including) 100, e.g. 30
setting-not-a-switch = '{ $text }' is not yes, no, true or false
setting-not-a-paper = '{ $text }' is not a paper size; use a4 or letter
setting-not-a-locale = '{ $text }' is not a locale; use one of { $locales }
setting-unknown-key = unknown setting; the settings are company.name, company.address, company.phone, company.email, company.tax_id, company.payment_instructions, company.logo, paper, locale, letter.N.days, letter.N.enabled, letter.interval_days, letter.tolerance, letter.N.en.title|paragraphs|closing, letter.N.zh.title|paragraphs|closing (N = 1 to 4), letter.0.enabled, letter.0.days_before, letter.0.send, letter.0.en|zh.title|paragraphs|closing (the payment reminder before the due date), tier.A|B|C.letter.N.days, tier.A|B|C.letter.interval_days (a tier's own ladder; empty: the book-wide value), fee.annual_rate, fee.grace_days, fee.minimum, fee.fixed, fee.from, tier.A|B|C.fee.annual_rate|grace_days (a tier's own late-interest policy; empty: the book-wide value), tier.A|B|C.terms, tier.A|B|C.credit_limit, tier.A|B|C.deposit_pct (a tier's credit policy for new customers and invoices; empty: no default), email.smtp_host, email.smtp_port, email.tls, email.username, email.from, email.from_name, email.reply_to, email.bcc_self, email.rate_per_minute, email.statement.en|zh.subject|body, email.letter.N.en|zh.subject|body (N = 0 to 4)
setting-file = { $path }: { $why }
setting-logo-too-big = the logo file is { $size }; use one of at most { $most }
setting-tier-ladder = tier { $tier }'s ladder: { $error } (a level the tier does not set has the book-wide letter.N.days)
setting-or-empty-no-default = { $problem }; empty: no default
setting-or-empty-book-wide = { $problem }; empty: the book-wide { $key }
error-store-no-backups-folder = a book in memory has no backups folder

## What a path is that is not a regular file
not-a-file-folder = this is a folder, not a file; choose the file inside it
not-a-file-named-pipe = this is a named pipe (FIFO), not a file; save it to a file and use that
not-a-file-device = this is a device, not a file; save it to a file and use that
not-a-file-socket = this is a socket, not a file; save it to a file and use that
not-a-file-other = this is not a regular file; save it to a file and use that

## What a file is, told by its first bytes; what a file is that is not an Owed book
file-kind-empty = an empty file
file-kind-pdf = a PDF file
file-kind-zip = a ZIP archive (perhaps a spreadsheet)
file-kind-truncated-sqlite = a truncated SQLite database
file-kind-gif = a GIF image
file-kind-webp = a WebP image
file-kind-svg-or-xml = an SVG or XML file
file-kind-bmp = a BMP image
file-kind-text = a text file
file-kind-other = a file of another kind
file-sniffed = { $kind } ({ $bytes } bytes)
not-a-book-folder = a folder
not-a-book-truncated = a damaged or truncated SQLite database ({ $bytes } bytes, expected { $expected })
not-a-book-other-program = an SQLite database of another program
not-a-book-other-program-id = an SQLite database of another program (application id { $id })
not-a-book-unfinished = an Owed book that was never finished being created
not-a-book-vanished = missing after it was created

## Why a book cannot be written, or a file restored
read-only-file = the file is read-only
read-only-folder = the folder is read-only
read-only-disk = the disk it is on is mounted read-only
read-only-disk-full = the disk holding it is full; free some space and open it again
read-only-for-reading = it is open only for reading
backup-no-such-file = there is no such file
backup-not-sqlite = it is not an SQLite database
backup-not-owed = it is not an Owed book
backup-newer = it was written by a newer Owed (book version { $version }; this Owed reads up to { $supported })
backup-unfinished = it is an Owed book that was never finished being created
backup-damaged = it is damaged ({ $found })
backup-in-memory = a book in memory cannot be replaced

## Why a file is not read as a bank statement
not-statement-too-big = the file is { $size }, more than the { $most } a bank statement is read up to; `owed import --max-size` reads a bigger one (e.g. --max-size 1GB)
not-statement-pdf = this is a PDF: banks' PDF statements can't be read; export CSV, OFX or CAMT from your bank
not-statement-gzip = this is a gzip-compressed file; unpack it and import the statement inside
not-statement-7z = this is a 7-Zip archive; unpack it and import the statement inside
not-statement-rar = this is a RAR archive; unpack it and import the statement inside
not-statement-zip = this is a ZIP archive; unpack it and import the statement inside (an Excel file must be saved as CSV first)
not-statement-docx = this is a Word document (DOCX), not a bank statement; export CSV, OFX or CAMT from your bank
not-statement-doc = this is a Word document (DOC), not a bank statement; export CSV, OFX or CAMT from your bank
not-statement-other-office = this is an Office file that is neither a spreadsheet nor a Word document; export CSV, OFX or CAMT from your bank
not-statement-image = this is an image ({ $name }), not a bank statement; export CSV, OFX or CAMT from your bank
not-statement-sqlite = this is an SQLite database (an Owed book?), not a bank statement; export CSV, OFX or CAMT from your bank
not-statement-encrypted = this spreadsheet is password-protected (encrypted); save a copy without the password from your spreadsheet program, or export CSV from your bank
not-statement-damaged = not a readable { $kind } spreadsheet (the file is damaged); export CSV from your bank, or save it as CSV from your spreadsheet program
not-statement-unreadable = not a readable { $kind } spreadsheet ({ $reason }); export CSV from your bank, or save it as CSV from your spreadsheet program
not-statement-too-many-cells = the sheet holds more than { $millions } million cells, far more than a bank statement; export CSV from your bank

## A problem after the field or file it is in
field-problem = { $field }: { $problem }

## Writes and copies Owed refuses itself; a copy that failed its check
file-refused-folder = { $path } is a folder, not a file name
file-refused-device = { $path } is a device or pipe, not a file
file-refused-links = { $path }: too many symbolic links
file-refused-exists = already exists; choose a new file name
file-refused-log = its write-ahead log could not be folded in (is it open elsewhere?); nothing was changed
file-refused-nothing-written = nothing was written
error-store-copy-failed = { $path }: the copy failed its check ({ $why }) and was not kept

## The outbox of emails
error-store-unknown-email = no email with id { $id } in the outbox; `owed outbox list` shows them
error-store-email-not-waiting = email { $id } is { $status }, not waiting to be sent; nothing was changed
outbox-status-queued = queued
outbox-status-sent = sent
outbox-status-failed = failed
outbox-status-cancelled = cancelled
email-bad-address = '{ $text }' is not an email address
email-too-many = more than { $max } addresses; send to a shared mailbox instead
email-bad-send-by = '{ $text }' is not email, post or both
email-bad-tls = '{ $text }' is not starttls, tls or none
email-bad-port = '{ $text }' is not a port (1 to 65535)
email-bad-rate = '{ $text }' is not a number of emails a minute (1 to 10000)
email-unknown-field = unknown merge field { $field }; the fields are { $fields }
email-subject-lines = a subject is one line
email-control-character = a control character is not allowed here

## Sending email: why a delivery failed, why sending could not start, owed outbox
send-failure-unreachable = the mail server could not be reached
send-failure-tls = a secure connection to the mail server could not be made
send-failure-login = the mail server refused the user name or password
send-failure-refused = the mail server refused it for now
send-failure-rejected = the mail server rejected it
send-failure-other = sending failed
mail-error-not-set-up = no mail server is set up: set email.smtp_host and email.from (`owed settings set`)
mail-error-insecure = email.tls is none, which is only for a mail server on this machine, not { $host }; set email.tls to starttls or tls
mail-error-no-password = the mail server { $host } needs the password of { $username }: keep it in the system keyring (`owed settings password`) or set { $var }
mail-error-bad-sender = '{ $text }' cannot be the sender's address (email.from)
mail-error-server = the mail server { $host }: { $why }
cli-outbox-cancelled = Email { $id } to { $customer } cancelled: { $subject }
cli-outbox-empty = The outbox is empty.
cli-outbox-col-to = To
cli-outbox-col-subject = Subject
cli-outbox-col-status = Status
cli-outbox-col-attempts = Tries
cli-outbox-col-why = Last error
cli-outbox-progress = { $sent } sent, { $failed } failed…
cli-outbox-sent = { $sent } sent, { $failed } failed, { $waiting } waiting.
cli-outbox-stopped = Stopped: { $why }. The rest wait in the outbox; `owed outbox send` tries again.
cli-emails-queued = { $count ->
    [one] 1 email queued in the outbox
   *[other] { $count } emails queued in the outbox
}
cli-to-print = To print and post ({ $count }): { $customers }
cli-emails-wait = The emails wait in the outbox: `owed outbox send` sends them.
keyring-none = there is no system keyring to keep the password in ({ $why })
keyring-no-account = set email.username and email.smtp_host first: the password is kept for that account
cli-password-prompt = The mail server's password (one line; it is kept in the system keyring):
cli-password-empty = the password is empty; nothing was kept
cli-password-kept = The password of { $account } is kept in the system keyring.
cli-password-forgotten = The password is no longer kept in the system keyring.

## Why an import stopped: a hint that cannot be used, OFX or CAMT markup that cannot be read, what a value must be and what lacks an element, a row that changed
import-hint-unknown-encoding = '{ $label }' is not an encoding this app knows (--encoding)
import-hint-header-is-transaction = --header-line { $line }: that line is a transaction ({ $row }), not the header
import-hint-header-past-end = --header-line { $line }: that line is past the end of the file (0 reads the file without a header)
import-hint-header-empty = --header-line { $line }: that line is empty or inside another row (0 reads the file without a header)
import-hint-sign-own-columns = --sign reads a signed amount column; this file says which way money went in its own columns ({ $layout })
import-hint-no-such-amount-column = --amount-column '{ $name }': no such column; give a header name ({ $names }) or a column number from 1 to { $width }, not the date column
import-hint-column-separator = { ", " }
import-hint-no-header = the file has no header
import-hint-bad-date-format = '{ $format }' is not a date format (--date-format takes e.g. %d/%m/%Y)
import-markup-too-deep = elements nested more than { $most } deep
import-markup-never-closed = '{ $start }' is never closed with '{ $end }'
import-markup-not-a-tag = '{ $text }' is not a tag
import-markup-not-well-formed = not well-formed XML: { $error }
import-markup-unknown-entity = unknown entity '&{ $name };'
import-markup-ends-inside = the file ends inside <{ $element }>
import-markup-no-ofx-statement = no OFX bank or credit-card statement (STMTRS or CCSTMTRS) found
import-markup-ofx-outside = a transaction (STMTTRN) outside any statement
import-markup-no-camt-statement = no CAMT.053 statement (BkToCstmrStmt/Stmt) found
import-markup-camt-outside = an entry (Ntry) outside any statement
import-markup-entry-sum = the entry's { $count } transactions (TxDtls) add up to { $sum }, not its amount { $amount }
import-expected-ofx-date = an OFX date (YYYYMMDD…)
import-expected-amount = an amount
import-expected-camt-amount = an amount (digits and a decimal point, not negative)
import-expected-credit-or-debit = CRDT or DBIT
import-expected-iso-date = an ISO 8601 date (YYYY-MM-DD)
import-expected-entry-status = BOOK, PDNG or INFO
import-lacking-ofx-transaction = the transaction (STMTTRN)
import-lacking-camt-entry = the entry (Ntry)
import-lacking-element = <{ $name }>
import-run-decision-count = { $decisions } decisions for { $rows } rows
import-run-profile = { $error }
import-run-kept-amount = bank row { $row }: { $error }
import-run-not-money-in = bank row { $row }: { $amount } is not money in
import-run-no-such-row = no row { $index } in the file
import-run-row-changed = { $file }: line { $line } is not what it was when the file was read; read the file again

## What `owed import`'s --sign, --decimal-mark and --max-size take
cli-not-a-sign = the sign is normal (money in positive) or inverted (purchases positive, as card statements write them), not '{ $text }'
cli-not-a-decimal-mark = '{ $text }' is not a decimal mark: . or ,
cli-not-a-size = a size is whole bytes or a number with KB, MB or GB, like 512MB or 1GB, not '{ $text }'

## The settings screen's Email section
email-settings-saved = Email settings saved.
email-password-kept = The password is kept in the system keyring.
email-password-session = There is no system keyring here: the password is kept until Owed closes.
email-test-subject = Test email from { $company }
email-test-body = This is a test email sent by Owed. If it arrived, statements and letters can be emailed through this mail server.
email-test-sent = The mail server accepted a test email to { $to }.
email-test-failed = The test email was not sent: { $why } ({ $words })
email-tls-starttls = STARTTLS (587)
email-tls-tls = TLS (465)
email-tls-none = None (this machine only)
email-tls-none-warning = Without TLS the password and the mail go over the network unprotected: only for a mail server on this machine.
email-password-from-env = The password comes from { $var }.
email-password-in-keyring = A password is kept in the system keyring; type one to replace it.
email-password-never-in-book = Kept in the system keyring, never in the book.
email-test-sending = Sending the test email…
email-hint = Statements and letters are emailed through your own mail server.
email-server = Mail server
email-port = Port
email-security = Security
email-username = User name
email-password = Password
email-from = From address
email-from-name = From name
email-reply-to = Reply-To
email-rate = Emails a minute
email-bcc-self = Send me a copy of each email
email-save = Save email settings
email-send-test = Send test email
email-test-to = to

## Emailing from the statements and letters screen
ui-email-them = Also email them to the customers who want email
ui-outbox-waiting = { $n ->
    [one] 1 email waiting in the outbox
   *[other] { $n } emails waiting in the outbox
}
ui-send-now = Send now
ui-outbox-sent = Emails: { $sent } sent, { $failed } failed, { $waiting } waiting.
ui-outbox-stopped = Stopped: { $why }; the rest wait in the outbox.
ui-emails-queued = { $n ->
    [one] 1 email queued.
   *[other] { $n } emails queued.
}
ui-to-print = To print and post ({ $n }): { $customers }.
ui-emails-wait = They wait in the outbox: { $why }
sidebar-outbox-waiting = { $keys } · { $n ->
    [one] 1 email waiting
   *[other] { $n } emails waiting
}
email-texts = Texts of the emails
email-subject = Subject
email-fields = Merge fields: { $fields }. The letter or statement itself is the attached PDF.
email-kind-statement = Statement
email-kind-reminder = Payment reminder (before the due date)
email-kind-letter = Letter { $n }: { $name }
email-reset-text = Back to the built-in text

## The notes of a letter issued and of an email the server took, read back
note-letter-sent = Letter level { $n } ({ $name }) sent: { $amount } overdue, pay by { $deadline }
note-reminder-sent = Payment reminder (level 0) of { $date } sent: { $amount } falling due, first on { $first }
note-emailed-statement = Emailed statement (issued { $id }) to { $to }: { $subject }
note-emailed-letter = Emailed letter level { $n } (issued { $id }) to { $to }: { $subject }

## Why a spreadsheet's cell is refused (owed load)
load-field-empty = is empty
load-field-not-positive = '{ $text }' must be more than zero
load-field-not-yes-no = '{ $text }' is not yes or no
load-field-due-before-date = the due date is before the invoice date { $date }
load-field-open-out-of-range = { $open } open must be between 0 and the amount { $amount }
load-field-not-an-invoice = '{ $piece }' is not an invoice to apply to
load-field-names-no-invoice = '{ $text }' names no invoice
load-field-unnamed = '{ $value }' is in a column without a name
load-field-other-name = customer { $code } is already in the book as '{ $existing }', not '{ $name }'
load-field-unknown-customer = no customer with code '{ $code }' (load the customers first)
load-field-other-kind = { $number } is already in the book as a document of kind { $found }, not { $kind }
load-field-other-amount = { $number } is already in the book for { $found }, not { $amount }

## Customer's billing email and how it wants its documents
billing-email = Billing email
billing-email-hint = One address or several, separated by commas
send-statements-and-letters-by = Send statements and letters by
send-by-email = Email
send-by-post = Post
send-by-both = Both
send-by-email-means = Emailed when it has an address, else printed for the post
send-by-post-means = Printed for the post, never emailed
send-by-both-means = Emailed, and printed for the post too
send-by-printed-until-an-address = No billing email yet: they are printed until one is given
send-by-line-email = Sent by email to { $addresses }
send-by-line-both = Sent by post and by email to { $addresses }
send-by-line-post = Sent by post
send-by-line-post-with = Sent by post; billing email { $addresses }
send-by-line-printed = Printed for the post: no billing email
ui-password-for = The mail server needs the password of { $account }:
ui-password-send = Keep it and send
ui-outbox-n = Outbox ({ $n } waiting)
ui-outbox-failed = { $why } ({ $words }); { $tries ->
    [one] tried once
   *[other] tried { $tries } times
}
ui-email-cancelled = The email to { $customer } is cancelled: { $subject }

## Today: the letter due, emailed too
ui-today-email-it = Also email it to { $to }
ui-today-email-not-set-up = The mail server is not set up yet (Settings, Email): the email will wait in the outbox until it is.
ui-today-by-post = { $name } wants letters by post: print it from the folder.
ui-today-no-billing-email = { $name } has no billing email: print it from the folder.
ui-today-password-on-statements = The Statements & letters screen asks for it (Send now).
ui-and-n-more = and { $n } more
to-print-file = Only those to print and post, in one file: { $path }
ui-emailing-done-of-total = Emailing: { $done } of { $total }
ui-password-refused = The mail server refused the password of { $account }; give it again:
ui-confirm-reach = By email: { $emailed } · to print and post: { $printed } (a customer who wants both is in each).
