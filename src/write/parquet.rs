//! Parquet (cargo feature `parquet`): the tidy values and the panel as typed columns,
//! for DuckDB, Spark, pandas and Arrow.
//!
//! The rows are those of `values.csv` ([`super::values::value_rows`]) and `panel.csv`
//! ([`super::panel::panel_numbers`]), in the same order and under the same column names;
//! only the types differ from the CSV's text (`docs/contract.md`, *Parquet*):
//!
//! - numbers are `Float64` (a value, a panel key cell), counts and lines `Int64`;
//! - the text columns that repeat from row to row (paths, keys, kind, unit, agency …) are
//!   dictionary-encoded strings (`Dictionary(Int32, Utf8)`), `raw` and the panel's `file`
//!   plain strings;
//! - what the document does not have is null: a value of a cell that prints no number,
//!   a band, unit, key, title, template, agency or year that is unknown. (The CSV prints
//!   all of these as an empty field.)
//!
//! Files are Snappy-compressed, written a batch of [`BATCH_ROWS`] rows at a time in row
//! groups of at most [`ROW_GROUP_ROWS`] rows, so memory holds a batch and a row group, not
//! the file (`parse --format parquet` peaks at about 50 MB for 18,000 reports as for 6,000).

use super::panel::{self, PanelOptions};
use super::values::value_rows;
use crate::model::Document;
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::{self, Write};
use std::sync::{Arc, OnceLock};

/// Rows buffered before they are handed to the Parquet encoder as one record batch.
pub const BATCH_ROWS: usize = 64 * 1024;

/// Most rows of a row group: the encoder holds a row group's pages in memory until it is
/// complete, and readers (DuckDB, Spark) scan row groups in parallel.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

/// The Arrow schema of the values file: the columns of `values.csv`, typed.
pub fn values_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            use DataType::{Float64, Int64, Utf8};
            let cols: [(&str, DataType, bool); 17] = [
                ("doc", dict(), false),
                ("table", dict(), false),
                ("band", dict(), true),
                ("section", dict(), false),
                ("row", dict(), false),
                ("column", dict(), false),
                ("value", Float64, true),
                ("raw", Utf8, false),
                ("kind", dict(), false),
                ("unit", dict(), true),
                ("line", Int64, false),
                ("row_key", dict(), true),
                ("column_key", dict(), true),
                ("table_title", dict(), true),
                ("template", dict(), true),
                ("agency", dict(), true),
                ("year", Int64, true),
            ];
            debug_assert!(
                cols.iter()
                    .map(|c| c.0)
                    .eq(super::csv::HEADER.iter().copied())
            );
            Arc::new(Schema::new(
                cols.into_iter()
                    .map(|(n, t, null)| Field::new(n, t, null))
                    .collect::<Vec<_>>(),
            ))
        })
        .clone()
}

/// The Arrow schema of a panel over `keys`: `file`, `agency`, `year`, `template`, one
/// `Float64` column per key, `checks_failed`.
pub fn panel_schema(keys: &[String]) -> SchemaRef {
    let mut fields = vec![
        Field::new(panel::LEAD[0], DataType::Utf8, false),
        Field::new(panel::LEAD[1], dict(), true),
        Field::new(panel::LEAD[2], DataType::Int64, true),
        Field::new(panel::LEAD[3], dict(), true),
    ];
    fields.extend(keys.iter().map(|k| Field::new(k, DataType::Float64, true)));
    fields.push(Field::new(panel::TRAIL, DataType::Int64, false));
    Arc::new(Schema::new(fields))
}

/// Writes the tidy values of documents, one at a time, as one Parquet file.
///
/// ```
/// use govreport::write::parquet::ValuesWriter;
/// let text = "三、收到和处理政府信息公开申请情况\n信息内容 | 数量 |\n规章 | 12 |\n";
/// let doc = govreport::parse_bytes(text.as_bytes(), "a.txt", &Default::default()).unwrap();
/// let mut w = ValuesWriter::new(Vec::new()).unwrap();
/// w.write(&doc).unwrap();
/// let bytes = w.finish().unwrap();
/// assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
/// ```
pub struct ValuesWriter<W: Write + Send> {
    out: ArrowWriter<W>,
    batch: ValuesBatch,
}

