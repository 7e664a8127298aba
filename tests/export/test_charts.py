"""Charts draw what the room typed as text: a "$" is a dollar sign, never mathtext.

Mathtext would turn "$5 of $10" into italic maths, fail on "$\\kosten$" (an unknown
command) and need fonts the built app does not ship (build_installer.spec).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf import PdfReader

from desktop_app.core.model import Intervention, SessionInfo, SessionSnapshot, Theme, Vote
from desktop_app.export.charts import impact_effort_figure, results_figure
from desktop_app.export.report import write_report

DOLLAR_THEMES = ("Kosten $ & 50%", "$5 of $10 per maand", "Tarief $\\kosten$ per uur")


def dollar_snapshot() -> SessionSnapshot:
    themes = tuple(Theme(f"c{i}", name) for i, name in enumerate(DOLLAR_THEMES))
    votes = tuple(Vote(f"v{i}", f"c{i}", 3 - i) for i in range(len(DOLLAR_THEMES)))
    interventions = tuple(
        Intervention(f"i{i}", name, cluster_id=f"c{i}", impact=4, effort=1 + i)
        for i, name in enumerate(DOLLAR_THEMES)
    )
    info = SessionInfo("s1", "Geld $ sessie", date="2027-01-05", dots_per_participant=3)
    return SessionSnapshot(session=info, themes=themes, votes=votes, interventions=interventions)


def drawn_texts(fig: Figure) -> list[Text]:
    FigureCanvasAgg(fig).draw()  # lays out every text: mathtext would be parsed here
    return [*fig.texts, *(t for ax in fig.axes for t in ax.texts)]


def test_results_chart_draws_dollar_signs_as_typed() -> None:
    texts = drawn_texts(results_figure(dollar_snapshot()))
    typed = [t for t in texts if t.get_text() in DOLLAR_THEMES]
    assert sorted(t.get_text() for t in typed) == sorted(DOLLAR_THEMES)
    assert not any(t.get_parse_math() for t in typed)


def test_matrix_key_draws_dollar_signs_as_typed() -> None:
    snapshot = dollar_snapshot()
    texts = drawn_texts(impact_effort_figure(snapshot.interventions, lang="en"))
    key = "\n".join(t.get_text() for t in texts)
    for name in DOLLAR_THEMES:
        assert name in key
    assert not any(t.get_parse_math() for t in texts if "$" in t.get_text())


def test_report_with_dollar_signs_is_written(tmp_path: Path) -> None:
    target = tmp_path / "oogstverslag.pdf"
    write_report(dollar_snapshot(), target)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    for name in DOLLAR_THEMES:
        assert name in text
