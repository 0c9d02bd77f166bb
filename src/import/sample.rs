//! What detection looks at in a big file: its first records and its last ones, not all
//! of them. A bank's layout (header, columns, date format, decimal mark, sign) shows in
//! its first rows, and a footer or closing balance in its last; reading a million rows
//! to find them would hold the whole file. A file of up to `HEAD + TAIL` records is its
//! own sample, so a small file is read exactly as it always was.

use std::collections::VecDeque;

use super::records::Record;

/// Records from the start of the file a sample holds.
pub(crate) const HEAD: usize = 2000;
/// Records from the end of the file a sample holds.
pub(crate) const TAIL: usize = 200;

/// The records detection reads: the first [`HEAD`] and last [`TAIL`] of a file.
pub(crate) struct Sample {
    pub records: Vec<Record>,
    /// How many of `records` are the file's first ones; the rest are its last.
    head: usize,
    /// Records in the whole file.
    total: usize,
}

impl Sample {
    /// Takes the sample from a file's records, read once in order.
    pub(crate) fn take(records: impl Iterator<Item = Record>) -> Sample {
        let mut head = Vec::new();
        let mut tail: VecDeque<Record> = VecDeque::with_capacity(TAIL);
        let mut total = 0;
        for record in records {
            total += 1;
            if head.len() < HEAD {
                head.push(record);
            } else {
                if tail.len() == TAIL {
                    tail.pop_front();
                }
                tail.push_back(record);
            }
        }
        let head_len = head.len();
        head.extend(tail);
        Sample {
            records: head,
            head: head_len,
            total,
        }
    }

    /// Where record `index` of the sample is in the whole file (an index of its records).
    pub(crate) fn file_index(&self, index: usize) -> usize {
        if index < self.head {
            index
        } else {
            self.total - (self.records.len() - index)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: usize) -> Record {
        Record {
            line,
            fields: vec![line.to_string()],
        }
    }

    #[test]
    fn a_small_file_is_its_own_sample() {
        let sample = Sample::take((1..=HEAD + TAIL).map(record));
        assert_eq!(sample.records.len(), HEAD + TAIL);
        assert!(
            sample
                .records
                .iter()
                .enumerate()
                .all(|(i, r)| r.line == i + 1 && sample.file_index(i) == i)
        );
    }

    #[test]
    fn a_big_file_gives_its_head_and_tail_where_they_are() {
        let sample = Sample::take((1..=10_000).map(record));
        assert_eq!(sample.records.len(), HEAD + TAIL);
        assert_eq!(sample.records[HEAD - 1].line, HEAD);
        assert_eq!(sample.records[HEAD].line, 10_000 - TAIL + 1);
        assert_eq!(sample.records.last().map(|r| r.line), Some(10_000));
        // Record i of the file is on line i + 1.
        for i in [0, HEAD - 1, HEAD, HEAD + TAIL - 1] {
            assert_eq!(sample.file_index(i) + 1, sample.records[i].line);
        }
    }
}