impl<W: Write + Send> ValuesWriter<W> {
    /// Starts a values file on `out`.
    pub fn new(out: W) -> io::Result<ValuesWriter<W>> {
        Ok(ValuesWriter {
            out: ArrowWriter::try_new(out, values_schema(), Some(properties())).map_err(err)?,
            batch: ValuesBatch::default(),
        })
    }

    /// Adds the values of one document.
    pub fn write(&mut self, d: &Document) -> io::Result<()> {
        let b = &mut self.batch;
        value_rows(d, |r| {
            b.doc.append_value(r.doc);
            b.table.append_value(r.table);
            b.band.append_option(r.band);
            b.section.append_value(r.section);
            b.row.append_value(r.row);
            b.column.append_value(r.column);
            b.value.append_option(r.value);
            b.raw.append_value(r.raw);
            b.kind.append_value(r.kind);
            b.unit.append_option(r.unit);
            b.line.append_value(i64::from(r.line));
            b.row_key.append_option(r.row_key);
            b.column_key.append_option(r.column_key);
            b.table_title.append_option(r.table_title);
            b.template.append_option(r.template);
            b.agency.append_option(r.agency);
            b.year.append_option(r.year.map(i64::from));
            b.rows += 1;
        });
        if self.batch.rows >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> io::Result<()> {
        if self.batch.rows == 0 {
            return Ok(());
        }
        let b = &mut self.batch;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(b.doc.finish()),
            Arc::new(b.table.finish()),
            Arc::new(b.band.finish()),
            Arc::new(b.section.finish()),
            Arc::new(b.row.finish()),
            Arc::new(b.column.finish()),
            Arc::new(b.value.finish()),
            Arc::new(b.raw.finish()),
            Arc::new(b.kind.finish()),
            Arc::new(b.unit.finish()),
            Arc::new(b.line.finish()),
            Arc::new(b.row_key.finish()),
            Arc::new(b.column_key.finish()),
            Arc::new(b.table_title.finish()),
            Arc::new(b.template.finish()),
            Arc::new(b.agency.finish()),
            Arc::new(b.year.finish()),
        ];
        b.rows = 0;
        let batch = RecordBatch::try_new(values_schema(), columns).map_err(err)?;
        self.out.write(&batch).map_err(err)
    }

    /// Writes the last rows and the footer; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.flush_batch()?;
        self.out.into_inner().map_err(err)
    }
}

/// The column builders of one batch of values.
#[derive(Default)]
struct ValuesBatch {
    rows: usize,
    doc: Dict,
    table: Dict,
    band: Dict,
    section: Dict,
    row: Dict,
    column: Dict,
    value: Float64Builder,
    raw: StringBuilder,
    kind: Dict,
    unit: Dict,
    line: Int64Builder,
    row_key: Dict,
    column_key: Dict,
    table_title: Dict,
    template: Dict,
    agency: Dict,
    year: Int64Builder,
}

type Dict = StringDictionaryBuilder<Int32Type>;

