"""The beamer: every view legible at every size, live updates, countdown, reveal, keys."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app import ops
from desktop_app.core import run_state
from desktop_app.core.model import Kind, Proposal, Round
from desktop_app.core.ranking import ranking_of, vote_items
from desktop_app.storage.session_file import SessionFile, new_id
from desktop_app.ui import palette
from desktop_app.ui.beamer.dock import BeamerDock
from desktop_app.ui.beamer.results import ResultsView
from desktop_app.ui.beamer.sizing import TextBlock
from desktop_app.ui.beamer.stage import VIEW_ORDER, BeamerStage, view_for_phase
from desktop_app.ui.beamer.wall import WallView
from desktop_app.ui.beamer.window import BeamerWindow
from desktop_app.ui.console import build_console_window
from desktop_app.ui.controller import SessionController
from desktop_app.ui.main_window import ConsoleWindow
from desktop_app.ui.settings import Settings

SIZES = [(1920, 1080, 1.0), (1280, 720, 1.0), (1024, 768, 1.0), (3840, 2160, 2.0)]

LONG = (
    "Een langere tekst die de tafel letterlijk zo heeft ingetypt, met veel woorden achter "
    "elkaar zodat hij over meerdere regels moet lopen op de wand. "
) * 3


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def start_timer(
    sf: SessionFile, round_id: str, *, duration: float, started_at: float, elapsed: float = 0.0
) -> None:
    sf.set_state(run_state.CURRENT_ROUND, round_id)
    sf.set_state(
        run_state.TIMER,
        {"round_id": round_id, "duration": duration, "elapsed": elapsed, "started_at": started_at},
    )


def add_proposals(
    sf: SessionFile, count: int, *, round_index: int = 0, texts: list[str] | None = None
) -> list[str]:
    """``count`` proposals spread over the tables, in one transaction."""
    snapshot = sf.snapshot()
    tables = snapshot.live_tables()
    round_id = snapshot.live_rounds()[round_index].id
    ids = []
    with sf.transaction():
        for i in range(count):
            text = (
                texts[i % len(texts)]
                if texts
                else f"Voorstel {i + 1}: "
                + " ".join(
                    ["pauze", "fiets", "rooster", "kantine", "werkdruk", "gezond"][: 1 + i % 6]
                )
            )
            pid = new_id()
            sf.add(Kind.PROPOSAL, Proposal(pid, round_id, tables[i % len(tables)].id, text))
            ids.append(pid)
    return ids


def render(stage: BeamerStage, width: int, height: int, dpr: float) -> QImage:
    """The stage at ``width`` x ``height`` device pixels and ``dpr``."""
    logical_w, logical_h = int(width / dpr), int(height / dpr)
    if stage.size().width() != logical_w or stage.size().height() != logical_h:
        stage.resize(logical_w, logical_h)
    QApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    stage.render(painter, QPoint(0, 0))
    painter.end()
    return image


def legibility_problems(stage: BeamerStage) -> list[str]:
    """Every text of the shown view that is too small, clipped or off screen."""
    view = stage.current_view()
    height = stage.height()
    screen = QRectF(0, 0, stage.width(), stage.height())
    floor = math.ceil(height / 60)
    key_floor = math.ceil(height / 25)
    problems: list[str] = []
    for block in view.text_blocks():
        px = block.font.pixelSize()
        label = f"{view.name}/{block.name} {block.text[:30]!r}"
        if px < floor:
            problems.append(f"{label}: {px}px < 1/60 of {height}")
        if block.key and px < key_floor:
            problems.append(f"{label}: key text {px}px < 1/25 of {height}")
        metrics = QFontMetricsF(block.font)
        need = metrics.boundingRect(QRectF(0, 0, block.rect.width(), 1e6), block.flags, block.text)
        if not block.wrap:
            need = QRectF(0, 0, metrics.horizontalAdvance(block.text), metrics.height())
        if need.width() > block.rect.width() + 0.5 or need.height() > block.rect.height() + 0.5:
            problems.append(
                f"{label}: needs {need.width():.0f}x{need.height():.0f}, got "
                f"{block.rect.width():.0f}x{block.rect.height():.0f}"
            )
        if not screen.adjusted(-0.5, -0.5, 0.5, 0.5).contains(block.rect):
            problems.append(f"{label}: outside the screen at {block.rect}")
    return problems


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def stage(qtbot: QtBot, controller: SessionController, clock: Clock) -> Iterator[BeamerStage]:
    widget = BeamerStage(clock=clock)
    qtbot.addWidget(widget)
    widget.pager.stop()  # pages turn when the test says so
    widget.set_controller(controller)
    widget.resize(1920, 1080)
    widget.show()
    yield widget
    widget.set_controller(None)  # before the session file closes
    widget.hide()


def pin(controller: SessionController, view: str | None) -> None:
    controller.run_unrecorded(
        lambda: controller.session_file.set_state(run_state.BEAMER_PINNED_VIEW, view)
    )


def state(controller: SessionController, key: str, value: object) -> None:
    controller.run_unrecorded(lambda: controller.session_file.set_state(key, value))


def texts_of(stage: BeamerStage) -> str:
    return "\n".join(block.text for block in stage.current_view().text_blocks())


def accent_pixels(image: QImage) -> int:
    """Pixels of the results bars' colour (ACCENT) in ``image``."""
    target = QColor(palette.ACCENT)
    small = image.scaled(image.width() // 2 or 1, image.height() // 2 or 1)
    count = 0
    for y in range(small.height()):
        for x in range(small.width()):
            c = small.pixelColor(x, y)
            if (
                abs(c.red() - target.red()) <= 6
                and abs(c.green() - target.green()) <= 6
                and abs(c.blue() - target.blue()) <= 6
            ):
                count += 1
    return count


# --------------------------------------------------------------------------- legibility


def busy(controller: SessionController, clock: Clock) -> None:
    """The demo, a round running in its last minute, results revealed, odd texts too."""
    sf = controller.session_file
    rounds = sf.snapshot().live_rounds()
    start_timer(sf, rounds[1].id, duration=20 * 60, started_at=clock.now - 20 * 60 + 42)
    add_proposals(
        sf,
        4,
        round_index=1,
        texts=[
            LONG,
            "=SOM(A1:A3) blijft tekst 🙂",
            "استراحة أطول للفريق الليلي",
            "Ééntrefwoordzonderspatiesdatveelteslangisvooréénkolomopdewandvandekantine" * 3,
        ],
    )
    state(controller, run_state.RESULTS_REVEALED, True)


@pytest.mark.parametrize(
    ("width", "height", "dpr"), SIZES, ids=[f"{w}x{h}@{d:g}" for w, h, d in SIZES]
)
def test_every_view_fits_its_text_at_every_size(
    stage: BeamerStage,
    controller: SessionController,
    clock: Clock,
    artifacts: Path,
    width: int,
    height: int,
    dpr: float,
) -> None:
    busy(controller, clock)
    themes = ["light", "dark"] if (width, height) == (1920, 1080) else ["light"]
    problems: list[str] = []
    for theme in themes:
        stage.set_theme(theme)
        for view in VIEW_ORDER:
            pin(controller, view)
            assert stage.current == view
            image = render(stage, width, height, dpr)
            suffix = "" if dpr == 1 else f"@{dpr:g}x"
            image.save(str(artifacts / f"{view}_{width}x{height}{suffix}_{theme}.png"))
            problems += legibility_problems(stage)
    assert problems == []


def test_a_wall_of_hundreds_pages_and_stays_legible(
    stage: BeamerStage, controller: SessionController, artifacts: Path
) -> None:
    add_proposals(controller.session_file, 600, round_index=0)
    state(controller, run_state.CURRENT_ROUND, controller.snapshot().live_rounds()[0].id)
    pin(controller, "wall")
    wall = stage.current_view()
    assert isinstance(wall, WallView)
    for width, height, dpr in SIZES:
        render(stage, width, height, dpr)
        assert wall.page_count > 1
        assert legibility_problems(stage) == []
        shown = {b.text for b in wall.text_blocks() if b.name == "proposal"}
        assert "pagina 1 van" in texts_of(stage)
        assert shown
        wall.next_page()
        assert {b.text for b in wall.text_blocks() if b.name == "proposal"} - shown
        wall.page = 0
        wall.invalidate()
    render(stage, 1920, 1080, 1.0).save(str(artifacts / "wall_600_1920x1080_light.png"))


def test_few_proposals_get_large_text(stage: BeamerStage, controller: SessionController) -> None:
    sf = controller.session_file
    round_id = new_id()
    controller.run(ops.add_entity, Kind.ROUND, Round(round_id, 4, "Wat nog?"))
    sf.set_state(run_state.CURRENT_ROUND, round_id)
    add_proposals(sf, 3, round_index=3)
    pin(controller, "wall")
    wall = stage.current_view()
    assert isinstance(wall, WallView)
    wall.text_blocks()
    few_px = wall.px
    add_proposals(sf, 30, round_index=3)
    wall.refresh()
    wall.text_blocks()
    assert few_px >= 1080 / 25 > wall.px >= 1080 / 45
    assert wall.page_count == 1


# --------------------------------------------------------------------------- countdown


def test_countdown_runs_on_the_injected_clock(
    stage: BeamerStage, controller: SessionController, clock: Clock
) -> None:
    sf = controller.session_file
    round_ = sf.snapshot().live_rounds()[1]
    start_timer(sf, round_.id, duration=120, started_at=clock.now)
    state(controller, run_state.PHASE, 1)
    assert stage.current == "round"
    view = stage.current_view()

    def block(name: str) -> TextBlock:
        return next(b for b in view.text_blocks() if b.name == name)

    assert "Ronde 2 van 3" in texts_of(stage)
    assert block("question").text == round_.question
    assert block("countdown").text == "2:00"
    clock.now += 30
    view.tick()
    assert block("countdown").text == "1:30"
    assert block("countdown-status").text == "nog te gaan"
    normal = block("countdown").color
    clock.now += 35
    view.tick()
    assert block("countdown").text == "0:55"
    assert block("countdown-status").text == "Laatste minuut"
    assert block("countdown").color != normal
    clock.now += 60
    view.tick()
    assert block("countdown").text == "0:00"
    assert block("countdown-status").text == "Tijd is om"
    # The question is very large, the countdown larger still.
    assert block("question").font.pixelSize() >= 1080 / 25
    assert block("countdown").font.pixelSize() >= 1080 / 6
    # A paused timer keeps its time.
    sf.set_state(
        run_state.TIMER, {"round_id": round_.id, "duration": 120, "elapsed": 50, "started_at": None}
    )
    clock.now += 1000
    view.tick()
    assert block("countdown").text == "1:10"
    assert block("countdown-status").text == "gepauzeerd"


# --------------------------------------------------------------------------- reveal


@pytest.fixture
def beamer_parts(
    qtbot: QtBot, controller: SessionController, clock: Clock, tmp_path: Path
) -> Iterator[tuple[BeamerWindow, BeamerDock]]:
    """A beamer window and its dock on the demo session; the session closes after."""
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = BeamerWindow(settings, clock=clock)
    qtbot.addWidget(window)
    dock = BeamerDock(window, settings)
    qtbot.addWidget(dock)
    dock.set_controller(controller)
    window.stage.pager.stop()
    yield window, dock
    dock.set_controller(None)  # as the console does when the session closes
    window.hide()
    dock.hide()


def test_results_stay_hidden_until_the_reveal_in_window_and_thumbnail(
    qtbot: QtBot, controller: SessionController, beamer_parts: tuple[BeamerWindow, BeamerDock]
) -> None:
    window, dock = beamer_parts
    window.resize(1280, 720)
    window.show()
    dock.show()
    stage = window.stage
    names = [t.name for t in controller.snapshot().live_themes()]
    state(controller, run_state.PHASE, 3)
    assert stage.current == "voting"
    assert not any(name in texts_of(stage) for name in names)
    assert "stembiljetten binnen" in texts_of(stage)
    pin(controller, "results")  # even pinned, nothing before the reveal
    assert stage.current == "results"
    assert "De uitslag volgt" in texts_of(stage)
    assert not any(name in texts_of(stage) for name in names)
    dock.thumbnail.render_now()
    assert accent_pixels(window.stage.grab().toImage()) == 0
    assert accent_pixels(dock.thumbnail.image) == 0

    qtbot.mouseClick(dock.reveal_button, Qt.MouseButton.LeftButton)
    assert controller.session_file.state(run_state.RESULTS_REVEALED) is True
    results = stage.current_view()
    assert isinstance(results, ResultsView)
    dock.thumbnail.render_now()
    assert accent_pixels(window.stage.grab().toImage()) > 100
    assert accent_pixels(dock.thumbnail.image) > 10
    snapshot = controller.snapshot()
    top = dict(vote_items(snapshot))[ranking_of(snapshot)[0].item_id]
    assert "1." in texts_of(stage) and top in texts_of(stage)
    # Unpinned in phase 3 the revealed results are what the beamer follows.
    pin(controller, None)
    assert stage.current == "results"
    window.hide()


# --------------------------------------------------------------------------- live


def test_a_new_proposal_is_on_the_wall_at_once_and_newest_is_highlighted(
    stage: BeamerStage, controller: SessionController
) -> None:
    sf = controller.session_file
    snapshot = sf.snapshot()
    round_ = snapshot.live_rounds()[0]
    state(controller, run_state.CURRENT_ROUND, round_.id)
    state(controller, run_state.PHASE, 1)
    assert stage.current == "wall"
    wall = stage.current_view()
    assert isinstance(wall, WallView)
    wall.text_blocks()
    reloads = []
    original = wall.reload
    wall.reload = lambda snap: (reloads.append(1), original(snap))  # type: ignore[method-assign]
    proposal = controller.run(
        ops.add_proposal, round_.id, snapshot.live_tables()[2].id, "Fruit op de bouw 🍎"
    )
    assert proposal is not None
    assert reloads == []  # appended, not reloaded
    assert wall.newest_id == proposal.id
    assert "Fruit op de bouw 🍎" in texts_of(stage)
    # an edit and an undo reach the beamer too
    controller.run(ops.edit_proposal, proposal.id, "Fruit en water")
    assert "Fruit en water" in texts_of(stage)
    controller.undo()
    assert "Fruit op de bouw 🍎" in texts_of(stage)
    controller.undo()
    assert "Fruit op de bouw" not in texts_of(stage)


def test_moderation_hides_a_proposal_from_the_beamer_only(
    controller: SessionController, beamer_parts: tuple[BeamerWindow, BeamerDock]
) -> None:
    window, dock = beamer_parts
    window.resize(1280, 720)
    sf = controller.session_file
    round_ = sf.snapshot().live_rounds()[0]
    state(controller, run_state.CURRENT_ROUND, round_.id)
    pin(controller, "wall")
    dock.refresh()
    victim = sf.proposals(round_id=round_.id)[-1]
    assert victim.text in texts_of(window.stage) or window.stage.current_view().page_count > 1
    item = dock.moderation.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == victim.id
    item.setCheckState(Qt.CheckState.Checked)
    assert victim.id in sf.hidden_on_beamer()
    assert victim.text not in texts_of(window.stage)
    assert victim.id in {p.id for p in sf.proposals()}  # kept, not deleted
    item.setCheckState(Qt.CheckState.Unchecked)
    assert victim.id not in sf.hidden_on_beamer()


# --------------------------------------------------------------------------- following


def test_the_beamer_follows_the_phase_unless_pinned(
    stage: BeamerStage, controller: SessionController, clock: Clock
) -> None:
    sf = controller.session_file
    expected = {0: "welcome", 2: "themes", 3: "voting", 4: "action_plan", 5: "action_plan"}
    for phase, view in expected.items():
        state(controller, run_state.PHASE, phase)
        assert stage.current == view
    round_ = sf.snapshot().live_rounds()[0]
    start_timer(sf, round_.id, duration=600, started_at=clock.now)
    state(controller, run_state.PHASE, 1)
    assert stage.current == "round"  # the timer runs: question and countdown
    sf.set_state(
        run_state.TIMER,
        {"round_id": round_.id, "duration": 600, "elapsed": 600, "started_at": None},
    )
    assert stage.current == "wall"  # time is up and proposals come in
    pin(controller, "context")
    state(controller, run_state.PHASE, 4)
    assert stage.current == "context"
    assert "Waar staan we?" in texts_of(stage)
    pin(controller, None)
    assert stage.current == "action_plan"
    assert (
        view_for_phase(
            3, revealed=True, has_themes=True, round_running=False, round_has_proposals=False
        )
        == "results"
    )


# --------------------------------------------------------------------------- keys


@pytest.fixture
def console(qtbot: QtBot, demo_session: SessionFile) -> Iterator[ConsoleWindow]:
    window = build_console_window(Settings(), "nl")
    qtbot.addWidget(window)
    window.set_session(demo_session)
    window.show()
    yield window
    window.beamer.window.hide()  # type: ignore[attr-defined]
    window.close_session()


def test_keys_f5_b_ctrl_b_and_esc(qtbot: QtBot, console: ConsoleWindow) -> None:
    beamer = console.beamer  # type: ignore[attr-defined]
    controller = console.controller
    assert controller is not None
    sf = controller.session_file
    assert not beamer.window.isVisible()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    qtbot.keyClick(console, Qt.Key.Key_F5)
    # "Klaar voor de zaal?": the demo has proposals in no theme; Enter goes on anyway.
    check = console.readiness_gate().dialog
    assert check is not None and check.isVisible()
    assert not beamer.window.isVisible()
    qtbot.keyClick(check, Qt.Key.Key_Return)
    assert beamer.window.isVisible()  # one screen: an ordinary window to drag
    assert not beamer.window.isFullScreen()

    # Letters typed into a console text field stay there.
    field = QLineEdit(console)
    field.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    field.setFocus()
    qtbot.keyClicks(field, "Bb")
    assert field.text() == "Bb"
    assert not sf.state(run_state.BEAMER_BLACKOUT, False)
    qtbot.keyClick(field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert sf.state(run_state.BEAMER_BLACKOUT) is True
    qtbot.waitUntil(beamer.dock.black_button.isChecked)
    qtbot.keyClick(field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert sf.state(run_state.BEAMER_BLACKOUT) is False

    # B on the beamer itself.
    beamer.window.activateWindow()
    qtbot.waitUntil(beamer.window.isActiveWindow)
    qtbot.keyClick(beamer.window, Qt.Key.Key_B)
    assert sf.state(run_state.BEAMER_BLACKOUT) is True
    assert beamer.window.stage.blackout.isVisible()
    beamer.dock.thumbnail.render_now()
    thumb = beamer.dock.thumbnail.image
    assert thumb.pixelColor(thumb.width() // 2, thumb.height() // 2) == QColor("black")
    qtbot.keyClick(beamer.window, Qt.Key.Key_B)
    assert sf.state(run_state.BEAMER_BLACKOUT) is False

    # Full screen, and Esc leaves it.
    qtbot.mouseClick(beamer.dock.full_button, Qt.MouseButton.LeftButton)
    assert beamer.window.isFullScreen()
    beamer.window.activateWindow()
    qtbot.waitUntil(beamer.window.isActiveWindow)
    qtbot.keyClick(beamer.window, Qt.Key.Key_Escape)
    assert not beamer.window.isFullScreen()
    assert beamer.window.isVisible()
    # Next view on the beamer (a presenter's clicker sends PgDown) pins it.
    before = beamer.window.stage.current
    qtbot.keyClick(beamer.window, Qt.Key.Key_PageDown)
    assert (
        beamer.window.stage.current == VIEW_ORDER[(VIEW_ORDER.index(before) + 1) % len(VIEW_ORDER)]
    )
    assert beamer.window.stage.pinned() == beamer.window.stage.current
    qtbot.keyClick(beamer.window, Qt.Key.Key_F5)
    assert not beamer.window.isVisible()


def test_dark_theme_is_dark_and_remembered(qtbot: QtBot, console: ConsoleWindow) -> None:
    beamer = console.beamer  # type: ignore[attr-defined]
    box = beamer.dock.theme_box
    box.setCurrentIndex(box.findData("dark"))
    assert console.settings.get("beamer/theme") == "dark"
    image = render(beamer.window.stage, 1280, 720, 1.0)
    assert image.pixelColor(2, 2).lightness() < 40
    box.setCurrentIndex(box.findData("light"))
    image = render(beamer.window.stage, 1280, 720, 1.0)
    assert image.pixelColor(2, 2).lightness() > 240


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)], ids=["1920x1080", "1024x768"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_results_are_drawn_at_beamer_scale_in_the_themes_colours(
    stage: BeamerStage,
    controller: SessionController,
    size: tuple[int, int],
    theme: str,
    artifacts: Path,
) -> None:
    """Every item's name, rank and total is key text (>= 1/25 of the height), the top
    items on the first page; the dark theme is dark behind the bars, not a white block."""
    width, height = size
    state(controller, run_state.RESULTS_REVEALED, True)
    pin(controller, "results")
    stage.set_theme(theme)
    image = render(stage, width, height, 1.0)
    image.save(str(artifacts / f"results_{width}x{height}_{theme}.png"))
    view = stage.current_view()
    assert isinstance(view, ResultsView)
    assert legibility_problems(stage) == []
    blocks = view.text_blocks()
    items = [b for b in blocks if b.name == "item"]
    snapshot = controller.snapshot()
    ranking = ranking_of(snapshot)
    labels = dict(vote_items(snapshot))
    assert items and items[0].text == " ".join(labels[ranking[0].item_id].split())
    for block in blocks:
        if block.name in ("item", "rank", "total"):
            assert block.key and block.font.pixelSize() >= math.ceil(height / 25)
    assert next(b.text for b in blocks if b.name == "rank") == "1."
    background = stage.theme.background
    # Beside the shortest bar, right of its total: the slide's own background.
    below = items[-1].rect
    probe = image.pixelColor(int(below.right()) - 4, int(below.bottom()) + 2)
    assert abs(probe.lightness() - background.lightness()) < 30
    if theme == "dark":
        assert image.pixelColor(width // 2, height // 2).lightness() < 128
