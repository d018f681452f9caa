//! doccano sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], …]}` a line.
//! doccano is written in Python and counts code points, as factdesk does. Extra keys
//! (`article_id`, `title`) become the example's metadata in doccano.

use super::{Dataset, ExportError, ExportReport, Exporter, Format, Output, Progress};
use serde::Serialize;
use std::io::Write;

pub struct Doccano;

#[derive(Serialize)]
struct Line<'a> {
    article_id: u64,
    title: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

impl Exporter for Doccano {
    fn format(&self) -> Format {
        Format::Doccano
    }

    fn write(
        &self,
        data: &Dataset<'_>,
        out: &mut Output,
        progress: &mut Progress<'_>,
        report: &mut ExportReport,
    ) -> Result<(), ExportError> {
        let name = "doccano.jsonl";
        let mut w = out.file(name)?;
        for doc in &data.docs {
            let line = Line {
                article_id: doc.article.id.0,
                title: &doc.article.title,
                text: &doc.article.text,
                label: doc
                    .items
                    .iter()
                    .map(|i| {
                        let a = i.annotation;
                        (a.span.start, a.span.end, a.kind.label())
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut w, &line)?;
            w.write_all(b"\n")
                .map_err(ExportError::io(out.path_of(name)))?;
            report.records += 1;
            progress.step()?;
        }
        out.finish(name, w)
    }
}