/// Writes panel rows over fixed key columns, one document at a time, as one Parquet file.
///
/// The panel of `govreport panel` has the keys of the templates its reports follow, known
/// only when all are read; a streaming writer writes over [`panel::all_key_columns`] and
/// [`project_panel`] keeps the columns wanted at the end.
///
/// ```
/// use govreport::write::parquet::PanelWriter;
/// let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/zhaotong-2020.txt")).unwrap();
/// let doc = govreport::parse_bytes(&text, "zhaotong-2020.txt", &Default::default()).unwrap();
/// let keys = govreport::write::panel::key_columns(std::slice::from_ref(&doc));
/// let mut w = PanelWriter::new(Vec::new(), &keys, Default::default()).unwrap();
/// w.write(&doc).unwrap();
/// assert!(w.finish().unwrap().starts_with(b"PAR1"));
/// ```
pub struct PanelWriter<W: Write + Send> {
    out: ArrowWriter<W>,
    schema: SchemaRef,
    keys: Vec<String>,
    opts: PanelOptions,
    rows: usize,
    file: StringBuilder,
    agency: Dict,
    year: Int64Builder,
    template: Dict,
    numbers: Vec<Float64Builder>,
    checks_failed: Int64Builder,
}

impl<W: Write + Send> PanelWriter<W> {
    /// Starts a panel over `keys` on `out`; `opts.derived` as in the CSV panel (`excel`
    /// does not apply: Parquet holds no formulas).
    pub fn new(out: W, keys: &[String], opts: PanelOptions) -> io::Result<PanelWriter<W>> {
        let schema = panel_schema(keys);
        Ok(PanelWriter {
            out: ArrowWriter::try_new(out, schema.clone(), Some(properties())).map_err(err)?,
            schema,
            keys: keys.to_vec(),
            opts: PanelOptions {
                excel: false,
                ..opts
            },
            rows: 0,
            file: StringBuilder::new(),
            agency: Dict::new(),
            year: Int64Builder::new(),
            template: Dict::new(),
            numbers: keys.iter().map(|_| Float64Builder::new()).collect(),
            checks_failed: Int64Builder::new(),
        })
    }

    /// Adds the row of one document.
    pub fn write(&mut self, d: &Document) -> io::Result<()> {
        self.file.append_value(&d.source.path);
        self.agency.append_option(d.meta.agency.as_deref());
        self.year.append_option(d.meta.year.map(i64::from));
        self.template.append_option(d.meta.template.as_deref());
        let numbers = panel::panel_numbers(d, &self.keys, self.opts);
        for (b, v) in self.numbers.iter_mut().zip(numbers) {
            b.append_option(v);
        }
        self.checks_failed
            .append_value(panel::checks_failed(d) as i64);
        self.rows += 1;
        // a panel row is wide (a column per key): smaller batches than the values'
        if self.rows >= BATCH_ROWS / 16 {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.file.finish()),
            Arc::new(self.agency.finish()),
            Arc::new(self.year.finish()),
            Arc::new(self.template.finish()),
        ];
        columns.extend(
            self.numbers
                .iter_mut()
                .map(|b| Arc::new(b.finish()) as ArrayRef),
        );
        columns.push(Arc::new(self.checks_failed.finish()));
        self.rows = 0;
        let batch = RecordBatch::try_new(self.schema.clone(), columns).map_err(err)?;
        self.out.write(&batch).map_err(err)
    }

    /// Writes the last rows and the footer; returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.flush_batch()?;
        self.out.into_inner().map_err(err)
    }
}

/// Copies the panel Parquet file `from` (written over any keys that include `keys`) to
/// `out` with the columns of a panel over `keys`: the report's four, `keys` in their
/// order, `checks_failed`. Reads and writes a batch at a time.
pub fn project_panel<W: Write + Send>(
    from: std::fs::File,
    keys: &[String],
    out: W,
) -> io::Result<W> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let schema = panel_schema(keys);
    let reader = ParquetRecordBatchReaderBuilder::try_new(from)
        .map_err(err)?
        .build()
        .map_err(err)?;
    let mut w = ArrowWriter::try_new(out, schema.clone(), Some(properties())).map_err(err)?;
    for batch in reader {
        let batch = batch.map_err(err)?;
        let pick = schema
            .fields()
            .iter()
            .map(|f| batch.schema().index_of(f.name()))
            .collect::<Result<Vec<usize>, _>>()
            .map_err(err)?;
        let columns = pick.iter().map(|&i| batch.column(i).clone()).collect();
        w.write(&RecordBatch::try_new(schema.clone(), columns).map_err(err)?)
            .map_err(err)?;
    }
    w.into_inner().map_err(err)
}

