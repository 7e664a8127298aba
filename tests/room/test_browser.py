"""The phone pages in a real browser: Debian's chromium, headless, driven by Selenium.

Only 127.0.0.1. Join by the QR code's URL, type as a scribe, lose the
connection (the room stops) and come back, refresh mid-vote, vote once.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Kind, Proposal
from desktop_app.storage import room_store
from desktop_app.storage.session_file import SessionFile
from tests.room.conftest import Room, start_room, stop_room

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs Debian's chromium and chromium-driver (installed by .ci/run)",
)

WAIT = 15  # seconds at most for anything the page should do


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=412,915",  # a phone
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--lang=nl",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_until(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(condition)


def by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def add_dot(driver: Any, index: int) -> None:
    """Tap + on the index-th item until its count shows it (the list may be redrawn
    by a live update between finding the button and tapping it)."""
    from selenium.common.exceptions import StaleElementReferenceException

    def tapped(d: Any) -> bool:
        try:
            count = d.find_elements("css selector", "#items output")[index]
            if count.text == "1":
                return True
            d.find_elements("css selector", "#items button[data-delta='1']")[index].click()
        except StaleElementReferenceException:
            return False
        return False

    wait_until(driver, tapped)


def texts_of(room: Room, text: str) -> list[Proposal]:
    return room.run(lambda s: [p for p in s.proposals() if p.text == text])


def test_a_scribe_joins_types_loses_the_connection_and_nothing_is_lost_or_doubled(
    demo_path: Path, browser: Any, tmp_path: Path
) -> None:
    room = start_room(demo_path)
    port = room.server.port
    try:
        browser.get(room.server.join_url)
        wait_until(browser, lambda d: by_id(d, "status").text == "Verbonden")
        assert browser.current_url.endswith("/room")
        by_id(browser, "roles").find_element("css selector", "input[value=scribe]").click()
        by_id(browser, "table-code").send_keys("2\n")
        wait_until(browser, lambda d: d.find_element("id", "table-current").is_displayed())
        assert "Tafel 2" in by_id(browser, "table-current").text
        by_id(browser, "proposal-text").send_keys("Stoelyoga in de pauze")
        by_id(browser, "proposal-form").submit()
        wait_until(browser, lambda d: "ontvangen" in by_id(d, "entries").text)
        stored = texts_of(room, "Stoelyoga in de pauze")
        assert len(stored) == 1
        table_2 = room.run(lambda s: s.tables()[1].id)
        assert stored[0].table_id == table_2

        # The page survives a refresh: the entry is still there, editable.
        browser.refresh()
        wait_until(browser, lambda d: "Stoelyoga in de pauze" in by_id(d, "entries").text)

        # The room goes away (Wi-Fi lost, laptop restarting): typing goes on.
        room.server.stop()
        wait_until(browser, lambda d: "Geen verbinding" in by_id(d, "status").text)
        by_id(browser, "proposal-text").send_keys("Fruit op de werkvloer")
        by_id(browser, "proposal-form").submit()
        wait_until(browser, lambda d: "wacht op verbinding" in by_id(d, "entries").text)
        assert texts_of(room, "Fruit op de werkvloer") == []
        # The phone leaves the page while offline (the queue is in localStorage) ...
        browser.get("about:blank")
        room.server.port = port
        room.server.start()
        # ... and opens it again when the room is back: the queue is sent, once.
        browser.get(room.url + "/room")
        wait_until(browser, lambda d: "Fruit op de werkvloer" in by_id(d, "entries").text)
        wait_until(browser, lambda d: len(texts_of(room, "Fruit op de werkvloer")) == 1)
        wait_until(browser, lambda d: "wacht op verbinding" not in by_id(d, "entries").text)
        assert len(texts_of(room, "Fruit op de werkvloer")) == 1
    finally:
        stop_room(room)


def test_a_participant_votes_once_even_with_a_refresh_mid_vote(
    demo_path: Path, browser: Any
) -> None:
    from selenium.webdriver.support.ui import Select

    room = start_room(demo_path)
    try:
        browser.get(room.server.join_url)
        wait_until(browser, lambda d: by_id(d, "status").text == "Verbonden")
        by_id(browser, "roles").find_element("css selector", "input[value=participant]").click()
        wait_until(browser, lambda d: by_id(d, "vote-closed").is_displayed())

        room.open_vote()  # the page opens the ballot by itself
        wait_until(browser, lambda d: by_id(d, "ballot").is_displayed())
        Select(by_id(browser, "group")).select_by_index(1)
        for index in (0, 1):
            add_dot(browser, index)
        labels = [e.text for e in browser.find_elements("css selector", "#items .item-label")]

        browser.refresh()  # mid-vote: the dots and the group are still there
        wait_until(browser, lambda d: by_id(d, "ballot").is_displayed())
        counts = [e.text for e in browser.find_elements("css selector", "#items output")]
        assert counts[:2] == ["1", "1"]
        assert [e.text for e in browser.find_elements("css selector", "#items .item-label")] == (
            labels
        )
        by_id(browser, "cast").click()
        wait_until(browser, lambda d: by_id(d, "voted").text.startswith("Dank je"))

        def phone(session: SessionFile) -> tuple[int, int]:
            found = {c.channel: c for c in room_store.channel_counts(session)}["phone"]
            return found.ballots, found.dots

        assert room.run(phone) == (1, 2)
        browser.refresh()  # the ballot is gone: no second vote from this phone
        wait_until(browser, lambda d: by_id(d, "voted").is_displayed())
        assert not by_id(browser, "ballot").is_displayed()
        assert room.run(phone) == (1, 2)
        assert room.run(lambda s: len(s.live_ids(Kind.VOTE))) >= 2
    finally:
        stop_room(room)


def test_a_ballot_card_is_entered_once_from_its_qr_link(demo_path: Path, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    from desktop_app.export.ballot_cards import card_payload
    from desktop_app.ops import room as room_ops

    room = start_room(demo_path)
    try:
        card = room.run(lambda s: room_ops.issue_ballot_cards(s, 1))[0]
        room.open_vote()
        browser.get(room.server.join_url)  # the helper's phone joined the room
        wait_until(browser, lambda d: by_id(d, "status").text == "Verbonden")
        browser.get(card_payload(card, room.url))  # scanning the card's QR code
        wait_until(browser, lambda d: by_id(d, "ballot").is_displayed())
        Select(by_id(browser, "group")).select_by_index(1)
        add_dot(browser, 0)
        by_id(browser, "cast").click()
        wait_until(browser, lambda d: "Stemkaart geteld" in by_id(d, "voted").text)

        def cards(session: SessionFile) -> int:
            return {c.channel: c.ballots for c in room_store.channel_counts(session)}["card"]

        assert room.run(cards) == 1
        # The same card typed in again: refused, still one.
        by_id(browser, "card-code").send_keys(card.lower().replace("-", " ") + "\n")
        wait_until(browser, lambda d: by_id(d, "ballot").is_displayed())
        Select(by_id(browser, "group")).select_by_index(1)
        add_dot(browser, 0)
        by_id(browser, "cast").click()
        wait_until(browser, lambda d: "al gestemd" in by_id(d, "vote-error").text)
        assert room.run(cards) == 1
    finally:
        stop_room(room)
