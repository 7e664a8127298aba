"""The harvest report (PDF), its charts and the impact/effort quadrants.

The PDF's text is read back with pypdf, as a participant's PDF reader or a
search would see it; only whitespace and line breaks are normalised.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from desktop_app import paths
from desktop_app.core.action_plan import (
    BIG_PROJECTS,
    FILL_INS,
    QUICK_WINS,
    RECONSIDER,
    quadrant_name,
    quadrant_of,
)
from desktop_app.core.errors import SessionFileError
from desktop_app.core.model import (
    Intervention,
    Proposal,
    Round,
    SessionInfo,
    SessionSnapshot,
    Table,
    TargetGroup,
    Theme,
    Vote,
)
from desktop_app.export.charts import impact_effort_figure, results_figure
from desktop_app.export.report import format_date, write_report
from desktop_app.storage.exchange import import_document, read_exchange_file
from desktop_app.storage.session_file import SessionFile


def flat(text: str) -> str:
    return " ".join(text.split())


def pages_text(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def report_text(path: Path) -> str:
    return " ".join(pages_text(path))


# --------------------------------------------------------------------------- a hostile session

LONG_PROPOSAL = " ".join(f"woord{i % 97}" for i in range(260))[:1900].rstrip()
FORMULA_THEME = "=SOM(1;2)"
FORMULA_INTERVENTION = '=HYPERLINK("http://example.org";"klik")'
EMOJI_INTERVENTION = "Koffie ☕ en 👍🏽 overleg 🎉 met iedereen"
EMOJI_OWNER = "Sanne 🙂 de Vries"
ARABIC = "تحسين ظروف العمل للجميع"


def hostile_snapshot(lang: str = "nl") -> SessionSnapshot:
    group = TargetGroup("g1", "Monteurs 🔧", participants=12)
    table = Table("t1", "Tafel =1", host="Henk", target_group_id="g1")
    rnd = Round("r1", 1, "=Wat houdt jou gezond? 💪")
    proposals = (
        Proposal("p1", "r1", "t1", LONG_PROPOSAL),
        Proposal("p2", "r1", "t1", "=1+1 en **geen markdown** {nb} <b>"),
        Proposal("p3", "r1", "t1", ARABIC),
        Proposal("p4", "r1", "t1", "Tab\tin de tekst en\r\neen nieuwe regel 🚀"),
        Proposal("p5", "r1", "t1", "Zonder thema 🤷"),
        Proposal("p6", "r1", "t1", "verwijderd", deleted=True),
    )
    themes = (
        Theme("c1", FORMULA_THEME, description="=Beschrijving", proposal_ids=("p1", "p2")),
        Theme("c2", "Emoji 😀 en meer 🧡", proposal_ids=("p3", "p4")),
        Theme("c3", "Lang thema " + "x" * 300, proposal_ids=()),
        Theme("c4", "Weggegooid thema", deleted=True),
    )
    votes = (
        Vote("v1", "c1", 7),
        Vote("v2", "c2", 7),
        Vote("v3", "c3", 2),
    )
    interventions = (
        Intervention(
            "i1",
            FORMULA_INTERVENTION,
            cluster_id="c1",
            owner="=Eigenaar",
            follow_up="2027-03-12",
            status="agreed",
            impact=4,
            effort=2,
            target_group_ids=("g1",),
        ),
        Intervention(
            "i2",
            EMOJI_INTERVENTION,
            cluster_id="c2",
            owner=EMOJI_OWNER,
            follow_up="na de zomer",
            status="running",
            impact=4,
            effort=2,
            description=LONG_PROPOSAL,
            value_for_employee=ARABIC,
        ),
        Intervention("i3", "Nog niet gescoord", owner=None),
    )
    info = SessionInfo(
        "s1",
        "Sessie =1 met 🎉 emoji",
        organisation="Bedrijf & Zn.",
        date="2027-01-05",
        purpose="Doel: " + LONG_PROPOSAL,
        language=lang,
        dots_per_participant=3,
        max_dots_per_item=2,
    )
    return SessionSnapshot(
        session=info,
        target_groups=(group,),
        tables=(table,),
        rounds=(rnd,),
        proposals=proposals,
        themes=themes,
        votes=votes,
        interventions=interventions,
    )


# --------------------------------------------------------------------------- the demo


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[SessionSnapshot, Path]:
    """The shipped demo, imported into a real session file, read back, reported once."""
    folder = tmp_path_factory.mktemp("demo")
    with SessionFile.create(folder / "demo.tafelronde") as session_file:
        import_document(
            session_file, read_exchange_file(paths.shipped_data_dir() / "demo.json"), source="demo"
        )
    with SessionFile.open_readonly(folder / "demo.tafelronde") as readonly:
        snapshot = readonly.snapshot()
    target = folder / "oogstverslag.pdf"
    write_report(snapshot, target)
    return snapshot, target


@pytest.fixture
def demo_pdf(demo_report: tuple[SessionSnapshot, Path]) -> Path:
    return demo_report[1]


@pytest.fixture(scope="module")
def hostile_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    result = {}
    for lang in ("nl", "en"):
        result[lang] = folder / f"report-{lang}.pdf"
        write_report(hostile_snapshot(lang), result[lang])
    return result


def test_demo_report_shows_every_theme_intervention_and_owner_exactly(
    demo_report: tuple[SessionSnapshot, Path],
) -> None:
    snapshot, pdf = demo_report
    text = report_text(pdf)
    themes = snapshot.live_themes()
    interventions = snapshot.live_interventions()
    assert themes and interventions
    for theme in themes:
        assert flat(theme.name) in text
    for intervention in interventions:
        assert flat(intervention.title) in text
        assert intervention.owner and flat(intervention.owner) in text
    for question in snapshot.live_rounds():
        assert flat(question.question) in text
    assert flat(snapshot.session.purpose or "") in text
    for proposal in snapshot.live_proposals():
        assert flat(proposal.text) in text


def test_demo_report_is_a4_dutch_and_numbers_its_pages(demo_pdf: Path) -> None:
    reader = PdfReader(demo_pdf)
    total = len(reader.pages)
    assert 5 <= total <= 20
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = pages_text(demo_pdf)
    for number, text in enumerate(texts, start=1):
        assert f"Pagina {number} van {total}" in text
    # The session title heads every page after the first.
    assert all("PMO samen ontwerpen" in text for text in texts)
    everything = " ".join(texts)
    for heading in (
        "Thema's en voorstellen",
        "Uitslag van de stemming",
        "Actieplan",
        "Hoe gaat het verder?",
    ):
        assert heading in everything
    # Dutch dates: the session date and a follow-up date of the demo.
    assert "12 maart 2026" in everything
    assert "5 oktober 2026" in everything
    assert "Snelle winst" in everything


def test_demo_report_ties_share_a_rank(demo_session: SessionFile) -> None:
    snapshot = demo_session.snapshot()  # the conftest fixture: a writable session file
    fig = results_figure(snapshot)
    ranks = [
        t.get_text()
        for t in fig.axes[0].texts
        if t.get_text().endswith(".") and t.get_text()[:-1].isdigit()
    ]
    # The demo has two themes with 25 dots: both are 4th, and nobody is 5th.
    assert ranks == ["1.", "2.", "3.", "4.", "4.", "6.", "7."]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_demo_report_renders_cleanly_with_poppler(demo_pdf: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(demo_pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == ""  # no syntax errors, no missing fonts
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(demo_pdf).pages)


# --------------------------------------------------------------------------- exact text


def test_formulas_emoji_and_long_text_are_printed_as_typed(hostile_pdfs: dict[str, Path]) -> None:
    text = report_text(hostile_pdfs["nl"])
    for expected in (
        FORMULA_THEME,
        FORMULA_INTERVENTION,
        EMOJI_INTERVENTION,
        EMOJI_OWNER,
        "Emoji 😀 en meer 🧡",
        "=Eigenaar",
        "=Beschrijving",
        "=1+1 en **geen markdown** {nb} <b>",
        "Zonder thema 🤷",
        "Tafel =1",
        "=Wat houdt jou gezond? 💪",
        "Sessie =1 met 🎉 emoji",
        "Bedrijf & Zn.",
        "Nog niet gescoord",
    ):
        assert flat(expected) in text, expected
    # A 300-letter word must break somewhere; no letter of it is lost.
    assert ("Lang thema " + "x" * 300).replace(" ", "") in text.replace(" ", "")
    assert LONG_PROPOSAL in text  # all 1,900 characters, wrapped over lines
    assert len(LONG_PROPOSAL) >= 1890
    assert "verwijderd" not in text
    assert "Weggegooid thema" not in text
    assert "12 maart 2027" in text  # a Dutch follow-up date
    assert "na de zomer" in text  # a typed, non-ISO date stays as typed


def test_english_session_gives_an_english_report(hostile_pdfs: dict[str, Path]) -> None:
    texts = pages_text(hostile_pdfs["en"])
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    everything = " ".join(texts)
    for expected in (
        "HARVEST REPORT",
        "Themes and proposals",
        "Action plan",
        "What happens next",
        "Quick wins",
    ):
        assert expected in everything
    assert "12 March 2027" in everything
    assert "5 January 2027" in everything
    assert "Pagina" not in everything
    assert FORMULA_INTERVENTION in everything


def test_empty_session_still_gives_a_readable_report(tmp_path: Path) -> None:
    target = tmp_path / "leeg.pdf"
    write_report(SessionSnapshot(session=SessionInfo("s", "Lege sessie")), target)
    text = report_text(target)
    assert "Lege sessie" in text
    assert "Er is nog geen actieplan gemaakt" in text
    assert "Er zijn nog geen opvolgdata afgesproken" in text
    assert "Pagina 1 van" in text


def test_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "report.pdf"
    with pytest.raises(SessionFileError):
        write_report(hostile_snapshot(), target)
    assert not target.parent.exists()


def test_existing_report_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"an old report")
    write_report(SessionSnapshot(session=SessionInfo("s", "Nieuwe =sessie")), target)
    assert "Nieuwe =sessie" in report_text(target)
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_format_date() -> None:
    assert format_date("2027-03-12", "nl") == "12 maart 2027"
    assert format_date("2027-03-12", "en") == "12 March 2027"
    assert format_date("2026-10-05T10:00:00+02:00", "nl") == "5 oktober 2026"
    assert format_date("na de zomer", "nl") == "na de zomer"
    assert format_date(None, "nl") == ""


# --------------------------------------------------------------------------- quadrants


@pytest.mark.parametrize(
    ("impact", "effort", "quadrant"),
    [
        (5, 1, QUICK_WINS),
        (3, 2, QUICK_WINS),  # the boundary: impact 3 is high, effort 2 is low
        (5, 5, BIG_PROJECTS),
        (3, 3, BIG_PROJECTS),  # effort 3 is high
        (1, 1, FILL_INS),
        (2, 2, FILL_INS),  # impact 2 is low
        (2, 3, RECONSIDER),
        (1, 5, RECONSIDER),
    ],
)
def test_quadrant_of(impact: int, effort: int, quadrant: str) -> None:
    assert quadrant_of(impact, effort) == quadrant


def test_quadrant_names_in_both_languages() -> None:
    assert [quadrant_name(q, "nl") for q in (QUICK_WINS, BIG_PROJECTS, FILL_INS, RECONSIDER)] == [
        "Snelle winst",
        "Grote projecten",
        "Opvullers",
        "Heroverwegen",
    ]
    assert [quadrant_name(q, "en") for q in (QUICK_WINS, BIG_PROJECTS, FILL_INS, RECONSIDER)] == [
        "Quick wins",
        "Big projects",
        "Fill-ins",
        "Reconsider",
    ]


@pytest.mark.parametrize(("impact", "effort"), [(0, 3), (6, 3), (3, 0), (3, 6)])
def test_quadrant_of_refuses_scores_outside_one_to_five(impact: int, effort: int) -> None:
    with pytest.raises(ValueError, match="from 1 to 5"):
        quadrant_of(impact, effort)


# --------------------------------------------------------------------------- charts


def _points(fig: Figure) -> list[tuple[float, float]]:
    collections = [c for ax in fig.axes for c in ax.collections if c.get_gid() == "interventions"]
    assert len(collections) == 1
    return [(float(x), float(y)) for x, y in collections[0].get_offsets()]


def test_matrix_places_every_intervention_at_its_scores() -> None:
    interventions = [
        Intervention("a", "Snel", impact=5, effort=1),
        Intervention("b", "Groot", impact=4, effort=5),
        Intervention("c", "Klein", impact=1, effort=2),
        Intervention("d", "Duur", impact=2, effort=4),
        Intervention("e", "Zelfde als Snel", impact=5, effort=1),
        Intervention("f", "Zonder score"),
    ]
    fig = impact_effort_figure(interventions)
    # x = effort, y = impact; in the order given; the unscored one is left out.
    assert _points(fig) == [(1, 5), (5, 4), (2, 1), (4, 2), (1, 5)]
    texts = [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]
    for name in ("Snelle winst", "Grote projecten", "Opvullers", "Heroverwegen"):
        assert name in texts
    # Equal scores share one numbered spot instead of hiding each other.
    assert "1,5" in texts
    assert any("Zonder score" in t and "zonder score" in t for t in texts)
    matrix = next(ax for ax in fig.axes if ax.collections)
    # Each point lies inside the quadrant quadrant_of gives it: lines at 2.5.
    assert matrix.get_xlim() == (0.5, 5.5) and matrix.get_ylim() == (0.5, 5.5)


def test_figures_draw_onto_a_given_figure_and_keep_its_size() -> None:
    fig = Figure(figsize=(5.0, 3.5))
    result = impact_effort_figure(
        [Intervention("a", "A", impact=3, effort=3)], figure=fig, lang="en"
    )
    assert result is fig
    assert tuple(fig.get_size_inches()) == (5.0, 3.5)
    assert _points(fig) == [(3, 3)]
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "Quick wins" in texts
    # Drawing again replaces, never stacks.
    impact_effort_figure([Intervention("a", "A", impact=3, effort=3)], figure=fig, lang="en")
    assert _points(fig) == [(3, 3)]

    snapshot = hostile_snapshot()
    chart = Figure(figsize=(6.0, 3.0))
    assert results_figure(snapshot, figure=chart) is chart
    assert tuple(chart.get_size_inches()) == (6.0, 3.0)
    ranks = [t.get_text() for t in chart.axes[0].texts if t.get_text() in ("1.", "2.", "3.")]
    assert ranks == ["1.", "1.", "3."]  # 7, 7, 2 dots: a shared first place


def test_voting_on_proposals_ranks_the_proposals(tmp_path: Path) -> None:
    base = hostile_snapshot()
    snapshot = dataclasses.replace(
        base,
        session=dataclasses.replace(base.session, vote_target="proposal"),
        votes=(Vote("v1", "p5", 4), Vote("v2", "p2", 1)),
    )
    fig = results_figure(snapshot)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels.index("Zonder thema 🤷") < labels.index("=1+1 en **geen markdown** {nb} <b>")
    target = tmp_path / "report.pdf"
    write_report(snapshot, target)
    text = report_text(target)
    assert "stippen om op de voorstellen te zetten" in text
    assert FORMULA_THEME in text