fn dict() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("govreport {}", env!("CARGO_PKG_VERSION")))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .build()
}

/// A Parquet or Arrow error as an I/O error, the error every writer of this crate gives.
fn err(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array as _;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn seed() -> Document {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/zhaotong-2020.txt");
        let text = std::fs::read(path).unwrap();
        crate::parse_bytes(&text, "corpus/zhaotong-2020.txt", &Default::default()).unwrap()
    }

    fn read(bytes: Vec<u8>) -> Vec<RecordBatch> {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(&bytes).unwrap();
        std::io::Seek::rewind(&mut f).unwrap();
        ParquetRecordBatchReaderBuilder::try_new(f)
            .unwrap()
            .build()
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// Every row of the values file, printed as the CSV prints it, is the CSV's row; over
    /// more than one batch.
    #[test]
    fn values_read_back_as_the_csv() {
        let doc = seed();
        let mut one = Vec::new();
        value_rows(&doc, |r| one.push(r.fields()));
        assert!(one.len() > 100);
        let copies = BATCH_ROWS / one.len() + 2;
        let mut w = ValuesWriter::new(Vec::new()).unwrap();
        for _ in 0..copies {
            w.write(&doc).unwrap();
        }
        let batches = read(w.finish().unwrap());
        assert_eq!(batches[0].schema(), values_schema());
        let want: Vec<[String; 17]> = (0..copies).flat_map(|_| one.iter().cloned()).collect();
        let mut got: Vec<[String; 17]> = Vec::new();
        for b in &batches {
            let text = |i: usize, row: usize| -> String {
                let col = b.column(i);
                if col.is_null(row) {
                    return String::new();
                }
                match col.data_type() {
                    DataType::Dictionary(..) => {
                        let d = col.as_dictionary::<Int32Type>();
                        let values = d.values().as_string::<i32>();
                        values.value(d.keys().value(row) as usize).to_string()
                    }
                    DataType::Utf8 => col.as_string::<i32>().value(row).to_string(),
                    DataType::Float64 => {
                        crate::model::number_text(col.as_primitive::<Float64Type>().value(row))
                    }
                    DataType::Int64 => col.as_primitive::<Int64Type>().value(row).to_string(),
                    other => panic!("unexpected type {other}"),
                }
            };
            for row in 0..b.num_rows() {
                got.push(std::array::from_fn(|i| text(i, row)));
            }
        }
        assert_eq!(got.len(), want.len());
        assert!(got == want, "the values read back differ from the CSV's");
    }

    /// The projected panel has the columns and numbers of the CSV panel.
    #[test]
    fn panel_projects_to_the_csv_columns() {
        let doc = seed();
        let all = panel::all_key_columns();
        let mut w =
            PanelWriter::new(tempfile::tempfile().unwrap(), all, Default::default()).unwrap();
        w.write(&doc).unwrap();
        let mut spool = w.finish().unwrap();
        std::io::Seek::rewind(&mut spool).unwrap();
        let keys = panel::key_columns(std::slice::from_ref(&doc));
        assert!(keys.len() < all.len());
        let batches = read(project_panel(spool, &keys, Vec::new()).unwrap());
        let b = &batches[0];
        let names: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, panel::header(&keys));
        let want = panel::panel_row(&doc, &keys, Default::default());
        for (i, k) in keys.iter().enumerate() {
            let col = b.column(i + 4).as_primitive::<Float64Type>();
            let got = if col.is_null(0) {
                String::new()
            } else {
                crate::model::number_text(col.value(0))
            };
            assert_eq!(got, want[i + 4], "{k}");
        }
        let last = b.column(keys.len() + 4).as_primitive::<Int64Type>();
        assert_eq!(last.value(0).to_string(), want[keys.len() + 4]);
    }
}
