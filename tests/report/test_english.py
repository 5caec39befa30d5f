"""The report in English: headings, labels, sheet names, months and numbers."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from conftest import check_golden

from ksd_cli.reference import load_reference
from ksd_cli.report import Period, Report, build_report, write_xlsx
from report.conftest import AS_OF, GOLDEN, load, markdown

# English ---------------------------------------------------------------------------------------

INDONESIAN_MONTH = re.compile(
    r"\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\b"
)
#: "1.250" (dot thousands) and "66,7%" (comma decimals): numbers written the Indonesian way.
INDONESIAN_NUMBER = re.compile(r"\b\d{1,3}(\.\d{3})+\b|\d,\d%")


def without_user_text(text: str, report: Report) -> str:
    """``text`` without what the records' authors wrote in Indonesian (monev realisasi, kendala)."""
    for header in ("Realisation (latest monev)", "Obstacles (latest monev)"):
        for value in report.daftar.column(header):
            if isinstance(value, str) and value:
                text = text.replace(value, "")
    return text


def indonesian_labels() -> set[str]:
    """Every report heading, label and title in Indonesian that English words differently."""
    from ksd_cli.messages import CATALOG

    areas = ("laporan.", "tahap.", "status.", "jenis", "flag.", "kategori.", "rekomendasi.")
    return {
        indonesian
        for key, (indonesian, english) in CATALOG.items()
        if key.startswith((*areas, "prioritas."))
        and indonesian != english
        and "{" not in indonesian
    }


@pytest.fixture(scope="module")
def sample_2024_en() -> Report:
    root = Path(__file__).resolve().parent.parent.parent
    loaded, config = load(root)
    return build_report(
        loaded,
        config,
        load_reference(),
        as_of=AS_OF,
        period=Period.year(2024),
        data_commit="abc1234",
        lang="en",
    )


def test_markdown_golden_english(
    project_root: Path, sample_2024_en: Report, update_golden: bool
) -> None:
    text = markdown(sample_2024_en, project_root)
    check_golden(GOLDEN / "sample-2024.en.md", text, update_golden)


def test_english_markdown_has_no_indonesian_heading_label_month_or_number(
    project_root: Path, sample_2024_en: Report
) -> None:
    text = markdown(sample_2024_en, project_root)
    labels = indonesian_labels()
    lines = text.splitlines()
    headings = [line.lstrip("#").strip() for line in lines if line.startswith("#")]
    assert headings[:2] == ["Evaluation Report on Regional Government Cooperation", "I. Summary"]
    headers = [
        cell.strip()
        for above, line in zip(lines, lines[1:], strict=False)
        if line.startswith("| ---") or line.startswith("| --:")
        for cell in above.strip("|").split("|")
    ]
    figures = [line.split("|")[1].strip() for line in lines if line.startswith("| ")]
    worded = headings + headers + figures
    assert "Agreements by latest stage" in headings and "Government affair" in headers
    assert not [w for w in worded if w in labels]
    own = without_user_text(text, sample_2024_en)
    assert not INDONESIAN_MONTH.search(own), INDONESIAN_MONTH.search(own)
    assert not INDONESIAN_NUMBER.search(own), INDONESIAN_NUMBER.search(own)
    assert "**Period:** Year 2024 (1 January 2024 to 31 December 2024)" in text
    assert "| Funding of all agreements | Rp70,225,000,000 |" in text
    assert "| Conversion rate of KB into PKS | 58.3% |" in text
    assert "Catatan" not in text and "_Note: " in text


def test_english_workbook_has_no_indonesian_sheet_label_month_or_date_format(
    sample_2024_en: Report, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ksd_cli.report.excel import DATE_FORMAT_EN, MONTH_FORMATS, sheet_names

    target = tmp_path / "report.xlsx"
    write_xlsx(sample_2024_en, target)
    book = load_workbook(target)
    assert (
        book.sheetnames
        == list(sheet_names("en"))
        == [
            "Cover",
            "Summary",
            "Breakdown",
            "Findings",
            "Ending Soon",
            "Potentials",
            "Monitoring",
            "Agreements",
            "Financing",
            "Mandatory Cooperation",
        ]
    )
    labels = indonesian_labels()
    texts: list[str] = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                elif isinstance(cell.value, datetime):
                    # An English date, or (v1.1) an English month for a month-only date.
                    english = (DATE_FORMAT_EN, MONTH_FORMATS[DATE_FORMAT_EN])
                    assert cell.number_format in english, (ws.title, cell.coordinate)
    assert not [t for t in texts if t in labels]
    own = [without_user_text(t, sample_2024_en) for t in texts]
    assert not [t for t in own if INDONESIAN_MONTH.search(t) or INDONESIAN_NUMBER.search(t)]
    cover = book["Cover"]
    assert cover["A1"].value == "Evaluation Report on Regional Government Cooperation"
    facts = {
        row[0].value: row[1].value for row in cover.iter_rows(min_row=4, max_row=10, max_col=2)
    }
    assert facts["Period"] == "Year 2024 (1 January 2024 to 31 December 2024)"
    assert facts["Made"] == "made with ksd 0.1.0 from data commit abc1234"
    links = [c.hyperlink.location for c in cover["A"] if c.hyperlink is not None]
    assert links == [f"'{name}'!A1" for name in book.sheetnames[1:]]
    temuan = book["Findings"]
    assert temuan["A1"].value == "III. Findings"
    assert [c.value for c in temuan[4]][:3] == ["ID", "Finding", "Finding code"]
    summary = book["Summary"]
    assert {c.value for c in summary["A"]} >= {"Documents signed in the period", "Key figures"}


def test_the_summary_counts_signed_documents_in_either_language(
    sample_2024: Report, sample_2024_en: Report
) -> None:
    # The summary finds its figures by id, not by the Indonesian label "Kegiatan".
    assert [f.value for f in sample_2024_en.ikhtisar] == [f.value for f in sample_2024.ikhtisar]
    assert sample_2024_en.ikhtisar[2].label == "Documents signed in the period"
    assert (
        sample_2024_en.ikhtisar[2].value == 6
    )  # with the sinergi MoU of KSD-6402-2024-007 (sample v1.1)
